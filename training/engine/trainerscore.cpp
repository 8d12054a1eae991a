// The Trainer's quality scores between epochs (score_every, score_samples, feature_net); the
// scoring itself is quality/scoresession.h. The rest of Trainer is in trainer.cpp.
#include "checkpoint/rundirectory.h"
#include "engine/trainer.h"
#include "quality/scoresession.h"

#include <chrono>

namespace ganvas {

namespace {

// Every score of a run draws the same noise, so that the scores of its epochs differ only
// by what G learnt.
uint64_t scoreSeed(const TrainingConfig &c)
{
    return c.seed ^ 0x9e3779b97f4a7c15ULL;
}

} // namespace

void Trainer::startScoring()
{
    if (!m_scoring && m_config.scoreEvery > 0)
        m_scoring = std::make_unique<ScoreSession>(m_config);
}

void Trainer::forwardScoreStatus()
{
    if (!m_scoring)
        return;
    if (const auto status = m_scoring->takeStatus(); status && m_observer)
        m_observer->onScoreStatus(*status);
}

void Trainer::scoreEpoch()
{
    if (m_config.scoreEvery <= 0 || m_epochsDone % m_config.scoreEvery != 0)
        return;
    startScoring();
    if (m_scoring->unavailable())
        return;
    const auto start = std::chrono::steady_clock::now();
    // Waiting for a classifier still in training gives way to Pause and Stop: that epoch goes
    // unscored, the next one is scored.
    const auto keepWaiting = [this] {
        forwardScoreStatus();
        return !m_stopRequested.load() && !m_paused.load();
    };
    auto score = m_scoring->score(m_g, m_config.latentSize, m_config.scoreSamples, scoreSeed(m_config), keepWaiting);
    forwardScoreStatus();
    if (!score)
        return;
    score->epoch = m_epochsDone;
    score->step = m_globalStep;
    score->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m_scores.push_back(*score);
    if (m_runDir) {
        prepareRunDirectory();
        m_runDir->appendQuality(*score);
    }
    if (m_observer)
        m_observer->onQualityScore(*score);
}

} // namespace ganvas
