// JPEG decoding (media/jpegio.h); the input's size picks the smallest side asked for (0: full
// size, else 8, 32 or 64, which lets libjpeg scale down).
#include "media/jpegio.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int sides[4] = {0, 8, 32, 64};
    const std::string path = ganvas::fuzz::writeInput("in.jpg", data, size);
    try {
        const auto image = ganvas::readJpeg(path, sides[size % 4]);
        if (image.pixels.size() != size_t(image.width) * image.height * image.channels)
            __builtin_trap();
    } catch (const ganvas::MediaError &) {
    }
    return 0;
}
