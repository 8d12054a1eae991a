#pragma once

#include "data/fetcherror.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace ganvas {

// The server or the network failed (HTTP status >= 400, refused connection, stall, truncated
// transfer): another mirror may still work. what() starts with the URL.
class HttpError : public FetchError
{
public:
    using FetchError::FetchError;
};

struct HttpDownloadOptions
{
    long connectTimeoutS = 30;
    long lowSpeedTimeoutS = 60; // give up after this long below 1 byte/s
    const std::atomic<bool> *cancel = nullptr;
    // Bytes of the whole file so far (a resumed part included) and its size (0 = unknown);
    // called often (curl's pace), callers rate-limit.
    std::function<void(int64_t bytes, int64_t total)> progress;
};

struct HttpDownloadResult
{
    int64_t bytes = 0;      // size of the file now
    bool resumed = false;   // the server answered a Range request with 206
    bool restarted = false; // a part was there but the server sent the whole file again
};

// Downloads `url` (libcurl: http, https, ftp, file; redirects followed) into `path`. When `path`
// already holds bytes it asks for the rest with `Range: bytes=N-` and appends; a server that
// answers 200 instead is obeyed by starting again at zero. Throws HttpError for server and
// network faults (the part is kept for a later resume), FetchError "cannot write <path>: ..."
// when the file cannot be written, FetchCancelled when options.cancel is set.
HttpDownloadResult httpDownload(const std::string &url, const std::string &path,
                                const HttpDownloadOptions &options);

} // namespace ganvas
