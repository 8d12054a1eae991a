// The divergence guard. Losses are checked where report() already reads the statistics back
// (every log_every steps), so the step itself gains no host synchronisation and a step replayed
// as a CUDA graph is covered as well. The rest of Trainer is in trainer.cpp.
#include "checkpoint/checkpoint.h"
#include "checkpoint/rundirectory.h"
#include "engine/trainer.h"

#include <cmath>
#include <sstream>

namespace ganvas {

bool Trainer::checkDivergence(const StepStats &s, bool gMeasured)
{
    // Not finite before past the bound, D before G: the first of these names the event.
    struct Loss { const char *name; double value; bool measured; };
    const Loss losses[] = {{"D", s.dLoss, true}, {"G", s.gLoss, gMeasured}};
    const double bound = divergenceBound(m_config.loss);
    for (bool finiteTest : {true, false})
        for (const Loss &l : losses)
            if (l.measured && (finiteTest ? !std::isfinite(l.value) : std::abs(l.value) > bound)) {
                handleDivergence(l.name, l.value);
                return false;
            }
    m_diverged = false; // healthy again (a paused divergence that was resumed and recovered)
    return true;
}

bool Trainer::weightsFinite(torch::nn::Module &m) const
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> flags;
    for (const auto &p : m.parameters())
        flags.push_back(torch::isfinite(p).all());
    return flags.empty() || torch::stack(flags).all().item<bool>();
}

bool Trainer::checkWeightsAtEpochEnd()
{
    // A step's loss is measured before its update, so the last update of an epoch can leave
    // non-finite weights behind healthy losses; they must not become the healthy state.
    for (auto [name, module] : {std::pair<const char *, torch::nn::Module *>{"D", m_d.ptr().get()},
                                {"G", m_g.ptr().get()}})
        if (!weightsFinite(*module)) {
            handleDivergence(name, std::nan(""));
            return false;
        }
    return true;
}

void Trainer::handleDivergence(const std::string &loss, double value)
{
    DivergenceEvent e;
    e.loss = loss;
    e.value = value;
    e.valueText = lossValueText(value);
    e.epoch = m_epochsDone + 1;
    e.step = m_globalStep;
    e.rollbacks = m_rollbacks;
    writeEvent(e, "divergence", loss + " loss " + e.valueText);
    m_lastDivergence = e;
    m_diverged = true;
    if (m_config.onDivergence == "pause" && !m_group) { // a group has no one to resume it: it stops
        e.action = DivergenceAction::Paused;
        m_paused = true;
    } else if (m_config.onDivergence == "rollback" && m_rollbacks < kMaxRollbacks && !m_healthy.bytes.empty()) {
        ++m_rollbacks;
        rollBack(e);
    } else {
        e.action = DivergenceAction::Stopped;
        m_stopRequested = true;
    }
    notifyDivergence(e);
}

void Trainer::takeHealthySnapshot()
{
    torch::serialize::OutputArchive a;
    writeState(a);
    std::ostringstream bytes;
    a.save_to(bytes);
    m_healthy = {bytes.str(), m_epochsDone, m_globalStep, m_batchInEpoch};
}

void Trainer::rollBack(DivergenceEvent &e)
{
    torch::serialize::InputArchive a;
    a.load_from(m_healthy.bytes.data(), m_healthy.bytes.size());
    readState(a, "the last healthy state");
    // Halved in the config itself, so config.json and later checkpoints (a resume) keep them.
    m_config.lrG /= 2;
    m_config.lrD /= 2;
    const double f = learningRateFactor();
    m_optG->setLearningRate(m_config.lrG * f);
    m_optD->setLearningRate(m_config.lrD * f);
    m_diverged = false;
    // config.json gets the new rates, metrics.csv the restored state's history (as a resume does).
    m_runDirReady = false;
    prepareRunDirectory();
    e.action = DivergenceAction::RolledBack;
    e.rollbacks = m_rollbacks;
    e.toEpoch = m_healthy.epochsDone;
    e.toStep = m_healthy.step;
    e.toEpochStart = m_healthy.batchInEpoch == 0;
    e.lrG = m_config.lrG;
    e.lrD = m_config.lrD;
    writeEvent(e, "rollback", "to epoch " + std::to_string(e.toEpoch) + " step " + std::to_string(e.toStep) +
                                  "; lr_g " + plainRate(e.lrG) + " lr_d " + plainRate(e.lrD));
}

void Trainer::rollBackOnRequest()
{
    if (m_healthy.bytes.empty())
        return;
    DivergenceEvent e = m_lastDivergence; // the divergence this answers, if there was one
    rollBack(e);
    m_paused = false;
    if (!e.loss.empty())
        notifyDivergence(e);
}

void Trainer::notifyDivergence(DivergenceEvent e)
{
    e.message = divergenceText(e);
    if (e.action == DivergenceAction::Stopped) {
        m_stopMessage = e.message;
        writeEvent(e, "stop", e.message);
    } else if (e.action == DivergenceAction::Paused) {
        writeEvent(e, "pause", e.message);
    }
    if (m_observer)
        m_observer->onDivergence(e);
}

void Trainer::writeEvent(const DivergenceEvent &e, const std::string &kind, const std::string &detail)
{
    // Every event of one divergence carries the epoch and step where it was caught.
    if (m_runDir)
        m_runDir->appendEvent(e.epoch, e.step, kind, detail);
}

} // namespace ganvas
