#include "checkpoint/atomicfile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ganvas {

namespace {

std::string folderOf(const std::string &path)
{
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

[[noreturn]] void fail(const std::string &path, const std::string &what, int err)
{
    throw FileWriteError(path + ": " + what + ": " + std::strerror(err));
}

} // namespace

void writeFileAtomically(const std::string &path, const std::string &bytes,
                         const std::function<void(size_t)> &afterChunk)
{
    // Unique per process and call, so two threads saving the same path never share one.
    static std::atomic<unsigned> counter{0};
    const std::string tmp = path + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(path, "cannot create a temporary file", errno);
    constexpr size_t kChunk = 1 << 20;
    size_t written = 0;
    while (written < bytes.size()) {
        const size_t n = std::min(kChunk, bytes.size() - written);
        const ssize_t r = ::write(fd, bytes.data() + written, n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(tmp.c_str());
            fail(path, "write failed", err);
        }
        written += static_cast<size_t>(r);
        if (afterChunk)
            afterChunk(written);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        fail(path, "fsync failed", err);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "close failed", err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        fail(path, "rename failed", err);
    }
    // The rename itself must reach the disk before we call the checkpoint written.
    const int dir = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

std::string readWholeFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw FileWriteError(path + ": cannot open: " + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad())
        throw FileWriteError(path + ": read failed");
    return s.str();
}

} // namespace ganvas
