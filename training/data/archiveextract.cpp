#include "data/archiveextract.h"

#include "data/digest.h"
#include "data/fetcherror.h"
#include "data/outputfile.h"
#include "data/readlimits.h"

#include <archive.h>
#include <archive_entry.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

constexpr size_t kChunk = 1 << 18;

int64_t fileSize(const std::string &path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : static_cast<int64_t>(size);
}

void checkCancel(const ExtractOptions &options)
{
    if (options.cancel && options.cancel->load())
        throw FetchCancelled();
}

struct GzCloser
{
    void operator()(gzFile_s *file) const { gzclose(file); }
};

struct ArchiveDeleter
{
    void operator()(archive *a) const { archive_read_free(a); }
};

std::string archiveText(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? text : "unknown libarchive error";
}

// "" when the entry's path may be extracted, else why not.
std::string unsafePath(const std::string &path)
{
    if (path.empty())
        return "has an empty name";
    if (path.front() == '/')
        return "has an absolute path";
    std::stringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '/'))
        if (part == "..")
            return "has a \"..\" component (it would land outside the folder)";
    return "";
}

std::string typeFault(archive_entry *entry)
{
    if (archive_entry_hardlink(entry))
        return std::string("is a hard link (to ") + archive_entry_hardlink(entry) + ")";
    switch (archive_entry_filetype(entry)) {
    case AE_IFREG:
        return "";
    case AE_IFLNK: {
        const char *target = archive_entry_symlink(entry);
        return std::string("is a symbolic link (to ") + (target ? target : "?") + ")";
    }
    default:
        return "is not a regular file (a device, pipe or socket)";
    }
}

// Streams the content of a gzip file into `out` (when given); returns its SHA-256.
std::string gunzip(const std::string &gzPath, OutputFile *out, const ExtractOptions &options)
{
    std::unique_ptr<gzFile_s, GzCloser> in(gzopen(gzPath.c_str(), "rb"));
    if (!in)
        throw FetchError(gzPath + ": cannot open: " + std::strerror(errno));
    gzbuffer(in.get(), kChunk);
    const int64_t total = fileSize(gzPath);
    Digest sha(Digest::Algorithm::Sha256);
    std::vector<char> buffer(kChunk);
    bool first = true;
    uint64_t inflated = 0;
    for (;;) {
        const int n = gzread(in.get(), buffer.data(), static_cast<unsigned>(buffer.size()));
        if (n < 0)
            break; // the fault is read from gzerror below
        // zlib passes data that is not gzip through unchanged; a dataset file must be gzip.
        if (first && gzdirect(in.get()))
            throw FetchError(gzPath + ": not a gzip file");
        first = false;
        if (n == 0)
            break;
        inflated += static_cast<uint64_t>(n);
        if (inflated > limits::kMaxInflatedBytes)
            throw FetchError(gzPath + ": inflates to more than " + limits::bytes(limits::kMaxInflatedBytes)
                             + "; GANvas reads at most that much from a gzip file (is it a gzip bomb?)");
        if (out)
            out->write(buffer.data(), static_cast<size_t>(n));
        sha.update(buffer.data(), static_cast<size_t>(n));
        if (options.progress)
            options.progress(static_cast<int64_t>(gzoffset(in.get())), total);
        checkCancel(options);
    }
    int code = Z_OK;
    const char *message = gzerror(in.get(), &code);
    if (code == Z_BUF_ERROR)
        throw FetchError(gzPath + ": truncated gzip data (unexpected end of file)");
    if (code != Z_OK)
        throw FetchError(gzPath + ": corrupt gzip data: " + (message ? message : "unknown zlib error"));
    return sha.hex();
}

using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

ArchivePtr openArchive(const std::string &archivePath)
{
    ArchivePtr owner(archive_read_new());
    archive *a = owner.get();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    if (archive_read_open_filename(a, archivePath.c_str(), kChunk) != ARCHIVE_OK)
        throw FetchError(archivePath + ": not a readable archive: " + archiveText(a));
    return owner;
}

// The next entry, or null at the end; counts it against the limit.
archive_entry *nextEntry(archive *a, const std::string &archivePath, uint64_t &entries)
{
    archive_entry *entry = nullptr;
    const int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF)
        return nullptr;
    if (r < ARCHIVE_WARN)
        throw FetchError(archivePath + ": not a readable archive or damaged: " + archiveText(a));
    if (++entries > limits::kMaxArchiveEntries)
        throw FetchError(archivePath + ": holds more than " + limits::count(limits::kMaxArchiveEntries)
                         + " entries; GANvas extracts at most "
                         + limits::count(limits::kMaxArchiveEntries));
    return entry;
}

std::string entryPath(archive_entry *entry)
{
    const char *rawPath = archive_entry_pathname(entry);
    return rawPath ? rawPath : "";
}

// The base name an entry is extracted as, or "" for a folder (skipped). Throws for an entry
// that may not be extracted.
std::string checkEntry(archive_entry *entry, const std::string &where, std::set<std::string> &names)
{
    const std::string path = entryPath(entry);
    if (const std::string fault = unsafePath(path); !fault.empty())
        throw FetchError(where + fault + "; refusing to extract it");
    if (archive_entry_filetype(entry) == AE_IFDIR && !archive_entry_hardlink(entry))
        return "";
    if (const std::string fault = typeFault(entry); !fault.empty())
        throw FetchError(where + fault + "; only regular files are extracted");
    const std::string name = fs::path(path).filename().string();
    if (name.empty() || name == "." || !names.insert(name).second)
        throw FetchError(where + "repeats the file name \"" + name + "\"");
    return name;
}

// Checks an entry's bytes and the archive's so far against the limits (what the headers
// declare, or what the entries turn out to hold).
void checkBytes(const std::string &archivePath, const std::string &where, uint64_t entryBytes,
                uint64_t totalBytes)
{
    if (entryBytes > limits::kMaxArchiveEntryBytes)
        throw FetchError(where + "holds more than " + limits::bytes(limits::kMaxArchiveEntryBytes)
                         + "; GANvas extracts at most that much of one file");
    if (totalBytes > limits::kMaxArchiveBytes)
        throw FetchError(archivePath + ": holds more than " + limits::bytes(limits::kMaxArchiveBytes)
                         + "; GANvas extracts at most that much from one archive");
}

// The first pass: every entry's name, type, declared size and count checked, its data read
// past, nothing written. An archive refused here leaves no file behind.
void checkArchive(const std::string &archivePath, const ExtractOptions &options)
{
    const ArchivePtr owner = openArchive(archivePath);
    archive *a = owner.get();
    std::set<std::string> names;
    uint64_t entries = 0;
    uint64_t declared = 0;
    while (archive_entry *entry = nextEntry(a, archivePath, entries)) {
        const std::string where = archivePath + ": entry \"" + entryPath(entry) + "\" ";
        if (checkEntry(entry, where, names).empty())
            continue;
        if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0) {
            const auto size = static_cast<uint64_t>(archive_entry_size(entry));
            declared += std::min(size, limits::kMaxArchiveBytes + 1);
            checkBytes(archivePath, where, size, declared);
        }
        if (archive_read_data_skip(a) < ARCHIVE_WARN)
            throw FetchError(where + "cannot be read (truncated or damaged archive): " + archiveText(a));
        checkCancel(options);
    }
}

} // namespace

std::string gunzipFile(const std::string &gzPath, const std::string &outPath,
                       const ExtractOptions &options)
{
    OutputFile out(outPath, OutputFile::Mode::Truncate);
    const std::string sha = gunzip(gzPath, &out, options);
    out.close(true);
    return sha;
}

std::string gunzipDigest(const std::string &gzPath, const ExtractOptions &options)
{
    return gunzip(gzPath, nullptr, options);
}

std::vector<ExtractedFile> extractArchive(const std::string &archivePath, const std::string &folder,
                                          const ExtractOptions &options)
{
    checkArchive(archivePath, options);
    const ArchivePtr owner = openArchive(archivePath);
    archive *a = owner.get();
    const int64_t total = fileSize(archivePath);
    std::vector<ExtractedFile> files;
    std::set<std::string> names;
    std::vector<char> buffer(kChunk);
    uint64_t entries = 0;
    uint64_t extracted = 0;
    while (archive_entry *entry = nextEntry(a, archivePath, entries)) {
        const std::string path = entryPath(entry);
        const std::string where = archivePath + ": entry \"" + path + "\" ";
        const std::string name = checkEntry(entry, where, names);
        if (name.empty())
            continue;

        ExtractedFile file;
        file.name = name;
        file.entry = path;
        OutputFile out((fs::path(folder) / name).string(), OutputFile::Mode::Truncate);
        Digest sha(Digest::Algorithm::Sha256);
        for (;;) {
            const la_ssize_t n = archive_read_data(a, buffer.data(), buffer.size());
            if (n < 0)
                throw FetchError(where + "cannot be read (truncated or damaged archive): "
                                 + archiveText(a));
            if (n == 0)
                break;
            file.size += n;
            extracted += static_cast<uint64_t>(n);
            checkBytes(archivePath, where, static_cast<uint64_t>(file.size), extracted);
            out.write(buffer.data(), static_cast<size_t>(n));
            sha.update(buffer.data(), static_cast<size_t>(n));
            if (options.progress)
                options.progress(archive_filter_bytes(a, -1), total);
            checkCancel(options);
        }
        out.close(true);
        file.sha256 = sha.hex();
        files.push_back(std::move(file));
    }
    return files;
}

} // namespace ganvas
