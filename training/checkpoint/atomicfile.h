#pragma once

#include <functional>
#include <stdexcept>
#include <string>

namespace ganvas {

class FileWriteError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Writes `bytes` to `path` so that `path` holds either its old content or all of the new:
// a temporary file in the same folder, written, flushed and fsync'ed, renamed over `path`,
// then the folder fsync'ed. `afterChunk(written)` is a test hook called after each chunk.
// Throws FileWriteError naming the file (a full disk, a missing folder, no permission).
void writeFileAtomically(const std::string &path, const std::string &bytes,
                         const std::function<void(size_t)> &afterChunk = {});

// Reads a whole file; throws FileWriteError naming the file when it cannot be read.
std::string readWholeFile(const std::string &path);

} // namespace ganvas
