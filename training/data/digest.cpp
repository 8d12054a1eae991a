#include "data/digest.h"

#include "data/fetcherror.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace ganvas {

struct Digest::Context
{
    EVP_MD_CTX *ctx = nullptr;
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Digest::Digest(Algorithm algorithm) : m_context(std::make_unique<Context>())
{
    m_context->ctx = EVP_MD_CTX_new();
    const EVP_MD *md = algorithm == Algorithm::Md5 ? EVP_md5() : EVP_sha256();
    if (!m_context->ctx || EVP_DigestInit_ex(m_context->ctx, md, nullptr) != 1)
        throw FetchError(std::string("cannot start ") + (algorithm == Algorithm::Md5 ? "MD5" : "SHA-256")
                         + " (OpenSSL refused; is MD5 disabled by a FIPS policy?)");
}

Digest::~Digest() = default;

void Digest::update(const void *data, size_t size)
{
    if (size > 0)
        EVP_DigestUpdate(m_context->ctx, data, size);
}

std::string Digest::hex()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, out, &length);
    static const char digits[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text += digits[out[i] >> 4];
        text += digits[out[i] & 15];
    }
    return text;
}

std::string digestFile(const std::string &path, Digest::Algorithm algorithm,
                       const std::function<void(int64_t)> &progress, const std::atomic<bool> *cancel)
{
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw FetchError(path + ": cannot open: " + std::strerror(errno));
    Digest digest(algorithm);
    std::vector<char> buffer(1 << 20);
    int64_t done = 0;
    size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
        digest.update(buffer.data(), n);
        done += static_cast<int64_t>(n);
        if (progress)
            progress(done);
        if (cancel && cancel->load()) {
            std::fclose(file);
            throw FetchCancelled();
        }
    }
    const bool failed = std::ferror(file);
    const int err = errno;
    std::fclose(file);
    if (failed)
        throw FetchError(path + ": cannot read: " + std::strerror(err));
    return digest.hex();
}

} // namespace ganvas
