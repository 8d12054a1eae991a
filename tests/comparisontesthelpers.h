#pragma once

// Grids and a filled comparison view for the comparison widgets' tests.
#include "comparisonview.h"

#include <QColor>
#include <QImage>
#include <QRect>
#include <QtTest>

// A 4x4 grid of tile x tile squares with 2-px padding, like the engine's grids.
inline QImage makeGrid(QImage::Format format, int tile, const QColor &colour)
{
    const int side = 4 * tile + 5 * 2;
    QImage image(side, side, format);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const bool pad = (x % (tile + 2)) < 2 || (y % (tile + 2)) < 2;
            image.setPixelColor(x, y, pad ? QColor(Qt::black) : colour);
        }
    return image;
}

inline QColor greyOf(int epoch)
{
    return QColor(40 * epoch + 20, 40 * epoch + 20, 40 * epoch + 20);
}

inline QColor colourOf(int epoch)
{
    static const QColor colours[] = {QColor(200, 30, 60), QColor(20, 180, 40), QColor(30, 60, 210), QColor(230, 200, 10)};
    return colours[(epoch - 1) % 4];
}

inline QImage grey(int epoch)
{
    return makeGrid(QImage::Format_Grayscale8, 28, greyOf(epoch)); // 122 x 122
}

inline QImage colour(int epoch)
{
    return makeGrid(QImage::Format_RGB888, 32, colourOf(epoch)); // 138 x 138
}

// Run 0 grey with epochs 1..3, run 1 colour with epochs 1..2.
inline void fill(ComparisonView &view)
{
    QCOMPARE(view.addRun("mnist"), 0);
    QCOMPARE(view.addRun("cifar"), 1);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        view.setFrame(0, epoch, grey(epoch));
        if (epoch < 3)
            view.setFrame(1, epoch, colour(epoch));
    }
}

// Pixels in rect exactly equal to colour.
inline int countPixels(const QImage &image, const QRect &rect, const QColor &colour)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (rgb.pixel(x, y) == colour.rgb())
                ++count;
    return count;
}

