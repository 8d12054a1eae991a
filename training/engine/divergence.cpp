#include "engine/divergence.h"

#include <cmath>
#include <cstdio>

namespace ganvas {

double divergenceBound(const std::string &loss)
{
    return loss == "wgan-gp" ? 1e6 : 1e4;
}

std::string lossValueText(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

std::string plainRate(double rate)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12f", rate);
    std::string s = buf;
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

namespace {

std::string became(const DivergenceEvent &e)
{
    if (std::isnan(e.value))
        return "became NaN (not a number)";
    if (std::isinf(e.value))
        return e.value > 0 ? "became infinite" : "became minus infinite";
    return "exploded to " + e.valueText;
}

std::string whereTo(const DivergenceEvent &e)
{
    if (e.toEpochStart)
        return e.toEpoch == 0 ? "the start of the run (epoch 0)" : "epoch " + std::to_string(e.toEpoch);
    return "step " + std::to_string(e.toStep) + " (epoch " + std::to_string(e.toEpoch + 1) + ")";
}

} // namespace

std::string divergenceText(const DivergenceEvent &e)
{
    std::string text = e.loss + " loss " + became(e) + " at step " + std::to_string(e.step) + " (epoch " +
                       std::to_string(e.epoch) + "): ";
    switch (e.action) {
    case DivergenceAction::RolledBack:
        text += "rolled back to " + whereTo(e) + ", learning rates halved to " + plainRate(e.lrG) + " / " +
                plainRate(e.lrD);
        break;
    case DivergenceAction::Paused:
        text += "paused";
        break;
    case DivergenceAction::Stopped:
        text += e.rollbacks >= kMaxRollbacks
                    ? "stopped after " + std::to_string(e.rollbacks) +
                          " rollbacks; lower the learning rates (--lr-g, --lr-d) and resume"
                    : std::string("stopped (on_divergence is stop)");
        break;
    }
    return text;
}

} // namespace ganvas
