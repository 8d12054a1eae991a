#include "quality/scoresession.h"

#include "quality/qualityscorer.h"

#include <chrono>
#include <cstdio>
#include <utility>

namespace ganvas {

namespace {

struct Cancelled
{
};

} // namespace

ScoreSession::ScoreSession(const TrainingConfig &config)
{
    ScoreStatus preparing;
    preparing.what = config.featureNet.empty() ? config.dataset : config.featureNet;
    setStatus(preparing);
    m_preparing = std::async(std::launch::async, [this, config] {
        return std::make_unique<QualityScorer>(config, config.featureNet, [this](int epoch, int epochs, double acc) {
            if (m_cancel)
                throw Cancelled{};
            ScoreStatus s;
            s.kind = acc < 0 ? ScoreStatus::Kind::TrainingNetwork : ScoreStatus::Kind::NetworkReady;
            s.epoch = epoch, s.epochs = epochs, s.accuracy = acc;
            setStatus(s);
        });
    });
}

ScoreSession::~ScoreSession()
{
    m_cancel = true;
    if (m_preparing.valid())
        m_preparing.wait();
}

void ScoreSession::setStatus(ScoreStatus status)
{
    std::lock_guard<std::mutex> lock(m_statusMutex);
    m_status = std::move(status);
}

void ScoreSession::setUnavailable(const std::string &reason)
{
    m_unavailable = true;
    ScoreStatus s;
    s.kind = ScoreStatus::Kind::Unavailable;
    s.reason = reason;
    setStatus(s);
}

std::optional<ScoreStatus> ScoreSession::takeStatus()
{
    std::lock_guard<std::mutex> lock(m_statusMutex);
    return std::exchange(m_status, std::nullopt);
}

bool ScoreSession::waitReady(const std::function<bool()> &keepWaiting)
{
    if (m_scorer)
        return true;
    while (m_preparing.wait_for(std::chrono::milliseconds(200)) != std::future_status::ready)
        if (!keepWaiting())
            return false;
    try {
        m_scorer = m_preparing.get();
    } catch (const Cancelled &) {
        m_unavailable = true;
    } catch (const std::exception &e) {
        setUnavailable(e.what());
    }
    return m_scorer != nullptr;
}

std::optional<QualityScore> ScoreSession::score(Generator &g, int latentSize, int samples, uint64_t seed,
                                                const std::function<bool()> &keepWaiting)
{
    if (m_unavailable || !waitReady(keepWaiting))
        return std::nullopt;
    try {
        return m_scorer->score(g, latentSize, samples, seed);
    } catch (const std::exception &e) {
        // The feature network and the images disagree (a folder of another size, a TorchScript
        // module for other inputs): say so once, and train on without scores.
        setUnavailable(e.what());
        return std::nullopt;
    }
}

} // namespace ganvas
