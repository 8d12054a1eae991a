#pragma once

#include <stdexcept>
#include <string>

namespace ganvas {

// A dataset download, check, extraction or install that failed. what() names the URL or file
// and the fault; the CLI maps it to exit code 2.
class FetchError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A local file could not be written (a full disk, a file size limit, no permission): what()
// reads "cannot write <path>: <strerror>". No other mirror can help with that.
class FetchWriteError : public FetchError
{
public:
    using FetchError::FetchError;
};

// The caller's cancel flag was set; partial downloads are kept so that a later fetch resumes.
class FetchCancelled : public FetchError
{
public:
    FetchCancelled() : FetchError("cancelled") {}
    using FetchError::FetchError;
};

} // namespace ganvas
