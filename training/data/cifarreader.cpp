#include "data/cifarreader.h"

#include "data/dataerror.h"
#include "data/readlimits.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>
#include <system_error>

namespace ganvas {

namespace {

constexpr int64_t kSide = 32;
constexpr int64_t kChannels = 3;
constexpr int64_t kPixelBytes = kChannels * kSide * kSide; // 3072
constexpr int64_t kRecordBytes = 1 + kPixelBytes;          // 3073
constexpr int kClasses = 10;

struct FileCloser
{
    void operator()(std::FILE *file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

struct Batch
{
    std::string path;
    File file;
    int64_t records = 0;
};

// Opens a batch and checks its size, so that a broken later file is reported even when a
// limit means it would not be read.
Batch openBatch(const std::string &path)
{
    std::error_code ec;
    const auto type = std::filesystem::status(path, ec).type();
    if (type == std::filesystem::file_type::not_found)
        throw DataError(path, "no such file");
    if (type == std::filesystem::file_type::directory)
        throw DataError(path, "is a folder, not a file");

    Batch batch;
    batch.path = path;
    batch.file.reset(std::fopen(path.c_str(), "rb"));
    struct stat info {};
    if (!batch.file || fstat(fileno(batch.file.get()), &info) != 0)
        throw DataError(path, std::string("cannot open: ") + std::strerror(errno));

    const int64_t size = info.st_size;
    if (size == 0)
        throw DataError(path, "empty file (a CIFAR-10 batch holds "
                                  + std::to_string(kRecordBytes) + "-byte records)");
    if (size % kRecordBytes != 0)
        throw DataError(path, "truncated or not a CIFAR-10 batch: " + std::to_string(size)
                                  + " bytes is not a whole number of "
                                  + std::to_string(kRecordBytes) + "-byte records");
    batch.records = size / kRecordBytes;
    if (uint64_t(batch.records) > limits::kMaxImages)
        throw DataError(path, "holds " + std::to_string(batch.records)
                                  + " images; GANvas reads at most "
                                  + limits::count(limits::kMaxImages));
    return batch;
}

// Appends the first `records` images of the batch to `pixels`, their labels to `labels` if given.
void readRecords(Batch &batch, int64_t records, std::vector<uint8_t> &pixels,
                 std::vector<uint8_t> *labels)
{
    std::vector<uint8_t> raw(static_cast<size_t>(records * kRecordBytes));
    if (std::fread(raw.data(), 1, raw.size(), batch.file.get()) != raw.size()) {
        const bool eof = std::feof(batch.file.get());
        throw DataError(batch.path, eof ? "file became shorter while being read"
                                        : std::string("cannot read: ") + std::strerror(errno));
    }
    for (int64_t r = 0; r < records; ++r) {
        const uint8_t *record = raw.data() + r * kRecordBytes;
        // Counted from 1, like a person would count them.
        if (record[0] >= kClasses)
            throw DataError(batch.path, "record " + std::to_string(r + 1) + " has label "
                                            + std::to_string(record[0]) + " (expected 0-9)");
        // The planes stay as CIFAR-10 stores them (R, G, B), which is ImageSet's N x C x H x W.
        pixels.insert(pixels.end(), record + 1, record + kRecordBytes);
        if (labels)
            labels->push_back(record[0]);
    }
}

} // namespace

ImageSet readCifarBatches(const std::vector<std::string> &paths, int64_t limit,
                          std::vector<uint8_t> *labels)
{
    if (paths.empty())
        throw DataError("cifar10", "no CIFAR-10 batch files given");

    std::vector<Batch> batches;
    int64_t available = 0;
    for (const auto &path : paths) {
        batches.push_back(openBatch(path));
        available += batches.back().records;
        if (uint64_t(available) > limits::kMaxImages)
            throw DataError(path, "the batches up to this one hold " + std::to_string(available)
                                      + " images; GANvas reads at most "
                                      + limits::count(limits::kMaxImages));
    }
    const int64_t count = limit < 0 ? available : std::min(available, limit);
    if (uint64_t(count) * kPixelBytes > limits::kMaxDatasetBytes)
        throw DataError(paths.front(), std::to_string(count) + " images of 3x32x32 would take "
                                           + std::to_string(uint64_t(count) * kPixelBytes)
                                           + " bytes; GANvas reads at most "
                                           + limits::bytes(limits::kMaxDatasetBytes) + " of a dataset");

    ImageSet set;
    set.count = count;
    set.channels = kChannels;
    set.height = kSide;
    set.width = kSide;
    set.format = "cifar10";
    set.source = paths.size() == 1 ? paths.front()
                                   : std::filesystem::path(paths.front()).parent_path().string();
    try {
        set.pixels.reserve(static_cast<size_t>(count * kPixelBytes));
        if (labels)
            labels->clear();
        int64_t left = count;
        for (auto &batch : batches) {
            if (left == 0)
                break;
            const int64_t take = std::min(left, batch.records);
            readRecords(batch, take, set.pixels, labels);
            left -= take;
        }
    } catch (const std::bad_alloc &) {
        throw DataError(set.source, "too large to load into memory");
    }
    return set;
}

} // namespace ganvas
