#pragma once

#include <cstddef>
#include <string>

namespace ganvas {

// What readCheckpoint checks in a checkpoint's libtorch archive before libtorch reads it.

// Walks the opcodes of a pickle (a checkpoint archive's data.pkl or constants.pkl) without
// building anything, and returns "" when every opcode is known and every length it claims fits
// in the bytes that follow and every memo index is below the pickle's size; otherwise what is
// wrong. libtorch 1.13's unpickler reserves a string's claimed length before it checks it
// (gigabytes for a damaged 4- or 8-byte length) and grows its memo table to any index a PUT
// names (31 GB for one damaged LONG_BINPUT), both found by tests/fuzz, so readCheckpoint asks
// this first.
std::string pickleProblem(const unsigned char *data, size_t size);

// Reads a zip archive's central directory (zip64 fields included) and returns "" when every
// entry's claimed size is one its bytes can hold (stored: no more than the archive; deflated: no
// more than deflate can expand), otherwise what is wrong. libtorch's zip reader allocates a
// record's claimed size before reading it (31 GB for a damaged entry, found by tests/fuzz).
std::string zipProblem(const unsigned char *data, size_t size);

} // namespace ganvas
