#include <QtTest>

#include <QElapsedTimer>

#include "media/image8.h"
#include "media/palette.h"
#include "mediatesthelpers.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

using namespace ganvas;
using namespace ganvas::test;

// quantize: the 256-colour palette each GIF frame gets (exact for few colours, close for many,
// fast enough for the export).
class TestPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantizeGreyIsExact();
    void quantizeFewColoursIsExact_data();
    void quantizeFewColoursIsExact();
    void quantizeManyColours_data();
    void quantizeManyColours();
    void quantizeSampleGridIsFast();
};

void TestPalette::quantizeGreyIsExact()
{
    const Image8 image = makeImage(16, 16, 1, [](int x, int y, int) { return 255 - (y * 16 + x); });
    const IndexedImage q = quantize(image);
    QCOMPARE(q.width, 16);
    QCOMPARE(q.height, 16);
    QCOMPARE(q.palette.size(), std::size_t(256));
    for (int v = 0; v < 256; ++v)
        QVERIFY(q.palette[v] == (std::array<uint8_t, 3>{uint8_t(v), uint8_t(v), uint8_t(v)}));
    QVERIFY(q.indices == image.pixels);
}

void TestPalette::quantizeFewColoursIsExact_data()
{
    QTest::addColumn<int>("colours");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("200") << 200;
    QTest::newRow("256") << 256;
}

void TestPalette::quantizeFewColoursIsExact()
{
    QFETCH(int, colours);
    std::mt19937 rng{unsigned(colours)};
    std::uniform_int_distribution<int> byte(0, 255);
    std::vector<std::array<int, 3>> table;
    while (int(table.size()) < colours) {
        const std::array<int, 3> c{byte(rng), byte(rng), byte(rng)};
        if (std::find(table.begin(), table.end(), c) == table.end())
            table.push_back(c);
    }
    std::uniform_int_distribution<int> pick(0, colours - 1);
    std::vector<int> choice(64 * 48);
    for (std::size_t i = 0; i < choice.size(); ++i)
        choice[i] = i < std::size_t(colours) ? int(i) : pick(rng); // every colour appears
    const Image8 image = makeImage(64, 48, 3, [&](int x, int y, int k) { return table[choice[y * 64 + x]][k]; });

    const IndexedImage q = quantize(image);
    QCOMPARE(int(q.palette.size()), colours);
    QCOMPARE(q.indices.size(), std::size_t(64 * 48));
    QVERIFY(expand(q).pixels == image.pixels);
}

void TestPalette::quantizeManyColours_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("bound");
    // Smooth pictures (what a generator draws) must look right; noise only needs to stay sane.
    // The grid's tiles fill a 3-D patch of colour space (the gradient only a 2-D sheet), so
    // 256 entries leave a larger error there (about 5.4 at the time of writing).
    QTest::newRow("gradient 128x128") << "gradient" << 4.0;
    QTest::newRow("sample grid") << "grid" << 7.0;
    QTest::newRow("noise 96x96") << "noise" << 24.0;
}

void TestPalette::quantizeManyColours()
{
    QFETCH(QString, kind);
    QFETCH(double, bound);
    Image8 image;
    if (kind == "gradient") {
        image = gradientImage(128, 128);
    } else if (kind == "noise") {
        image = randomImage(96, 96, 3, 5);
    } else {
        // 16 tiles of 32x32, each a different smooth colour field, like a 4x4 sample grid.
        std::vector<uint8_t> nchw(16 * 3 * 32 * 32);
        for (int n = 0; n < 16; ++n)
            for (int k = 0; k < 3; ++k)
                for (int y = 0; y < 32; ++y)
                    for (int x = 0; x < 32; ++x)
                        nchw[((n * 3 + k) * 32 + y) * 32 + x] = uint8_t(
                                127.5 + 127.5 * std::sin(0.07 * (n + 1) * (x + 2 * k) + 0.05 * (k + 1) * y + n));
        image = tileGrid(nchw.data(), 16, 3, 32, 32, 4);
    }

    const IndexedImage q = quantize(image);
    QCOMPARE(q.palette.size(), std::size_t(256));
    QCOMPARE(q.indices.size(), std::size_t(image.width) * image.height);
    const double error = meanAbsError(expand(q), image);
    qInfo("%s: mean absolute error %.2f per channel", qPrintable(kind), error);
    QVERIFY2(error < bound, qPrintable(QString("mean abs error %1").arg(error)));

    // Each pixel took its nearest palette entry.
    for (std::size_t i = 0; i < q.indices.size(); ++i) {
        const uint8_t *c = &image.pixels[3 * i];
        auto distance = [&](const std::array<uint8_t, 3> &p) {
            int d = 0;
            for (int k = 0; k < 3; ++k)
                d += (p[k] - c[k]) * (p[k] - c[k]);
            return d;
        };
        const int chosen = distance(q.palette[q.indices[i]]);
        for (const auto &p : q.palette)
            if (distance(p) < chosen)
                QFAIL(qPrintable(QString("pixel %1 did not take its nearest palette entry").arg(i)));
    }
}

void TestPalette::quantizeSampleGridIsFast()
{
    // The GIF export's case: a 4x4 grid of 32x32 RGB samples, scaled 4x (552x552).
    std::mt19937 rng(3);
    std::normal_distribution<double> noise(0.0, 30.0);
    std::vector<uint8_t> nchw(16 * 3 * 32 * 32);
    for (std::size_t i = 0; i < nchw.size(); ++i)
        nchw[i] = uint8_t(std::clamp(128.0 + 60.0 * std::sin(double(i % 1024) * 0.01) + noise(rng), 0.0, 255.0));
    const Image8 frame = ganvas::scaleNearest(tileGrid(nchw.data(), 16, 3, 32, 32, 4), 4);
    QCOMPARE(frame.width, 552);

    const int runs = 10;
    QElapsedTimer timer;
    timer.start();
    std::size_t checksum = 0;
    for (int i = 0; i < runs; ++i)
        checksum += quantize(frame).indices[552 * 300 + 100];
    const double ms = double(timer.nsecsElapsed()) / 1e6 / runs;
    qInfo("quantize 552x552 RGB: %.1f ms per frame (checksum %zu)", ms, checksum);
    // Generous, so unoptimised builds pass; a pathological slowdown does not.
    QVERIFY2(ms < 500, qPrintable(QString("%1 ms per frame").arg(ms)));
}

QTEST_GUILESS_MAIN(TestPalette)
#include "tst_palette.moc"
