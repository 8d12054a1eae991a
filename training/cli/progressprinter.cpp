#include "cli/progressprinter.h"

#include <cmath>

namespace ganvas {

std::string formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return "--:--";
    const long s = std::lround(seconds);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

ProgressPrinter::ProgressPrinter(std::FILE *out, bool terminal, int epochs, int64_t totalSteps)
    : m_out(out), m_terminal(terminal), m_epochs(epochs), m_totalSteps(totalSteps),
      m_lastPlain(std::chrono::steady_clock::now())
{
}

std::string ProgressPrinter::statusText(const StepStats &s) const
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "epoch %d/%d step %lld/%lld  D %.4f  G %.4f  D(x) %.3f  D(G(z)) %.3f  %.0f img/s",
                  s.epoch, m_epochs, static_cast<long long>(s.step), static_cast<long long>(m_totalSteps),
                  s.dLoss, s.gLoss, s.dReal, s.dFake, s.imagesPerSec);
    return buf;
}

void ProgressPrinter::onStepStats(const StepStats &s)
{
    // ETA from the recent speed: steps left x (seconds per step).
    const double stepsPerSec = s.elapsedSec > 0 ? s.step / s.elapsedSec : 0;
    const double eta = stepsPerSec > 0 ? (m_totalSteps - s.step) / stepsPerSec : NAN;
    m_last = s;
    if (m_terminal) {
        constexpr int kWidth = 24;
        const double frac = m_totalSteps > 0 ? double(s.step) / m_totalSteps : 0;
        const int filled = static_cast<int>(frac * kWidth);
        std::string bar(filled, '#');
        bar += std::string(kWidth - filled, '.');
        std::fprintf(m_out, "\r\033[K[%s] %3.0f%% %s  ETA %s", bar.c_str(), 100 * frac, statusText(s).c_str(),
                     formatDuration(eta).c_str());
        std::fflush(m_out);
        m_lineOpen = true;
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastPlain < std::chrono::seconds(5))
        return;
    m_lastPlain = now;
    std::fprintf(m_out, "%s  ETA %s\n", statusText(s).c_str(), formatDuration(eta).c_str());
    std::fflush(m_out);
}

void ProgressPrinter::endLine()
{
    if (m_lineOpen) {
        // The bar gives way to the line printed in its place.
        std::fprintf(m_out, "\r\033[K");
        m_lineOpen = false;
    }
}

void ProgressPrinter::onEpochEnd(const EpochResult &r)
{
    endLine();
    std::fprintf(m_out, "epoch %d/%d done  step %lld  D %.4f  G %.4f  D(x) %.3f  D(G(z)) %.3f  %.0f img/s  elapsed %s%s%s\n",
                 r.epoch, m_epochs, static_cast<long long>(r.step), m_last.dLoss, m_last.gLoss, m_last.dReal,
                 m_last.dFake, m_last.imagesPerSec, formatDuration(m_last.elapsedSec).c_str(),
                 r.framePath.empty() ? "" : "  frame ", r.framePath.c_str());
    std::fflush(m_out);
    m_lastPlain = std::chrono::steady_clock::now();
}

void ProgressPrinter::onCheckpointWritten(const std::string &path, int, int64_t)
{
    endLine();
    std::fprintf(m_out, "checkpoint %s\n", path.c_str());
    std::fflush(m_out);
}

void ProgressPrinter::onError(const std::string &message)
{
    endLine();
    std::fprintf(stderr, "error: %s\n", message.c_str());
}

void ProgressPrinter::onDivergence(const DivergenceEvent &e)
{
    // On stderr too when it stops the run: the reason a script exits 1.
    endLine();
    std::fprintf(e.action == DivergenceAction::Stopped ? stderr : m_out, "%s\n", e.message.c_str());
    std::fflush(m_out);
}

void ProgressPrinter::onQualityScore(const QualityScore &s)
{
    endLine();
    std::fprintf(m_out, "epoch %d score  fd %.4g  kid %.4g  precision %.3f  recall %.3f  (%d samples, %.1f s; %s)\n",
                 s.epoch, s.fd, s.kid, s.precision, s.recall, s.samples, s.seconds, s.featureNet.c_str());
    std::fflush(m_out);
}

void ProgressPrinter::onScoreStatus(const ScoreStatus &status)
{
    const std::string message = status.text();
    // Progress lines of the classifier's training repeat on every report: print each once.
    if (message == m_lastStatus)
        return;
    m_lastStatus = message;
    endLine();
    std::fprintf(m_out, "%s\n", message.c_str());
    std::fflush(m_out);
}

void ProgressPrinter::finish()
{
    endLine();
}

} // namespace ganvas
