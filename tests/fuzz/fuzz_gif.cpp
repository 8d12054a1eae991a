// GIF decoding (media/gifwriter.h's readGif): every frame drawn onto the logical screen.
#include "media/gifwriter.h"
#include "fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string path = ganvas::fuzz::writeInput("in.gif", data, size);
    try {
        int loops = 0;
        for (const auto &frame : ganvas::readGif(path, &loops))
            if (frame.pixels.size() != size_t(frame.width) * frame.height * frame.channels)
                __builtin_trap();
    } catch (const ganvas::MediaError &) {
    }
    return 0;
}
