#include "engine/trainer.h"

#include "checkpoint/rundirectory.h"
#include "engine/cpuruntime.h"
#include "engine/cudagraphstep.h"
#include "engine/sampler.h"
#include "media/pngio.h"
#include "quality/scoresession.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>
#include <cstdio>

namespace ganvas {

namespace {

constexpr int kPreviewCount = 16;
constexpr int kPreviewColumns = 4;

using Clock = std::chrono::steady_clock;

torch::Device parseDevice(const std::string &name)
{
    torch::Device device(name);
    if (device.is_cuda() && !torch::cuda::is_available())
        throw ConfigError("device: cuda was asked for, but this libtorch has no CUDA or no GPU is visible");
    return device;
}

void setRequiresGrad(torch::nn::Module &m, bool on)
{
    for (auto &p : m.parameters())
        p.requires_grad_(on);
}

} // namespace

Trainer::Trainer(TrainingConfig config, const ImageSet &data, const std::string &runDir)
    : m_config(std::move(config)), m_loss(LossKind::Bce), m_device(torch::kCPU),
      m_cpuGen(at::make_generator<at::CPUGeneratorImpl>(0))
{
    const auto problems = m_config.validate();
    if (!problems.empty())
        throw ConfigError("invalid settings: " + problemsText(problems));
    if (data.count < m_config.batchSize)
        throw ConfigError("batch_size: " + std::to_string(m_config.batchSize) + " is larger than the " +
                          std::to_string(data.count) + " images of " + data.source);
    m_loss = parseLoss(m_config.loss);
    m_device = parseDevice(m_config.device);
    m_precision = resolvePrecision(m_config.precision, m_device);
    applyTf32(m_precision, m_device);
    m_threadsInUse = applyThreads(m_config.threads);
    m_shape = {data.channels, data.height, data.width};
    m_batchesPerEpoch = static_cast<int>(data.count / m_config.batchSize);
    m_localBatch = m_config.batchSize;

    m_cpuGen.set_current_seed(m_config.seed);
    if (m_device.is_cpu()) {
        m_devGen = m_cpuGen;
    } else {
        m_devGen = at::globalContext().defaultGenerator(m_device);
        std::lock_guard<std::mutex> lock(m_devGen.mutex());
        m_devGen.set_current_seed(m_config.seed);
    }
    // Weights, then the preview noise: all from the run's seed, in a fixed order.
    m_g = makeGenerator(m_config.model, m_shape, m_config.latentSize, m_cpuGen);
    m_d = makeDiscriminator(m_config.model, m_shape, m_config.loss, m_cpuGen);
    m_fixedNoise = torch::randn({kPreviewCount, m_config.latentSize}, m_cpuGen).to(m_device);
    m_g->to(m_device);
    m_d->to(m_device);
    m_optG = std::make_unique<FusedAdam>(m_g->parameters(), m_config.lrG, m_config.beta1G, m_config.beta2G);
    m_optD = std::make_unique<FusedAdam>(m_d->parameters(), m_config.lrD, m_config.beta1D, m_config.beta2D);

    m_data = torch::from_blob(const_cast<uint8_t *>(data.pixels.data()),
                              {data.count, data.channels, data.height, data.width}, torch::kUInt8)
                 .to(m_device, /*non_blocking=*/false, /*copy=*/true);
    m_statSum = torch::zeros({4}, torch::TensorOptions().device(m_device));
    m_batchIndex = torch::zeros({1}, torch::TensorOptions().device(m_device).dtype(torch::kLong));

    if (!runDir.empty())
        m_runDir = std::make_unique<RunDirectory>(runDir);
}

void Trainer::prepareRunDirectory()
{
    // Deferred to the first step or save, so that a resume whose checkpoint turns out bad
    // leaves the run directory's files as they were.
    if (!m_runDir || m_runDirReady)
        return;
    m_runDir->writeConfig(m_config.toJson());
    m_runDir->rewriteMetrics(m_history);
    m_runDir->rewriteQuality(m_scores);
    m_runDirReady = true;
}

Trainer::~Trainer() = default;

bool Trainer::stepInCudaGraph() const
{
    return m_graph && m_graph->replaying();
}

void Trainer::beginEpoch()
{
    const auto perm = torch::randperm(m_data.size(0), m_cpuGen, torch::TensorOptions().dtype(torch::kLong));
    // In place: a captured step reads this very buffer. (Not a device comparison: "cuda" and
    // "cuda:0" differ as devices, and a new buffer each epoch left the graph reading a freed one.)
    if (m_perm.defined() && m_perm.numel() == perm.numel())
        m_perm.copy_(perm);
    else
        m_perm = perm.to(m_device);
    const double f = learningRateFactor();
    m_optG->setLearningRate(m_config.lrG * f);
    m_optD->setLearningRate(m_config.lrD * f);
}

torch::Tensor Trainer::realBatch(int batch) const
{
    // In a group, this rank's share of the batch: every rank has the same shuffle.
    const auto idx = m_perm.narrow(0, batch * int64_t(m_config.batchSize) + m_rank * m_localBatch, m_localBatch);
    return imagesAt(idx);
}

torch::Tensor Trainer::realBatchAt(const torch::Tensor &batchIndex) const
{
    // The batch number as a device tensor: a graph replays with whatever it holds.
    const int64_t b = m_config.batchSize;
    const auto idx = m_perm.narrow(0, 0, m_batchesPerEpoch * b).view({m_batchesPerEpoch, b}).index_select(0, batchIndex);
    return imagesAt(idx.view({b}));
}

torch::Tensor Trainer::imagesAt(const torch::Tensor &indices) const
{
    return m_data.index_select(0, indices).to(torch::kFloat).div_(127.5).sub_(1.0);
}

// One D step (and a G step when gStep): device work only, no host synchronisation, so that
// it can be captured in a CUDA graph.
void Trainer::deviceStep(bool gStep, double sigma, const torch::Tensor &real)
{
    const AutocastScope autocast(m_precision, m_device); // bf16: the forward passes in bfloat16
    // b: this process's rows. Random numbers are drawn for the whole batch and each rank takes
    // its rows (mine()), so that every rank's stream stays that of one process training alone.
    const int64_t b = m_localBatch, whole = m_config.batchSize;
    const auto opts = torch::TensorOptions().device(m_device);
    auto wholeShape = [&](const torch::Tensor &x) {
        auto shape = x.sizes().vec();
        shape[0] = whole;
        return shape;
    };
    auto noisy = [&](const torch::Tensor &x) {
        return sigma > 0 ? x + sigma * mine(torch::randn(wholeShape(x), m_devGen, opts)) : x;
    };

    const auto z = mine(torch::randn({whole, m_config.latentSize}, m_devGen, opts));
    torch::Tensor fake;
    if (gStep) {
        fake = m_g->forward(z);
    } else {
        torch::NoGradGuard noGrad;
        fake = m_g->forward(z);
    }

    // Discriminator step. Without batch norm in D, real and fake go through as one batch:
    // the same maths, in fewer and larger matrix products.
    m_optD->zeroGrad();
    const auto realIn = noisy(real), fakeIn = noisy(fake.detach());
    torch::Tensor realOut, fakeOut;
    if (!m_d->hasBatchNorm()) {
        const auto out = m_d->forward(torch::cat({realIn, fakeIn}));
        realOut = out.narrow(0, 0, b);
        fakeOut = out.narrow(0, b, b);
    } else {
        realOut = m_d->forward(realIn);
        fakeOut = m_d->forward(fakeIn);
    }
    torch::Tensor realTarget, fakeTarget;
    if (m_loss == LossKind::Bce || m_loss == LossKind::Lsgan) {
        realTarget = torch::full({b}, 1.0 - m_config.labelSmoothing, opts);
        fakeTarget = torch::zeros({b}, opts);
        if (m_config.labelFlipProb > 0) {
            const auto flipReal = mine(torch::rand({whole}, m_devGen, opts)) < m_config.labelFlipProb;
            const auto flipFake = mine(torch::rand({whole}, m_devGen, opts)) < m_config.labelFlipProb;
            realTarget = torch::where(flipReal, torch::zeros_like(realTarget), realTarget);
            fakeTarget = torch::where(flipFake, torch::ones_like(fakeTarget), fakeTarget);
        }
    }
    auto dLoss = discriminatorLoss(m_loss, realOut, fakeOut, realTarget, fakeTarget);
    if (m_loss == LossKind::WganGp && m_config.gpWeight > 0)
        dLoss = dLoss + m_config.gpWeight * gradientPenalty(m_d, realIn, fakeIn, m_devGen, whole, m_rank * b);
    dLoss.backward();
    if (m_group)
        averageGradients(*m_d);
    m_optD->step();

    torch::Tensor gLoss = torch::zeros({}, opts);
    if (gStep) {
        // D's weights get no gradient here: only the path through D back to G is needed.
        m_optG->zeroGrad();
        setRequiresGrad(*m_d, false);
        gLoss = generatorLoss(m_loss, m_d->forward(noisy(fake)));
        gLoss.backward();
        setRequiresGrad(*m_d, true);
        if (m_group)
            averageGradients(*m_g);
        m_optG->step();
    }
    {
        torch::NoGradGuard noGrad;
        m_statSum.add_(torch::stack({dLoss.detach(), meanScore(m_loss, realOut.detach()),
                                     meanScore(m_loss, fakeOut.detach()), gLoss.detach()}));
    }
}

bool Trainer::graphable(bool gStep, double sigma) const
{
    // What the graph captures as constants must not vary between steps: every batch a G step,
    // no instance noise; WGAN-GP's double backward stays eager.
    return m_device.is_cuda() && !m_graphFailed && !m_group && cudaGraphsEnabled() &&
           gStep && m_config.dStepsPerG == 1 && sigma <= 0 && m_loss != LossKind::WganGp;
}

void Trainer::trainStep()
{
    const auto started = Clock::now();
    prepareRunDirectory();
    applyLiveSettings();
    if (m_batchInEpoch >= m_batchesPerEpoch)
        endEpoch(); // left undone by a divergence stop, when steps are taken after it anyway
    if (m_healthy.bytes.empty())
        takeHealthySnapshot(); // the run's start (or the restored checkpoint) is the first healthy point
    if (m_batchInEpoch == 0 || !m_perm.defined())
        beginEpoch();
    const bool gStep = (m_globalStep + 1) % m_config.dStepsPerG == 0;
    const double sigma = currentInstanceNoise();
    bool done = false;
    if (graphable(gStep, sigma)) {
        // The graph holds constants and addresses: recapture when either could have changed.
        const GraphKey key{m_config.labelSmoothing, m_config.labelFlipProb, m_perm.data_ptr(), m_data.data_ptr()};
        if (!m_graph || key != m_graphKey) {
            m_graph = std::make_unique<CudaGraphStep>(m_device);
            m_graphKey = key;
        }
        m_batchIndex.fill_(int64_t(m_batchInEpoch));
        try {
            m_graph->run([this] { deviceStep(true, 0.0, realBatchAt(m_batchIndex)); });
            done = true;
        } catch (const CudaGraphCaptureError &e) {
            // Capture failed, the step did not run: say so once and train eagerly from here on.
            m_graphFailed = true;
            m_graph.reset();
            std::fprintf(stderr, "warning: CUDA graph capture failed, training without it: %s\n", e.what());
        }
    }
    if (!done)
        deviceStep(gStep, sigma, realBatch(m_batchInEpoch));
    ++m_dSteps;
    m_gSteps += gStep ? 1 : 0;
    ++m_batchInEpoch;
    ++m_globalStep;
    const bool epochEnds = m_batchInEpoch >= m_batchesPerEpoch;
    const bool reportNow = epochEnds || m_dSteps >= m_config.logEvery;
    if (reportNow)
        m_statSum.cpu(); // wait for the device, so that the step time below is true
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    m_windowSeconds += seconds;
    m_trainSeconds += seconds;
    const bool goOn = !reportNow || report();
    if (epochEnds && goOn)
        endEpoch();
}

bool Trainer::report()
{
    if (m_dSteps == 0)
        return true;
    if (m_group)
        agreeOnReport(); // every rank reports at the same steps
    const auto sums = m_statSum.to(torch::kCPU, torch::kDouble);
    const double *v = sums.data_ptr<double>();
    StepStats s;
    s.epoch = m_epochsDone + 1;
    s.step = m_globalStep;
    s.dLoss = v[0] / m_dSteps;
    s.dReal = v[1] / m_dSteps;
    s.dFake = v[2] / m_dSteps;
    s.gLoss = m_gSteps > 0 ? v[3] / m_gSteps : std::nan("");
    s.imagesPerSec = m_windowSeconds > 0 ? m_dSteps * m_config.batchSize / m_windowSeconds : 0;
    s.lrG = m_optG->learningRate();
    s.lrD = m_optD->learningRate();
    s.threads = m_threadsInUse;
    s.precision = precisionName(m_precision);
    s.onGpu = m_device.is_cuda();
    s.device = m_device.str();
    s.processes = processes();
    s.cudaGraph = stepInCudaGraph();
    s.instanceNoise = currentInstanceNoise();
    s.elapsedSec = m_trainSeconds;
    const bool gMeasured = m_gSteps > 0;
    m_statSum.zero_();
    m_dSteps = m_gSteps = 0;
    m_windowSeconds = 0;
    // A diverged report is not a metrics row. Paused on it, the step's epoch end still counts.
    if (!checkDivergence(s, gMeasured))
        return m_diverged && !m_stopRequested;
    m_history.push_back(s);
    if (m_runDir)
        m_runDir->appendMetric(s);
    if (m_observer)
        m_observer->onStepStats(s);
    sendDiscriminatorView();
    forwardScoreStatus();
    return true;
}

Image8 Trainer::previewGrid()
{
    return sampleGrid(m_g, m_fixedNoise, kPreviewColumns);
}

void Trainer::endEpoch()
{
    if (!m_diverged && !checkWeightsAtEpochEnd() && (!m_diverged || m_stopRequested))
        return; // rolled back, or stopping
    ++m_epochsDone;
    m_batchInEpoch = 0;
    EpochResult result;
    result.epoch = m_epochsDone;
    result.step = m_globalStep;
    result.grid = previewGrid();
    if (m_runDir) {
        result.framePath = m_runDir->framePath(m_epochsDone);
        writePng(result.framePath, result.grid);
    }
    if (m_observer)
        m_observer->onEpochEnd(result);
    if (m_diverged)
        return; // paused on a divergence and resumed: not a healthy point, no checkpoint of it
    scoreEpoch(); // before the snapshot and the checkpoint, which hold the scores
    takeHealthySnapshot();
    const bool due = m_config.checkpointEvery > 0 && m_epochsDone % m_config.checkpointEvery == 0;
    if (m_runDir && (due || finished()))
        saveCheckpoint();
}

void Trainer::setState(TrainerState state)
{
    if (m_observer)
        m_observer->onStateChanged(state);
}

bool Trainer::run()
{
    setState(TrainerState::Running);
    if (!finished())
        startScoring(); // the feature network gets ready while the first epoch trains
    bool pausedShown = false;
    try {
        while (!finished()) {
            if (m_stopRequested)
                break;
            // Thread counts are per OS thread in OpenMP: apply on the thread that trains.
            if (const int threads = m_threadsRequested.exchange(-1); threads >= 0)
                m_threadsInUse = applyThreads(threads);
            if (m_checkpointRequested.exchange(false) && m_runDir && !m_diverged)
                saveCheckpoint();
            if (m_rollbackRequested.exchange(false) && m_paused)
                rollBackOnRequest();
            if (m_paused) {
                if (m_stepRequests > 0) {
                    --m_stepRequests;
                    trainStep();
                    report(); // someone stepping by hand wants to see this very step
                    if (m_observer && !finished())
                        m_observer->onStepGrid(previewGrid(), m_epochsDone + 1, m_globalStep);
                    continue;
                }
                if (!pausedShown) {
                    setState(TrainerState::Paused);
                    pausedShown = true;
                }
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait_for(lock, std::chrono::milliseconds(200), [&] {
                    return !m_paused || m_stopRequested || m_stepRequests > 0 || m_checkpointRequested ||
                           m_rollbackRequested;
                });
                continue;
            }
            if (pausedShown) {
                setState(TrainerState::Running);
                pausedShown = false;
            }
            trainStep();
        }
        if (!finished()) {
            if (m_runDir && m_lastCheckpointStep != m_globalStep && !m_diverged)
                saveCheckpoint();
            setState(TrainerState::Stopped);
            return false;
        }
        setState(TrainerState::Finished);
        return true;
    } catch (const std::exception &e) {
        if (m_observer)
            m_observer->onError(e.what());
        setState(TrainerState::Failed);
        throw;
    }
}

} // namespace ganvas
