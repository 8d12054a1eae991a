#include "data/gzipfile.h"

#include "data/dataerror.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <new>
#include <system_error>

namespace ganvas {

namespace {

struct FileCloser
{
    void operator()(std::FILE *file) const { std::fclose(file); }
};

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size()
        && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<uint8_t> readRaw(const std::string &path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found)
        throw DataError(path, "no such file");
    // fopen() succeeds on a folder and only the read fails, with a less helpful message.
    if (status.type() == std::filesystem::file_type::directory)
        throw DataError(path, "is a folder, not a file");

    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw DataError(path, std::string("cannot open: ") + std::strerror(errno));

    std::vector<uint8_t> bytes;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) {
        if (const std::string big = limits::tooLarge(size, limits::kMaxFileBytes, "files"); !big.empty())
            throw DataError(path, big);
        bytes.reserve(static_cast<size_t>(size));
    }
    // Read to the end rather than trusting the size: it may change, or be 0 for special files.
    uint8_t chunk[1 << 16];
    while (true) {
        const size_t got = std::fread(chunk, 1, sizeof chunk, file.get());
        bytes.insert(bytes.end(), chunk, chunk + got);
        if (bytes.size() > limits::kMaxFileBytes)
            throw DataError(path, "is larger than " + limits::bytes(limits::kMaxFileBytes)
                                      + "; GANvas reads files of at most that size");
        if (got < sizeof chunk) {
            if (std::ferror(file.get()))
                throw DataError(path, std::string("cannot read: ") + std::strerror(errno));
            break;
        }
    }
    return bytes;
}

// Inflates `packed`. At most `cap` bytes are produced: with `prefix` the output simply stops
// there; otherwise `cap` is one more than the most allowed, and reaching it sets *exceeded
// (or throws when exceeded is null).
std::vector<uint8_t> gunzip(const std::string &path, const std::vector<uint8_t> &packed,
                            uint64_t cap, bool prefix, bool *exceeded)
{
    if (packed.size() < 2)
        throw DataError(path, packed.empty() ? "gzip stream ends early (the file is empty)"
                                             : "gzip stream ends early (the file is 1 byte long)");
    if (packed[0] != 0x1f || packed[1] != 0x8b)
        throw DataError(path, "corrupt gzip data (the name ends in .gz but the file does not "
                              "start with the gzip magic 1f 8b)");
    if (cap == 0)
        return {};

    z_stream stream {};
    // 15 + 32: the largest window, and accept a gzip (or zlib) header.
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        throw DataError(path, "cannot start zlib's inflate");
    std::unique_ptr<z_stream, int (*)(z_stream *)> guard(&stream, inflateEnd);

    // The gzip trailer ends with the uncompressed size modulo 2^32: a good first guess. In a
    // truncated or corrupt file those bytes are arbitrary, so cap the guess at deflate's
    // largest ratio (about 1032:1) rather than allocate gigabytes for a small file.
    const size_t n = packed.size();
    size_t guess = 0;
    if (n >= 4)
        guess = size_t(packed[n - 4]) | size_t(packed[n - 3]) << 8 | size_t(packed[n - 2]) << 16
            | size_t(packed[n - 1]) << 24;
    guess = std::clamp<size_t>(guess, 1 << 16,
                               std::max<size_t>(n * limits::kMaxDeflateRatio, 1 << 16));
    guess = static_cast<size_t>(std::min<uint64_t>(guess, cap));
    std::vector<uint8_t> out(guess);
    size_t produced = 0;

    stream.next_in = const_cast<Bytef *>(packed.data());
    size_t inputLeft = n;
    constexpr size_t maxChunk = std::numeric_limits<uInt>::max();
    int members = 0;
    while (true) {
        if (produced == out.size()) {
            if (produced >= cap) {
                if (prefix)
                    return out;
                if (exceeded) {
                    *exceeded = true;
                    return out;
                }
                throw DataError(path, "inflates to more than " + limits::bytes(cap - 1)
                                          + "; GANvas reads at most that much from a gzip file "
                                            "(is it a gzip bomb?)");
            }
            out.resize(static_cast<size_t>(std::min<uint64_t>(uint64_t(out.size()) * 2, cap)));
        }
        stream.avail_in = static_cast<uInt>(std::min(inputLeft, maxChunk));
        stream.next_out = out.data() + produced;
        stream.avail_out = static_cast<uInt>(std::min(out.size() - produced, maxChunk));
        const uInt inBefore = stream.avail_in;
        const uInt outBefore = stream.avail_out;
        const int rc = inflate(&stream, Z_NO_FLUSH);
        inputLeft -= inBefore - stream.avail_in;
        produced += outBefore - stream.avail_out;

        if (rc == Z_STREAM_END) {
            ++members;
            if (inputLeft == 0)
                break;
            // gzip allows several members one after another; gunzip concatenates them.
            inflateReset(&stream);
            continue;
        }
        if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
            std::string detail = stream.msg ? stream.msg : "invalid data";
            if (members > 0)
                detail = "unexpected bytes after the gzip stream: " + detail;
            throw DataError(path, "corrupt gzip data (" + detail + ")");
        }
        if (rc == Z_MEM_ERROR)
            throw std::bad_alloc();
        if (prefix && produced == out.size() && produced >= cap)
            return out;
        // Z_OK or Z_BUF_ERROR: more to do, unless the input has run out mid-stream.
        if (inputLeft == 0 && stream.avail_out > 0)
            throw DataError(path, "gzip stream ends early (after " + std::to_string(produced)
                                      + " uncompressed bytes; the file may be an incomplete "
                                        "download)");
    }
    if (!prefix && produced >= cap) {
        // The stream ended exactly one byte past the limit.
        if (!exceeded)
            throw DataError(path, "inflates to more than " + limits::bytes(cap - 1)
                                      + "; GANvas reads at most that much from a gzip file "
                                        "(is it a gzip bomb?)");
        *exceeded = true;
    }
    out.resize(produced);
    out.shrink_to_fit();
    return out;
}

std::vector<uint8_t> read(const std::string &path, uint64_t cap, bool prefix, bool *exceeded)
{
    try {
        std::vector<uint8_t> bytes = readRaw(path);
        const bool magic = bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
        if (magic || endsWith(path, ".gz"))
            return gunzip(path, bytes, cap, prefix, exceeded);
        if (bytes.size() >= cap) {
            bytes.resize(static_cast<size_t>(cap));
            if (prefix)
                return bytes;
            if (!exceeded)
                throw DataError(path, "is larger than " + limits::bytes(cap - 1)
                                          + "; GANvas reads at most that much from it");
            *exceeded = true;
        }
        return bytes;
    } catch (const std::bad_alloc &) {
        throw DataError(path, "too large to load into memory");
    }
}

} // namespace

std::vector<uint8_t> readMaybeGzipped(const std::string &path, uint64_t maxBytes, bool *exceeded)
{
    if (exceeded)
        *exceeded = false;
    const uint64_t cap = maxBytes >= std::numeric_limits<uint64_t>::max() - 1 ? maxBytes : maxBytes + 1;
    return read(path, cap, false, exceeded);
}

std::vector<uint8_t> readMaybeGzippedPrefix(const std::string &path, uint64_t n)
{
    return read(path, n, true, nullptr);
}

} // namespace ganvas
