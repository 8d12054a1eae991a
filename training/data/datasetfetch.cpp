#include "data/datasetfetch.h"

#include "checkpoint/atomicfile.h"
#include "data/archiveextract.h"
#include "data/digest.h"
#include "data/httpdownload.h"

#include <fcntl.h>
#include <sys/file.h>
#include <signal.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <chrono>
#include <ctime>
#include <filesystem>

namespace ganvas {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

bool endsWith(const std::string &text, const std::string &end)
{
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool isArchive(const std::string &name)
{
    return endsWith(name, ".tar.gz") || endsWith(name, ".tgz") || endsWith(name, ".tar")
        || endsWith(name, ".zip");
}

[[noreturn]] void failFs(const std::string &what, const fs::path &path, const std::error_code &ec)
{
    throw FetchWriteError("cannot " + what + " " + path.string() + ": " + ec.message());
}

// Passes progress on at a bounded rate, always at a phase change and at the end of a file.
class ProgressReporter
{
public:
    ProgressReporter(const FetchOptions &options, int fileCount)
        : m_options(options)
    {
        m_state.fileCount = fileCount;
    }

    void phase(const std::string &phase, const std::string &file, int index, int64_t total)
    {
        m_state.phase = phase;
        m_state.file = file;
        m_state.fileIndex = index;
        m_state.bytes = 0;
        m_state.total = total;
        emit();
    }

    void bytes(int64_t bytes, int64_t total)
    {
        m_state.bytes = bytes;
        if (total > 0)
            m_state.total = total;
        // curl repeats its last numbers; the end of a file is worth one report, not several.
        const bool done = m_state.total > 0 && bytes == m_state.total && bytes != m_emittedBytes;
        if (done || (bytes != m_emittedBytes && Clock::now() - m_last >= std::chrono::milliseconds(100)))
            emit();
    }

    void checkCancel() const
    {
        if (m_options.cancel && m_options.cancel->load())
            throw FetchCancelled();
    }

private:
    void emit()
    {
        m_last = Clock::now();
        m_emittedBytes = m_state.bytes;
        if (m_options.progress)
            m_options.progress(m_state);
    }

    const FetchOptions &m_options;
    FetchProgress m_state;
    Clock::time_point m_last;
    int64_t m_emittedBytes = -1;
};

// The staging folder, removed with everything in it unless released after the install.
class StagingFolder
{
public:
    StagingFolder(const fs::path &dataDir, const std::string &name)
        : m_path(dataDir / (".staging-" + name + "-" + std::to_string(::getpid())))
    {
        removeAbandoned(dataDir, ".staging-" + name + "-");
        std::error_code ec;
        fs::remove_all(m_path, ec);
        if (!fs::create_directories(m_path, ec) && ec)
            failFs("create", m_path, ec);
    }
    ~StagingFolder()
    {
        std::error_code ec;
        if (m_owned)
            fs::remove_all(m_path, ec);
    }
    StagingFolder(const StagingFolder &) = delete;
    StagingFolder &operator=(const StagingFolder &) = delete;

    const fs::path &path() const { return m_path; }
    void release() { m_owned = false; }

    // Folders left by a process that was killed mid-fetch (its pid no longer runs).
    static void removeAbandoned(const fs::path &dataDir, const std::string &prefix)
    {
        std::error_code ec;
        for (const auto &entry : fs::directory_iterator(dataDir, ec)) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) != 0)
                continue;
            const long pid = std::atol(name.c_str() + prefix.size());
            if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
                fs::remove_all(entry.path(), ec);
        }
    }

private:
    fs::path m_path;
    bool m_owned = true;
};

// Holds flock() on the dataset's folder of parts, so that two fetches (a GUI and a CLI, or two
// threads) never append to the same part.
class PartialsLock
{
public:
    PartialsLock(const fs::path &partials, const std::string &name)
        : m_fd(::open(partials.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC))
    {
        if (m_fd < 0)
            throw FetchWriteError("cannot open " + partials.string() + ": " + std::strerror(errno));
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            throw FetchError(name + ": another fetch of it into " + partials.parent_path().parent_path().string()
                             + " is running; wait for it to finish");
        }
    }
    ~PartialsLock() { ::close(m_fd); }
    PartialsLock(const PartialsLock &) = delete;
    PartialsLock &operator=(const PartialsLock &) = delete;

private:
    int m_fd;
};

std::string joinErrors(const std::vector<std::string> &errors)
{
    if (errors.size() == 1)
        return errors.front();
    std::string text;
    for (const auto &e : errors)
        text += "\n  " + e;
    return text;
}

// Tries each URL in turn; returns the one that worked.
std::string download(const std::vector<std::string> &urls, const std::string &fileName,
                     const fs::path &part, const FetchOptions &options, ProgressReporter &reporter,
                     int64_t expectedSize)
{
    HttpDownloadOptions http;
    http.connectTimeoutS = options.connectTimeoutS;
    http.lowSpeedTimeoutS = options.lowSpeedTimeoutS;
    http.cancel = options.cancel;
    http.progress = [&](int64_t bytes, int64_t total) {
        reporter.bytes(bytes, total > 0 ? total : expectedSize);
    };
    std::vector<std::string> errors;
    for (const auto &url : urls) {
        try {
            httpDownload(url, part.string(), http);
            return url;
        } catch (const HttpError &e) {
            errors.push_back(e.what());
        }
    }
    if (urls.empty())
        errors.push_back("no URL is known for it");
    throw FetchError("cannot download " + fileName + (urls.size() > 1 ? " from any mirror: " : ": ")
                     + joinErrors(errors));
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm {};
    gmtime_r(&now, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

void syncFolder(const fs::path &folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Puts the staging folder in place of `target`; an old copy is renamed aside first so that
// `target` is always either the old or the new dataset.
void install(StagingFolder &staging, const fs::path &target)
{
    std::error_code ec;
    const fs::path dataDir = target.parent_path();
    fs::path old;
    if (fs::exists(target, ec)) {
        old = dataDir / (".old-" + target.filename().string() + "-" + std::to_string(::getpid()));
        fs::remove_all(old, ec);
        fs::rename(target, old, ec);
        if (ec)
            failFs("move aside the old copy", target, ec);
    }
    fs::rename(staging.path(), target, ec);
    if (ec) {
        std::error_code ignored;
        if (!old.empty())
            fs::rename(old, target, ignored);
        failFs("rename the staging folder to", target, ec);
    }
    staging.release();
    syncFolder(dataDir);
    if (!old.empty())
        fs::remove_all(old, ec);
}

// Downloads, verifies and unpacks one file into the staging folder, recording the SHA-256 of
// what it stored; returns the URL it came from. A wrong checksum deletes the part.
std::string fetchFile(const DatasetSpec &spec, const DatasetFileSpec &file, int index,
                      const FetchOptions &options, const fs::path &partials,
                      const StagingFolder &staging, ProgressReporter &reporter, nlohmann::json &stored)
{
    std::error_code ec;
    const fs::path part = partials / (file.name + ".part");
    reporter.checkCancel();
    reporter.phase("download", file.name, index, file.size);
    const std::string url = download(fileUrls(spec, file, options.mirror), file.name, part,
                                     options, reporter, file.size);

    reporter.phase("verify", file.name, index, fs::file_size(part, ec));
    const std::string md5 = digestFile(part.string(), Digest::Algorithm::Md5,
                                       [&](int64_t done) { reporter.bytes(done, 0); }, options.cancel);
    const bool md5Ok = !file.md5.empty() && md5 == file.md5;
    const bool checked = !file.md5.empty() || !file.contentSha256.empty();
    const std::string from = file.name + " (from " + url + ")";
    const auto mismatch = [&](const std::string &detail) {
        fs::remove(part, ec); // a wrong file is not worth resuming
        return FetchError(from + ": checksum mismatch: " + detail
                          + "; the download was deleted, try again or use another mirror");
    };

    ExtractOptions extract;
    extract.cancel = options.cancel;
    extract.progress = [&](int64_t done, int64_t total) { reporter.bytes(done, total); };
    reporter.phase("extract", file.name, index, fs::file_size(part, ec));
    if (isArchive(file.name)) {
        if (checked && !md5Ok)
            throw mismatch("MD5 " + md5 + ", expected " + file.md5);
        for (const auto &entry : extractArchive(part.string(), staging.path().string(), extract))
            stored[entry.name] = entry.sha256;
    } else if (endsWith(file.name, ".gz")) {
        const std::string raw = file.name.substr(0, file.name.size() - 3);
        std::string sha;
        try {
            sha = gunzipFile(part.string(), (staging.path() / raw).string(), extract);
        } catch (const FetchWriteError &) {
            throw;
        } catch (const FetchCancelled &) {
            throw;
        } catch (const FetchError &e) {
            if (checked && !md5Ok)
                throw mismatch("MD5 " + md5 + ", expected " + file.md5 + ", and " + e.what());
            throw;
        }
        const bool contentOk = !file.contentSha256.empty() && sha == file.contentSha256;
        if (checked && !md5Ok && !contentOk)
            throw mismatch("MD5 " + md5 + (file.md5.empty() ? "" : ", expected " + file.md5)
                           + "; SHA-256 of the content " + sha
                           + (file.contentSha256.empty() ? "" : ", expected " + file.contentSha256));
        stored[raw] = sha;
    } else {
        const std::string sha = digestFile(part.string(), Digest::Algorithm::Sha256);
        if (checked && !md5Ok && sha != file.contentSha256)
            throw mismatch("MD5 " + md5 + ", SHA-256 " + sha);
        fs::copy_file(part, staging.path() / file.name, fs::copy_options::overwrite_existing, ec);
        if (ec)
            failFs("write", staging.path() / file.name, ec);
        stored[file.name] = sha;
    }
    return url;
}

void fetchInto(const DatasetSpec &spec, const FetchOptions &options, const fs::path &dataDir,
               const fs::path &partials, const fs::path &target)
{
    std::error_code ec;
    StagingFolder staging(dataDir, spec.name);
    const int count = static_cast<int>(spec.files.size());
    ProgressReporter reporter(options, count);
    nlohmann::json stored = nlohmann::json::object();
    nlohmann::json sources = nlohmann::json::array();
    for (int i = 0; i < count; ++i)
        sources.push_back(fetchFile(spec, spec.files[size_t(i)], i + 1, options, partials, staging,
                                    reporter, stored));

    reporter.checkCancel();
    reporter.phase("verify", spec.name, 0, 0);
    try {
        validateDatasetFolder(spec, staging.path().string());
    } catch (const FetchError &e) {
        fs::remove_all(partials, ec); // the readers reject these files: do not resume them
        throw FetchError(spec.title + ": the downloaded files do not read back: " + e.what());
    }

    nlohmann::json manifest;
    manifest["name"] = spec.name;
    manifest["title"] = spec.title;
    manifest["format"] = spec.format;
    manifest["sources"] = sources;
    manifest["fetched"] = utcNow();
    manifest["files"] = stored;
    try {
        writeFileAtomically((staging.path() / kDatasetManifestName).string(), manifest.dump(2) + "\n");
    } catch (const FileWriteError &e) {
        throw FetchWriteError(std::string("cannot write ") + e.what());
    }

    reporter.checkCancel();
    reporter.phase("install", spec.name, 0, 0);
    install(staging, target);
}

} // namespace

std::string fetchDataset(const DatasetSpec &spec, const FetchOptions &options)
{
    if (spec.name.empty() || spec.name.find('/') != std::string::npos || spec.name[0] == '.')
        throw FetchError("\"" + spec.name + "\": not a dataset name");
    if (spec.files.empty())
        throw FetchError(spec.name + ": the catalog lists no files for it");
    const fs::path dataDir = options.dataDir.empty() ? defaultDataDir() : options.dataDir;
    const fs::path target = dataDir / spec.name;
    std::error_code ec;
    if (!options.force && fs::is_directory(target, ec)
        && verifyDatasetFolder(spec, target.string()).problems.empty())
        return target.string();

    const fs::path partials = dataDir / ".partial" / spec.name;
    if (!fs::create_directories(partials, ec) && ec)
        failFs("create", partials, ec);
    const PartialsLock lock(partials, spec.name);
    // Empty folders of parts are no use to anyone.
    const auto tidyPartials = [&] {
        fs::remove(partials, ec);
        fs::remove(dataDir / ".partial", ec);
    };
    try {
        fetchInto(spec, options, dataDir, partials, target);
    } catch (const FetchWriteError &) {
        // A full disk: give back the space the parts took rather than keep them for a resume.
        fs::remove_all(partials, ec);
        tidyPartials();
        throw;
    } catch (...) {
        tidyPartials();
        throw;
    }
    fs::remove_all(partials, ec);
    tidyPartials();
    return target.string();
}

} // namespace ganvas
