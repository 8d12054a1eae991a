#pragma once

// The most GANvas reads from a file it did not write: every reader checks the sizes a header
// claims against these before it allocates, and stops a stream (gzip, archive) once it passes
// them. A file beyond a limit is refused with an error naming the file, the claim and the
// limit ("claims 4294967295 images; GANvas reads at most 10000000"). docs/RELIABILITY.md
// lists them; tests/fuzz drives every reader with hostile files against them.
//
// They are generous for real data (Fashion-MNIST's training file is 47 MB inflated, a
// CIFAR-10 batch 30 MB, a phone photo 12 megapixels) and small enough that a hostile file
// cannot make GANvas take all of a machine's memory or disk.

#include <cstdint>
#include <filesystem>
#include <string>

namespace ganvas::limits {

// Images (or labels) in one dataset: an IDX file, the CIFAR-10 batches of a run, an image folder.
constexpr uint64_t kMaxImages = 10'000'000;
// The pixel bytes of one dataset held in memory (N x C x H x W, 8 bits each).
constexpr uint64_t kMaxDatasetBytes = 4ULL << 30; // 4 GiB
// The side of an IDX image, in pixels.
constexpr uint32_t kMaxIdxSide = 4096;

// The bytes a gzip file may inflate to (IDX files, gunzipped downloads). A gzip bomb stops
// here, or earlier: an IDX reader inflates no more than its header's claim.
constexpr uint64_t kMaxInflatedBytes = 4ULL << 30; // 4 GiB
// The largest file any reader loads whole into memory (a .gz before inflating, a checkpoint).
constexpr uint64_t kMaxFileBytes = 4ULL << 30; // 4 GiB

// One decoded PNG or JPEG picture, in pixels (16384 x 16384).
constexpr uint64_t kMaxImagePixels = 1ULL << 28;
// deflate's largest expansion is about 1032:1: a PNG whose rows would need more than this
// many times its file's size (plus a little) cannot hold them and is refused before the rows
// are allocated.
constexpr uint64_t kMaxDeflateRatio = 1032;
// A GIF's logical screen (8192 x 8192), any one frame's rectangle, and all its decoded frames
// together (each frame becomes an RGB picture of the screen's size).
constexpr uint64_t kMaxGifScreenPixels = 1ULL << 26;
constexpr uint64_t kMaxGifDecodedBytes = 1ULL << 30; // 1 GiB
constexpr uint64_t kMaxGifFrames = 10'000;

// An archive (tar.gz): its entries (folders included), the bytes of any one entry, and of all
// its entries together, as they land on disk.
constexpr uint64_t kMaxArchiveEntries = 100'000;
constexpr uint64_t kMaxArchiveEntryBytes = 4ULL << 30; // 4 GiB
constexpr uint64_t kMaxArchiveBytes = 16ULL << 30;     // 16 GiB

// Files of a stored run and settings: config.json (and the config inside a checkpoint),
// metrics.csv, quality.csv, events.csv.
constexpr uint64_t kMaxConfigBytes = 1ULL << 20; // 1 MiB
constexpr uint64_t kMaxCsvBytes = 64ULL << 20;   // 64 MiB

// "4294967296" for messages.
inline std::string count(uint64_t n)
{
    return std::to_string(n);
}

// "4 GiB", "256 MiB", "1 MiB", or bytes, for messages.
inline std::string bytes(uint64_t n)
{
    if (n >= (1ULL << 30) && n % (1ULL << 30) == 0)
        return std::to_string(n >> 30) + " GiB";
    if (n >= (1ULL << 20) && n % (1ULL << 20) == 0)
        return std::to_string(n >> 20) + " MiB";
    return std::to_string(n) + " bytes";
}

// "" when `size` is within `limit`, else the reason, for the reader's own error: "is 5000000000
// bytes; GANvas reads checkpoints of at most 4 GiB" (`what`: "checkpoints").
inline std::string tooLarge(uint64_t size, uint64_t limit, const std::string &what)
{
    if (size <= limit)
        return "";
    return "is " + std::to_string(size) + " bytes; GANvas reads " + what + " of at most " + bytes(limit);
}

// The same for the file at `path` ("" too when its size cannot be read: opening it will say why).
inline std::string fileTooLarge(const std::string &path, uint64_t limit, const std::string &what)
{
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? "" : tooLarge(size, limit, what);
}

} // namespace ganvas::limits
