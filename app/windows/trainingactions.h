#pragma once

#include <QObject>

class QAction;
class QMainWindow;

// The main window's Training menu and toolbar: Start, Pause, Step, Stop, Save checkpoint and
// Preview data, with their shortcuts, enabled as the run's state allows. Each action is a
// signal; the window decides what it does.
class TrainingActions : public QObject
{
    Q_OBJECT

public:
    // Adds the menu and the toolbar to `window`.
    explicit TrainingActions(QMainWindow *window);

    QAction *start() const { return m_start; }
    QAction *pause() const { return m_pause; }
    QAction *step() const { return m_step; }
    QAction *stop() const { return m_stop; }
    QAction *save() const { return m_save; }
    QAction *preview() const { return m_preview; }
    QAction *stepThrough() const { return m_stepThrough; }
    // While a run trains, Start and Preview are off and the run's controls on.
    void setRunning(bool running);
    // Pause shows whether the run is paused (without asking for a pause).
    void showPaused(bool paused);

Q_SIGNALS:
    void startRequested();
    void pauseRequested(bool pause);
    void stepRequested();
    void stopRequested();
    void saveRequested();
    void previewRequested();
    void stepThroughRequested();

private:
    QAction *m_start, *m_pause, *m_step, *m_stop, *m_save, *m_preview, *m_stepThrough;
};
