// The Trainer's thread-safe controls and the settings that change mid-run (the rest of
// Trainer is in trainer.cpp and trainercheckpoint.cpp).
#include "checkpoint/rundirectory.h"
#include "engine/configfields.h"
#include "engine/trainer.h"

#include <algorithm>
#include <cmath>

namespace ganvas {

double Trainer::learningRateFactor() const
{
    if (m_config.lrDecay == "linear")
        return std::max(0.0, 1.0 - double(m_epochsDone) / m_config.epochs);
    if (m_config.lrDecay == "exponential")
        return std::pow(m_config.lrDecayGamma, m_epochsDone);
    return 1.0;
}

double Trainer::currentInstanceNoise() const
{
    if (m_config.instanceNoise <= 0 || m_config.instanceNoiseAnnealEpochs <= 0)
        return m_config.instanceNoise;
    const double progress = m_epochsDone + double(m_batchInEpoch) / std::max(1, m_batchesPerEpoch);
    return m_config.instanceNoise * std::max(0.0, 1.0 - progress / m_config.instanceNoiseAnnealEpochs);
}

void Trainer::requestPause()
{
    m_paused = true;
}

template <typename Change>
void Trainer::changeAndWake(Change change)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        change();
    }
    m_wake.notify_all();
}

void Trainer::requestResume()
{
    changeAndWake([this] { m_paused = false; });
}

void Trainer::requestStep()
{
    changeAndWake([this] {
        m_paused = true;
        ++m_stepRequests;
    });
}

void Trainer::requestStop()
{
    // In a group the ranks stop together: the request waits for the next report (agreeOnReport).
    changeAndWake([this] { (m_group ? m_stopAsked : m_stopRequested) = true; });
}

void Trainer::requestRollback()
{
    changeAndWake([this] { m_rollbackRequested = true; });
}

void Trainer::requestThreads(int threads)
{
    m_threadsRequested = std::max(0, threads);
}

void Trainer::requestCheckpoint()
{
    changeAndWake([this] { m_checkpointRequested = true; });
}

void Trainer::updateLiveSettings(const TrainingConfig &changed)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_liveConfig = changed;
    m_liveDirty = true;
}

void Trainer::applyLiveSettings()
{
    if (!m_liveDirty)
        return;
    TrainingConfig next = m_config;
    {
        // Exactly the fields the table marks as changeable mid-run; the rest stay the run's.
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const ConfigField &f : configFields())
            if (f.live())
                f.copy(m_liveConfig, next);
        m_liveDirty = false;
    }
    const auto problems = next.validate();
    if (!problems.empty()) {
        if (m_observer)
            m_observer->onError("settings not applied: " + problems.front().text());
        return;
    }
    m_config = next;
    const double f = learningRateFactor();
    m_optG->setLearningRate(m_config.lrG * f);
    m_optD->setLearningRate(m_config.lrD * f);
    if (m_runDir)
        m_runDir->writeConfig(m_config.toJson());
}

} // namespace ganvas
