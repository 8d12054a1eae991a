#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace ganvas {

// A streaming MD5 or SHA-256 (OpenSSL's EVP), fed in chunks while data passes by, so that a
// download or a decompression is hashed without a second read.
class Digest
{
public:
    enum class Algorithm { Md5, Sha256 };

    explicit Digest(Algorithm algorithm);
    ~Digest();
    Digest(const Digest &) = delete;
    Digest &operator=(const Digest &) = delete;

    void update(const void *data, size_t size);
    // Lower-case hex; the digest cannot be updated afterwards.
    std::string hex();

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

// Hex digest of a whole file. `progress(bytesRead)` is called after each chunk; a set `cancel`
// throws FetchCancelled. Throws FetchError naming the file when it cannot be read.
std::string digestFile(const std::string &path, Digest::Algorithm algorithm,
                       const std::function<void(int64_t)> &progress = {},
                       const std::atomic<bool> *cancel = nullptr);

} // namespace ganvas
