#include "data/datasetpreview.h"

#include "data/datasetlocator.h"

#include <cmath>
#include <cstring>
#include <numeric>
#include <random>
#include <stdexcept>

namespace ganvas {

DatasetPreview previewDataset(const TrainingConfig &config, int samples, uint64_t seed)
{
    if (samples < 1)
        throw std::invalid_argument("previewDataset: samples must be at least 1, not "
                                    + std::to_string(samples));
    const ImageSet set = loadDataset(config);

    // A partial Fisher-Yates shuffle: distinct picks, and the same seed gives the same grid.
    const int picks = static_cast<int>(std::min<int64_t>(samples, set.count));
    std::vector<int64_t> order(static_cast<std::size_t>(set.count));
    std::iota(order.begin(), order.end(), int64_t(0));
    std::mt19937_64 random(seed);
    for (int i = 0; i < picks; ++i) {
        std::uniform_int_distribution<int64_t> pick(i, set.count - 1);
        std::swap(order[i], order[pick(random)]);
    }
    const std::size_t bytes = static_cast<std::size_t>(set.imageBytes());
    std::vector<uint8_t> chosen(bytes * picks);
    for (int i = 0; i < picks; ++i)
        std::memcpy(chosen.data() + bytes * i, set.pixels.data() + bytes * order[i], bytes);

    DatasetPreview preview;
    // The trainer's grids are 4 wide for its 16 samples; a square-ish grid for other counts.
    const int columns = static_cast<int>(std::ceil(std::sqrt(double(picks))));
    preview.grid = tileGrid(chosen.data(), picks, static_cast<int>(set.channels),
                            static_cast<int>(set.height), static_cast<int>(set.width), columns);
    preview.count = set.count;
    preview.channels = static_cast<int>(set.channels);
    preview.height = static_cast<int>(set.height);
    preview.width = static_cast<int>(set.width);
    preview.source = set.source;
    preview.format = set.format;
    preview.skipped = set.skipped;
    preview.notes = set.notes;
    return preview;
}

} // namespace ganvas
