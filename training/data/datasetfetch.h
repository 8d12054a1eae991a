#pragma once

#include "data/datasetcatalog.h"
#include "data/datasetverify.h"
#include "data/fetcherror.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace ganvas {

struct FetchProgress
{
    std::string phase; // "download" | "verify" | "extract" | "install"
    std::string file;  // the file concerned (the dataset's name for whole-dataset steps)
    int fileIndex = 0; // counted from 1; 0 for whole-dataset steps
    int fileCount = 0;
    int64_t bytes = 0;
    int64_t total = 0; // 0 = unknown
};

struct FetchOptions
{
    std::string dataDir; // "" = defaultDataDir()
    std::string mirror;  // "" = the usual mirrors (callers pass mirrorFromEnvironment() when no --mirror)
    // Called from the fetching thread, at most ~10 times a second plus at phase changes.
    std::function<void(const FetchProgress &)> progress;
    const std::atomic<bool> *cancel = nullptr; // set from any thread: the fetch stops soon and throws FetchCancelled
    long connectTimeoutS = 30;
    long lowSpeedTimeoutS = 60;
    bool force = false; // fetch even if dataDir/<name> already holds a verified copy
};

// Downloads every file (resuming dataDir/.partial/<name>/<file>.part), checks its published
// MD5 or the SHA-256 of its content, extracts into dataDir/.staging-<name>-<pid>, reads it back
// with the real readers, writes ganvas-dataset.json, then renames the staging folder to
// dataDir/<name> (an old copy there is swapped out atomically). Returns that folder.
// Throws FetchError naming the URL or file and the fault (all mirrors failing lists each),
// FetchWriteError when a file cannot be written, FetchCancelled; nothing half-written is
// left in dataDir/<name> or the staging folder.
std::string fetchDataset(const DatasetSpec &spec, const FetchOptions &options);

} // namespace ganvas
