#pragma once

#include "data/readlimits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// Reads a whole file into memory, gunzipping it when its name ends in ".gz" (or it starts with
// the gzip magic). Throws DataError naming the file for a missing, unreadable or corrupt file,
// and for one larger than limits::kMaxFileBytes or inflating to more than `maxBytes` (a gzip
// bomb stops there, before more is allocated). With `exceeded` given, more than `maxBytes`
// is not an error: *exceeded is set and the first maxBytes + 1 bytes are returned.
std::vector<uint8_t> readMaybeGzipped(const std::string &path,
                                      uint64_t maxBytes = limits::kMaxInflatedBytes,
                                      bool *exceeded = nullptr);

// The first `n` bytes of what readMaybeGzipped would return (fewer when there are fewer):
// a header, read without inflating the rest. Throws like readMaybeGzipped.
std::vector<uint8_t> readMaybeGzippedPrefix(const std::string &path, uint64_t n);

} // namespace ganvas
