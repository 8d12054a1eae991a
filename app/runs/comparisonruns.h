#pragma once

#include "engine/observer.h"
#include "engine/trainingconfig.h"
#include "runs/trainerworker.h" // declares StepStats and Image8 metatypes, which the signals need

#include <QObject>
#include <QString>

#include <vector>

class RunController;
class RunManager;
struct StoredRun;

// The runs of the comparison window and their lifecycle: each trains in a worker thread of
// its own (or was read from disk), starts, pauses, stops and continues from its newest
// checkpoint, and takes its fair share of the CPU cores while it trains. It knows no widgets:
// it reports through signals, and the window draws.
class ComparisonRuns : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4;
    enum class RunState { Ready, Training, Paused, Finished, Stopped, Failed, OnDisk };

    // What the window reads about a run; only ComparisonRuns changes it.
    struct Run
    {
        int id = 0;                 // stable across removals (indices shift)
        QString name;
        QString runDir;
        ganvas::TrainingConfig config;
        RunController *controller = nullptr;
        RunState state = RunState::Ready;
        QString detail;             // the failure message
        int batchesPerEpoch = 0;
        int epochsDone = 0;
        ganvas::StepStats last;
        bool haveStats = false;
        std::vector<ganvas::QualityScore> scores; // after each scored epoch
    };

    // The runs come from `manager`, which shares the cores between them and any other run.
    explicit ComparisonRuns(RunManager *manager, QObject *parent = nullptr);
    // Stops every run (each writes a checkpoint) and waits for their threads.
    ~ComparisonRuns() override;

    int count() const { return int(m_runs.size()); }
    // `run` must be a valid index.
    const Run &run(int run) const { return *m_runs[run]; }
    // The queries below take any index: out of range reads as a run that is not there.
    RunState state(int run) const;
    QString directory(int run) const;
    int epochsDone(int run) const;
    ganvas::StepStats lastStats(int run) const;
    int threadsOf(int run) const;
    QString threadSummary() const;
    // Why add() or addFromDisk() returned -1, or why start() was refused.
    QString lastError() const { return m_lastError; }

    // A new run with these settings in a new folder under runsRoot(), named `name` (or after
    // its dataset and loss). Returns its index, or -1: too many runs, invalid settings.
    int add(const ganvas::TrainingConfig &config, const QString &name);
    // A run directory written by ganvas or ganvas-cli; `stored` receives what was read (its
    // curves and frames, for the window). -1 when it cannot be read.
    int addFromDisk(const QString &runDir, StoredRun *stored = nullptr);
    // Stops the run (a checkpoint is written) and waits for its thread; later runs move down.
    void remove(int run);

    // A stopped or stored run continues from its newest checkpoint.
    void start(int run);
    void pause(int run, bool pause);
    void stop(int run);
    void startAll();
    void pauseAll(bool pause);
    void stopAll();

Q_SIGNALS:
    void statsReady(int run, const ganvas::StepStats &stats);
    void epochFinished(int run, int epoch, const ganvas::Image8 &grid);
    void scoreReady(int run, const ganvas::QualityScore &score);
    void stateChanged(int run);
    void finished(int run, bool completed);
    // Emitted after the run left the list (stopped, its cores given back).
    void removed(int run);
    // Start did nothing: the run has trained all its epochs (lastError() says so too).
    void startRefused(int run, const QString &reason);
    // The threads of the training runs changed (a run here or in the main window).
    void threadsChanged();

private:
    // `wanted`, or, when another run has that name, the name with what differs ("lr_d 0.0001")
    // or a number.
    QString uniqueName(const QString &wanted, const ganvas::TrainingConfig &config) const;
    void launch(int run, const QString &checkpoint);
    void setState(int run, RunState state, const QString &detail = {});
    int indexOf(const Run *run) const;

    RunManager *m_manager;
    std::vector<Run *> m_runs;
    QString m_lastError;
};
