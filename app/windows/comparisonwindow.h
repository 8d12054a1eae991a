#pragma once

#include "engine/observer.h"
#include "engine/trainingconfig.h"
#include "runs/comparisonruns.h"

#include <QMainWindow>

class ComparisonView;
class LessonBar;
class MessageBar;
class QAction;
class QLabel;
class QTableView;
class RunManager;
class RunTableModel;

// Two to four runs side by side: each trains in a background job of its own (or was added
// from disk), the CPU cores are shared fairly between the runs that are training, and the
// comparison view shows their grids at one epoch, their curves in one plot and their
// differences in one table. Exports the comparison as one PNG and as one GIF. The runs live in
// ComparisonRuns (made from the RunManager it is given, or its own); the window shows them
// and forwards the run controls.
class ComparisonWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = ComparisonRuns::kMaxRuns;
    using RunState = ComparisonRuns::RunState;

    explicit ComparisonWindow(RunManager *runs = nullptr, QWidget *parent = nullptr);
    ~ComparisonWindow() override;

    // The runs and their lifecycle (state, figures, start, pause, stop): what the buttons
    // drive, and what a script or a test drives too.
    ComparisonRuns *runs() const { return m_runs; }
    QString lastError() const { return m_lastError; }

    // A new run with these settings, in the runs folder, named `name` (or after its dataset).
    // Returns its index, or -1 (lastError() says why: too many runs, invalid settings).
    int addRun(const ganvas::TrainingConfig &config, const QString &name = {});
    // A lesson's texts, above the runs.
    LessonBar *lessonBar() const { return m_lessonBar; }
    // A run directory written by ganvas or ganvas-cli: its frames, curves and settings.
    // Start continues it from its newest checkpoint. -1 when it cannot be read.
    int addRunFromDisk(const QString &runDir);
    void removeRun(int run);
    // Every run's grid at this epoch (the epoch slider).
    void showEpoch(int epoch);

    bool exportPng(const QString &path, QString *error = nullptr) const;
    // One frame per epoch that any run has reached: the grids side by side.
    bool exportGif(const QString &path, int fps = 4, QString *error = nullptr) const;
    // The settings the next "Add run" starts from (the main window's, usually).
    void setTemplateConfig(const ganvas::TrainingConfig &config) { m_template = config; }

Q_SIGNALS:
    void runEpoch(int run, int epoch);
    void runFinished(int run, bool completed);
    void runStateChanged(int run);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildRunsDock();
    void connectRuns();
    // Puts a new run in the view (or removes it and returns -1 when the view is full).
    int attach(int run);
    void showAdded(int run);
    void showError(const QString &message);
    void askAndAddRun();
    void askAndAddRunFromDisk();
    QString askExportFile(const QString &title, const QString &name, const QString &filter);
    void askAndExportPng();
    void askAndExportGif();
    int selectedRun() const;
    void refreshControls();
    void refreshSettings();
    void refreshFigures(int run);
    void loadRealSamples(int run);

    ComparisonView *m_view;
    MessageBar *m_messages;
    LessonBar *m_lessonBar;
    QTableView *m_runTable;
    RunTableModel *m_runModel;
    QLabel *m_threadsLabel;
    QAction *m_startAction, *m_pauseAction, *m_stopAction, *m_removeAction;
    ComparisonRuns *m_runs; // deleted first in the destructor, while the window is whole
    ganvas::TrainingConfig m_template;
    QString m_lastError;
};
