// The stored-run reader (app/runs/storedrun.h's readStoredRun, which the windows use; it reads
// config.json, metrics.csv, quality.csv, events.csv and frames/epoch-NNNN.png). The input is
// those files one after another, separated by a line "%%": config.json, metrics.csv,
// quality.csv, events.csv, then any number of frames. readStoredRun throws std::exception
// naming the file; anything else, a crash or a sanitizer report is a finding.
#include "runs/storedrun.h"
#include "fuzzcommon.h"

#include <QLoggingCategory>

#include <cstdio>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules("*=false"); // a damaged frame is logged: not worth the noise
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *names[] = {"config.json", "metrics.csv", "quality.csv", "events.csv"};
    const fs::path run = ganvas::fuzz::scratch() / "run";
    fs::remove_all(run);
    fs::create_directories(run / "frames");
    const std::string all(reinterpret_cast<const char *>(data), size);
    const std::string separator = "\n%%\n";
    size_t at = 0;
    for (int part = 0; at <= all.size() && part < 4 + 16; ++part) {
        size_t end = all.find(separator, at);
        if (end == std::string::npos)
            end = all.size();
        char frame[32];
        std::snprintf(frame, sizeof frame, "frames/epoch-%04d.png", part - 3);
        const std::string name = part < 4 ? std::string(names[part]) : std::string(frame);
        ganvas::fuzz::writeInput("run/" + name, data + at, end - at);
        at = end + separator.size();
    }
    try {
        const StoredRun stored = readStoredRun(QString::fromStdString(run.string()));
        for (const auto &frame : stored.frames)
            if (frame.pixels.size() != size_t(frame.width) * frame.height * frame.channels)
                __builtin_trap();
    } catch (const std::exception &) {
    }
    return 0;
}
