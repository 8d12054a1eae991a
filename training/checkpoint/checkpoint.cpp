#include "checkpoint/checkpoint.h"

#include "checkpoint/atomicfile.h"
#include "checkpoint/archivecheck.h"
#include "data/readlimits.h"

#include <caffe2/serialize/read_adapter_interface.h>
#include <caffe2/serialize/inline_container.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <regex>
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

// The archive's bytes for libtorch's zip reader. libtorch's own MemoryReadAdapter (behind
// InputArchive::load_from(data, size)) copies whatever range it is asked for, and its zip reader
// asks for ranges outside the bytes when the archive's directory is damaged (tests/fuzz found a
// read before the buffer): this one copies only what lies inside and reports the rest missing.
size_t readWithin(const char *data, size_t size, uint64_t pos, void *buf, size_t n)
{
    if (pos >= size)
        return 0;
    n = static_cast<size_t>(std::min<uint64_t>(n, size - pos));
    std::memcpy(buf, data + pos, n);
    return n;
}

class BoundedReadAdapter final : public caffe2::serialize::ReadAdapterInterface
{
public:
    BoundedReadAdapter(const char *data, size_t size) : m_data(data), m_size(size) {}
    size_t size() const override { return m_size; }
    size_t read(uint64_t pos, void *buf, size_t n, const char * = "") const override
    {
        return readWithin(m_data, m_size, pos, buf, n);
    }

private:
    const char *m_data;
    size_t m_size;
};

// libtorch compiles the TorchScript class definitions an archive stores (code/*.py) while it
// loads it, and its compiler crashes on some malformed ones: tests/fuzz found a class constant
// that makes libtorch 1.13's parseClassConstant dereference null. An OutputArchive holds only
// modules with attributes, whose code is declarations of a few forms; "" when every code
// record is made of those, else the first line that is not (the archive is then refused
// before libtorch compiles it). The pickles (data.pkl, constants.pkl) are walked first
// (checkpoint/archivecheck.h): a length beyond the bytes is refused before libtorch reserves it.
std::string unexpectedContent(const char *data, size_t size)
{
    static const std::regex declaration(
        R"((class [A-Za-z_][A-Za-z0-9_]*\(Module\):)?)"
        R"(|  __(parameters|buffers)__ = \[("[^"\\]*", )*\])"
        R"(|  __annotations__ = \[\])"
        R"(|  __annotations__\["[^"\\]*"\] = [A-Za-z_][A-Za-z0-9_.]*)"
        R"(|  [A-Za-z_][A-Za-z0-9_]* : [A-Za-z_][A-Za-z0-9_.]*)"
        R"((\[[A-Za-z0-9_., ]*(\[[A-Za-z0-9_., ]*\][A-Za-z0-9_., ]*)*\])?)");
    if (const std::string zip = zipProblem(reinterpret_cast<const unsigned char *>(data), size); !zip.empty())
        return zip;
    caffe2::serialize::PyTorchStreamReader reader(
            std::make_shared<BoundedReadAdapter>(data, size));
    for (const std::string &name : reader.getAllRecords()) {
        // data.pkl, constants.pkl and the code's .debug_pkl records are all pickles.
        if (name.size() > 3 && name.compare(name.size() - 3, 3, "pkl") == 0) {
            const auto record = reader.getRecord(name);
            const std::string problem =
                pickleProblem(static_cast<const unsigned char *>(std::get<0>(record).get()), std::get<1>(record));
            if (!problem.empty())
                return name + ": " + problem;
            continue;
        }
        if (name.rfind("code/", 0) != 0 || name.size() < 3 || name.compare(name.size() - 3, 3, ".py") != 0)
            continue;
        const auto record = reader.getRecord(name);
        std::istringstream code(std::string(static_cast<const char *>(std::get<0>(record).get()),
                                            std::get<1>(record)));
        std::string line;
        // std::regex recurses per character: a line longer than any declaration GANvas writes
        // is refused without matching it.
        while (std::getline(code, line))
            if (line.size() > 8192 || !std::regex_match(line, declaration))
                return name + ": \"" + line.substr(0, 80) + "\"";
    }
    return "";
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
    if (const std::string big = limits::fileTooLarge(path, limits::kMaxFileBytes, "checkpoints"); !big.empty())
        throw CheckpointError(path + ": " + big);
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
#ifndef GANVAS_FUZZING
    if (crcOf(bytes.data() + kHeaderSize, length) != static_cast<uint32_t>(getLE(bytes, 24, 4)))
        throw CheckpointError(path + ": damaged: the checksum does not match the data");
#else
    // tests/fuzz builds this file with GANVAS_FUZZING so that the fuzzer's mutations reach the
    // archive behind the checksum; the app and the CLI are never built so.
#endif
    try {
        if (const std::string code = unexpectedContent(bytes.data() + kHeaderSize, length); !code.empty())
            throw CheckpointError(path + ": damaged: unexpected content in the archive (" + code + ")");
        // Every tensor lands on the CPU, whatever device wrote it: a run trained on a GPU can be
        // sampled or resumed on a machine without one; the trainer moves its state to its device.
        const char *data = bytes.data() + kHeaderSize;
        const std::function<size_t(uint64_t, void *, size_t)> read = [&](uint64_t pos, void *buf, size_t n) {
            return readWithin(data, length, pos, buf, n);
        };
        const std::function<size_t()> size = [&] { return size_t(length); };
        archive.load_from(read, size, torch::Device(torch::kCPU));
    } catch (const CheckpointError &) {
        throw;
    } catch (const c10::Error &e) {
        throw CheckpointError(path + ": damaged: " + firstLine(e.what_without_backtrace()));
    } catch (const std::exception &e) {
        // libtorch's unpickler also throws torch::jit::ErrorReport (a std::exception, not a
        // c10::Error) for a damaged archive, e.g. an unknown type name; found by tests/fuzz.
        std::string what = e.what();
        what.erase(0, what.find_first_not_of("\n "));
        throw CheckpointError(path + ": damaged: " + firstLine(what));
    }
}

} // namespace ganvas
