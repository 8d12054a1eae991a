#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ganvas {

// An 8-bit image, channels interleaved (H x W x C), C = 1 (grey) or 3 (RGB).
struct Image8
{
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<uint8_t> pixels; // height * width * channels

    bool isNull() const { return width <= 0 || height <= 0 || channels <= 0; }
};

// A file that could not be written or decoded; what() names the file.
class MediaError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Tiles `count` planar images (N x C x H x W, uint8) into a grid with `columns` columns and
// `padding` pixels of `padValue` between and around the tiles. Rows = ceil(count / columns).
Image8 tileGrid(const uint8_t *nchw, int count, int channels, int height, int width, int columns,
                int padding = 2, uint8_t padValue = 0);

// Nearest-neighbour enlargement by an integer factor (>= 1), keeping pixels crisp.
Image8 scaleNearest(const Image8 &image, int factor);

} // namespace ganvas
