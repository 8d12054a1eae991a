#include "checkpoint/atomicfile.h"
#include "checkpoint/rundirectory.h"
#include "cli/commands.h"
#include "cli/progressprinter.h"
#include "data/datasetlocator.h"
#include "distributed/processgroup.h"
#include "engine/configfields.h"
#include "engine/cpuruntime.h"
#include "engine/presets.h"
#include "engine/precision.h"
#include "engine/trainer.h"

#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <memory>

namespace ganvas {

namespace {

struct TrainOptions
{
    std::string configFile;
    std::string preset;
    std::string resume;
    std::string out;
    int nproc = 1;
    TrainingConfig cli; // values given on the command line
};

std::atomic<Trainer *> g_running{nullptr};

// Ctrl-C stops at the end of the current step and writes a checkpoint; a second one kills.
void onInterrupt(int)
{
    if (Trainer *t = g_running.load()) {
        t->requestStop();
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
    }
}

std::string runDirOfCheckpoint(const std::string &checkpoint)
{
    namespace fs = std::filesystem;
    const fs::path folder = fs::path(checkpoint).parent_path();
    if (folder.filename() == "checkpoints")
        return folder.parent_path().string();
    return {};
}

// The settings and run directory of a new run or of one being continued: the config file or
// the checkpoint, with the command line's values over them. Throws UsageError.
TrainingConfig settingsFor(CLI::App *sub, const TrainOptions &o, std::string &checkpoint, std::string &out)
{
    auto given = [&](const char *name) { return sub->count(name) > 0; };
    TrainingConfig config;
    out = o.out;
    if (!o.resume.empty()) {
        if (!o.preset.empty())
            throw UsageError("--preset: cannot change a run being resumed (its checkpoint fixes the recipe)");
        try {
            checkpoint = RunDirectory::resolveCheckpoint(o.resume);
        } catch (const FileWriteError &e) {
            throw UsageError(e.what());
        }
        config = Trainer::checkpointConfig(checkpoint);
        if (out.empty())
            out = runDirOfCheckpoint(checkpoint);
        if (out.empty())
            throw UsageError("--out: give the run directory to continue in (the checkpoint is not inside one)");
    } else {
        // The preset first, a config file's fields over it, then the command line's.
        if (!o.preset.empty())
            applyPreset(o.preset, config);
        if (!o.configFile.empty())
            config.mergeFile(o.configFile);
        if (out.empty())
            throw UsageError("--out: a run directory is required (for example --out runs/fashion)");
        // A new run never writes over an old one's metrics, frames and checkpoints.
        std::error_code ec;
        if (std::filesystem::exists(out + "/config.json", ec) || !RunDirectory::listCheckpoints(out).empty())
            throw UsageError(out + ": already holds a run; continue it with --resume " + out +
                             ", or give another --out");
    }
    // Command-line values override the config file (or, when resuming, the checkpoint's); what
    // the checkpoint fixes cannot be overridden.
    for (const ConfigField &f : configFields()) {
        if (!f.cli || !given(f.cliOption().c_str()))
            continue;
        if (!checkpoint.empty() && f.change == FieldChange::Never)
            throw UsageError(f.cliOption() + ": cannot change when resuming (it is fixed by the checkpoint)");
        f.copy(o.cli, config);
    }
    const auto problems = config.validate();
    if (!problems.empty())
        throw UsageError("invalid settings:\n  " + problemsText(problems, "\n  "));

    return config;
}

// What was loaded, and the images left out: unreadable pictures do not stop a run, but a
// person should know they were left out.
void printDataset(const ImageSet &data)
{
    std::printf("data %s: %lld images %lldx%lldx%lld (%s)\n", data.source.c_str(), (long long)data.count,
                (long long)data.height, (long long)data.width, (long long)data.channels, data.format.c_str());
    if (data.skipped == 0)
        return;
    std::string named;
    for (const auto &note : data.notes)
        named += (named.empty() ? "" : ", ") + note;
    if (data.skipped > static_cast<int64_t>(data.notes.size()))
        named += ", ...";
    std::printf("note: skipped %lld unreadable file%s: %s\n", (long long)data.skipped,
                data.skipped == 1 ? "" : "s", named.c_str());
}

// Trains with Ctrl-C and SIGTERM asking for a stop; `cleanUp` runs before an error propagates.
template <typename CleanUp>
bool trainWithInterrupts(Trainer &trainer, CleanUp cleanUp)
{
    g_running = &trainer;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    bool done = false;
    try {
        done = trainer.run();
    } catch (...) {
        g_running = nullptr;
        cleanUp();
        throw;
    }
    g_running = nullptr;
    return done;
}

// A process of a run over several: joins the others (c10d) and takes its share of the cores.
std::shared_ptr<ProcessGroup> joinOthers(const ProcessPlace &place, const TrainingConfig &config, Trainer &trainer)
{
    // A peer that dies leaves sockets whose next write raises SIGPIPE, which would end this
    // process on the spot (the launcher then blamed it, "killed by signal 13", not the one that
    // died). Ignored, the write fails instead and c10d reports the lost contact as an error.
    std::signal(SIGPIPE, SIG_IGN);
    auto group = std::make_shared<ProcessGroup>(place, torch::Device(config.device), distributedTimeout());
    trainer.joinGroup(group);
    if (config.threads == 0)
        trainer.requestThreads(std::max(1, availableCores() / place.localWorldSize));
    return group;
}

int runTraining(CLI::App *sub, const TrainOptions &o)
{
    const ProcessPlace place = processPlaceFromEnvironment();
    std::string checkpoint, out;
    TrainingConfig config = settingsFor(sub, o, checkpoint, out);
    if (o.nproc > 1) {
        if (place.several())
            throw UsageError("--nproc: the launcher has started the processes already (RANK and WORLD_SIZE are set)");
        return launchLocalProcesses(o.nproc); // the settings were checked once, above
    }
    // Rank 0 (or a process alone) writes the run directory and speaks; the others stay quiet.
    const bool lead = place.rank == 0;
    if (place.several() && config.device == "cuda")
        config.device = "cuda:" + std::to_string(place.localRank); // one GPU per process on each machine
    const ImageSet data = loadDataset(config);
    if (lead)
        printDataset(data);
    Trainer trainer(config, data, lead ? out : std::string());
    if (!checkpoint.empty()) {
        trainer.restore(checkpoint);
        if (lead)
            std::printf("resumed %s at epoch %d, step %lld\n", checkpoint.c_str(), trainer.epochsDone(),
                        (long long)trainer.globalStep());
    }
    std::shared_ptr<ProcessGroup> group;
    if (place.several())
        group = joinOthers(place, config, trainer);
    if (!lead) {
        const bool done = trainWithInterrupts(trainer, [] {});
        group->finish();
        return done || !trainer.divergenceStopped() ? kExitOk : kExitFailure;
    }
    std::printf("model %s, loss %s, batch %d, %d epochs of %d steps, device %s, precision %s, %s\n",
                config.model.c_str(), config.loss.c_str(), config.batchSize, config.epochs, trainer.batchesPerEpoch(),
                config.device.c_str(), precisionName(trainer.precision()).c_str(), cpuRuntimeSummary().c_str());
    if (group)
        std::printf("%d processes (c10d %s, %s), each %d images of every batch\n", group->size(),
                    group->backend().c_str(), place.describe().c_str(), config.batchSize / group->size());
    for (const std::string &warning : {cpuRuntimeWarning(), precisionWarning(trainer.precision(), trainer.device())})
        if (!warning.empty())
            std::fprintf(stderr, "warning: %s\n", warning.c_str());
    std::printf("run directory %s\n", out.c_str());
    std::fflush(stdout);

    ProgressPrinter printer(stdout, isatty(STDOUT_FILENO), config.epochs,
                            int64_t(config.epochs) * trainer.batchesPerEpoch());
    trainer.setObserver(&printer);
    const bool done = trainWithInterrupts(trainer, [&] { printer.finish(); });
    printer.finish();
    if (group)
        group->finish();
    if (trainer.stepInCudaGraph())
        std::printf("each step ran as one CUDA graph\n");
    if (trainer.divergenceStopped()) {
        // The printer said why; no checkpoint was written from the diverged state.
        std::fprintf(stderr, "stopped: the training diverged; no checkpoint was written from the diverged state\n");
        return kExitFailure;
    }
    std::printf(done ? "finished %d epochs\n" : "stopped at epoch %d; resume with: ganvas-cli train --resume %s\n",
                trainer.epochsDone(), out.c_str());
    return kExitOk;
}

} // namespace

CLI::Option *addConfigOption(CLI::App *sub, TrainingConfig &config, const ConfigField &field)
{
    std::string help = field.help;
    if (field.kind == FieldKind::Choice) {
        // The panel shows the choices in its list; a terminal needs them in the help.
        std::string choices;
        for (const auto &c : field.choices)
            choices += (choices.empty() ? "" : ", ") + c;
        help += " [" + choices + "]";
    }
    return std::visit([&](auto m) { return sub->add_option(field.cliOption(), config.*m, help); }, field.member);
}

CLI::Option *addConfigOption(CLI::App *sub, TrainingConfig &config, const char *name)
{
    const ConfigField *field = findConfigField(name);
    if (!field)
        throw std::logic_error(std::string("no config field ") + name);
    return addConfigOption(sub, config, *field);
}

CommandAction addTrainCommand(CLI::App &app)
{
    auto *sub = app.add_subcommand("train", "Train a GAN; writes a run directory (config, metrics, frames, checkpoints)");
    auto o = std::make_shared<TrainOptions>();
    TrainingConfig &c = o->cli;
    sub->add_option("--config", o->configFile, "JSON file of settings (fields as in config.json)");
    sub->add_option("--preset", o->preset,
                    "Start from a named recipe of settings: " + presetNames() + " (default " +
                        defaultPresetName() + ")");
    sub->add_option("--resume", o->resume, "Continue from a checkpoint file or a run directory's newest one");
    sub->add_option("--out", o->out, "Run directory to write (required unless resuming)");
    sub->add_option("--nproc", o->nproc,
                    "Train on N processes of this machine together (data parallel through c10d: Gloo on the CPU, "
                    "NCCL on CUDA devices); batch_size is the whole batch, split among them")
        ->check(CLI::Range(1, 256));
    for (const ConfigField &f : configFields())
        if (f.cli)
            addConfigOption(sub, c, f);
    return [sub, o] { return runTraining(sub, *o); };
}

} // namespace ganvas
