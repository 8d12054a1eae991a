#pragma once

#include "engine/observer.h"

#include <QImage>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace ganvas {
class Trainer;
}

Q_DECLARE_METATYPE(ganvas::StepStats)

// Runs a Trainer in the thread it lives in and turns its events into queued signals carrying
// copies. Controls (pause, step, stop, checkpoint) are thread-safe and may be called directly
// from the GUI thread: a queued slot could not run while the training loop runs.
class TrainerWorker : public QObject, private ganvas::TrainerObserver
{
    Q_OBJECT

public:
    TrainerWorker();
    ~TrainerWorker() override;

    void requestPause();
    void requestResume();
    void requestStep();
    void requestStop();
    void requestCheckpoint();
    // CPU threads for this run from its next step (0 = all cores); kept for a run not yet built.
    void requestThreads(int threads);
    // Learning rates, label smoothing/flipping and instance noise from this JSON config apply
    // from the next step; the other fields are ignored.
    void updateLiveSettings(const QString &configJson);
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    // Loads the dataset, builds the Trainer (restoring `checkpoint` when given) and trains.
    void train(const QString &configJson, const QString &runDir, const QString &checkpoint);

Q_SIGNALS:
    void started(int batchesPerEpoch, int epochs, qint64 step);
    void statsReady(const ganvas::StepStats &stats);
    void epochFinished(int epoch, qint64 step, const QImage &grid);
    void checkpointWritten(const QString &path, int epoch);
    void paused(bool paused);
    void failed(const QString &message);
    void finished(bool completed);

private:
    void onStepStats(const ganvas::StepStats &s) override;
    void onEpochEnd(const ganvas::EpochResult &r) override;
    void onCheckpointWritten(const std::string &path, int epoch, int64_t step) override;
    void onStateChanged(ganvas::TrainerState state) override;

    std::unique_ptr<ganvas::Trainer> m_trainer;
    std::atomic<ganvas::Trainer *> m_live{nullptr};
    std::atomic<bool> m_running{false};
    std::atomic<bool> m_stopEarly{false};
    std::atomic<int> m_pendingThreads{-1};
};
