#include "data/httpdownload.h"

#include "data/outputfile.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

// State shared with curl's callbacks for one request.
struct Transfer
{
    std::string url;
    std::string path;
    const HttpDownloadOptions *options = nullptr;
    int64_t offset = 0; // bytes asked to skip with a Range request
    int status = 0;     // of the last response (redirects replace it)
    std::string reason;
    int64_t rangeStart = -1;    // from Content-Range
    int64_t contentLength = -1; // of the body of the last response
    int64_t base = 0;           // where this body starts in the file
    int64_t received = 0;       // body bytes written by this request
    OutputFile file;
    std::exception_ptr error; // thrown inside a callback, rethrown after curl returns
};

bool startsWithNoCase(const std::string &text, const char *prefix)
{
    const size_t n = std::char_traits<char>::length(prefix);
    if (text.size() < n)
        return false;
    for (size_t i = 0; i < n; ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
            return false;
    return true;
}

bool cancelled(const Transfer &t)
{
    return t.options->cancel && t.options->cancel->load();
}

size_t onHeader(char *data, size_t size, size_t count, void *user)
{
    auto &t = *static_cast<Transfer *>(user);
    std::string line(data, size * count);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();
    try {
        if (startsWithNoCase(line, "http/")) {
            // A new response (after a redirect or a 100 Continue): forget the previous one's.
            const auto space = line.find(' ');
            t.status = space == std::string::npos ? 0 : std::atoi(line.c_str() + space + 1);
            const auto second = space == std::string::npos ? space : line.find(' ', space + 1);
            t.reason = second == std::string::npos ? "" : line.substr(second + 1);
            t.rangeStart = -1;
            t.contentLength = -1;
        } else if (startsWithNoCase(line, "content-range:")) {
            const auto bytes = line.find("bytes ");
            if (bytes != std::string::npos && std::isdigit(static_cast<unsigned char>(line[bytes + 6])))
                t.rangeStart = std::stoll(line.substr(bytes + 6));
        } else if (startsWithNoCase(line, "content-length:")) {
            t.contentLength = std::stoll(line.substr(15));
        }
    } catch (const std::exception &) {
        // A malformed number: treat the header as absent.
    }
    return size * count;
}

size_t onBody(char *data, size_t size, size_t count, void *user)
{
    auto &t = *static_cast<Transfer *>(user);
    const size_t bytes = size * count;
    // An error page is not the file: read it, drop it.
    if (t.status >= 300)
        return bytes;
    try {
        if (cancelled(t))
            throw FetchCancelled();
        if (!t.file.isOpen()) {
            if (t.offset > 0 && t.status == 206) {
                if (t.rangeStart != t.offset)
                    throw HttpError(t.url + ": asked for the bytes from " + std::to_string(t.offset)
                                    + " on but the server sent them from "
                                    + std::to_string(t.rangeStart));
                t.base = t.offset;
                t.file.open(t.path, OutputFile::Mode::Append);
            } else {
                t.base = 0;
                t.file.open(t.path, OutputFile::Mode::Truncate);
            }
        }
        t.file.write(data, bytes);
        t.received += static_cast<int64_t>(bytes);
    } catch (...) {
        t.error = std::current_exception();
        return 0; // any other count makes curl stop with CURLE_WRITE_ERROR
    }
    return bytes;
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto &t = *static_cast<Transfer *>(user);
    if (cancelled(t))
        return 1;
    if (t.options->progress && t.status < 300 && t.file.isOpen()) {
        const int64_t total = t.contentLength >= 0 ? t.base + t.contentLength : 0;
        try {
            t.options->progress(t.base + t.received, total);
        } catch (...) {
            t.error = std::current_exception();
            return 1;
        }
    }
    return 0;
}

struct CurlDeleter
{
    void operator()(CURL *curl) const { curl_easy_cleanup(curl); }
};

bool isLoopback(const std::string &url)
{
    for (const char *host : {"://127.", "://localhost", "://[::1]"}) {
        const auto at = url.find(host);
        if (at != std::string::npos && at < 6)
            return true;
    }
    return false;
}

// One request; returns curl's result with `t` filled in.
CURLcode perform(Transfer &t)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl)
        throw HttpError(t.url + ": cannot start libcurl");
    CURL *c = curl.get();
    char errorText[CURL_ERROR_SIZE] = {};
    const std::string range = std::to_string(t.offset) + "-";
    curl_easy_setopt(c, CURLOPT_URL, t.url.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // safe in a worker thread
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 10L);
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FAILONERROR, 0L); // we read the status ourselves
    curl_easy_setopt(c, CURLOPT_USERAGENT, "GANvas/" GANVAS_VERSION);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, t.options->connectTimeoutS);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, t.options->lowSpeedTimeoutS);
    if (t.offset > 0)
        curl_easy_setopt(c, CURLOPT_RANGE, range.c_str());
    // A proxy from the environment cannot reach this machine's own servers.
    if (isLoopback(t.url))
        curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    const CURLcode result = curl_easy_perform(c);
    if (t.error)
        std::rethrow_exception(t.error);
    if (result == CURLE_ABORTED_BY_CALLBACK)
        throw FetchCancelled();
    const bool http = t.status != 0;
    if (http && t.status >= 400)
        throw HttpError(t.url + ": HTTP " + std::to_string(t.status)
                        + (t.reason.empty() ? "" : " " + t.reason));
    const bool shortBody = t.contentLength >= 0 && t.received < t.contentLength;
    if (result == CURLE_PARTIAL_FILE || (result == CURLE_OK && http && shortBody)) {
        if (t.contentLength >= 0)
            throw HttpError(t.url + ": truncated download: got "
                            + std::to_string(t.base + t.received) + " of "
                            + std::to_string(t.base + t.contentLength) + " bytes"
                            + " (the connection closed early)");
        throw HttpError(t.url + ": truncated download: the connection closed after "
                        + std::to_string(t.base + t.received) + " bytes");
    }
    if (result != CURLE_OK)
        throw HttpError(t.url + ": " + (errorText[0] ? errorText : curl_easy_strerror(result)));
    if (http && (t.status < 200 || t.status >= 300))
        throw HttpError(t.url + ": unexpected HTTP " + std::to_string(t.status) + " " + t.reason);
    return result;
}

} // namespace

HttpDownloadResult httpDownload(const std::string &url, const std::string &path,
                                const HttpDownloadOptions &options)
{
    std::error_code ec;
    const auto existing = fs::file_size(path, ec);
    int64_t offset = ec ? 0 : static_cast<int64_t>(existing);
    // Only HTTP(S) promises a Range request is answered correctly.
    if (url.rfind("http", 0) != 0)
        offset = 0;
    HttpDownloadResult out;
    for (int attempt = 0;; ++attempt) {
        Transfer t;
        t.url = url;
        t.path = path;
        t.options = &options;
        t.offset = offset;
        try {
            perform(t);
        } catch (const HttpError &) {
            // 416: the part is no prefix of this file (already whole, or from another one).
            if (t.status == 416 && offset > 0 && attempt == 0) {
                fs::remove(path, ec);
                offset = 0;
                out.restarted = true;
                continue;
            }
            throw;
        }
        if (!t.file.isOpen())
            t.file.open(path, OutputFile::Mode::Truncate); // an empty body is still a file
        t.file.close();
        out.resumed = offset > 0 && t.base == offset;
        out.restarted = out.restarted || (offset > 0 && t.base == 0);
        out.bytes = t.base + t.received;
        return out;
    }
}

} // namespace ganvas
