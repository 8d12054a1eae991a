#include "data/idxreader.h"

#include "data/dataerror.h"
#include "data/gzipfile.h"
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

constexpr uint32_t kImageMagic = 0x00000803; // unsigned bytes, 3 dimensions
constexpr uint32_t kLabelMagic = 0x00000801; // unsigned bytes, 1 dimension
constexpr uint32_t kMaxSide = limits::kMaxIdxSide;

struct FileCloser
{
    void operator()(std::FILE *file) const { std::fclose(file); }
};

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size()
        && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

uint32_t bigEndian32(const uint8_t *p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

std::string hex32(uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", static_cast<unsigned>(value));
    return text;
}

// An IDX file's bytes. Gzipped files are inflated whole, since checking the size against the
// header needs the whole stream anyway, but only once the header has been checked, and never
// beyond what it claims (a gzip bomb stops there); plain files are read on demand, so a small
// limit on a large file stays cheap.
class IdxBytes
{
public:
    IdxBytes(const std::string &path, uint64_t headerBytes) : m_path(path)
    {
        std::error_code ec;
        const auto type = std::filesystem::status(path, ec).type();
        // Let the gzip reader word the faults of a missing or unopenable file, consistently.
        if (endsWith(path, ".gz") || type != std::filesystem::file_type::regular) {
            loadHeader(headerBytes);
            return;
        }
        m_file.reset(std::fopen(path.c_str(), "rb"));
        struct stat info {};
        if (!m_file || fstat(fileno(m_file.get()), &info) != 0) {
            loadHeader(headerBytes);
            return;
        }
        m_size = static_cast<uint64_t>(info.st_size);
        uint8_t magic[2] = {};
        if (m_size >= 2 && std::fread(magic, 1, 2, m_file.get()) == 2 && magic[0] == 0x1f
            && magic[1] == 0x8b) {
            m_file.reset();
            loadHeader(headerBytes);
        }
    }

    // The file's size; for a file held in memory, only the header's part until loadAll().
    uint64_t size() const { return m_size; }

    // Loads a file held in memory whole, but no more than `expected` bytes of it; false when
    // it holds more. Plain files are read on demand: always true.
    bool loadAll(uint64_t expected)
    {
        if (!m_partial)
            return true;
        bool exceeded = false;
        m_whole = readMaybeGzipped(m_path, expected, &exceeded);
        m_size = m_whole.size();
        m_partial = false;
        return !exceeded;
    }

    // The bytes [offset, offset + n); the caller has checked that they lie within size().
    std::vector<uint8_t> take(uint64_t offset, uint64_t n)
    {
        if (!m_file) {
            if (offset > 0 && offset + n == m_whole.size()) {
                // The payload, taken last: reuse the inflated buffer rather than hold two
                // copies of a large file.
                m_whole.erase(m_whole.begin(), m_whole.begin() + offset);
                return std::move(m_whole);
            }
            return std::vector<uint8_t>(m_whole.begin() + offset, m_whole.begin() + offset + n);
        }
        std::vector<uint8_t> bytes(static_cast<size_t>(n));
        if (fseeko(m_file.get(), static_cast<off_t>(offset), SEEK_SET) != 0
            || std::fread(bytes.data(), 1, bytes.size(), m_file.get()) != bytes.size()) {
            const bool eof = std::feof(m_file.get());
            throw DataError(m_path, eof ? "file became shorter while being read"
                                        : std::string("cannot read: ") + std::strerror(errno));
        }
        return bytes;
    }

private:
    void loadHeader(uint64_t headerBytes)
    {
        m_whole = readMaybeGzippedPrefix(m_path, headerBytes);
        m_size = m_whole.size();
        m_partial = true;
    }

    std::string m_path;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::vector<uint8_t> m_whole; // used when m_file is null
    bool m_partial = false;       // m_whole holds only the header so far
    uint64_t m_size = 0;
};

std::string magicFault(const char *what, uint32_t found, uint32_t expected)
{
    std::string fault = std::string("not an IDX ") + what + " file (magic " + hex32(found)
        + ", expected " + hex32(expected) + ")";
    if (found == kLabelMagic)
        fault += "; this looks like a labels file";
    else if (found == kImageMagic)
        fault += "; this looks like an images file";
    return fault;
}

// Checks the magic and header length; returns the header's bytes.
std::vector<uint8_t> readHeader(const std::string &path, IdxBytes &file, const char *what,
                                uint32_t expectedMagic, uint64_t headerBytes)
{
    if (file.size() == 0)
        throw DataError(path, std::string("empty file (an IDX ") + what + " file starts with a "
                                  + std::to_string(headerBytes) + "-byte header)");
    if (file.size() >= 4) {
        const auto magic = file.take(0, 4);
        if (bigEndian32(magic.data()) != expectedMagic)
            throw DataError(path, magicFault(what, bigEndian32(magic.data()), expectedMagic));
    }
    if (file.size() < headerBytes)
        throw DataError(path, "truncated header: " + std::to_string(file.size())
                                  + " bytes, but an IDX " + what + " file starts with a "
                                  + std::to_string(headerBytes) + "-byte header");
    return file.take(0, headerBytes);
}

// Checks the file holds exactly the header plus `payload` bytes.
void checkSize(const std::string &path, IdxBytes &file, uint64_t headerBytes,
               uint64_t payload, const std::string &described)
{
    if (!file.loadAll(headerBytes + payload))
        throw DataError(path, "unexpected size: header says " + described + " ("
                                  + std::to_string(payload) + " bytes) but the file holds more "
                                  "than that after the header");
    const uint64_t held = file.size() - headerBytes;
    if (held < payload)
        throw DataError(path, "truncated: header says " + described + " (" + std::to_string(payload)
                                  + " bytes) but the file holds " + std::to_string(held)
                                  + " bytes after the header");
    if (held > payload)
        throw DataError(path, "unexpected size: header says " + described + " ("
                                  + std::to_string(payload) + " bytes) but the file holds "
                                  + std::to_string(held) + " bytes after the header ("
                                  + std::to_string(held - payload) + " extra)");
}

// Refuses a header claiming more than GANvas reads, before anything is allocated for it.
void checkClaim(const std::string &path, uint64_t count, const char *what, uint64_t bytes,
                const std::string &described)
{
    if (count > limits::kMaxImages)
        throw DataError(path, "claims " + std::to_string(count) + " " + what + "; GANvas reads at most "
                                  + limits::count(limits::kMaxImages));
    if (bytes > limits::kMaxDatasetBytes)
        throw DataError(path, "claims " + described + " (" + std::to_string(bytes)
                                  + " bytes); GANvas reads at most "
                                  + limits::bytes(limits::kMaxDatasetBytes) + " of a dataset");
}

uint64_t wanted(uint64_t count, int64_t limit)
{
    return limit < 0 ? count : std::min<uint64_t>(count, static_cast<uint64_t>(limit));
}

} // namespace

ImageSet readIdxImages(const std::string &path, int64_t limit)
{
    try {
        IdxBytes file(path, 16);
        const auto header = readHeader(path, file, "image", kImageMagic, 16);
        const uint32_t count = bigEndian32(&header[4]);
        const uint32_t rows = bigEndian32(&header[8]);
        const uint32_t cols = bigEndian32(&header[12]);
        if (count == 0)
            throw DataError(path, "holds no images (the header's count is 0)");
        if (rows == 0 || cols == 0 || rows > kMaxSide || cols > kMaxSide)
            throw DataError(path, "implausible image size " + std::to_string(rows) + "x"
                                      + std::to_string(cols)
                                      + " in the header (each side must be 1 to "
                                      + std::to_string(kMaxSide) + ")");
        const uint64_t imageBytes = uint64_t(rows) * cols;
        const std::string described = std::to_string(count) + " images of " + std::to_string(rows)
            + "x" + std::to_string(cols);
        checkClaim(path, count, "images", count * imageBytes, described);
        checkSize(path, file, 16, count * imageBytes, described);

        ImageSet set;
        set.count = static_cast<int64_t>(wanted(count, limit));
        set.channels = 1;
        set.height = rows;
        set.width = cols;
        set.pixels = file.take(16, uint64_t(set.count) * imageBytes);
        set.source = path;
        set.format = "idx";
        return set;
    } catch (const std::bad_alloc &) {
        throw DataError(path, "too large to load into memory");
    }
}

std::vector<uint8_t> readIdxLabels(const std::string &path, int64_t limit)
{
    try {
        IdxBytes file(path, 8);
        const auto header = readHeader(path, file, "label", kLabelMagic, 8);
        const uint32_t count = bigEndian32(&header[4]);
        if (count == 0)
            throw DataError(path, "holds no labels (the header's count is 0)");
        checkClaim(path, count, "labels", count, std::to_string(count) + " labels");
        checkSize(path, file, 8, count, std::to_string(count) + " labels");
        return file.take(8, wanted(count, limit));
    } catch (const std::bad_alloc &) {
        throw DataError(path, "too large to load into memory");
    }
}

} // namespace ganvas
