#pragma once

// Small helpers shared by the media tests (tst_image, tst_png, tst_gif, tst_palette): synthetic
// images, pixel access, file-name conversion and error capture. Header-only; no torch.
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "media/image8.h"
#include "media/palette.h"

#include <cstdlib>
#include <random>
#include <string>

namespace ganvas::test {

inline std::string local(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

template <typename Fill>
Image8 makeImage(int width, int height, int channels, Fill fill)
{
    Image8 image;
    image.width = width;
    image.height = height;
    image.channels = channels;
    image.pixels.resize(std::size_t(width) * height * channels);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int k = 0; k < channels; ++k)
                image.pixels[(std::size_t(y) * width + x) * channels + k] = uint8_t(fill(x, y, k));
    return image;
}

inline Image8 randomImage(int width, int height, int channels, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    return makeImage(width, height, channels, [&](int, int, int) { return byte(rng); });
}

// A smooth RGB picture with far more than 256 colours.
inline Image8 gradientImage(int width, int height)
{
    return makeImage(width, height, 3, [&](int x, int y, int k) {
        if (k == 0)
            return x * 255 / (width - 1);
        if (k == 1)
            return y * 255 / (height - 1);
        return (x + y) * 255 / (width + height - 2);
    });
}

inline int at(const Image8 &image, int x, int y, int k = 0)
{
    return image.pixels[(std::size_t(y) * image.width + x) * image.channels + k];
}

// The text of the MediaError that f throws; empty when it throws none (other exceptions
// escape and fail the test).
template <typename F>
QString mediaErrorOf(F &&f)
{
    try {
        f();
    } catch (const MediaError &e) {
        return QString::fromLocal8Bit(e.what());
    }
    return QString();
}

inline double meanAbsError(const Image8 &a, const Image8 &b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

// The quantised image as RGB, to compare with the source.
inline Image8 expand(const IndexedImage &q)
{
    return makeImage(q.width, q.height, 3, [&](int x, int y, int k) {
        return q.palette[q.indices[std::size_t(y) * q.width + x]][k];
    });
}

inline QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace ganvas::test
