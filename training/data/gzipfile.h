#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// Reads a whole file into memory, gunzipping it when its name ends in ".gz" (or it starts with
// the gzip magic). Throws DataError naming the file for a missing, unreadable or corrupt file.
std::vector<uint8_t> readMaybeGzipped(const std::string &path);

} // namespace ganvas
