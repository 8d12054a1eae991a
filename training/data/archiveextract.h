#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ganvas {

struct ExtractOptions
{
    // Compressed bytes read so far and the size of the input file.
    std::function<void(int64_t done, int64_t total)> progress;
    const std::atomic<bool> *cancel = nullptr; // set: FetchCancelled
};

// Gunzips `gzPath` into `outPath` (written and fsync'ed), hashing the content on the way.
// Returns the SHA-256 of the decompressed bytes. Throws FetchError naming the file for input
// that is not gzip, corrupt or truncated, and "cannot write <outPath>: ..." when writing fails.
std::string gunzipFile(const std::string &gzPath, const std::string &outPath,
                       const ExtractOptions &options = {});

// The SHA-256 of a gzip file's decompressed content, nothing written. Throws like gunzipFile.
std::string gunzipDigest(const std::string &gzPath, const ExtractOptions &options = {});

struct ExtractedFile
{
    std::string name;   // as stored: the entry's base name
    std::string entry;  // its path inside the archive
    int64_t size = 0;
    std::string sha256; // of its content
};

// Extracts the regular files of a (compressed) tar or other libarchive-readable archive flat
// into `folder` (cifar-10-batches-bin/data_batch_1.bin becomes folder/data_batch_1.bin),
// streaming each entry into our own file; folders are skipped. Refuses absolute paths, ".."
// components, links, devices and two entries with one base name, so that an archive cannot
// write outside `folder`. Every entry is checked in a first pass that writes nothing, against
// those rules and the limits of data/readlimits.h (entries, bytes of one entry, bytes in all),
// so a refused archive leaves no file; what the entries turn out to hold is checked again as
// they are written. Throws FetchError naming the archive and the entry; files extracted before
// a fault found only then stay in `folder` (callers extract into a staging folder they remove).
std::vector<ExtractedFile> extractArchive(const std::string &archivePath, const std::string &folder,
                                          const ExtractOptions &options = {});

} // namespace ganvas
