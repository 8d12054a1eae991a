// The Trainer's state in and out of checkpoints (the rest of Trainer is in trainer.cpp).
#include "checkpoint/checkpoint.h"
#include "checkpoint/rundirectory.h"
#include "engine/trainer.h"
#include "engine/cudagraphstep.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace ganvas {

namespace {

constexpr int kMetricColumns = 11;

std::vector<double> flatten(const StepStats &s)
{
    return {double(s.epoch), double(s.step), s.dLoss, s.gLoss, s.dReal, s.dFake,
            s.imagesPerSec, s.lrG, s.lrD, s.instanceNoise, s.elapsedSec};
}

// A stored double as an integer; a damaged checkpoint's NaN or out-of-range value becomes 0
// rather than an undefined conversion.
template <typename Int>
Int toInteger(double v)
{
    const double limit = double(std::numeric_limits<Int>::max());
    return std::isfinite(v) && v >= -limit && v < limit ? static_cast<Int>(v) : Int(0);
}

StepStats unflatten(const double *v)
{
    StepStats s;
    s.epoch = toInteger<int>(v[0]), s.step = toInteger<int64_t>(v[1]), s.dLoss = v[2], s.gLoss = v[3], s.dReal = v[4];
    s.dFake = v[5], s.imagesPerSec = v[6], s.lrG = v[7], s.lrD = v[8], s.instanceNoise = v[9];
    s.elapsedSec = v[10];
    return s;
}

constexpr int kScoreColumns = 7;

// The scores as one float64 tensor (epoch, step, fd, kid, precision, recall, samples) and
// their feature networks' names, one per line.
std::pair<torch::Tensor, std::string> packScores(const std::vector<QualityScore> &scores)
{
    auto t = torch::empty({int64_t(scores.size()), kScoreColumns}, torch::kDouble);
    std::string names;
    for (size_t i = 0; i < scores.size(); ++i) {
        const auto &q = scores[i];
        const double row[kScoreColumns] = {double(q.epoch), double(q.step), q.fd, q.kid, q.precision, q.recall,
                                           double(q.samples)};
        std::copy(row, row + kScoreColumns, t.data_ptr<double>() + i * kScoreColumns);
        names += (i ? "\n" : "") + q.featureNet;
    }
    return {t, names};
}

std::vector<QualityScore> unpackScores(const torch::Tensor &packed, const std::string &names)
{
    std::vector<QualityScore> out;
    if (packed.dim() != 2 || packed.size(1) != kScoreColumns)
        return out;
    const auto t = packed.to(torch::kDouble).contiguous();
    std::istringstream lines(names);
    for (int64_t i = 0; i < t.size(0); ++i) {
        const double *v = t.data_ptr<double>() + i * kScoreColumns;
        QualityScore q;
        q.epoch = toInteger<int>(v[0]), q.step = toInteger<int64_t>(v[1]), q.fd = v[2], q.kid = v[3];
        q.precision = v[4], q.recall = v[5], q.samples = toInteger<int>(v[6]);
        std::getline(lines, q.featureNet);
        out.push_back(q);
    }
    return out;
}

} // namespace

void Trainer::saveCheckpointTo(const std::string &path)
{
    torch::serialize::OutputArchive a;
    writeState(a);
    writeCheckpoint(path, a);
}

void Trainer::writeState(torch::serialize::OutputArchive &a) const
{
    a.write("format", c10::IValue(std::string("ganvas-checkpoint")));
    a.write("app_version", c10::IValue(std::string(GANVAS_VERSION)));
    a.write("config", c10::IValue(m_config.toJson()));
    a.write("image_shape", torch::tensor({m_shape.channels, m_shape.height, m_shape.width}, torch::kLong));
    torch::serialize::OutputArchive g, d, og, od;
    m_g->save(g);
    m_d->save(d);
    m_optG->save(og);
    m_optD->save(od);
    a.write("generator", g);
    a.write("discriminator", d);
    a.write("optimizer_g", og);
    a.write("optimizer_d", od);
    a.write("epochs_done", torch::tensor(int64_t(m_epochsDone)));
    a.write("global_step", torch::tensor(m_globalStep));
    a.write("batch_in_epoch", torch::tensor(int64_t(m_batchInEpoch)));
    a.write("perm", m_perm.defined() ? m_perm.cpu() : torch::empty({0}, torch::kLong));
    a.write("rng_cpu", m_cpuGen.get_state());
    if (!m_device.is_cpu())
        a.write("rng_device", m_devGen.get_state());
    a.write("fixed_noise", m_fixedNoise.cpu());
    a.write("stat_sum", m_statSum.cpu());
    a.write("stat_counts", torch::tensor({m_dSteps, m_gSteps}, torch::kLong));
    a.write("seconds", torch::tensor({m_trainSeconds, m_windowSeconds}, torch::kDouble));
    auto metrics = torch::empty({int64_t(m_history.size()), kMetricColumns}, torch::kDouble);
    for (size_t i = 0; i < m_history.size(); ++i) {
        const auto row = flatten(m_history[i]);
        std::copy(row.begin(), row.end(), metrics.data_ptr<double>() + i * kMetricColumns);
    }
    a.write("metrics", metrics);
    const auto [scores, nets] = packScores(m_scores);
    a.write("quality", scores);
    a.write("quality_nets", c10::IValue(nets));
}

std::string Trainer::saveCheckpoint()
{
    if (!m_runDir)
        throw CheckpointError("no run directory to write the checkpoint into");
    if (m_diverged)
        throw CheckpointError("not writing a checkpoint: the training state has diverged");
    prepareRunDirectory();
    const std::string path = m_runDir->checkpointPath(m_epochsDone, m_globalStep, m_batchInEpoch != 0);
    saveCheckpointTo(path);
    m_lastCheckpointStep = m_globalStep;
    if (m_observer)
        m_observer->onCheckpointWritten(path, m_epochsDone, m_globalStep);
    return path;
}

TrainingConfig Trainer::checkpointConfig(const std::string &path)
{
    torch::serialize::InputArchive a;
    readCheckpoint(path, a);
    c10::IValue config;
    try {
        a.read("config", config);
    } catch (const c10::Error &) {
        throw CheckpointError(path + ": damaged: no config in the checkpoint");
    }
    if (!config.isString())
        throw CheckpointError(path + ": damaged: the checkpoint's config is not text");
    return TrainingConfig::fromJson(config.toStringRef(), path + " (config)");
}

void Trainer::restore(const std::string &path)
{
    torch::serialize::InputArchive a;
    readCheckpoint(path, a);
    // A checkpoint can pass the checksum and still not fit this model; keep the current
    // state to fall back to, so that a refused checkpoint changes nothing.
    torch::serialize::OutputArchive backup;
    writeState(backup);
    std::ostringstream backupBytes;
    backup.save_to(backupBytes);
    try {
        readState(a, path);
    } catch (...) {
        torch::serialize::InputArchive previous;
        const std::string bytes = backupBytes.str();
        previous.load_from(bytes.data(), bytes.size());
        readState(previous, path);
        throw;
    }
    m_lastCheckpointStep = m_globalStep;
    m_runDirReady = false; // metrics.csv is rewritten to the checkpoint's history
    m_healthy = {};        // the restored state becomes the healthy point at the next step
    m_diverged = false;
}

void Trainer::readState(torch::serialize::InputArchive &a, const std::string &path)
{
    torch::NoGradGuard noGrad;
    m_graph.reset(); // loading swaps the tensors a captured step points at
    try {
        torch::Tensor shape;
        a.read("image_shape", shape);
        if (shape[0].item<int64_t>() != m_shape.channels || shape[1].item<int64_t>() != m_shape.height ||
            shape[2].item<int64_t>() != m_shape.width)
            throw CheckpointError(path + ": the checkpoint was trained on images of another size");
        torch::serialize::InputArchive g, d, og, od;
        a.read("generator", g);
        a.read("discriminator", d);
        a.read("optimizer_g", og);
        a.read("optimizer_d", od);
        m_g->load(g);
        m_d->load(d);
        m_g->to(m_device);
        m_d->to(m_device);
        m_optG->load(og);
        m_optD->load(od);
        torch::Tensor epochs, step, batch, perm, rng, noise, statSum, counts, seconds, metrics;
        a.read("epochs_done", epochs);
        a.read("global_step", step);
        a.read("batch_in_epoch", batch);
        a.read("perm", perm);
        a.read("rng_cpu", rng);
        a.read("fixed_noise", noise);
        a.read("stat_sum", statSum);
        a.read("stat_counts", counts);
        a.read("seconds", seconds);
        a.read("metrics", metrics);
        m_epochsDone = static_cast<int>(epochs.item<int64_t>());
        m_globalStep = step.item<int64_t>();
        m_batchInEpoch = static_cast<int>(batch.item<int64_t>());
        m_perm = perm.numel() > 0 ? perm.to(m_device) : torch::Tensor();
        if (m_batchInEpoch > 0 && (!m_perm.defined() || m_perm.size(0) != m_data.size(0)))
            throw CheckpointError(path + ": the checkpoint was trained on a dataset of another size");
        m_cpuGen.set_state(rng);
        if (!m_device.is_cpu()) {
            torch::Tensor devRng;
            if (a.try_read("rng_device", devRng)) {
                std::lock_guard<std::mutex> lock(m_devGen.mutex());
                m_devGen.set_state(devRng);
            }
        }
        m_fixedNoise = noise.to(m_device);
        m_statSum.copy_(statSum);
        m_dSteps = counts[0].item<int64_t>();
        m_gSteps = counts[1].item<int64_t>();
        m_trainSeconds = seconds[0].item<double>();
        m_windowSeconds = seconds[1].item<double>();
        m_history.clear();
        metrics = metrics.contiguous();
        for (int64_t i = 0; i < metrics.size(0); ++i)
            m_history.push_back(unflatten(metrics.data_ptr<double>() + i * kMetricColumns));
        // Checkpoints from before the quality score hold none.
        torch::Tensor scores;
        c10::IValue nets;
        m_scores.clear();
        if (a.try_read("quality", scores) && a.try_read("quality_nets", nets) && nets.isString())
            m_scores = unpackScores(scores, nets.toStringRef());
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw CheckpointError(path + ": does not match this run's model or is damaged: " +
                              what.substr(0, what.find('\n')));
    } catch (const std::runtime_error &e) {
        throw CheckpointError(path + ": " + e.what());
    }
}

} // namespace ganvas
