#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>
#include <QVector>
#include <QWidget>

class ComparisonEpochBar;
class ComparisonGridView;
class ComparisonPlot;
class ComparisonTable;
class QCheckBox;
class QCustomPlot;
class QHBoxLayout;
class QLabel;
class QTableView;

// Two to four runs side by side: each run's 4x4 grid at one shared epoch (a slider and Play
// drive all of them), the loss curves overlaid in one plot, and a table of the settings that
// differ and the latest figures. The app owns the runs and feeds plain Qt data in; export
// composes the grids into one image per epoch (GIF frames) or the whole view (PNG).
class ComparisonView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4;
    using Entries = QVector<QPair<QString, QString>>;

    explicit ComparisonView(QWidget *parent = nullptr);

    // Index of the new run, or -1 (and nothing changes) when kMaxRuns are shown already.
    int addRun(const QString &title);
    // Later runs move down one index.
    void removeRun(int run);
    int runCount() const { return m_runs.size(); }
    QColor runColor(int run) const { return isValid(run) ? m_runs[run].colour : QColor(); }
    QString runTitle(int run) const { return isValid(run) ? m_runs[run].title : QString(); }
    void setRunTitle(int run, const QString &title);
    // A short line under the run's grid: "training", "paused", "done", "failed: …".
    void setRunStatus(int run, const QString &status);
    QString runStatus(int run) const { return isValid(run) ? m_runs[run].status : QString(); }

    // The 4x4 grid after epoch (>= 1): Format_Grayscale8, RGB888 or RGB32. Every epoch is kept.
    void setFrame(int run, int epoch, const QImage &grid);
    // A grid of real training images, shown beside the generated one as the reference.
    void setRealSamples(int run, const QImage &grid);
    QImage realSamples(int run) const { return isValid(run) ? m_runs[run].real : QImage(); }
    bool showsRealSamples() const;
    void setShowRealSamples(bool show);

    // Points at fractional epochs (step / batches per epoch), so runs of different sizes line up.
    void addLosses(int run, const QVector<double> &epochX, const QVector<double> &dLoss,
                   const QVector<double> &gLoss);
    void clearLosses(int run);
    // The run's quality score (FD) after an epoch, for the plot's score curves.
    void addScore(int run, int epoch, double fd);

    void setSettings(int run, const Entries &settings);
    void setFigures(int run, const Entries &figures);

    // Epochs with a frame in any run, ascending.
    QList<int> epochsAvailable() const;
    // 0 while no run has a frame.
    int currentEpoch() const { return m_epoch; }
    int maxEpoch() const;
    // Clamped to the epochs there are; emits epochChanged when the epoch changes.
    void setCurrentEpoch(int epoch);
    bool isPlaying() const;
    // Ignored while there are no frames; loops back to the first epoch at the end.
    void setPlaying(bool playing);
    void setFramesPerSecond(int fps);

    // The runs' grids side by side for epoch, each scaled by nearest neighbour to gridSide
    // (0: twice the largest grid), titles in the run colours and "epoch N" under them. The same
    // size for every epoch; a run without that epoch shows its latest earlier grid dimmed.
    QImage composeFrame(int epoch, int gridSide = 0) const;
    // The whole comparison at the current epoch: grids, real samples, the plot and the table.
    QImage renderSnapshot() const;
    bool exportPng(const QString &path, QString *error = nullptr) const;

    // What the run's grid shows now (unscaled), null for the placeholder.
    QImage displayedFrame(int run) const;
    // The note over the run's grid ("epoch 3 not reached"), empty when the epoch is there.
    QString frameNote(int run) const;
    ComparisonGridView *gridView(int run) const;
    QCustomPlot *plot() const;
    ComparisonPlot *comparisonPlot() const { return m_plot; }
    QTableView *table() const;
    ComparisonTable *comparisonTable() const { return m_table; }

Q_SIGNALS:
    void epochChanged(int epoch);
    void playingChanged(bool playing);

private:
    struct Run
    {
        QString title;
        QColor colour;
        QString status;
        QMap<int, QImage> frames;
        QImage real;
        ComparisonGridView *view = nullptr;
    };

    bool isValid(int run) const { return run >= 0 && run < m_runs.size(); }
    QColor nextColour() const;
    // The run's latest frame at or before epoch; exact is set when it is epoch's own.
    QImage frameAt(const Run &run, int epoch, bool *exact, QString *note) const;
    int defaultGridSide() const;
    bool anyRealSamples() const;
    void updateGrids();
    void updateEpochBar();
    void updateRealShown();

    QVector<Run> m_runs;
    QHBoxLayout *m_gridLayout;
    QLabel *m_emptyLabel;
    ComparisonEpochBar *m_epochBar;
    QCheckBox *m_showReal;
    ComparisonPlot *m_plot;
    ComparisonTable *m_table;
    int m_epoch = 0;
};
