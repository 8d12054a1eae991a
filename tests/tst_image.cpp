#include <QtTest>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include "media/image8.h"
#include "media/pngio.h"
#include "mediatesthelpers.h"

#include <algorithm>
#include <cstdlib>
#include <random>
#include <stdexcept>

using namespace ganvas;
using namespace ganvas::test;

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

    void pngRoundTrip_data();
    void pngRoundTrip();
    void pngReplacesExistingFile();
    void pngReadsQtFiles_data();
    void pngReadsQtFiles();
    void pngReadableByQt();
    void pngBadFiles_data();
    void pngBadFiles();
    void pngMissingFile();
    void pngWriteErrors();
};

// ---- tileGrid / scaleNearest -------------------------------------------------------------

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

// ---- PNG ---------------------------------------------------------------------------------

void TestImage::pngRoundTrip_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("channels");
    QTest::newRow("grey 37x23") << 37 << 23 << 1;
    QTest::newRow("rgb 37x23") << 37 << 23 << 3;
    QTest::newRow("grey 1x1") << 1 << 1 << 1;
    QTest::newRow("rgb 1x1") << 1 << 1 << 3;
    QTest::newRow("rgb 530x530") << 530 << 530 << 3;
}

void TestImage::pngRoundTrip()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, channels);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = local(dir.filePath("round.png"));
    const Image8 image = randomImage(width, height, channels, unsigned(width * 7 + channels));
    writePng(path, image);
    QCOMPARE(filesIn(dir), QStringList{"round.png"}); // no temporary left behind

    const Image8 back = readPng(path);
    QCOMPARE(back.width, width);
    QCOMPARE(back.height, height);
    QCOMPARE(back.channels, channels);
    QVERIFY(back.pixels == image.pixels);
}

void TestImage::pngReplacesExistingFile()
{
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("frame.png"));
    writePng(path, randomImage(10, 10, 3, 1));
    const Image8 second = randomImage(4, 6, 1, 2);
    writePng(path, second);
    const Image8 back = readPng(path);
    QCOMPARE(back.width, 4);
    QCOMPARE(back.channels, 1);
    QVERIFY(back.pixels == second.pixels);
    QCOMPARE(filesIn(dir), QStringList{"frame.png"});
}

void TestImage::pngReadsQtFiles_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("channels");
    QTest::newRow("RGB32") << int(QImage::Format_RGB32) << 3;
    QTest::newRow("ARGB32 (alpha dropped)") << int(QImage::Format_ARGB32) << 3;
    QTest::newRow("Grayscale8") << int(QImage::Format_Grayscale8) << 1;
    QTest::newRow("Grayscale16") << int(QImage::Format_Grayscale16) << 1;
    QTest::newRow("RGBX64 (16 bit)") << int(QImage::Format_RGBX64) << 3;
    QTest::newRow("Indexed8 colours") << int(QImage::Format_Indexed8) << 3;
    QTest::newRow("Indexed8 greys") << -int(QImage::Format_Indexed8) << 1;
    QTest::newRow("Mono") << int(QImage::Format_Mono) << 1;
}

void TestImage::pngReadsQtFiles()
{
    QFETCH(int, format);
    QFETCH(int, channels);
    const int width = 19, height = 11;
    std::mt19937 rng(format + 100);
    std::uniform_int_distribution<int> byte(0, 255);

    QImage image;
    if (std::abs(format) == QImage::Format_Indexed8 || format == QImage::Format_Mono) {
        image = QImage(width, height, QImage::Format(std::abs(format)));
        QList<QRgb> table;
        const int size = format == QImage::Format_Mono ? 2 : 7;
        for (int i = 0; i < size; ++i) {
            if (format == QImage::Format_Mono)
                table << qRgb(i * 255, i * 255, i * 255);
            else if (format < 0)
                table << qRgb(i * 40, i * 40, i * 40);
            else
                table << qRgb(byte(rng), byte(rng), byte(rng));
        }
        image.setColorTable(table);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, uint((x * 3 + y * 5) % size));
    } else {
        // Colour and grey values through 8-bit QRgb: 16-bit formats store v * 257, which
        // scales back to v exactly.
        const bool grey = channels == 1;
        QImage source(width, height, QImage::Format_ARGB32);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                const int r = byte(rng), g = grey ? r : byte(rng), b = grey ? r : byte(rng);
                const int a = format == QImage::Format_ARGB32 ? (x * 20) % 256 : 255;
                source.setPixel(x, y, qRgba(r, g, b, a));
            }
        }
        image = source.convertToFormat(QImage::Format(format));
    }

    QTemporaryDir dir;
    const QString file = dir.filePath("qt.png");
    QVERIFY(image.save(file, "PNG"));
    const Image8 back = readPng(local(file));
    QCOMPARE(back.width, width);
    QCOMPARE(back.height, height);
    QCOMPARE(back.channels, channels);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const QRgb expected = image.pixel(x, y); // 8-bit colour, alpha not premultiplied
            if (channels == 1) {
                QCOMPARE(at(back, x, y), qRed(expected));
            } else {
                QCOMPARE(at(back, x, y, 0), qRed(expected));
                QCOMPARE(at(back, x, y, 1), qGreen(expected));
                QCOMPARE(at(back, x, y, 2), qBlue(expected));
            }
        }
    }
}

void TestImage::pngReadableByQt()
{
    QTemporaryDir dir;
    for (int channels : {1, 3}) {
        const Image8 image = randomImage(23, 17, channels, unsigned(channels));
        const QString file = dir.filePath(QString("ours%1.png").arg(channels));
        writePng(local(file), image);
        QImage loaded;
        QVERIFY(loaded.load(file, "PNG"));
        QCOMPARE(loaded.size(), QSize(23, 17));
        QCOMPARE(loaded.isGrayscale(), channels == 1);
        for (int y = 0; y < 17; ++y) {
            for (int x = 0; x < 23; ++x) {
                const QRgb p = loaded.pixel(x, y);
                QCOMPARE(qRed(p), at(image, x, y, 0));
                QCOMPARE(qGreen(p), at(image, x, y, channels == 3 ? 1 : 0));
                QCOMPARE(qBlue(p), at(image, x, y, channels == 3 ? 2 : 0));
            }
        }
    }
}

void TestImage::pngBadFiles_data()
{
    // A valid PNG of noise (so the compressed data is long) to damage in various ways.
    QTemporaryDir dir;
    const QString file = dir.filePath("good.png");
    writePng(local(file), randomImage(64, 64, 3, 9));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    QVERIFY(good.size() > 10000);

    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("this is not a PNG file at all, just some text\n");
    QTest::newRow("signature only") << good.left(8);
    QTest::newRow("cut in the header") << good.left(20);
    QTest::newRow("cut in the pixels") << good.left(good.size() / 2);
    QTest::newRow("no end chunk") << good.left(good.size() - 12);
    QByteArray corrupt = good;
    for (int i = 0; i < 64; ++i)
        corrupt[good.size() / 2 + i] = char(corrupt[good.size() / 2 + i] ^ 0x5a);
    QTest::newRow("damaged pixels") << corrupt;
}

void TestImage::pngBadFiles()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    const QString file = dir.filePath("broken-file.png");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const QString message = mediaErrorOf([&] { readPng(local(file)); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
}

void TestImage::pngMissingFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("no-such-picture.png");
    const QString message = mediaErrorOf([&] { readPng(local(file)); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
}

void TestImage::pngWriteErrors()
{
    QTemporaryDir dir;
    const QString missingFolder = dir.filePath("no-such-folder/frame.png");
    QString message = mediaErrorOf([&] { writePng(local(missingFolder), randomImage(4, 4, 3, 1)); });
    QVERIFY2(message.contains(missingFolder), qPrintable("message: '" + message + "'"));

    const QString file = dir.filePath("bad.png");
    message = mediaErrorOf([&] { writePng(local(file), Image8()); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
    Image8 twoChannels = randomImage(4, 4, 1, 1);
    twoChannels.channels = 2;
    message = mediaErrorOf([&] { writePng(local(file), twoChannels); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
    QVERIFY(filesIn(dir).isEmpty());
}

QTEST_GUILESS_MAIN(TestImage)
#include "tst_image.moc"
