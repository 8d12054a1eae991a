#include "data/outputfile.h"

#include "data/fetcherror.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ganvas {

namespace {

[[noreturn]] void fail(const std::string &path, int err)
{
    throw FetchWriteError("cannot write " + path + ": " + std::strerror(err));
}

} // namespace

OutputFile::OutputFile(const std::string &path, Mode mode)
{
    open(path, mode);
}

OutputFile::~OutputFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void OutputFile::open(const std::string &path, Mode mode)
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_path = path;
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (mode == Mode::Append ? O_APPEND : O_TRUNC);
    m_fd = ::open(path.c_str(), flags, 0644);
    if (m_fd < 0)
        fail(path, errno);
}

void OutputFile::write(const void *data, size_t size)
{
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(m_fd, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(m_path, errno);
        }
        p += n;
        size -= static_cast<size_t>(n);
    }
}

void OutputFile::close(bool sync)
{
    if (m_fd < 0)
        return;
    const int fd = m_fd;
    m_fd = -1;
    // A delayed write error (NFS, a full disk with delayed allocation) shows up here.
    if (sync && ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        fail(m_path, err);
    }
    if (::close(fd) != 0)
        fail(m_path, errno);
}

} // namespace ganvas
