#pragma once

#include "engine/divergence.h"
#include "media/image8.h"
#include "quality/qualityscore.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// Statistics averaged over the steps since the previous report; one metrics.csv row.
struct StepStats
{
    int epoch = 0;             // 1-based epoch the step belongs to
    int64_t step = 0;          // global step (batches) after the last one averaged
    double dLoss = 0;
    double gLoss = 0;
    double dReal = 0;          // mean D(x): sigmoid probability for bce, raw score otherwise
    double dFake = 0;          // mean D(G(z)), the same way
    double imagesPerSec = 0;
    double lrG = 0;
    double lrD = 0;
    double instanceNoise = 0;  // std dev in use
    double elapsedSec = 0;     // training time of the run so far (pauses excluded)
    int threads = 0;           // CPU threads the maths ran on
    bool onGpu = false;        // trained on a CUDA device
    bool cudaGraph = false;    // each step replayed as one CUDA graph
    std::string precision = "fp32"; // the arithmetic in use: fp32, tf32 or bf16 (engine/precision.h)
    std::string device = "cpu"; // the device this process trains on: cpu, cuda:0, ...
    int processes = 1;         // processes training this run together (data parallel)
};

struct EpochResult
{
    int epoch = 0;             // the epoch just completed (1-based)
    int64_t step = 0;
    Image8 grid;               // 4x4 grid from the fixed noise, grey or RGB
    std::string framePath;     // frames/epoch-NNNN.png, "" without a run directory
};

// D's view of the moment: its verdicts on a sample of real images and of fakes (a probability
// for bce, D's raw score otherwise), and the four images at the ends — the real and the fake D
// finds most real, the real and the fake it finds most fake. Sent at most twice a second, to an
// observer that asks for it.
struct DiscriminatorView
{
    int epoch = 0;
    int64_t step = 0;
    bool probability = true;
    std::vector<double> realScores, fakeScores;
    Image8 mostRealReal, mostFakeReal, mostRealFake, mostFakeFake;
    double mostRealRealScore = 0, mostFakeRealScore = 0, mostRealFakeScore = 0, mostFakeFakeScore = 0;
};

enum class TrainerState { Idle, Running, Paused, Stopped, Finished, Failed };

// Implemented by the GUI's worker and the CLI's printer. Called on the training thread;
// an implementation copies what it needs and returns quickly.
class TrainerObserver
{
public:
    virtual ~TrainerObserver() = default;
    virtual void onStepStats(const StepStats &) {}
    virtual void onEpochEnd(const EpochResult &) {}
    virtual void onCheckpointWritten(const std::string & /*path*/, int /*epoch*/, int64_t /*step*/) {}
    virtual void onStateChanged(TrainerState) {}
    virtual void onError(const std::string & /*message*/) {}
    // A loss diverged at a report; the event says what the trainer did about it.
    virtual void onDivergence(const DivergenceEvent &) {}
    // The generator was scored after an epoch (score_every); also in quality.csv.
    virtual void onQualityScore(const QualityScore &) {}
    // How the quality score's preparation goes, or why this run has none.
    virtual void onScoreStatus(const ScoreStatus &) {}
    // After a single step taken while paused: the grid from the fixed noise as G is now.
    virtual void onStepGrid(const Image8 & /*grid*/, int /*epoch*/, int64_t /*step*/) {}
    // Whether to send onDiscriminatorView() (it costs a forward pass of both networks).
    virtual bool wantsDiscriminatorView() const { return false; }
    virtual void onDiscriminatorView(const DiscriminatorView &) {}
};

} // namespace ganvas
