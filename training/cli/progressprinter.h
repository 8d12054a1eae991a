#pragma once

#include "engine/observer.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace ganvas {

// The CLI's view of a run: a redrawn progress bar (step, losses, images/s, ETA) on a
// terminal, plain lines (at most one every few seconds, one per epoch) otherwise.
class ProgressPrinter : public TrainerObserver
{
public:
    ProgressPrinter(std::FILE *out, bool terminal, int epochs, int64_t totalSteps);

    void onStepStats(const StepStats &s) override;
    void onEpochEnd(const EpochResult &r) override;
    void onCheckpointWritten(const std::string &path, int epoch, int64_t step) override;
    void onError(const std::string &message) override;
    void onDivergence(const DivergenceEvent &e) override;
    void onQualityScore(const QualityScore &s) override;
    void onScoreStatus(const ScoreStatus &status) override;
    void finish();

private:
    std::string statusText(const StepStats &s) const;
    void endLine();

    std::FILE *m_out;
    bool m_terminal;
    int m_epochs;
    int64_t m_totalSteps;
    bool m_lineOpen = false;
    std::string m_lastStatus;
    StepStats m_last;
    std::chrono::steady_clock::time_point m_lastPlain;
};

std::string formatDuration(double seconds);

} // namespace ganvas
