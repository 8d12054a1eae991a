#pragma once

#include "media/image8.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ganvas {

// A colour table of up to 256 RGB entries and the image mapped onto it.
struct IndexedImage
{
    int width = 0;
    int height = 0;
    std::vector<std::array<uint8_t, 3>> palette; // 1..256 entries
    std::vector<uint8_t> indices;                // width * height
};

// Grey images map exactly onto the 256 grey levels (index = grey value). RGB images get a
// palette chosen for that image by median cut (at most 256 colours; exact when the image has
// 256 colours or fewer) and each pixel takes its nearest palette entry.
IndexedImage quantize(const Image8 &image);

} // namespace ganvas
