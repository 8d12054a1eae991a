// IDX images and labels, plain and gzipped (data/idxreader.h). The first byte chooses: bit 0
// labels instead of images, bit 1 a name ending in .gz, bit 2 a limit of 3 records; the rest
// is the file. (The gzip magic alone also makes the reader inflate.)
#include "data/dataerror.h"
#include "data/idxreader.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const uint8_t mode = data[0];
    const std::string path = ganvas::fuzz::writeInput((mode & 2) ? "in.idx.gz" : "in.idx", data + 1, size - 1);
    const int64_t limit = (mode & 4) ? 3 : -1;
    try {
        if (mode & 1) {
            const auto labels = ganvas::readIdxLabels(path, limit);
            if (labels.empty())
                __builtin_trap(); // the reader promises at least one label
        } else {
            const auto set = ganvas::readIdxImages(path, limit);
            if (set.pixels.size() != size_t(set.count * set.channels * set.height * set.width))
                __builtin_trap(); // pixels that do not match the shape
        }
    } catch (const ganvas::DataError &) {
    }
    return 0;
}
