#pragma once

#include "engine/trainingconfig.h"
#include "models/modelfactory.h"
#include "quality/qualityscore.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace ganvas {

class QualityScorer;

// The quality scores of one training run (score_every, score_samples, feature_net). The feature
// network and the real images' features are made ready on a thread of their own from the moment
// the session starts, so that training a classifier the first time (a minute on 2 cores, then
// cached) runs alongside the first epoch instead of stalling it. Every other call is made by the
// thread that trains.
class ScoreSession
{
public:
    explicit ScoreSession(const TrainingConfig &config);
    ~ScoreSession(); // cancels a preparation still running and waits for it

    // Scores `samples` images of G (noise from `seed`); waits for the preparation if it is still
    // running, handing its progress to status() meanwhile while `keepWaiting()` is true.
    // nullopt when scoring is unavailable (the reason in the next status()) or waiting was given up.
    std::optional<QualityScore> score(Generator &g, int latentSize, int samples, uint64_t seed,
                                      const std::function<bool()> &keepWaiting);
    // The status since the last call (nullopt when nothing new): preparation progress, or why
    // there will be no scores.
    std::optional<ScoreStatus> takeStatus();
    bool unavailable() const { return m_unavailable; }

private:
    bool waitReady(const std::function<bool()> &keepWaiting);
    void setStatus(ScoreStatus status);
    void setUnavailable(const std::string &reason);

    std::future<std::unique_ptr<QualityScorer>> m_preparing;
    std::unique_ptr<QualityScorer> m_scorer;
    std::atomic<bool> m_cancel{false};
    bool m_unavailable = false;
    std::mutex m_statusMutex;
    std::optional<ScoreStatus> m_status;
};

} // namespace ganvas
