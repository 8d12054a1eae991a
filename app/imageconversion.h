#pragma once

#include "media/image8.h"

#include <QImage>

// The engine's 8-bit images as QImages (a deep copy: the QImage owns its pixels).
inline QImage toQImage(const ganvas::Image8 &im)
{
    const auto format = im.channels == 3 ? QImage::Format_RGB888 : QImage::Format_Grayscale8;
    return QImage(im.pixels.data(), im.width, im.height, im.width * im.channels, format).copy();
}
