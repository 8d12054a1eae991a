#pragma once

#include "media/image8.h"

#include <QImage>

#include <algorithm>

// The engine's 8-bit images as QImages (a deep copy: the QImage owns its pixels).
inline QImage toQImage(const ganvas::Image8 &im)
{
    const auto format = im.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    return QImage(im.pixels.data(), im.width, im.height, im.width * im.channels, format).copy();
}

// Any QImage as the engine's 8-bit RGB image (for the GIF writer).
inline ganvas::Image8 toImage8Rgb(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    ganvas::Image8 out;
    out.width = rgb.width();
    out.height = rgb.height();
    out.channels = 3;
    out.pixels.resize(size_t(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        std::copy_n(rgb.constScanLine(y), size_t(out.width) * 3, out.pixels.data() + size_t(y) * out.width * 3);
    return out;
}
