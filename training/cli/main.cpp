// ganvas-cli: train, sample, gif, bench, datasets and score without the GUI.
#include "checkpoint/checkpoint.h"
#include "cli/commands.h"
#include "data/dataerror.h"
#include "engine/cpuruntime.h"
#include "engine/trainingconfig.h"

#include <torch/torch.h>

#include <cstdio>
#include <map>

namespace {

// Faults in what the user gave us (arguments, config, dataset, checkpoint) are exit code 2;
// anything that goes wrong while running is 1.
int exitCodeFor(const std::exception &e)
{
    if (dynamic_cast<const ganvas::UsageError *>(&e) || dynamic_cast<const ganvas::DataError *>(&e) ||
        dynamic_cast<const ganvas::ConfigError *>(&e) || dynamic_cast<const ganvas::CheckpointError *>(&e) ||
        dynamic_cast<const std::invalid_argument *>(&e))
        return ganvas::kExitBadInput;
    return ganvas::kExitFailure;
}

} // namespace

int main(int argc, char **argv)
{
    ganvas::ensureFastBlas(argc, argv);
    ganvas::setCommandLine(argc, argv);
    CLI::App app{"GANvas command line: train GANs, sample from checkpoints, export GIFs, benchmark"};
    app.set_version_flag("--version", std::string("ganvas-cli ") + GANVAS_VERSION);
    app.require_subcommand(1);
    std::map<CLI::App *, ganvas::CommandAction> actions;
    for (auto add : {ganvas::addTrainCommand, ganvas::addSampleCommand, ganvas::addGifCommand,
                     ganvas::addBenchCommand, ganvas::addDatasetsCommand, ganvas::addScoreCommand}) {
        auto action = add(app);
        actions[app.get_subcommands({}).back()] = action;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        const int code = app.exit(e);
        return code == 0 ? ganvas::kExitOk : ganvas::kExitBadInput;
    }
    try {
        for (auto &[sub, action] : actions)
            if (sub->parsed())
                return action();
        return ganvas::kExitBadInput;
    } catch (const c10::Error &e) {
        std::fprintf(stderr, "%serror: %s\n", ganvas::processPrefix().c_str(), e.what_without_backtrace());
        return ganvas::kExitFailure;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%serror: %s\n", ganvas::processPrefix().c_str(), e.what());
        return exitCodeFor(e);
    }
}