#pragma once

#include <torch/torch.h>

#include <functional>
#include <stdexcept>
#include <string>

namespace ganvas {

// A checkpoint that cannot be read; what() names the file and the fault.
class CheckpointError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The checkpoint file: a 32-byte header (magic "GANVASCK", format version, payload length,
// CRC-32 of the payload) followed by a libtorch archive holding every piece of Trainer state.
// The header lets a truncated, damaged or foreign file be told apart before libtorch sees it.
constexpr uint32_t kCheckpointFormat = 1;

// Serialises `archive` behind the header and writes it atomically (see writeFileAtomically).
// Throws CheckpointError naming the file when it cannot be written.
void writeCheckpoint(const std::string &path, torch::serialize::OutputArchive &archive,
                     const std::function<void(size_t)> &afterChunk = {});

// Header + payload as bytes (what writeCheckpoint writes).
std::string encodeCheckpoint(torch::serialize::OutputArchive &archive);

// Checks the header and the checksum, then loads the archive. Throws CheckpointError.
void readCheckpoint(const std::string &path, torch::serialize::InputArchive &archive);

} // namespace ganvas
