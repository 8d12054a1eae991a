#pragma once

#include "data/imageset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// CIFAR-10 binary batches: records of 1 label byte + 3072 pixel bytes (R, G, B planes of
// 32x32). Each file must be a whole number of records (10,000 in the official ones).
// Reads the files in order, stopping after `limit` images when limit >= 0.
// Throws DataError naming the file for a missing, empty or truncated file or a label > 9.
// `labels`, when given, receives each read image's label.
ImageSet readCifarBatches(const std::vector<std::string> &paths, int64_t limit = -1,
                          std::vector<uint8_t> *labels = nullptr);

} // namespace ganvas
