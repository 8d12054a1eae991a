#include "media/imageresize.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ganvas {

namespace {

// For each output pixel along one axis: which source pixels it mixes, with what weights.
// Stored flat with a fixed number of taps per output (unused taps have weight 0).
struct AxisTaps
{
    int taps = 0;
    std::vector<int> index;      // outputs * taps, source positions (already offset)
    std::vector<float> weight;   // outputs * taps, summing to 1 per output
};

AxisTaps axisTaps(int offset, int inLength, int outLength)
{
    AxisTaps t;
    const double scale = double(inLength) / outLength;
    t.taps = inLength > outLength ? int(std::ceil(scale)) + 1 : 2;
    t.index.assign(std::size_t(outLength) * t.taps, offset);
    t.weight.assign(std::size_t(outLength) * t.taps, 0.0f);
    for (int i = 0; i < outLength; ++i) {
        int *index = t.index.data() + std::size_t(i) * t.taps;
        float *weight = t.weight.data() + std::size_t(i) * t.taps;
        if (inLength > outLength) {
            // Area: output i covers [lo, hi) of the source; each pixel counts by its overlap.
            const double lo = i * scale, hi = (i + 1) * scale;
            int k = 0;
            for (int j = int(std::floor(lo)); j < inLength && j < hi && k < t.taps; ++j) {
                const double overlap = std::min(hi, j + 1.0) - std::max(lo, double(j));
                if (overlap <= 0)
                    continue;
                index[k] = offset + j;
                weight[k] = float(overlap / scale);
                ++k;
            }
        } else {
            // Bilinear between pixel centres, edges clamped.
            double src = (i + 0.5) * scale - 0.5;
            src = std::clamp(src, 0.0, double(inLength - 1));
            const int j0 = int(std::floor(src));
            const int j1 = std::min(j0 + 1, inLength - 1);
            const float f = float(src - j0);
            index[0] = offset + j0;
            index[1] = offset + j1;
            weight[0] = 1.0f - f;
            weight[1] = f;
        }
    }
    return t;
}

uint8_t toByte(float v)
{
    return uint8_t(std::clamp(int(std::lround(v)), 0, 255));
}

void checkImage(const Image8 &image, const char *what)
{
    if (image.isNull()
        || image.pixels.size() != std::size_t(image.width) * image.height * image.channels)
        throw std::invalid_argument(std::string(what) + ": empty image or mismatched pixel buffer");
}

} // namespace

bool isGreyImage(const Image8 &image)
{
    if (image.channels == 1)
        return true;
    if (image.channels != 3)
        return false;
    const uint8_t *p = image.pixels.data();
    const std::size_t count = std::size_t(image.width) * image.height;
    for (std::size_t i = 0; i < count; ++i, p += 3)
        if (p[0] != p[1] || p[1] != p[2])
            return false;
    return true;
}

Image8 convertChannels(const Image8 &image, int channels)
{
    if (channels != 1 && channels != 3)
        throw std::invalid_argument("convertChannels: channels must be 1 or 3, not "
                                    + std::to_string(channels));
    checkImage(image, "convertChannels");
    if (image.channels == channels)
        return image;
    if (image.channels != 1 && image.channels != 3)
        throw std::invalid_argument("convertChannels: the image has "
                                    + std::to_string(image.channels) + " channels");
    Image8 out;
    out.width = image.width;
    out.height = image.height;
    out.channels = channels;
    const std::size_t count = std::size_t(image.width) * image.height;
    out.pixels.resize(count * channels);
    const uint8_t *in = image.pixels.data();
    uint8_t *o = out.pixels.data();
    if (channels == 3) {
        for (std::size_t i = 0; i < count; ++i, o += 3)
            o[0] = o[1] = o[2] = in[i];
    } else {
        // Integer BT.601 weights (per mille), rounded.
        for (std::size_t i = 0; i < count; ++i, in += 3)
            o[i] = uint8_t((299 * in[0] + 587 * in[1] + 114 * in[2] + 500) / 1000);
    }
    return out;
}

Image8 squareResize(const Image8 &image, int size)
{
    if (size < 1)
        throw std::invalid_argument("squareResize: size must be at least 1");
    checkImage(image, "squareResize");
    const int side = std::min(image.width, image.height);
    const AxisTaps xs = axisTaps((image.width - side) / 2, side, size);
    const AxisTaps ys = axisTaps((image.height - side) / 2, side, size);
    const int c = image.channels;

    // Horizontal pass over the rows the vertical pass will read, then the vertical pass.
    const int y0 = (image.height - side) / 2;
    std::vector<float> rows(std::size_t(side) * size * c);
    for (int y = 0; y < side; ++y) {
        const uint8_t *in = image.pixels.data() + std::size_t(y0 + y) * image.width * c;
        float *out = rows.data() + std::size_t(y) * size * c;
        for (int x = 0; x < size; ++x) {
            const int *index = xs.index.data() + std::size_t(x) * xs.taps;
            const float *weight = xs.weight.data() + std::size_t(x) * xs.taps;
            for (int ch = 0; ch < c; ++ch) {
                float sum = 0;
                for (int k = 0; k < xs.taps; ++k)
                    sum += weight[k] * in[std::size_t(index[k]) * c + ch];
                out[x * c + ch] = sum;
            }
        }
    }
    Image8 result;
    result.width = result.height = size;
    result.channels = c;
    result.pixels.resize(std::size_t(size) * size * c);
    const std::size_t stride = std::size_t(size) * c;
    for (int y = 0; y < size; ++y) {
        const int *index = ys.index.data() + std::size_t(y) * ys.taps;
        const float *weight = ys.weight.data() + std::size_t(y) * ys.taps;
        uint8_t *out = result.pixels.data() + y * stride;
        for (std::size_t i = 0; i < stride; ++i) {
            float sum = 0;
            for (int k = 0; k < ys.taps; ++k)
                sum += weight[k] * rows[std::size_t(index[k] - y0) * stride + i];
            out[i] = toByte(sum);
        }
    }
    return result;
}

} // namespace ganvas
