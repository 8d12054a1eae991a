#pragma once

#include <QObject>
#include <QString>

class LossPlot;
class MessageBar;
class SampleGridView;
class QWidget;

// File → Export in the main window: the run's epoch frames as an animated GIF (a dialog),
// the loss plot as PNG or PDF, the grid on show as PNG. Problems go to the window's message bar.
class RunExports : public QObject
{
    Q_OBJECT

public:
    RunExports(QWidget *window, LossPlot *plot, SampleGridView *grid, MessageBar *messages);

    void setRunDirectory(const QString &runDir) { m_runDir = runDir; }
    void exportGif();
    void exportPlot();
    void exportGrid();

private:
    QWidget *m_window;
    LossPlot *m_plot;
    SampleGridView *m_grid;
    MessageBar *m_messages;
    QString m_runDir;
};
