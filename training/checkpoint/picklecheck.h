#pragma once

#include <cstddef>
#include <string>

namespace ganvas {

// Walks the opcodes of a pickle (a checkpoint archive's data.pkl or constants.pkl) without
// building anything, and returns "" when every opcode is known and every length it claims fits
// in the bytes that follow; otherwise what is wrong. libtorch 1.13's unpickler reserves a
// string's claimed length before it checks it (gigabytes for a damaged 4- or 8-byte length,
// found by tests/fuzz), so readCheckpoint asks this first.
std::string pickleProblem(const unsigned char *data, size_t size);

} // namespace ganvas
