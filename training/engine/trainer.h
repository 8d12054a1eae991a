#pragma once

#include "data/imageset.h"
#include "engine/fusedadam.h"
#include "engine/observer.h"
#include "engine/precision.h"
#include "engine/trainingconfig.h"
#include "losses/ganloss.h"
#include "models/modelfactory.h"

#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ganvas {

class CudaGraphStep;
class ProcessGroup;
class RunDirectory;
class ScoreSession;

// Owns G, D, their optimisers, the run's random generator, the fixed preview noise and the
// data on the training device. One thread drives it (run(), trainStep(), saveCheckpoint());
// the request*/set* functions may be called from any thread and take effect before the next step.
class Trainer
{
public:
    // Throws ConfigError (invalid config: every message joined), std::invalid_argument (model
    // and data disagree) or FileWriteError (run directory). runDir "" writes no files.
    Trainer(TrainingConfig config, const ImageSet &data, const std::string &runDir = {});
    ~Trainer();

    // The config stored in a checkpoint (to load its dataset before constructing the Trainer).
    static TrainingConfig checkpointConfig(const std::string &checkpointPath);
    // Restores every piece of state; the Trainer must have the checkpoint's model and data.
    // metrics.csv is rewritten to the checkpoint's history at the next step. Throws
    // CheckpointError and then leaves the Trainer as it was.
    void restore(const std::string &checkpointPath);

    void setObserver(TrainerObserver *observer) { m_observer = observer; }

    // Trains this run together with the group's other processes (data parallel,
    // trainerdistributed.cpp); call on every rank after construction (and restore()), before
    // run(). batch_size stays the whole batch: each rank trains on its share of every batch of
    // the same shuffle, gradients and batch-norm statistics are summed over all ranks, so the
    // run learns as one process with that batch would. Rank 0's weights, optimiser state, fixed
    // noise and random state go to all; only rank 0 writes the run directory; a stop asked of any
    // rank stops all at the same step. Throws ConfigError when the ranks' settings differ or the
    // batch does not split evenly, DistributedError when a process is lost.
    void joinGroup(std::shared_ptr<ProcessGroup> group);
    int processes() const;
    int rank() const { return m_rank; }

    // Trains until every epoch is done (returns true) or a stop is requested (writes a
    // checkpoint, returns false) or a divergence stops it (writes none; divergenceStopped()). Honours pause and single steps. Exceptions propagate after
    // onError/onStateChanged(Failed).
    bool run();
    // One batch: a D step, plus a G step every d_steps_per_g batches.
    void trainStep();
    // Writes a checkpoint of the current state; returns its path. Throws CheckpointError when
    // the state has diverged (a checkpoint is never written from one).
    std::string saveCheckpoint();
    void saveCheckpointTo(const std::string &path);

    // Thread-safe controls.
    void requestPause();
    void requestResume();
    void requestStep();
    void requestStop();
    void requestCheckpoint();
    // While paused: restore the last healthy state with both learning rates halved (as the
    // rollback mode of on_divergence does) and resume. Ignored when not paused.
    void requestRollback();
    // CPU threads for the maths from the next step on (runs training side by side share the
    // cores; the share changes as runs start and stop). 0 = all cores.
    void requestThreads(int threads);
    int threadsInUse() const { return m_threadsInUse; }
    Precision precision() const { return m_precision; }
    const torch::Device &device() const { return m_device; }
    bool isPaused() const { return m_paused; }
    // Thread-safe changes of the settings that may change mid-run (those configFields() marks
    // FieldChange::Live); others are ignored. Applied before the next step.
    void updateLiveSettings(const TrainingConfig &changed);

    const TrainingConfig &config() const { return m_config; }
    int epochsDone() const { return m_epochsDone; }
    int64_t globalStep() const { return m_globalStep; }
    int batchInEpoch() const { return m_batchInEpoch; }
    int batchesPerEpoch() const { return m_batchesPerEpoch; }
    bool finished() const { return m_epochsDone >= m_config.epochs; }
    ImageShape imageShape() const { return m_shape; }
    Generator &generator() { return m_g; }
    Discriminator &discriminator() { return m_d; }
    // The optimisers, for a step taken apart (engine/stepthrough.h).
    FusedAdam &optimizerG() { return *m_optG; }
    FusedAdam &optimizerD() { return *m_optD; }
    const torch::Tensor &fixedNoise() const { return m_fixedNoise; }
    const std::vector<StepStats> &history() const { return m_history; }
    // The quality scores so far (score_every), as quality.csv and the checkpoint hold them.
    const std::vector<QualityScore> &scores() const { return m_scores; }
    Image8 previewGrid();
    // D's verdicts on `n` random real images and `n` fakes from fresh noise (trainerdview.cpp);
    // draws from a generator of its own, so the run's own random numbers are not touched.
    DiscriminatorView discriminatorView(int n = 64);
    double currentInstanceNoise() const;
    // True once steps replay a captured CUDA graph (CUDA builds, see CudaGraphStep).
    bool stepInCudaGraph() const;
    // Divergence guard (trainerguard.cpp): the state holds a diverged loss (stopped or paused
    // on it, not rolled back); automatic rollbacks so far; why a divergence stopped the run.
    bool diverged() const { return m_diverged; }
    int rollbacks() const { return m_rollbacks; }
    bool divergenceStopped() const { return !m_stopMessage.empty(); }
    const std::string &divergenceStopMessage() const { return m_stopMessage; }

private:
    // Changes control flags under the lock the paused loop waits on, then wakes it.
    template <typename Change>
    void changeAndWake(Change change);
    void prepareRunDirectory();
    void writeState(torch::serialize::OutputArchive &archive) const;
    void readState(torch::serialize::InputArchive &archive, const std::string &path);
    void beginEpoch();
    void endEpoch();
    // Returns false when a divergence replaced the state or stops the run (the step's epoch
    // end is then not processed).
    bool report();
    // Divergence guard, trainerguard.cpp.
    bool checkDivergence(const StepStats &s, bool gMeasured); // false: diverged, handled
    void handleDivergence(const std::string &loss, double value);
    void takeHealthySnapshot();
    void rollBack(DivergenceEvent &e);
    void rollBackOnRequest();
    bool weightsFinite(torch::nn::Module &m) const;
    bool checkWeightsAtEpochEnd();
    void writeEvent(const DivergenceEvent &e, const std::string &kind, const std::string &detail);
    void notifyDivergence(DivergenceEvent e);
    void applyLiveSettings();
    // Quality scores between epochs (trainerscore.cpp).
    void startScoring();
    void scoreEpoch();
    void forwardScoreStatus();
    double learningRateFactor() const;
    void setState(TrainerState state);
    torch::Tensor realBatch(int batch) const;
    torch::Tensor realBatchAt(const torch::Tensor &batchIndex) const;
    torch::Tensor imagesAt(const torch::Tensor &indices) const; // uint8 → float in [-1, 1]
    void deviceStep(bool gStep, double sigma, const torch::Tensor &real);
    void sendDiscriminatorView();
    bool graphable(bool gStep, double sigma) const;
    // Data parallel (trainerdistributed.cpp): this rank's rows of a tensor drawn for the whole
    // batch; gradients averaged over the ranks; the report's sums and a pending stop agreed.
    torch::Tensor mine(const torch::Tensor &wholeBatch) const;
    void averageGradients(torch::nn::Module &m);
    void agreeOnReport();
    void checkSameSettings();

    TrainingConfig m_config;
    LossKind m_loss;
    ImageShape m_shape;
    torch::Device m_device;
    at::Generator m_cpuGen;
    at::Generator m_devGen;
    Generator m_g{nullptr};
    Discriminator m_d{nullptr};
    std::unique_ptr<FusedAdam> m_optG;
    std::unique_ptr<FusedAdam> m_optD;
    torch::Tensor m_data;        // uint8 N x C x H x W on the device
    torch::Tensor m_perm;        // this epoch's order, on the device
    torch::Tensor m_fixedNoise;  // 16 x latent, drawn once per run
    torch::Tensor m_statSum;     // d_loss, d_real, d_fake, g_loss summed since the last report
    int64_t m_dSteps = 0;        // steps summed in m_statSum
    int64_t m_gSteps = 0;
    double m_windowSeconds = 0;  // step time summed since the last report
    double m_trainSeconds = 0;   // step time of the whole run
    int m_epochsDone = 0;
    int m_batchInEpoch = 0;
    int m_batchesPerEpoch = 0;
    int64_t m_globalStep = 0;
    int64_t m_lastCheckpointStep = -1;
    std::vector<StepStats> m_history;
    std::vector<QualityScore> m_scores;
    std::unique_ptr<ScoreSession> m_scoring;    // made when the first score is due or run() starts
    std::unique_ptr<CudaGraphStep> m_graph;     // the captured step (CUDA)
    at::Generator m_viewGen;                     // D's view's samples (not the run's stream)
    std::chrono::steady_clock::time_point m_lastView{};
    struct GraphKey // what the captured step took as constant
    {
        double labelSmoothing = -1, labelFlipProb = -1;
        const void *perm = nullptr, *data = nullptr;
        bool operator!=(const GraphKey &o) const
        {
            return labelSmoothing != o.labelSmoothing || labelFlipProb != o.labelFlipProb || perm != o.perm ||
                   data != o.data;
        }
    };
    GraphKey m_graphKey;
    bool m_graphFailed = false;
    torch::Tensor m_batchIndex;                 // batch number within the epoch, on the device
    std::unique_ptr<RunDirectory> m_runDir;
    bool m_runDirReady = false;
    std::shared_ptr<ProcessGroup> m_group;      // several processes: the others (null: alone)
    int m_rank = 0;
    int64_t m_localBatch = 0;                    // this rank's share of batch_size
    TrainerObserver *m_observer = nullptr;
    // The last healthy point (run start, restore, each epoch end): the whole state in memory,
    // as a checkpoint would hold it. In memory rather than the newest checkpoint: checkpoints
    // come only every checkpoint_every epochs and a run without a run directory has none.
    struct HealthyState
    {
        std::string bytes; // writeState() serialised; empty = none yet
        int epochsDone = 0;
        int64_t step = 0;
        int batchInEpoch = 0;
    };
    HealthyState m_healthy;
    bool m_diverged = false;
    int m_rollbacks = 0;
    std::string m_stopMessage;
    DivergenceEvent m_lastDivergence;

    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stopRequested{false};
    std::atomic<bool> m_stopAsked{false}; // in a group: asked of this rank, not yet agreed by all
    std::atomic<bool> m_checkpointRequested{false};
    std::atomic<bool> m_rollbackRequested{false};
    std::atomic<int> m_stepRequests{0};
    std::atomic<bool> m_liveDirty{false};
    std::atomic<int> m_threadsRequested{-1}; // -1 = no change pending
    std::atomic<int> m_threadsInUse{0};
    Precision m_precision = Precision::Fp32;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    TrainingConfig m_liveConfig;
};

} // namespace ganvas
