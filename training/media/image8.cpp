#include "media/image8.h"

#include <climits>
#include <cstddef>
#include <cstring>

namespace ganvas {

namespace {

// Sizes are multiplied in size_t, but Image8 stores int dimensions: refuse anything whose
// width or height would not fit, and anything too large to allocate sensibly (1 GiB).
constexpr std::size_t kMaxImageBytes = std::size_t(1) << 30;

void checkImageSize(long long width, long long height, int channels, const char *what)
{
    if (width > INT_MAX || height > INT_MAX
        || static_cast<unsigned long long>(width) * static_cast<unsigned long long>(height)
                   * static_cast<unsigned long long>(channels)
               > kMaxImageBytes)
        throw std::invalid_argument(std::string(what) + ": the resulting image would be too large");
}

} // namespace

Image8 tileGrid(const uint8_t *nchw, int count, int channels, int height, int width, int columns,
                int padding, uint8_t padValue)
{
    if (count < 1)
        throw std::invalid_argument("tileGrid: count must be at least 1");
    if (channels != 1 && channels != 3)
        throw std::invalid_argument("tileGrid: channels must be 1 (grey) or 3 (RGB), not "
                                    + std::to_string(channels));
    if (height < 1 || width < 1)
        throw std::invalid_argument("tileGrid: tiles must be at least 1x1 pixels");
    if (columns < 1)
        throw std::invalid_argument("tileGrid: columns must be at least 1");
    if (padding < 0)
        throw std::invalid_argument("tileGrid: padding must not be negative");
    if (!nchw)
        throw std::invalid_argument("tileGrid: no pixel data");

    const int rows = (count + columns - 1) / columns;
    const long long outWidth = 1LL * columns * width + 1LL * (columns + 1) * padding;
    const long long outHeight = 1LL * rows * height + 1LL * (rows + 1) * padding;
    checkImageSize(outWidth, outHeight, channels, "tileGrid");

    Image8 grid;
    grid.width = static_cast<int>(outWidth);
    grid.height = static_cast<int>(outHeight);
    grid.channels = channels;
    // Filling everything with the pad value first covers the gaps and any empty cells of a
    // partly filled last row.
    grid.pixels.assign(static_cast<std::size_t>(outWidth) * outHeight * channels, padValue);

    const std::size_t plane = static_cast<std::size_t>(height) * width;
    const std::size_t outStride = static_cast<std::size_t>(outWidth) * channels;
    for (int n = 0; n < count; ++n) {
        const uint8_t *tile = nchw + static_cast<std::size_t>(n) * channels * plane;
        const int x0 = padding + (n % columns) * (width + padding);
        const int y0 = padding + (n / columns) * (height + padding);
        for (int y = 0; y < height; ++y) {
            uint8_t *out = grid.pixels.data() + static_cast<std::size_t>(y0 + y) * outStride
                    + static_cast<std::size_t>(x0) * channels;
            const std::size_t row = static_cast<std::size_t>(y) * width;
            if (channels == 1) {
                std::memcpy(out, tile + row, static_cast<std::size_t>(width));
            } else {
                // Planar to interleaved.
                const uint8_t *r = tile + row;
                const uint8_t *g = r + plane;
                const uint8_t *b = g + plane;
                for (int x = 0; x < width; ++x) {
                    out[3 * x] = r[x];
                    out[3 * x + 1] = g[x];
                    out[3 * x + 2] = b[x];
                }
            }
        }
    }
    return grid;
}

Image8 scaleNearest(const Image8 &image, int factor)
{
    if (factor < 1)
        throw std::invalid_argument("scaleNearest: factor must be at least 1, not "
                                    + std::to_string(factor));
    if (image.isNull())
        return Image8();
    const std::size_t inStride = static_cast<std::size_t>(image.width) * image.channels;
    if (image.pixels.size() != inStride * image.height)
        throw std::invalid_argument("scaleNearest: pixel buffer does not match the image size");
    if (factor == 1)
        return image;

    checkImageSize(1LL * image.width * factor, 1LL * image.height * factor, image.channels,
                   "scaleNearest");
    Image8 out;
    out.width = image.width * factor;
    out.height = image.height * factor;
    out.channels = image.channels;
    const std::size_t outStride = static_cast<std::size_t>(out.width) * out.channels;
    out.pixels.resize(outStride * out.height);

    const int c = image.channels;
    for (int y = 0; y < image.height; ++y) {
        const uint8_t *in = image.pixels.data() + y * inStride;
        uint8_t *first = out.pixels.data() + static_cast<std::size_t>(y) * factor * outStride;
        uint8_t *o = first;
        for (int x = 0; x < image.width; ++x, in += c)
            for (int k = 0; k < factor; ++k, o += c)
                std::memcpy(o, in, static_cast<std::size_t>(c));
        // The other factor-1 output rows are copies of the one just built.
        for (int k = 1; k < factor; ++k)
            std::memcpy(first + k * outStride, first, outStride);
    }
    return out;
}

} // namespace ganvas
