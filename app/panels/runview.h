#pragma once

#include "data/datasetpreview.h"
#include "engine/observer.h"

#include <QWidget>

class FrameScrubber;
class LossPlot;
class QImage;
class QLabel;
class SampleGridView;
struct StoredRun;

// One run as the main window shows it: the loss curves and the quality score on the left, the
// latest 4x4 grid on the right with a scrubber over every epoch's grid so far.
class RunView : public QWidget
{
    Q_OBJECT

public:
    explicit RunView(QWidget *parent = nullptr);

    LossPlot *plot() const { return m_plot; }
    SampleGridView *grid() const { return m_grid; }
    FrameScrubber *scrubber() const { return m_scrubber; }

    // Empties the curves, the grid and the scrubber.
    void clear();
    // The curves and frames of a run read from disk.
    void showStored(const StoredRun &run);
    void addStats(const ganvas::StepStats &s);
    // A quality score after an epoch: on the plot's own axis and in the line under it.
    void addScore(const ganvas::QualityScore &score);
    // How the score's preparation goes (a classifier trained the first time), or why none.
    void showScoreStatus(const ganvas::ScoreStatus &status);
    // The run ended (stopped, finished, failed): a line about a score still to come goes.
    void runEnded();
    // A rollback after a divergence: a marker on the plot.
    void markRollback(qint64 step, int toEpoch);
    // The line under the plot: the latest score and a link to what the scores mean.
    QLabel *scoreLine() const { return m_scoreLine; }
    // A new epoch's grid: shown unless the user is looking at (or playing) other epochs.
    void addEpoch(int epoch, qint64 step, const QImage &grid);
    // The grid after a single step while paused.
    void showStepGrid(int epoch, qint64 step, const QImage &grid);
    // Real images of the dataset in the grid, with their count, size and colour as the caption.
    void showPreview(const ganvas::DatasetPreview &preview);

private:
    LossPlot *m_plot;
    SampleGridView *m_grid;
    FrameScrubber *m_scrubber;
    QLabel *m_scoreLine;
    bool m_scorePending = false; // the line says a score is being prepared or comes after this epoch
};
