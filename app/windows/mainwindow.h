#pragma once

#include "engine/observer.h"
#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <QMainWindow>

#include <optional>

#include <functional>

class CheckpointBrowser;
class ComparisonWindow;
class ToyLabWindow;
class LatentExplorerWindow;
class StepThroughWindow;
class PresenterMode;
class LessonBar;
class LessonsMenu;
class MessageBar;
class DiscriminatorDock;
class DatasetManager;
class FileMenu;
class HyperparameterPanel;
class MessageBar;
class QAction;
class QMenu;
class RunController;
class RunExports;
class RunManager;
class RunView;
class TrainingActions;
class TrainingStatus;

// The training window: settings on the left (and the checkpoints behind a tab), live curves
// and the latest 4x4 grid with a scrubber over every epoch, a toolbar with Start, Pause, Step,
// Stop and Save checkpoint, a message bar for what went wrong, and a status bar with progress.
// Its run comes from the RunManager it is given (one is made for it when none is).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(RunManager *runs = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    QString runDirectory() const { return m_runDir; }
    // The figures of the latest report (the status bar shows them); step 0 before the first.
    qint64 lastStep() const { return m_lastStats.step; }
    ganvas::StepStats lastStats() const { return m_lastStats; }
    bool isTraining() const;
    // The actions a user has (toolbar, menus, shortcuts).
    QAction *startAction() const;
    QAction *pauseAction() const;
    QAction *stepAction() const;
    QAction *stopAction() const;
    QAction *saveAction() const;
    QAction *previewAction() const;

    MessageBar *messages() const { return m_messages; }
    HyperparameterPanel *panel() const { return m_panel; }
    // A lesson's texts, above the view; the Lessons menu.
    LessonBar *lessonBar() const { return m_lessonBar; }
    LessonsMenu *lessons() const { return m_lessons; }
    // The message on show ("" when none): why Start was refused, why a run failed.
    QString settingsError() const;
    void setConfig(const ganvas::TrainingConfig &config);
    void setLimit(qint64 limit);
    void setDataset(const QString &dataset);
    void setEpochs(int epochs);
    // Shows a run directory written by the window or by ganvas-cli: its settings, curves and
    // latest frame. Start then continues it from its newest checkpoint. Returns false (and
    // says why in the message bar) when the folder is not a readable run.
    bool openRun(const QString &runDir);
    // Whether closing during a run asks first (it always stops the run and saves a checkpoint).
    void setAskBeforeClosing(bool ask) { m_askBeforeClosing = ask; }
    // File → Open settings… / Save settings as… (a config file as config.json holds it).
    bool openSettings(const QString &file);
    bool saveSettings(const QString &file);
    // The status bar's state word ("Training", "Paused", "Finished"...).
    QString stateText() const;
    // File → Compare runs: the side-by-side window (created on first use).
    ComparisonWindow *showComparison();
    ToyLabWindow *showLab();
    // The latent explorer of the checkpoint selected in the browser; else, while training, of the
    // generator as it is now (a checkpoint is saved for it); else of the run's newest checkpoint.
    LatentExplorerWindow *showLatentExplorer();
    // The step-through of the settings shown, or of the checkpoint selected in the browser.
    StepThroughWindow *showStepThrough();
    PresenterMode *presenter() const { return m_presenter; }
    DiscriminatorDock *discriminatorDock() const { return m_dView; }
    // File → Datasets: the dataset manager.
    DatasetManager *showDatasets();

Q_SIGNALS:
    void runFinished(bool completed);
    void epochShown(int epoch);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The checkpoint browser's Resume: continues the current run from one of its checkpoints.
    void resumeFrom(const QString &checkpoint);
    // The checkpoint browser's Sample: a new 4x4 grid from a checkpoint's generator and fresh noise.
    bool sampleFrom(const QString &checkpoint);
    // Training → Preview data: real samples of the chosen dataset in the grid view.
    bool previewData();
    void buildActions();
    void buildDocks();
    void connectFileMenu();
    void editConfig(const std::function<void(ganvas::TrainingConfig &)> &edit);
    void restoreSettings();
    void saveSettings() const;
    void setRunning(bool running);
    void start();
    // After a run stopped or finished: continue it (only when what a run cannot change is
    // unchanged and epochs are left) or start a new one with the panel's settings. Returns
    // false when the user cancelled.
public:
    enum class StartChoice { Continue, NewRun, Cancel };
    // The answer the next Start takes without asking (`ganvas RUN_DIR --start` continues the
    // run): Continue where the run can continue, else a new run.
    void answerNextStart(StartChoice choice) { m_nextStartChoice = choice; }
    // No run shown: curves, grid, figures and title cleared; the next Start begins a new run
    // without asking (a lesson starts this way). Nothing while training.
    void newRun();

private:
    StartChoice askHowToStart(const QStringList &fixedChanged, int epochsDone, int epochs);
    // After an edit: the settings' error shown by Start goes once they are right, or is brought up to date.
    void followSettingsProblems();
    void startNewRun();
    void setRunDirectory(const QString &runDir);
    void launch(const ganvas::TrainingConfig &config, const QString &runDir, const QString &checkpoint);
    void connectRun();
    void onStats(const ganvas::StepStats &s);
    void onEpoch(int epoch, qint64 step, const ganvas::Image8 &grid);

    RunManager *m_runs;
    RunController *m_controller = nullptr;
    RunView *m_view;
    MessageBar *m_messages;
    TrainingActions *m_actions = nullptr;
    HyperparameterPanel *m_panel = nullptr;
    FileMenu *m_fileMenu = nullptr;
    RunExports *m_exports = nullptr;
    CheckpointBrowser *m_checkpoints = nullptr;
    TrainingStatus *m_status;
    QMenu *m_viewMenu = nullptr;
    QString m_runDir;
    QString m_openedRun; // a run to continue on Start
    ganvas::StepStats m_lastStats;
    bool m_askBeforeClosing = true;
    bool m_stepsSeen = false; // the current run has reported a step
    bool m_startWithOneStep = false; // Step pressed while idle
    std::optional<StartChoice> m_nextStartChoice;
    QString m_settingsProblems; // the settings' problems the message bar shows since Start, if it does
    ComparisonWindow *m_comparison = nullptr;
    ToyLabWindow *m_lab = nullptr;
    LatentExplorerWindow *m_latent = nullptr;
    StepThroughWindow *m_stepThrough = nullptr;
    PresenterMode *m_presenter = nullptr;
    DiscriminatorDock *m_dView = nullptr;
    LessonBar *m_lessonBar = nullptr;
    LessonsMenu *m_lessons = nullptr;
    DatasetManager *m_datasets = nullptr;
};
