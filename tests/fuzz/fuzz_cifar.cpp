// CIFAR-10 binary batches (data/cifarreader.h): the input is one batch file, read whole and
// with a limit of 2 images.
#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string path = ganvas::fuzz::writeInput("data_batch_1.bin", data, size);
    for (const int64_t limit : {int64_t(-1), int64_t(2)}) {
        try {
            std::vector<uint8_t> labels;
            const auto set = ganvas::readCifarBatches({path}, limit, &labels);
            if (set.pixels.size() != size_t(set.count) * 3072 || labels.size() != size_t(set.count))
                __builtin_trap();
        } catch (const ganvas::DataError &) {
        }
    }
    return 0;
}
