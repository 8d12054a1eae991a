#include <QtTest>

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>

#include "media/gifwriter.h"
#include "media/image8.h"
#include "mediatesthelpers.h"

#include <utility>

using namespace ganvas;
using namespace ganvas::test;

// Writing and reading animated GIFs; the palette they use is tested in tst_palette.
class TestGif : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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

void TestGif::gifGreyRoundTrip()
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

void TestGif::gifColourRoundTrip()
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

void TestGif::gifWithoutLoop()
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

void TestGif::gifHeaderAndDelays()
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

void TestGif::gifDecodedByQt()
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

void TestGif::gifProgressAndCancel()
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

void TestGif::gifCancelKeepsOldFile()
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

void TestGif::gifBadOptions_data()
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

void TestGif::gifBadOptions()
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

void TestGif::gifReadErrors_data()
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

void TestGif::gifReadErrors()
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

QTEST_GUILESS_MAIN(TestGif)
#include "tst_gif.moc"
