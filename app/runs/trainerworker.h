#pragma once

#include "engine/divergence.h"
#include "engine/observer.h"
#include "media/image8.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace ganvas {
class Trainer;
}

Q_DECLARE_METATYPE(ganvas::StepStats)
Q_DECLARE_METATYPE(ganvas::Image8)
Q_DECLARE_METATYPE(ganvas::DivergenceEvent)
Q_DECLARE_METATYPE(ganvas::QualityScore)
Q_DECLARE_METATYPE(ganvas::ScoreStatus)
Q_DECLARE_METATYPE(ganvas::DiscriminatorView)

// Runs a Trainer in the calling (background) thread and turns its events into signals that
// reach the GUI thread queued, carrying copies. Controls (pause, step, stop, checkpoint) are
// thread-safe and are called directly from the GUI thread: a queued call could not run while
// the training loop runs.
class TrainerWorker : public QObject, private ganvas::TrainerObserver
{
    Q_OBJECT

public:
    TrainerWorker();
    ~TrainerWorker() override;

    void requestPause();
    void requestResume();
    void requestStep();
    // Before the run is built: it starts paused and takes one step (Step pressed while idle).
    void startWithOneStep();
    void requestStop();
    void requestCheckpoint();
    // After a divergence paused the run: restore the last healthy state with halved learning
    // rates and go on.
    void requestRollback();
    // CPU threads for this run from its next step (0 = all cores); kept for a run not yet built.
    void requestThreads(int threads);
    // The fields of this JSON config that may change mid-run apply from the next step.
    void updateLiveSettings(const QString &configJson);
    bool isRunning() const { return m_running; }
    // Whether the run sends discriminatorView() (twice a second at most; off by default).
    void requestDiscriminatorView(bool on) { m_wantView = on; }

    // Loads the dataset, builds the Trainer (restoring `checkpoint` when given) and trains;
    // returns when the run ends. Runs in a background job (see RunController).
    void train(const QString &configJson, const QString &runDir, const QString &checkpoint);

Q_SIGNALS:
    void started(int batchesPerEpoch, int epochs, qint64 step);
    void statsReady(const ganvas::StepStats &stats);
    void epochFinished(int epoch, qint64 step, const ganvas::Image8 &grid);
    // A single step taken while paused: the grid from the fixed noise after it.
    void stepGrid(int epoch, qint64 step, const ganvas::Image8 &grid);
    void checkpointWritten(const QString &path, int epoch);
    void paused(bool paused);
    // A loss diverged; the event says which, where, and what the trainer did about it.
    void diverged(const ganvas::DivergenceEvent &event);
    // The generator was scored after an epoch (also written to quality.csv).
    void scoreReady(const ganvas::QualityScore &score);
    // The quality score is being prepared (a classifier trained the first time), or is unavailable.
    void scoreStatus(const ganvas::ScoreStatus &status);
    // A problem the run survives (live settings refused, a frame not written).
    void warning(const QString &message);
    // The run could not start or stopped on an error.
    void failed(const QString &message);
    void finished(bool completed);
    // What D says about a sample of real images and fakes now (when asked for).
    void discriminatorView(const ganvas::DiscriminatorView &view);

private:
    // Calls `call` on the live trainer, if there is one (before and after a run the
    // controls do nothing).
    void withTrainer(const std::function<void(ganvas::Trainer &)> &call);
    void onStepStats(const ganvas::StepStats &s) override;
    void onEpochEnd(const ganvas::EpochResult &r) override;
    void onStepGrid(const ganvas::Image8 &grid, int epoch, int64_t step) override;
    void onCheckpointWritten(const std::string &path, int epoch, int64_t step) override;
    void onStateChanged(ganvas::TrainerState state) override;
    void onError(const std::string &message) override;
    void onDivergence(const ganvas::DivergenceEvent &event) override;
    void onQualityScore(const ganvas::QualityScore &score) override;
    void onScoreStatus(const ganvas::ScoreStatus &status) override;
    bool wantsDiscriminatorView() const override { return m_wantView; }
    void onDiscriminatorView(const ganvas::DiscriminatorView &view) override { Q_EMIT discriminatorView(view); }

    std::unique_ptr<ganvas::Trainer> m_trainer;
    std::atomic<ganvas::Trainer *> m_live{nullptr};
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stopEarly{false};
    std::atomic<int> m_pendingThreads{-1};
    std::atomic<bool> m_startWithOneStep{false};
    std::atomic<bool> m_wantView{false};
};
