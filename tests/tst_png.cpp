#include <QtTest>

#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include "media/image8.h"
#include "media/pngio.h"
#include "data/readlimits.h"
#include "mediatesthelpers.h"

#include <zlib.h>

#include <cstdlib>
#include <random>

using namespace ganvas;
using namespace ganvas::test;

// The PNG reader and writer: round trips, files Qt wrote, files Qt reads, damaged files.
class TestPng : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pngRoundTrip_data();
    void pngRoundTrip();
    void pngReplacesExistingFile();
    void pngReadsQtFiles_data();
    void pngReadsQtFiles();
    void pngReadableByQt();
    void pngBadFiles_data();
    void pngBadFiles();
    void pngMissingFile();
    void pngHugeHeaderRefused_data();
    void pngHugeHeaderRefused();
    void pngWriteErrors();
};

void TestPng::pngRoundTrip_data()
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

void TestPng::pngRoundTrip()
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

void TestPng::pngReplacesExistingFile()
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

void TestPng::pngReadsQtFiles_data()
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

void TestPng::pngReadsQtFiles()
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

void TestPng::pngReadableByQt()
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

void TestPng::pngBadFiles_data()
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

void TestPng::pngBadFiles()
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

// A PNG whose header claims 100000 x 100000 pixels (or 16000 x 16000 in a file far too small
// to hold them) is refused for its claim, before the rows are allocated.
void TestPng::pngHugeHeaderRefused_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<QString>("expected");
    QTest::newRow("100000x100000")
        << 100000 << QString("claims 100000x100000 pixels; GANvas reads at most %1").arg(limits::kMaxImagePixels);
    QTest::newRow("16000x16000 in a small file")
        << 16000 << QString("claims 16000x16000 pixels (768000000 bytes of rows), more than its");
}

void TestPng::pngHugeHeaderRefused()
{
    QFETCH(int, side);
    QFETCH(QString, expected);
    // A real 2x2 RGB PNG, its IHDR rewritten to the claimed size (and its CRC with it).
    QTemporaryDir dir;
    const QString file = dir.filePath("huge.png");
    writePng(local(file), randomImage(2, 2, 3, 1));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
    for (int at : {16, 20})
        for (int i = 0; i < 4; ++i)
            bytes[at + i] = char(uint32_t(side) >> (24 - 8 * i));
    const uLong crc = crc32(0, reinterpret_cast<const Bytef *>(bytes.constData() + 12), 17);
    for (int i = 0; i < 4; ++i)
        bytes[29 + i] = char(crc >> (24 - 8 * i));
    f.seek(0);
    f.write(bytes);
    f.close();
    const QString message = mediaErrorOf([&] { readPng(local(file)); });
    QVERIFY2(message.startsWith(file + ": " + expected), qPrintable("message: '" + message + "'"));
}

void TestPng::pngMissingFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("no-such-picture.png");
    const QString message = mediaErrorOf([&] { readPng(local(file)); });
    QVERIFY2(message.contains(file), qPrintable("message: '" + message + "'"));
}

void TestPng::pngWriteErrors()
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

QTEST_GUILESS_MAIN(TestPng)
#include "tst_png.moc"
