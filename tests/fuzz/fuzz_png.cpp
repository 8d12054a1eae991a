// PNG decoding (media/pngio.h); an odd-sized input is read with alpha composited over black.
#include "media/pngio.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string path = ganvas::fuzz::writeInput("in.png", data, size);
    try {
        const auto image = ganvas::readPng(path, size % 2 == 1);
        if (image.pixels.size() != size_t(image.width) * image.height * image.channels)
            __builtin_trap();
    } catch (const ganvas::MediaError &) {
    }
    return 0;
}
