#include <QtTest>

#include "media/image8.h"
#include "mediatesthelpers.h"

#include <algorithm>
#include <stdexcept>

using namespace ganvas;
using namespace ganvas::test;

// tileGrid and scaleNearest; the PNG reader and writer are in tst_png.
class TestImage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tileGridGrey();
    void tileGridRgbSolidTiles();
    void tileGridRgbPlanarToInterleaved();
    void tileGridPartialRow();
    void tileGridBadArguments();
    void scaleNearest_data();
    void scaleNearest();
    void scaleNearestBadFactor();
};

void TestImage::tileGridGrey()
{
    // 16 tiles of 5x3 (not square, so a swapped x/y shows), each pixel naming its tile and
    // position: value = 16 * n + 5 * y + x.
    const int count = 16, h = 3, w = 5, columns = 4, pad = 2;
    std::vector<uint8_t> nchw(std::size_t(count) * h * w);
    for (int n = 0; n < count; ++n)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                nchw[(std::size_t(n) * h + y) * w + x] = uint8_t(16 * n + 5 * y + x);

    const Image8 grid = tileGrid(nchw.data(), count, 1, h, w, columns, pad, 255);
    QCOMPARE(grid.channels, 1);
    QCOMPARE(grid.width, 4 * 5 + 5 * 2);
    QCOMPARE(grid.height, 4 * 3 + 5 * 2);
    QCOMPARE(grid.pixels.size(), std::size_t(30 * 22));

    // Hand-picked landmarks.
    QCOMPARE(at(grid, 0, 0), 255);
    QCOMPARE(at(grid, 1, 1), 255);
    QCOMPARE(at(grid, 2, 2), 0);                 // tile 0, (0,0)
    QCOMPARE(at(grid, 6, 4), 5 * 2 + 4);         // tile 0, (4,2)
    QCOMPARE(at(grid, 7, 2), 255);               // gap after tile 0
    QCOMPARE(at(grid, 9, 2), 16);                // tile 1, (0,0)
    QCOMPARE(at(grid, 2, 7), 16 * 4);            // tile 4 starts row 2
    QCOMPARE(at(grid, 23, 17), 16 * 15);         // tile 15, (0,0)
    QCOMPARE(at(grid, 27, 19), 16 * 15 + 14);    // tile 15, (4,2)
    QCOMPARE(at(grid, 29, 21), 255);

    // Every pixel.
    for (int y = 0; y < grid.height; ++y) {
        for (int x = 0; x < grid.width; ++x) {
            int expected = 255;
            const int cx = x - pad, cy = y - pad;
            if (cx >= 0 && cy >= 0 && cx % (w + pad) < w && cy % (h + pad) < h) {
                const int n = (cy / (h + pad)) * columns + cx / (w + pad);
                expected = 16 * n + 5 * (cy % (h + pad)) + cx % (w + pad);
            }
            QVERIFY2(at(grid, x, y) == expected, qPrintable(QString("pixel %1,%2: %3, expected %4")
                                                                 .arg(x).arg(y).arg(at(grid, x, y)).arg(expected)));
        }
    }
}

void TestImage::tileGridRgbSolidTiles()
{
    // 16 distinct solid colours; each must fill exactly its cell.
    const int count = 16, h = 6, w = 6, columns = 4, pad = 1;
    auto colour = [](int n, int k) {
        const int c[3] = {n * 16, 255 - n * 16, (n * 37 + 11) % 256};
        return c[k];
    };
    std::vector<uint8_t> nchw(std::size_t(count) * 3 * h * w);
    for (int n = 0; n < count; ++n)
        for (int k = 0; k < 3; ++k)
            std::fill_n(nchw.begin() + (std::size_t(n) * 3 + k) * h * w, h * w, uint8_t(colour(n, k)));

    const Image8 grid = tileGrid(nchw.data(), count, 3, h, w, columns, pad, 7);
    QCOMPARE(grid.channels, 3);
    QCOMPARE(grid.width, 4 * 6 + 5);
    QCOMPARE(grid.height, 4 * 6 + 5);
    for (int y = 0; y < grid.height; ++y) {
        for (int x = 0; x < grid.width; ++x) {
            const bool inTile = (x % (w + pad)) != 0 && (y % (h + pad)) != 0;
            const int n = (y / (h + pad)) * columns + x / (w + pad);
            for (int k = 0; k < 3; ++k) {
                const int expected = inTile ? colour(n, k) : 7;
                QVERIFY2(at(grid, x, y, k) == expected,
                         qPrintable(QString("pixel %1,%2 channel %3").arg(x).arg(y).arg(k)));
            }
        }
    }
}

void TestImage::tileGridRgbPlanarToInterleaved()
{
    // Two 2x2 tiles with a different pattern per plane: a plane mix-up cannot pass.
    const uint8_t nchw[] = {
        // tile 0: R, G, B planes
        1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24,
        // tile 1
        31, 32, 33, 34, 41, 42, 43, 44, 51, 52, 53, 54,
    };
    const Image8 grid = tileGrid(nchw, 2, 3, 2, 2, 2, 0, 0);
    QCOMPARE(grid.width, 4);
    QCOMPARE(grid.height, 2);
    const std::vector<uint8_t> expected = {
        1, 11, 21, 2, 12, 22, 31, 41, 51, 32, 42, 52,
        3, 13, 23, 4, 14, 24, 33, 43, 53, 34, 44, 54,
    };
    QCOMPARE(grid.pixels, expected);
}

void TestImage::tileGridPartialRow()
{
    // 5 tiles in 4 columns: 2 rows, the last three cells are padding.
    std::vector<uint8_t> nchw(5 * 2 * 2);
    for (int n = 0; n < 5; ++n)
        std::fill_n(nchw.begin() + n * 4, 4, uint8_t(100 + n));
    const Image8 grid = tileGrid(nchw.data(), 5, 1, 2, 2, 4, 1, 9);
    QCOMPARE(grid.width, 4 * 2 + 5);
    QCOMPARE(grid.height, 2 * 2 + 3);
    QCOMPARE(at(grid, 1, 1), 100);
    QCOMPARE(at(grid, 10, 2), 103);
    QCOMPARE(at(grid, 1, 4), 104);
    QCOMPARE(at(grid, 2, 5), 104);
    for (int y = 4; y < 6; ++y)
        for (int x = 4; x < grid.width; ++x)
            QCOMPARE(at(grid, x, y), 9);
}

void TestImage::tileGridBadArguments()
{
    const uint8_t data[12] = {};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 2, 2, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 2, 2, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 0, 1, 2, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 0, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 2, 2, 1, -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(nullptr, 1, 1, 2, 2, 1));
}

void TestImage::scaleNearest_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("factor");
    QTest::newRow("grey x1") << 1 << 1;
    QTest::newRow("grey x4") << 1 << 4;
    QTest::newRow("rgb x3") << 3 << 3;
    QTest::newRow("rgb x16") << 3 << 16;
}

void TestImage::scaleNearest()
{
    QFETCH(int, channels);
    QFETCH(int, factor);
    const Image8 source = randomImage(5, 3, channels, 42);
    const Image8 scaled = ganvas::scaleNearest(source, factor);
    QCOMPARE(scaled.width, 5 * factor);
    QCOMPARE(scaled.height, 3 * factor);
    QCOMPARE(scaled.channels, channels);
    QCOMPARE(scaled.pixels.size(), std::size_t(scaled.width) * scaled.height * channels);
    for (int y = 0; y < scaled.height; ++y)
        for (int x = 0; x < scaled.width; ++x)
            for (int k = 0; k < channels; ++k)
                QCOMPARE(at(scaled, x, y, k), at(source, x / factor, y / factor, k));
}

void TestImage::scaleNearestBadFactor()
{
    const Image8 source = randomImage(2, 2, 1, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ganvas::scaleNearest(source, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ganvas::scaleNearest(source, -2));
}

QTEST_GUILESS_MAIN(TestImage)
#include "tst_image.moc"
