#pragma once

// Helpers for the image-folder tests: writing pictures with QImage, reading ImageSet pixels.
#include "data/imageset.h"

#include <QtTest>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>

#include <string>

namespace ganvas::imagetest {

inline void writeBytes(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

inline void save(const QImage &image, const QString &path, const char *format = nullptr)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY2(image.save(path, format, format && qstrcmp(format, "PNG") != 0 ? 95 : -1),
             qPrintable(path));
}

inline QImage solid(int width, int height, QColor colour, QImage::Format format = QImage::Format_RGB32)
{
    QImage image(width, height, format);
    image.fill(colour);
    return image;
}

// Noise, so a JPEG of it is large enough to truncate meaningfully.
inline QImage noisy(int side, int seed)
{
    QImage image(side, side, QImage::Format_RGB32);
    uint32_t state = 2463534242u + uint32_t(seed);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            state ^= state << 13, state ^= state >> 17, state ^= state << 5;
            image.setPixel(x, y, qRgb(state & 0xff, (state >> 8) & 0xff, (state >> 16) & 0xff));
        }
    return image;
}

inline std::string str(const QString &s)
{
    return s.toStdString();
}

inline uint8_t pixel(const ImageSet &set, int64_t n, int64_t c, int64_t y, int64_t x)
{
    return set.pixels[size_t(((n * set.channels + c) * set.height + y) * set.width + x)];
}

} // namespace ganvas::imagetest
