// Image-folder datasets: PNG/JPEG decoding of every common kind, skipping unreadable files,
// centre-cropping, resizing and the choice of channels.
#include "data/dataerror.h"
#include "data/imagefolder.h"
#include "imagetesthelpers.h"

#include <QtTest>

#include <QBuffer>
#include <QTemporaryDir>

#include <cstdio>

#include <jpeglib.h>

using namespace ganvas;
using namespace ganvas::imagetest;

namespace {

// Qt 6.4 cannot write CMYK JPEGs; libjpeg can. Adobe files store inverted inks, so pure red
// (no cyan, full magenta and yellow, no black) is written as 255, 0, 0, 255.
void writeCmykJpeg(const QString &path, int side)
{
    FILE *file = std::fopen(QFile::encodeName(path).constData(), "wb");
    QVERIFY(file);
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, file);
    info.image_width = JDIMENSION(side);
    info.image_height = JDIMENSION(side);
    info.input_components = 4;
    info.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, 95, TRUE);
    jpeg_start_compress(&info, TRUE);
    std::vector<JSAMPLE> row(size_t(side) * 4);
    for (int x = 0; x < side; ++x) {
        row[4 * x] = 255;
        row[4 * x + 1] = 0;
        row[4 * x + 2] = 0;
        row[4 * x + 3] = 255;
    }
    while (info.next_scanline < info.image_height) {
        JSAMPROW r = row.data();
        jpeg_write_scanlines(&info, &r, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::fclose(file);
}

// A horizontal ramp 64x64: pixel value 4x (0 ... 252), the same in every row.
QImage ramp()
{
    QImage image(64, 64, QImage::Format_Grayscale8);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            image.scanLine(y)[x] = uchar(4 * x);
    return image;
}

// Exact area average of the ramp over output column i of `size`.
double rampAverage(int i, int size)
{
    const double scale = 64.0 / size, lo = i * scale, hi = (i + 1) * scale;
    double sum = 0;
    for (int x = 0; x < 64; ++x)
        sum += 4.0 * x * std::max(0.0, std::min(hi, x + 1.0) - std::max(lo, double(x)));
    return sum / scale;
}

// Nine readable pictures of every kind, three broken ones and files that must be ignored.
void buildTree(const QString &d)
{
    QImage grey(40, 30, QImage::Format_Grayscale8);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 40; ++x)
            grey.scanLine(y)[x] = uchar(6 * x);
    save(grey, d + "/a/grey.png");
    save(solid(50, 40, Qt::red), d + "/a/red.png");
    save(solid(20, 20, QColor(255, 255, 255, 128), QImage::Format_ARGB32), d + "/a/b/rgba.png");
    save(solid(33, 33, QColor(90, 90, 90)).convertToFormat(QImage::Format_Grayscale16),
         d + "/a/b/grey16.png");
    save(solid(30, 31, Qt::blue).convertToFormat(QImage::Format_RGBX64), d + "/a/b/c/rgb16.png");
    QImage indexed(24, 24, QImage::Format_Indexed8);
    indexed.setColorTable({qRgb(255, 0, 0), qRgb(0, 255, 0), qRgb(0, 0, 255)});
    for (int y = 0; y < 24; ++y)
        for (int x = 0; x < 24; ++x)
            indexed.setPixel(x, y, uint((x / 8) % 3));
    save(indexed, d + "/indexed.png");
    save(noisy(48, 1), d + "/photo.jpg", "JPG");
    save(solid(40, 40, QColor(128, 128, 128)).convertToFormat(QImage::Format_Grayscale8),
         d + "/a/greyphoto.JPEG", "JPG");
    writeCmykJpeg(d + "/cmyk.jpg", 16);

    writeBytes(d + "/notes.txt", "not an image");
    save(solid(8, 8, Qt::green), d + "/.hidden/ignored.png");
    save(solid(8, 8, Qt::green), d + "/.dotfile.png");

    writeBytes(d + "/bad/corrupt.png", QByteArray(300, 'x'));
    QByteArray jpeg;
    {
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(noisy(64, 2).save(&buffer, "JPG", 95));
    }
    writeBytes(d + "/bad/cut.jpg", jpeg.left(jpeg.size() / 2));
    writeBytes(d + "/bad/zero.png", {});
}

} // namespace

class TestImageFolder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsEveryKindAndSkipsBadFiles();
    void shapes_data();
    void shapes();
    void greyFolderIsGrey();
    void solidColours();
    void transparencyOverBlack();
    void rampDownscales_data();
    void rampDownscales();
    void enlargesAndCropsCentre();
    void orderAndLimitAcrossChunks();
    void emptyFolder();
    void onlyBadFiles();

private:
    QTemporaryDir m_dir;
    QString m_tree;
};

void TestImageFolder::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tree = m_dir.filePath("tree");
    buildTree(m_tree);
}

void TestImageFolder::readsEveryKindAndSkipsBadFiles()
{
    const ImageSet set = readImageFolder(str(m_tree));
    QCOMPARE(set.count, int64_t(9));
    QCOMPARE(set.skipped, int64_t(3));
    QCOMPARE(set.channels, int64_t(3)); // auto: some pictures are colour
    QCOMPARE(set.height, int64_t(32));
    QCOMPARE(set.format, std::string("images"));
    QCOMPARE(set.source, str(m_tree));
    QCOMPARE(int(set.notes.size()), 3);
    const QString notes = QString::fromStdString(set.notes[0] + "\n" + set.notes[1] + "\n" + set.notes[2]);
    QVERIFY2(notes.contains("corrupt.png: not a PNG file"), qPrintable(notes));
    QVERIFY2(notes.contains("cut.jpg: the JPEG is truncated"), qPrintable(notes));
    QVERIFY2(notes.contains("zero.png: empty file"), qPrintable(notes));

    // Sorted paths: a/b/c/rgb16.png, a/b/grey16.png, a/b/rgba.png, a/grey.png, a/greyphoto.JPEG,
    // a/red.png, cmyk.jpg, indexed.png, photo.jpg.
    QCOMPARE(int(pixel(set, 0, 2, 5, 5)), 255);   // blue from 16 bits
    QCOMPARE(int(pixel(set, 0, 0, 5, 5)), 0);
    QCOMPARE(int(pixel(set, 1, 1, 9, 9)), 90);    // grey16 replicated
    QVERIFY(std::abs(int(pixel(set, 2, 0, 3, 3)) - 128) <= 2); // half-transparent white over black
    QCOMPARE(int(pixel(set, 5, 0, 0, 0)), 255);   // red
    QCOMPARE(int(pixel(set, 5, 1, 0, 0)), 0);
    for (int c = 0; c < 3; ++c) // CMYK red, lossy
        QVERIFY2(std::abs(int(pixel(set, 6, c, 8, 8)) - (c == 0 ? 255 : 0)) <= 8, qPrintable(QString::number(c)));
    QCOMPARE(int(pixel(set, 7, 0, 16, 2)), 255);  // palette: red, green, blue thirds
    QCOMPARE(int(pixel(set, 7, 1, 16, 16)), 255);
    QCOMPARE(int(pixel(set, 7, 2, 16, 30)), 255);

    // Parallel decoding must not change a single byte.
    QVERIFY(readImageFolder(str(m_tree)).pixels == set.pixels);
}

void TestImageFolder::shapes_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("expected");
    for (int size : {28, 32, 64})
        for (int channels : {0, 1, 3})
            QTest::addRow("%d px, channels %d", size, channels) << size << channels << (channels == 1 ? 1 : 3);
}

void TestImageFolder::shapes()
{
    QFETCH(int, size);
    QFETCH(int, channels);
    QFETCH(int, expected);
    ImageFolderOptions options;
    options.size = size;
    options.channels = channels;
    const ImageSet set = readImageFolder(str(m_tree), options);
    QCOMPARE(set.count, int64_t(9));
    QCOMPARE(set.channels, int64_t(expected));
    QCOMPARE(set.height, int64_t(size));
    QCOMPARE(set.width, int64_t(size));
    QCOMPARE(set.pixels.size(), size_t(9 * expected * size * size));
}

void TestImageFolder::greyFolderIsGrey()
{
    QTemporaryDir dir;
    save(solid(20, 20, QColor(10, 10, 10)).convertToFormat(QImage::Format_Grayscale8), dir.filePath("g.png"));
    save(solid(20, 20, QColor(200, 200, 200)), dir.filePath("rgb-but-grey.png"));
    save(solid(20, 20, QColor(60, 60, 60)).convertToFormat(QImage::Format_Grayscale8), dir.filePath("g.jpg"), "JPG");
    const ImageSet set = readImageFolder(str(dir.path()));
    QCOMPARE(set.count, int64_t(3));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(int(pixel(set, 2, 0, 4, 4)), 200); // "rgb-but-grey.png" sorts last
}

void TestImageFolder::solidColours()
{
    QTemporaryDir dir;
    save(solid(50, 40, Qt::red), dir.filePath("red.png"));
    ImageFolderOptions options;
    options.channels = 3;
    ImageSet set = readImageFolder(str(dir.path()), options);
    QCOMPARE(set.count, int64_t(1));
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x) {
            QCOMPARE(int(pixel(set, 0, 0, y, x)), 255);
            QCOMPARE(int(pixel(set, 0, 1, y, x)), 0);
            QCOMPARE(int(pixel(set, 0, 2, y, x)), 0);
        }
    options.channels = 1;
    set = readImageFolder(str(dir.path()), options);
    QCOMPARE(set.channels, int64_t(1));
    for (uint8_t v : set.pixels)
        QCOMPARE(int(v), 76); // BT.601: 0.299 * 255
    options.channels = 0;
    QCOMPARE(readImageFolder(str(dir.path()), options).channels, int64_t(3));
}

void TestImageFolder::transparencyOverBlack()
{
    // A palette with a see-through white (tRNS): the left half must come out black.
    QTemporaryDir dir;
    QImage indexed(32, 32, QImage::Format_Indexed8);
    indexed.setColorTable({qRgba(255, 255, 255, 0), qRgb(0, 255, 0)});
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 32; ++x)
            indexed.setPixel(x, y, x < 16 ? 0 : 1);
    save(indexed, dir.filePath("cutout.png"));
    const ImageSet set = readImageFolder(str(dir.path()));
    QCOMPARE(set.channels, int64_t(3));
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(int(pixel(set, 0, c, 10, 4)), 0);
        QCOMPARE(int(pixel(set, 0, c, 10, 28)), c == 1 ? 255 : 0);
    }
}

void TestImageFolder::rampDownscales_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("64 -> 32") << 32;
    QTest::newRow("64 -> 28") << 28;
    QTest::newRow("64 -> 64") << 64;
}

void TestImageFolder::rampDownscales()
{
    QFETCH(int, size);
    QTemporaryDir dir;
    save(ramp(), dir.filePath("ramp.png"));
    ImageFolderOptions options;
    options.size = size;
    const ImageSet set = readImageFolder(str(dir.path()), options);
    QCOMPARE(set.channels, int64_t(1));
    for (int y : {0, size / 2, size - 1})
        for (int x = 0; x < size; ++x) {
            const double want = rampAverage(x, size);
            QVERIFY2(std::abs(pixel(set, 0, 0, y, x) - want) <= 1.0,
                     qPrintable(QString("x %1: got %2, want %3").arg(x).arg(pixel(set, 0, 0, y, x)).arg(want)));
        }
}

void TestImageFolder::enlargesAndCropsCentre()
{
    QTemporaryDir dir;
    // 60x20: black, white, black thirds; the centred 20x20 square is the white one.
    QImage wide(60, 20, QImage::Format_Grayscale8);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 60; ++x)
            wide.scanLine(y)[x] = x >= 20 && x < 40 ? 255 : 0;
    save(wide, dir.filePath("wide.png"));
    ImageFolderOptions options;
    options.size = 64;
    ImageSet set = readImageFolder(str(dir.path()), options);
    for (uint8_t v : set.pixels)
        QCOMPARE(int(v), 255);

    // Enlarging a 16-wide ramp: bilinear values stay within the ramp and never decrease.
    QFile::remove(dir.filePath("wide.png"));
    QImage small(16, 16, QImage::Format_Grayscale8);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            small.scanLine(y)[x] = uchar(16 * x);
    save(small, dir.filePath("small.png"));
    set = readImageFolder(str(dir.path()), options);
    for (int x = 1; x < 64; ++x)
        QVERIFY(pixel(set, 0, 0, 7, x) >= pixel(set, 0, 0, 7, x - 1));
    QCOMPARE(int(pixel(set, 0, 0, 7, 0)), 0);
    QCOMPARE(int(pixel(set, 0, 0, 7, 63)), 240); // edges clamp to the outermost source pixels
    QCOMPARE(int(pixel(set, 0, 0, 7, 2)), 2);    // centre 2.5 / 4 - 0.5 = 0.125 of the way to 16
}

void TestImageFolder::orderAndLimitAcrossChunks()
{
    // More files than one decoding chunk (256); the grey level encodes the sorted position.
    QTemporaryDir dir;
    for (int n = 0; n < 300; ++n) {
        QImage image(4, 4, QImage::Format_Grayscale8);
        image.fill(uint(n % 251));
        QVERIFY(image.save(dir.filePath(QString("img-%1.png").arg(n, 4, 10, QChar('0')))));
    }
    writeBytes(dir.filePath("img-0002.jpg"), "broken");
    ImageFolderOptions options;
    options.size = 28;
    options.limit = 270;
    const ImageSet set = readImageFolder(str(dir.path()), options);
    QCOMPARE(set.count, int64_t(270));
    QCOMPARE(set.skipped, int64_t(1));
    QVERIFY(QString::fromStdString(set.notes.at(0)).contains("img-0002.jpg: not a JPEG file"));
    for (int n = 0; n < 270; ++n)
        QCOMPARE(int(pixel(set, n, 0, 13, 13)), n % 251);
}

void TestImageFolder::emptyFolder()
{
    QTemporaryDir dir;
    writeBytes(dir.filePath("readme.txt"), "x");
    save(solid(8, 8, Qt::red), dir.filePath(".hidden.png"));
    QDir(dir.path()).mkdir("sub");
    try {
        readImageFolder(str(dir.path()));
        QFAIL("no DataError");
    } catch (const DataError &e) {
        QCOMPARE(e.file(), str(dir.path()));
        QCOMPARE(e.fault(), std::string("no PNG or JPEG images found (searched recursively)"));
    }
}

void TestImageFolder::onlyBadFiles()
{
    QTemporaryDir dir;
    writeBytes(dir.filePath("a.png"), "garbage");
    writeBytes(dir.filePath("b/c.jpeg"), {});
    try {
        readImageFolder(str(dir.path()));
        QFAIL("no DataError");
    } catch (const DataError &e) {
        const QString what = QString::fromStdString(e.what());
        QCOMPARE(e.file(), str(dir.path()));
        QVERIFY2(what.contains("none of the 2 PNG/JPEG files could be read"), qPrintable(what));
        QVERIFY2(what.contains("a.png: not a PNG file"), qPrintable(what));
    }
}

QTEST_GUILESS_MAIN(TestImageFolder)
#include "tst_imagefolder.moc"
