#pragma once

#include "media/image8.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

struct TrainingConfig;

// What a run would train on, shown before it starts: the real side of the real/fake comparison.
struct DatasetPreview
{
    Image8 grid;          // real samples tiled like the trainer's epoch grids (4x4 for 16), RGB for colour data
    int64_t count = 0;    // images the run would use (after limit)
    int channels = 0;
    int height = 0;
    int width = 0;
    std::string source;   // the folder they came from
    std::string format;   // "idx", "cifar10" or "images"
    int64_t skipped = 0;  // image folders: unreadable files left out
    std::vector<std::string> notes; // the first few of those, "path: reason"
};

// Loads the dataset as loadDataset(config) does and tiles `samples` distinct images chosen at
// random by `seed` (all of them when there are fewer). Throws DataError like loadDataset, and
// std::invalid_argument for samples < 1.
DatasetPreview previewDataset(const TrainingConfig &config, int samples = 16, uint64_t seed = 0);

} // namespace ganvas
