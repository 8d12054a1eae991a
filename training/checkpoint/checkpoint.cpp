#include "checkpoint/checkpoint.h"

#include "checkpoint/atomicfile.h"

#include <zlib.h>

#include <cstring>
#include <sstream>

namespace ganvas {

namespace {

constexpr char kMagic[8] = {'G', 'A', 'N', 'V', 'A', 'S', 'C', 'K'};
constexpr size_t kHeaderSize = 32;

void putU32(std::string &s, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

void putU64(std::string &s, size_t at, uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        s[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

uint64_t getLE(const std::string &s, size_t at, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= static_cast<uint64_t>(static_cast<unsigned char>(s[at + i])) << (8 * i);
    return v;
}

uint32_t crcOf(const char *data, size_t size)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    while (size > 0) {
        const uInt n = static_cast<uInt>(std::min<size_t>(size, 1u << 30));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(data), n);
        data += n;
        size -= n;
    }
    return static_cast<uint32_t>(crc);
}

std::string firstLine(const std::string &s)
{
    return s.substr(0, s.find('\n'));
}

} // namespace

std::string encodeCheckpoint(torch::serialize::OutputArchive &archive)
{
    std::ostringstream payload;
    archive.save_to(payload);
    const std::string body = payload.str();
    std::string out(kHeaderSize, '\0');
    std::memcpy(&out[0], kMagic, sizeof kMagic);
    putU32(out, 8, kCheckpointFormat);
    putU64(out, 16, body.size());
    putU32(out, 24, crcOf(body.data(), body.size()));
    out += body;
    return out;
}

void writeCheckpoint(const std::string &path, torch::serialize::OutputArchive &archive,
                     const std::function<void(size_t)> &afterChunk)
{
    const std::string bytes = encodeCheckpoint(archive);
    try {
        writeFileAtomically(path, bytes, afterChunk);
    } catch (const FileWriteError &e) {
        throw CheckpointError(e.what());
    }
}

void readCheckpoint(const std::string &path, torch::serialize::InputArchive &archive)
{
    std::string bytes;
    try {
        bytes = readWholeFile(path);
    } catch (const FileWriteError &e) {
        throw CheckpointError(e.what());
    }
    const size_t magicLen = std::min(bytes.size(), sizeof kMagic);
    if (bytes.empty() || std::memcmp(bytes.data(), kMagic, magicLen) != 0)
        throw CheckpointError(path + ": not a GANvas checkpoint (it does not start with GANVASCK)");
    if (bytes.size() < kHeaderSize)
        throw CheckpointError(path + ": truncated: " + std::to_string(bytes.size()) +
                              " bytes, shorter than the checkpoint header");
    const auto format = static_cast<uint32_t>(getLE(bytes, 8, 4));
    if (format != kCheckpointFormat)
        throw CheckpointError(path + ": checkpoint format " + std::to_string(format) +
                              " is not supported (this GANvas reads format " +
                              std::to_string(kCheckpointFormat) + ")");
    const uint64_t length = getLE(bytes, 16, 8);
    const uint64_t held = bytes.size() - kHeaderSize;
    if (held < length)
        throw CheckpointError(path + ": truncated: the header promises " + std::to_string(length) +
                              " bytes of data, the file holds " + std::to_string(held));
    if (held > length)
        throw CheckpointError(path + ": damaged: " + std::to_string(held - length) +
                              " unexpected bytes after the data");
    if (crcOf(bytes.data() + kHeaderSize, length) != static_cast<uint32_t>(getLE(bytes, 24, 4)))
        throw CheckpointError(path + ": damaged: the checksum does not match the data");
    try {
        // Every tensor lands on the CPU, whatever device wrote it: a run trained on a GPU can be
        // sampled or resumed on a machine without one; the trainer moves its state to its device.
        archive.load_from(bytes.data() + kHeaderSize, length, torch::Device(torch::kCPU));
    } catch (const c10::Error &e) {
        throw CheckpointError(path + ": damaged: " + firstLine(e.what_without_backtrace()));
    }
}

} // namespace ganvas
