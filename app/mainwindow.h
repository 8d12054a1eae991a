#pragma once

#include "engine/observer.h"

#include <QMainWindow>

class CheckpointBrowser;
class ComparisonWindow;
class DatasetManager;
class FileMenu;
class HyperparameterPanel;
class FrameScrubber;
class LossPlot;
class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class RunController;
class SampleGridView;
class TrainingStatus;

// The training window: settings on the left, live curves and the latest 4x4 grid, a toolbar
// with Start, Pause, Step, Stop and Save checkpoint, and a status bar with progress.
// (The first slice of the desktop-application issue: the full hyperparameter panel, frame
// scrubber, checkpoint browser and GIF export come next.)
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    LossPlot *lossPlot() const { return m_plot; }
    SampleGridView *gridView() const { return m_grid; }
    FrameScrubber *scrubber() const { return m_scrubber; }
    QString runDirectory() const { return m_runDir; }
    qint64 lastStep() const { return m_lastStep; }
    ganvas::StepStats lastStats() const { return m_lastStats; }
    QAction *startAction() const { return m_start; }
    QAction *pauseAction() const { return m_pause; }
    QAction *stepAction() const { return m_step; }
    QAction *stopAction() const { return m_stop; }
    HyperparameterPanel *panel() const { return m_panel; }
    CheckpointBrowser *checkpoints() const { return m_checkpoints; }
    // Continues the current run from one of its checkpoints.
    void resumeFrom(const QString &checkpoint);
    // A new 4x4 grid from a checkpoint's generator and fresh noise, shown in the grid view.
    bool sampleFrom(const QString &checkpoint);
    // Settings as config JSON, from the panel.
    QString configJson() const;
    // The reason Start was refused ("" when the settings are valid).
    QString settingsError() const;
    void setLimit(qint64 limit);
    void setDataset(const QString &dataset);
    void setEpochs(int epochs);
    // Shows a run directory written by the window or by ganvas-cli: its settings, curves and
    // latest frame. Start then continues it from its newest checkpoint. Returns false (and
    // shows why in the panel) when the folder is not a readable run.
    bool openRun(const QString &runDir);
    // Presses Start (as the toolbar does).
    void startTraining() { start(); }
    // Whether closing during a run asks first (it always stops the run and saves a checkpoint).
    void setAskBeforeClosing(bool ask) { m_askBeforeClosing = ask; }
    // Training → Preview data: real samples of the chosen dataset in the grid view.
    bool previewData();
    // File → Compare runs: the side-by-side window (created on first use).
    ComparisonWindow *showComparison();
    // File → Datasets: the dataset manager.
    DatasetManager *showDatasets();
    // Where new runs go: $GANVAS_RUNS_DIR, else the application's data folder + /runs.
    static QString runsRoot();

Q_SIGNALS:
    void runFinished(bool completed);
    void epochShown(int epoch);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void newRun();
    void restoreSettings();
    void saveSettings() const;
    void buildPanel();
    void setRunning(bool running);
    void start();
    void launch(const QString &configJson, const QString &runDir, const QString &checkpoint);
    void onStats(const ganvas::StepStats &s);
    void onEpoch(int epoch, qint64 step, const QImage &grid);

    RunController *m_controller = nullptr;
    LossPlot *m_plot;
    SampleGridView *m_grid;
    FrameScrubber *m_scrubber;
    QAction *m_start, *m_pause, *m_step, *m_stop, *m_save;
    QAction *m_previewAction = nullptr;
    HyperparameterPanel *m_panel = nullptr;
    FileMenu *m_fileMenu = nullptr;
    CheckpointBrowser *m_checkpoints = nullptr;
    TrainingStatus *m_status;
    QString m_runDir;
    QString m_openedRun; // a run to continue on Start
    qint64 m_lastStep = 0;
    ganvas::StepStats m_lastStats;
    bool m_askBeforeClosing = true;
    ComparisonWindow *m_comparison = nullptr;
    DatasetManager *m_datasets = nullptr;
};
