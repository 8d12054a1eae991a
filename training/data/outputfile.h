#pragma once

#include <cstddef>
#include <string>

namespace ganvas {

// A file written through POSIX calls so that every failure (a full disk, EFBIG under
// `ulimit -f`, no permission) becomes FetchWriteError "cannot write <path>: <strerror>"
// instead of a short write that nobody notices. Closed (not synced) by the destructor.
class OutputFile
{
public:
    enum class Mode { Truncate, Append };

    OutputFile() = default;
    OutputFile(const std::string &path, Mode mode);
    ~OutputFile();
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    void open(const std::string &path, Mode mode);
    bool isOpen() const { return m_fd >= 0; }
    const std::string &path() const { return m_path; }
    void write(const void *data, size_t size);
    // sync: fsync first, for files that are about to be renamed into place.
    void close(bool sync = false);

private:
    std::string m_path;
    int m_fd = -1;
};

} // namespace ganvas
