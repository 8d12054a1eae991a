#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>

#include "media/gifwriter.h"
#include "media/image8.h"
#include "media/palette.h"
#include "media/pngio.h"

#include <cmath>
#include <cstdlib>
#include <random>

using namespace ganvas;

namespace {

std::string local(const QString &path)
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

Image8 randomImage(int width, int height, int channels, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> byte(0, 255);
    return makeImage(width, height, channels, [&](int, int, int) { return byte(rng); });
}

// A smooth RGB picture with far more than 256 colours.
Image8 gradientImage(int width, int height)
{
    return makeImage(width, height, 3, [&](int x, int y, int k) {
        if (k == 0)
            return x * 255 / (width - 1);
        if (k == 1)
            return y * 255 / (height - 1);
        return (x + y) * 255 / (width + height - 2);
    });
}

int at(const Image8 &image, int x, int y, int k = 0)
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

double meanAbsError(const Image8 &a, const Image8 &b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i)
        sum += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return sum / double(a.pixels.size());
}

// The quantised image as RGB, to compare with the source.
Image8 expand(const IndexedImage &q)
{
    return makeImage(q.width, q.height, 3, [&](int x, int y, int k) {
        return q.palette[q.indices[std::size_t(y) * q.width + x]][k];
    });
}

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

class TestMedia : public QObject
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

    void quantizeGreyIsExact();
    void quantizeFewColoursIsExact_data();
    void quantizeFewColoursIsExact();
    void quantizeManyColours_data();
    void quantizeManyColours();
    void quantizeSampleGridIsFast();

    void gifGreyRoundTrip();
    void gifColourRoundTrip();
    void gifWithoutLoop();
    void gifHeaderAndDelays();
    void gifDecodedByQt();
    void gifProgressAndCancel();
    void gifCancelKeepsOldFile();
    void gifBadOptions_data();
    void gifBadOptions();
    void gifReadErrors_data();
    void gifReadErrors();
};

// ---- tileGrid / scaleNearest -------------------------------------------------------------

void TestMedia::tileGridGrey()
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

void TestMedia::tileGridRgbSolidTiles()
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

void TestMedia::tileGridRgbPlanarToInterleaved()
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

void TestMedia::tileGridPartialRow()
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

void TestMedia::tileGridBadArguments()
{
    const uint8_t data[12] = {};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 2, 2, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 2, 2, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 0, 1, 2, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 0, 2, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(data, 1, 1, 2, 2, 1, -1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tileGrid(nullptr, 1, 1, 2, 2, 1));
}

void TestMedia::scaleNearest_data()
{
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("factor");
    QTest::newRow("grey x1") << 1 << 1;
    QTest::newRow("grey x4") << 1 << 4;
    QTest::newRow("rgb x3") << 3 << 3;
    QTest::newRow("rgb x16") << 3 << 16;
}

void TestMedia::scaleNearest()
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

void TestMedia::scaleNearestBadFactor()
{
    const Image8 source = randomImage(2, 2, 1, 1);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ganvas::scaleNearest(source, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ganvas::scaleNearest(source, -2));
}

// ---- PNG ---------------------------------------------------------------------------------

void TestMedia::pngRoundTrip_data()
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

void TestMedia::pngRoundTrip()
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

void TestMedia::pngReplacesExistingFile()
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

void TestMedia::pngReadsQtFiles_data()
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

void TestMedia::pngReadsQtFiles()
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

void TestMedia::pngReadableByQt()
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

void TestMedia::pngBadFiles_data()
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

void TestMedia::pngBadFiles()
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

void TestMedia::pngMissingFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("no-such-picture.png");
    const QString message = mediaErrorOf([&] { readPng(local(file)); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
}

void TestMedia::pngWriteErrors()
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

// ---- quantize ----------------------------------------------------------------------------

void TestMedia::quantizeGreyIsExact()
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

void TestMedia::quantizeFewColoursIsExact_data()
{
    QTest::addColumn<int>("colours");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("200") << 200;
    QTest::newRow("256") << 256;
}

void TestMedia::quantizeFewColoursIsExact()
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

void TestMedia::quantizeManyColours_data()
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

void TestMedia::quantizeManyColours()
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

void TestMedia::quantizeSampleGridIsFast()
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

// ---- GIF ---------------------------------------------------------------------------------

void TestMedia::gifGreyRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("grey.gif"));
    std::vector<Image8> frames;
    for (int f = 0; f < 5; ++f)
        frames.push_back(makeImage(20, 12, 1, [f](int x, int y, int) { return (x * 13 + y * 7 + f * 50) & 255; }));
    GifOptions options;
    options.fps = 10;
    options.scale = 2;
    QVERIFY(writeGif(path, frames, options));
    QCOMPARE(filesIn(dir), QStringList{"grey.gif"});

    int loops = 12345;
    const std::vector<Image8> back = readGif(path, &loops);
    QCOMPARE(loops, 0); // forever
    QCOMPARE(back.size(), frames.size());
    for (std::size_t f = 0; f < back.size(); ++f) {
        QCOMPARE(back[f].width, 40);
        QCOMPARE(back[f].height, 24);
        QCOMPARE(back[f].channels, 3);
        for (int y = 0; y < 24; ++y)
            for (int x = 0; x < 40; ++x)
                for (int k = 0; k < 3; ++k)
                    QCOMPARE(at(back[f], x, y, k), at(frames[f], x / 2, y / 2));
    }
}

void TestMedia::gifColourRoundTrip()
{
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("colour.gif"));
    std::vector<Image8> frames;
    frames.push_back(gradientImage(48, 40));                                       // > 256 colours
    frames.push_back(makeImage(48, 40, 3, [](int x, int y, int k) {                // 16 colours
        const int n = (y / 10) * 4 + x / 12;
        return k == 0 ? n * 16 : k == 1 ? 255 - n * 16 : (n * 37) % 256;
    }));
    frames.push_back(makeImage(48, 40, 3, [](int x, int, int k) { return k == 2 ? 200 : x; })); // 48
    GifOptions options;
    options.fps = 25;
    options.scale = 3;
    QVERIFY(writeGif(path, frames, options));

    int loops = -7;
    const std::vector<Image8> back = readGif(path, &loops);
    QCOMPARE(loops, 0);
    QCOMPARE(back.size(), std::size_t(3));
    for (std::size_t f = 0; f < back.size(); ++f) {
        QCOMPARE(back[f].width, 144);
        QCOMPARE(back[f].height, 120);
        const Image8 unscaled = makeImage(48, 40, 3, [&](int x, int y, int k) { return at(back[f], 3 * x + 1, 3 * y + 2, k); });
        // Scaled pixels are copies.
        for (int y = 0; y < 120; ++y)
            for (int x = 0; x < 144; ++x)
                for (int k = 0; k < 3; ++k)
                    QCOMPARE(at(back[f], x, y, k), at(unscaled, x / 3, y / 3, k));
        const double error = meanAbsError(unscaled, frames[f]);
        if (f == 0)
            QVERIFY2(error < 4.0, qPrintable(QString("gradient frame error %1").arg(error)));
        else
            QVERIFY2(unscaled.pixels == frames[f].pixels, qPrintable(QString("frame %1 not exact").arg(f)));
    }
}

void TestMedia::gifWithoutLoop()
{
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("once.gif"));
    GifOptions options;
    options.loop = false;
    QVERIFY(writeGif(path, {randomImage(8, 8, 3, 1), randomImage(8, 8, 3, 2)}, options));
    int loops = 0;
    QCOMPARE(readGif(path, &loops).size(), std::size_t(2));
    QCOMPARE(loops, -1);
    QCOMPARE(readGif(path).size(), std::size_t(2)); // loop count not asked for
}

void TestMedia::gifHeaderAndDelays()
{
    // Read the bytes ourselves: GIF89a, one graphics control block per frame with the
    // delay in hundredths of a second, and the NETSCAPE2.0 block only when looping.
    QTemporaryDir dir;
    const std::vector<std::pair<int, int>> fpsToDelay = {{1, 100}, {3, 33}, {4, 25}, {6, 17}, {30, 3}, {40, 3}, {50, 2}};
    for (const auto &[fps, delay] : fpsToDelay) {
        const QString file = dir.filePath(QString("delay%1.gif").arg(fps));
        GifOptions options;
        options.fps = fps;
        QVERIFY(writeGif(local(file), std::vector<Image8>(3, randomImage(6, 5, 1, 3)), options));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("GIF89a"));
        QCOMPARE(uint8_t(bytes[6]) | (uint8_t(bytes[7]) << 8), 6);
        QCOMPARE(uint8_t(bytes[8]) | (uint8_t(bytes[9]) << 8), 5);
        QVERIFY(bytes.contains("NETSCAPE2.0"));
        QVERIFY(bytes.endsWith(";"));
        int blocks = 0;
        for (qsizetype at = bytes.indexOf("\x21\xf9\x04"); at >= 0; at = bytes.indexOf("\x21\xf9\x04", at + 1)) {
            ++blocks;
            QCOMPARE(uint8_t(bytes[at + 4]) | (uint8_t(bytes[at + 5]) << 8), delay);
        }
        QCOMPARE(blocks, 3);
    }
}

void TestMedia::gifDecodedByQt()
{
    // An independent decoder, when this Qt has its gif plugin.
    if (!QImageReader::supportedImageFormats().contains("gif")) {
        qInfo("Qt has no gif plugin here; only giflib decoded the files");
        return;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath("qt.gif");
    std::vector<Image8> grey;
    for (int f = 0; f < 4; ++f)
        grey.push_back(makeImage(10, 7, 1, [f](int x, int y, int) { return (x * 25 + y * 3 + f * 60) % 256; }));
    GifOptions options;
    options.fps = 5;
    options.scale = 2;
    QVERIFY(writeGif(local(file), grey, options));

    QImageReader reader(file);
    QCOMPARE(reader.imageCount(), 4);
    QCOMPARE(reader.loopCount(), -1); // Qt's "forever"
    for (int f = 0; f < 4; ++f) {
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), QSize(20, 14));
        QCOMPARE(reader.nextImageDelay(), 200);
        for (int y = 0; y < 14; ++y) {
            for (int x = 0; x < 20; ++x) {
                const QRgb p = image.pixel(x, y);
                const int v = at(grey[f], x / 2, y / 2);
                QCOMPARE(qRed(p), v);
                QCOMPARE(qGreen(p), v);
                QCOMPARE(qBlue(p), v);
            }
        }
    }

    const QString colourFile = dir.filePath("qt-colour.gif");
    const Image8 gradient = gradientImage(40, 30);
    QVERIFY(writeGif(local(colourFile), {gradient, gradient}, GifOptions()));
    QImageReader colourReader(colourFile);
    QCOMPARE(colourReader.imageCount(), 2);
    const QImage image = colourReader.read().convertToFormat(QImage::Format_RGB888);
    QCOMPARE(image.size(), QSize(40, 30));
    const Image8 decoded = makeImage(40, 30, 3, [&](int x, int y, int k) {
        const QRgb p = image.pixel(x, y);
        return k == 0 ? qRed(p) : k == 1 ? qGreen(p) : qBlue(p);
    });
    const double error = meanAbsError(decoded, gradient);
    QVERIFY2(error < 4.0, qPrintable(QString("Qt-decoded error %1").arg(error)));
}

void TestMedia::gifProgressAndCancel()
{
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("cancel.gif"));
    const std::vector<Image8> frames(5, randomImage(16, 16, 3, 8));

    std::vector<std::pair<int, int>> calls;
    QVERIFY(writeGif(path, frames, GifOptions(), [&](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    }));
    const std::vector<std::pair<int, int>> all = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}};
    QVERIFY(calls == all);
    QVERIFY(QFile::remove(dir.filePath("cancel.gif")));

    calls.clear();
    QVERIFY(!writeGif(path, frames, GifOptions(), [&](int done, int total) {
        calls.emplace_back(done, total);
        return done < 2;
    }));
    const std::vector<std::pair<int, int>> two = {{1, 5}, {2, 5}};
    QVERIFY(calls == two);
    QVERIFY2(filesIn(dir).isEmpty(), qPrintable(filesIn(dir).join(", ")));
}

void TestMedia::gifCancelKeepsOldFile()
{
    // The temporary-file dance means a cancelled export leaves the previous one intact.
    QTemporaryDir dir;
    const std::string path = local(dir.filePath("keep.gif"));
    QVERIFY(writeGif(path, {randomImage(8, 8, 1, 1)}, GifOptions()));
    QFile f(dir.filePath("keep.gif"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    QVERIFY(!writeGif(path, std::vector<Image8>(3, randomImage(8, 8, 3, 2)), GifOptions(),
                      [](int, int) { return false; }));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(filesIn(dir), QStringList{"keep.gif"});
}

void TestMedia::gifBadOptions_data()
{
    QTest::addColumn<int>("fps");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("frames");
    QTest::addColumn<QString>("fault");
    QTest::newRow("no frames") << 4 << 1 << "" << "no frames";
    QTest::newRow("different sizes") << 4 << 1 << "8x8x3 8x9x3" << "frame 2";
    QTest::newRow("different channels") << 4 << 1 << "8x8x3 8x8x1" << "frame 2";
    QTest::newRow("two channels") << 4 << 1 << "8x8x2" << "channels";
    QTest::newRow("empty frame") << 4 << 1 << "0x0x3" << "frame 1";
    QTest::newRow("fps 0") << 0 << 1 << "8x8x3" << "fps";
    QTest::newRow("fps 51") << 51 << 1 << "8x8x3" << "fps";
    QTest::newRow("fps negative") << -5 << 1 << "8x8x3" << "fps";
    QTest::newRow("scale 0") << 4 << 0 << "8x8x3" << "scale";
    QTest::newRow("scale 17") << 4 << 17 << "8x8x3" << "scale";
    QTest::newRow("too large") << 4 << 16 << "5000x8x1" << "65535";
}

void TestMedia::gifBadOptions()
{
    QFETCH(int, fps);
    QFETCH(int, scale);
    QFETCH(QString, frames);
    QFETCH(QString, fault);
    std::vector<Image8> images;
    const QStringList specs = frames.split(' ', Qt::SkipEmptyParts);
    for (const QString &spec : specs) {
        const QStringList wh = spec.split('x');
        const int w = wh[0].toInt(), h = wh[1].toInt(), c = wh[2].toInt();
        Image8 image = randomImage(w, h, c == 2 ? 1 : c, 1);
        image.channels = c;
        image.pixels.resize(std::size_t(w) * h * c);
        images.push_back(image);
    }
    GifOptions options;
    options.fps = fps;
    options.scale = scale;

    QTemporaryDir dir;
    const QString file = dir.filePath("bad-options.gif");
    const QString message = mediaErrorOf([&] { writeGif(local(file), images, options); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
    QVERIFY2(message.contains(fault), qPrintable("message: '" + message + "'"));
    QVERIFY(filesIn(dir).isEmpty());
}

void TestMedia::gifReadErrors_data()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("good.gif");
    QVERIFY(writeGif(local(file), std::vector<Image8>(3, randomImage(40, 40, 3, 4)), GifOptions()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();

    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("create");
    QTest::newRow("missing") << QByteArray() << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("text") << QByteArray("GIF? no, just words in a file\n") << true;
    QTest::newRow("header only") << good.left(13) << true;
    QTest::newRow("cut in the pixels") << good.left(good.size() / 2) << true;
}

void TestMedia::gifReadErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, create);
    QTemporaryDir dir;
    const QString file = dir.filePath("broken-anim.gif");
    if (create) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const QString message = mediaErrorOf([&] { readGif(local(file)); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));

    const QString missingFolder = dir.filePath("no-such-folder/out.gif");
    const QString writeMessage = mediaErrorOf([&] { writeGif(local(missingFolder), {randomImage(4, 4, 1, 1)}, GifOptions()); });
    QVERIFY2(writeMessage.contains(missingFolder), qPrintable("message: '" + writeMessage + "'"));
}

QTEST_GUILESS_MAIN(TestMedia)
#include "tst_media.moc"
