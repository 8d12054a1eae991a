// ganvas-cli datasets list | fetch NAME | verify NAME | preview NAME|PATH
#include "cli/commands.h"
#include "data/datasetfetch.h"
#include "data/datasetpreview.h"
#include "engine/trainingconfig.h"
#include "media/image8.h"
#include "media/pngio.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <memory>

namespace ganvas {

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_cancel{false};

// Ctrl-C cancels the fetch cleanly (the partial download is kept); a second one kills.
void onInterrupt(int)
{
    g_cancel = true;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

struct DatasetsOptions
{
    std::string name;
    std::string dataDir;
    std::string mirror;
    bool force = false;
    std::string out;       // preview: the PNG to write
    int imageSize = 32;    // preview of an image folder
    int imageChannels = 0;
    int scale = 1;
    uint64_t seed = 0;
};

const DatasetSpec &specNamed(const std::string &name)
{
    const DatasetSpec *spec = findDatasetSpec(name);
    if (!spec) {
        std::string known;
        for (const auto &s : knownDatasets())
            known += (known.empty() ? "" : ", ") + s.name;
        throw UsageError("unknown dataset \"" + name + "\": use " + known);
    }
    return *spec;
}

std::string sizeText(int64_t bytes)
{
    char text[32];
    if (bytes >= 1000000)
        std::snprintf(text, sizeof text, "%.1f MB", bytes / 1e6);
    else
        std::snprintf(text, sizeof text, "%.0f kB", bytes / 1e3);
    return text;
}

// A redrawn bar on a terminal; otherwise one line per step and a progress line every few seconds.
class FetchPrinter
{
public:
    explicit FetchPrinter(bool terminal) : m_terminal(terminal) {}

    void operator()(const FetchProgress &p)
    {
        const auto now = Clock::now();
        const bool newStep = p.phase != m_phase || p.file != m_file;
        if (newStep) {
            m_phase = p.phase;
            m_file = p.file;
            m_stepStart = now;
            m_lastPlain = now;
        }
        std::string what = p.phase + " " + p.file;
        if (p.fileIndex > 0)
            what += " (" + std::to_string(p.fileIndex) + "/" + std::to_string(p.fileCount) + ")";
        const double seconds = std::chrono::duration<double>(now - m_stepStart).count();
        std::string amount;
        if (p.bytes > 0 || p.total > 0) {
            amount = sizeText(p.bytes) + (p.total > 0 ? " of " + sizeText(p.total) : "");
            // A speed over a fraction of a second says nothing.
            if (seconds >= 0.5) {
                char rate[32];
                std::snprintf(rate, sizeof rate, "  %.1f MB/s", p.bytes / seconds / 1e6);
                amount += rate;
            }
        }
        const double frac = p.total > 0 ? std::min(1.0, double(p.bytes) / p.total) : 0;
        if (m_terminal) {
            constexpr int kWidth = 24;
            const int filled = static_cast<int>(frac * kWidth);
            std::fprintf(stdout, "\r\033[K[%s%s] %3.0f%% %s  %s", std::string(filled, '#').c_str(),
                         std::string(kWidth - filled, '.').c_str(), 100 * frac, what.c_str(), amount.c_str());
            std::fflush(stdout);
            m_lineOpen = true;
            return;
        }
        if (newStep) {
            std::printf("%s\n", what.c_str());
        } else if (now - m_lastPlain >= std::chrono::seconds(5)) {
            m_lastPlain = now;
            std::printf("  %3.0f%% %s\n", 100 * frac, amount.c_str());
        }
        std::fflush(stdout);
    }

    void endLine()
    {
        if (m_lineOpen)
            std::fprintf(stdout, "\r\033[K");
        m_lineOpen = false;
        std::fflush(stdout);
    }

private:
    bool m_terminal;
    bool m_lineOpen = false;
    std::string m_phase, m_file;
    Clock::time_point m_stepStart, m_lastPlain;
};

int listDatasets(const DatasetsOptions &o)
{
    std::printf("%-14s %-14s %7s  %-8s  %s\n", "NAME", "TITLE", "IMAGES", "SIZE", "STATUS");
    for (const auto &spec : knownDatasets()) {
        const DatasetStatus s = datasetStatus(spec, o.dataDir);
        const std::string status = !s.available ? "not installed"
                                   : s.fetched  ? "fetched to " + s.folder
                                                : "installed at " + s.folder;
        const std::string size = std::to_string(spec.width) + "x" + std::to_string(spec.height) + "x"
                                 + std::to_string(spec.channels);
        std::printf("%-14s %-14s %7lld  %-8s  %s\n", spec.name.c_str(), spec.title.c_str(),
                    static_cast<long long>(spec.images), size.c_str(), status.c_str());
    }
    return kExitOk;
}

int fetch(const DatasetsOptions &o)
{
    const DatasetSpec &spec = specNamed(o.name);
    FetchOptions options;
    options.dataDir = o.dataDir.empty() ? defaultDataDir() : o.dataDir;
    options.mirror = o.mirror.empty() ? mirrorFromEnvironment() : o.mirror;
    const std::string target = (std::filesystem::path(options.dataDir) / spec.name).string();
    std::error_code ec;
    // Only the target folder counts: an installed system copy does not stop a fetch into it.
    if (!o.force && std::filesystem::is_directory(target, ec)) {
        const VerifyReport report = verifyDatasetFolder(spec, target);
        if (report.problems.empty()) {
            std::printf("%s is already there: %s (%lld images, checked against %s); "
                        "use --force to fetch it again\n",
                        spec.title.c_str(), target.c_str(), static_cast<long long>(report.images),
                        report.checkedAgainst.c_str());
            return kExitOk;
        }
        std::printf("%s at %s is damaged (%s); fetching it again\n", spec.title.c_str(),
                    target.c_str(), report.problems.front().c_str());
    }
    options.force = true; // checked above
    std::printf("fetching %s into %s%s%s\n", spec.title.c_str(), options.dataDir.c_str(),
                options.mirror.empty() ? "" : " from mirror ", options.mirror.c_str());
    std::fflush(stdout);

    auto printer = std::make_shared<FetchPrinter>(isatty(STDOUT_FILENO));
    options.progress = [printer](const FetchProgress &p) { (*printer)(p); };
    g_cancel = false;
    options.cancel = &g_cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    struct RestoreSignals
    {
        ~RestoreSignals()
        {
            std::signal(SIGINT, SIG_DFL);
            std::signal(SIGTERM, SIG_DFL);
        }
    } restore;
    try {
        const std::string folder = fetchDataset(spec, options);
        printer->endLine();
        std::printf("fetched %s (%lld images) to %s\n", spec.title.c_str(),
                    static_cast<long long>(spec.images), folder.c_str());
        return kExitOk;
    } catch (const FetchCancelled &) {
        printer->endLine();
        std::fprintf(stderr, "cancelled: nothing was installed; the partial download in %s/.partial "
                             "resumes next time\n", options.dataDir.c_str());
        return 128 + SIGINT;
    } catch (const FetchError &e) {
        printer->endLine();
        std::fprintf(stderr, "error: %s\n", e.what());
        return kExitBadInput;
    }
}

int verify(const DatasetsOptions &o)
{
    const DatasetSpec &spec = specNamed(o.name);
    const VerifyReport report = verifyDatasetReport(spec, o.dataDir);
    if (report.problems.empty()) {
        std::printf("ok: %s (%lld images, checked against %s)\n", report.folder.c_str(),
                    static_cast<long long>(report.images), report.checkedAgainst.c_str());
        return kExitOk;
    }
    std::fprintf(stderr, "%s: %s\n", spec.title.c_str(),
                 report.folder.empty() ? "not found" : ("problems in " + report.folder).c_str());
    for (const auto &problem : report.problems)
        std::fprintf(stderr, "  %s\n", problem.c_str());
    return kExitBadInput;
}

int preview(const DatasetsOptions &o)
{
    TrainingConfig config;
    config.dataset = o.name;
    config.dataDir = o.dataDir;
    config.imageSize = o.imageSize;
    config.imageChannels = o.imageChannels;
    const auto problems = config.validate();
    if (!problems.empty())
        throw UsageError(problems.front().text());
    if (o.scale < 1 || o.scale > 16)
        throw UsageError("--scale: must be 1..16 (got " + std::to_string(o.scale) + ")");
    const DatasetPreview p = previewDataset(config, 16, o.seed);
    writePng(o.out, scaleNearest(p.grid, o.scale));
    std::printf("%s: %lld images, %dx%dx%d (%s, from %s); %d real samples in %s\n", o.name.c_str(),
                static_cast<long long>(p.count), p.width, p.height, p.channels,
                p.channels == 3 ? "colour" : "grey", p.source.c_str(), 16, o.out.c_str());
    if (p.skipped > 0) {
        std::printf("note: skipped %lld unreadable file(s)\n", static_cast<long long>(p.skipped));
        for (const auto &note : p.notes)
            std::printf("  %s\n", note.c_str());
    }
    return kExitOk;
}

} // namespace

CommandAction addDatasetsCommand(CLI::App &app)
{
    auto o = std::make_shared<DatasetsOptions>();
    auto *sub = app.add_subcommand("datasets", "List, download and check the known datasets "
                                               "(MNIST, Fashion-MNIST, CIFAR-10)");
    sub->require_subcommand(1);
    const auto dataDirOption = [o](CLI::App *command) {
        command->add_option("--data-dir", o->dataDir,
                            "Folder that holds the datasets (default $GANVAS_DATA_DIR, else "
                            "$XDG_DATA_HOME/ganvas/datasets)");
    };
    auto *list = sub->add_subcommand("list", "Show each known dataset and where it is installed");
    dataDirOption(list);
    auto *fetchCommand = sub->add_subcommand("fetch", "Download, check and install a dataset");
    fetchCommand->add_option("name", o->name, "mnist, fashion-mnist or cifar10")->required();
    dataDirOption(fetchCommand);
    fetchCommand->add_option("--mirror", o->mirror,
                             "Fetch every file from URL/<name>/<file> instead of the usual mirrors "
                             "(default $GANVAS_DATASET_MIRROR)");
    fetchCommand->add_flag("--force", o->force, "Fetch even when a checked copy is already there");
    auto *verifyCommand = sub->add_subcommand("verify", "Check the digests of an installed dataset and read it back");
    verifyCommand->add_option("name", o->name, "mnist, fashion-mnist or cifar10")->required();
    dataDirOption(verifyCommand);
    auto *previewCommand = sub->add_subcommand("preview", "Write a 4x4 grid of real samples of any dataset to a PNG");
    previewCommand->add_option("name", o->name, "a dataset name or a folder (IDX, CIFAR-10 or PNG/JPEG images)")
        ->required();
    previewCommand->add_option("--out", o->out, "The PNG to write")->required();
    dataDirOption(previewCommand);
    previewCommand->add_option("--image-size", o->imageSize, "Image folders: resize to 28, 32 or 64");
    previewCommand->add_option("--image-channels", o->imageChannels, "Image folders: 1 grey, 3 colour, 0 auto");
    previewCommand->add_option("--scale", o->scale, "Enlarge by this factor (nearest neighbour)");
    previewCommand->add_option("--seed", o->seed, "Which images are picked");
    return [o, list, fetchCommand, verifyCommand, previewCommand] {
        if (list->parsed())
            return listDatasets(*o);
        if (fetchCommand->parsed())
            return fetch(*o);
        if (verifyCommand->parsed())
            return verify(*o);
        if (previewCommand->parsed())
            return preview(*o);
        return static_cast<int>(kExitBadInput);
    };
}

} // namespace ganvas
