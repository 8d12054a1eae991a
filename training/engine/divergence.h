#pragma once

#include <cstdint>
#include <string>

namespace ganvas {

// What the trainer did about a diverged loss (TrainingConfig::onDivergence).
enum class DivergenceAction {
    RolledBack, // restored the last healthy state, both learning rates halved, training goes on
    Stopped,    // the run stopped (on_divergence = stop, or a divergence after kMaxRollbacks)
    Paused,     // the trainer paused itself; Trainer::requestRollback() rolls back and goes on
};

// A loss caught at a report (every log_every steps): not finite, or past divergenceBound().
struct DivergenceEvent
{
    std::string loss;          // "D" or "G"
    double value = 0;          // the mean over the report's window (inf, nan or huge)
    std::string valueText;     // "inf", "-inf", "nan" or the number
    int epoch = 0;             // 1-based epoch the report belongs to
    int64_t step = 0;          // global step of the report
    DivergenceAction action = DivergenceAction::Stopped;
    int rollbacks = 0;         // rollbacks in this run so far (after this one)
    // RolledBack: the state now in use and the learning rates of the config from now on.
    int toEpoch = 0;           // epochs completed at the restored state
    int64_t toStep = 0;        // global step of the restored state
    bool toEpochStart = true;  // the restored state sits at an epoch boundary
    double lrG = 0, lrD = 0;
    std::string message;       // the plain sentence of divergenceText()
};

// Rollbacks a run may take; the next divergence stops it.
constexpr int kMaxRollbacks = 3;

// The one bound on |loss| past which a loss counts as exploded. bce, lsgan and hinge losses stay
// within single digits in a healthy run, so 1e4 leaves a wide margin; a WGAN-GP critic's loss is
// an unbounded score difference that legitimately reaches the hundreds or thousands, so 1e6.
double divergenceBound(const std::string &loss);

// "inf", "-inf", "nan" or the number as %.6g writes it.
std::string lossValueText(double value);
// A learning rate without an exponent: 5e-05 -> "0.00005".
std::string plainRate(double rate);
// "G loss became infinite at step 1234 (epoch 3): rolled back to epoch 2, learning rates halved
// to 0.00005 / 0.00005".
std::string divergenceText(const DivergenceEvent &e);

} // namespace ganvas
