#pragma once

#include "engine/observer.h"

#include <QObject>

#include <optional>

class PresenterView;
class QAction;
class QMainWindow;
class QStackedWidget;
class SampleGridView;
class TrainingActions;

// View → Presenter mode (F11; Esc or F11 leaves) for a class in front of a projector: the main
// window goes full screen and shows only PresenterView — the grid as large as the screen allows,
// a line of big numbers (epoch, losses, D(x), D(G(z)), FD), big Start/Pause and Step buttons —
// with the settings panel behind a Settings toggle. Leaving brings back every bar and panel as
// it was.
class PresenterMode : public QObject
{
    Q_OBJECT

public:
    // `stack` is the window's central widget; its current page is the normal view. The grid
    // shown follows `grid` (epochs, steps, the scrubber, a preview).
    PresenterMode(QMainWindow *window, QStackedWidget *stack, SampleGridView *grid, TrainingActions *actions);

    QAction *action() const { return m_action; }
    PresenterView *view() const { return m_view; }
    bool isActive() const;
    void setActive(bool active);

    void showStats(const ganvas::StepStats &stats, int epochs);
    void showScore(double fd, int epoch); // the FD of that epoch's samples
    // A new run or another run opened: the numbers start again.
    void clearFigures();

private:
    void refreshFigures();
    void refreshButtons();
    void refreshGrid();
    void enter();
    void leave();

    QMainWindow *m_window;
    QStackedWidget *m_stack;
    SampleGridView *m_grid;
    TrainingActions *m_actions;
    PresenterView *m_view;
    QAction *m_action;
    QAction *m_escape;
    QWidget *m_normalPage = nullptr;
    std::optional<ganvas::StepStats> m_stats;
    int m_epochs = 0;
    double m_fd = -1;
    int m_fdEpoch = 0;
    // What was on show before, to bring back.
    QList<QWidget *> m_hidden;
    bool m_wasMaximized = false;
};
