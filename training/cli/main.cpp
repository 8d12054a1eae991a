// ganvas-cli: train, sample, gif and bench without the GUI.
#include "checkpoint/atomicfile.h"
#include "checkpoint/checkpoint.h"
#include "cli/commands.h"
#include "data/dataerror.h"
#include "engine/cpuruntime.h"
#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <torch/torch.h>

#include <cstdio>
#include <map>

int main(int argc, char **argv)
{
    ganvas::ensureFastBlas(argc, argv);
    CLI::App app{"GANvas command line: train GANs, sample from checkpoints, export GIFs, benchmark"};
    app.set_version_flag("--version", std::string("ganvas-cli ") + GANVAS_VERSION);
    app.require_subcommand(1);
    std::map<CLI::App *, ganvas::CommandAction> actions;
    for (auto add : {ganvas::addTrainCommand, ganvas::addSampleCommand, ganvas::addGifCommand,
                     ganvas::addBenchCommand}) {
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
    } catch (const ganvas::UsageError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitBadInput;
    } catch (const ganvas::DataError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitBadInput;
    } catch (const ganvas::ConfigError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitBadInput;
    } catch (const ganvas::CheckpointError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitBadInput;
    } catch (const std::invalid_argument &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitBadInput;
    } catch (const ganvas::MediaError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitFailure;
    } catch (const ganvas::FileWriteError &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitFailure;
    } catch (const c10::Error &e) {
        std::fprintf(stderr, "error: %s\n", e.what_without_backtrace());
        return ganvas::kExitFailure;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return ganvas::kExitFailure;
    }
}
