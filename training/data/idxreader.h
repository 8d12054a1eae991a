#pragma once

#include "data/imageset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// IDX files (MNIST, Fashion-MNIST), plain or gzipped. Images: magic 0x00000803, count, rows,
// cols, then count*rows*cols bytes. Labels: magic 0x00000801, count, then count bytes.
// limit < 0 reads everything; otherwise at most the first `limit` records.
// Every fault (missing file, wrong magic, truncated data, zero or absurd sizes) throws DataError.
ImageSet readIdxImages(const std::string &path, int64_t limit = -1);
std::vector<uint8_t> readIdxLabels(const std::string &path, int64_t limit = -1);

} // namespace ganvas
