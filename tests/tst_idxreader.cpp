#include <QtTest>

#include "data/dataerror.h"
#include "data/datasetlocator.h"
#include "data/gzipfile.h"
#include "data/idxreader.h"
#include "data/readlimits.h"

#include <zlib.h>

#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

using namespace ganvas;

namespace {

const QString kFashionFolder = QStringLiteral("/usr/share/datasets/fashion-mnist");

void put32(std::vector<uint8_t> &bytes, uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back(static_cast<uint8_t>(value >> shift));
}

// Bytes that differ from image to image and pixel to pixel, so a swap or an offset shows.
std::vector<uint8_t> pattern(size_t n, unsigned seed)
{
    std::vector<uint8_t> bytes(n);
    for (size_t i = 0; i < n; ++i)
        bytes[i] = static_cast<uint8_t>((i * 31 + seed * 7 + i / 251) & 0xff);
    return bytes;
}

std::vector<uint8_t> idxImages(uint32_t count, uint32_t rows, uint32_t cols,
                               const std::vector<uint8_t> &pixels)
{
    std::vector<uint8_t> bytes;
    put32(bytes, 0x00000803);
    put32(bytes, count);
    put32(bytes, rows);
    put32(bytes, cols);
    bytes.insert(bytes.end(), pixels.begin(), pixels.end());
    return bytes;
}

std::vector<uint8_t> idxLabels(const std::vector<uint8_t> &labels)
{
    std::vector<uint8_t> bytes;
    put32(bytes, 0x00000801);
    put32(bytes, static_cast<uint32_t>(labels.size()));
    bytes.insert(bytes.end(), labels.begin(), labels.end());
    return bytes;
}

// Helpers throw rather than QVERIFY: a failed QVERIFY would only return from the helper.
void writePlain(const QString &path, const std::vector<uint8_t> &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()))
            != qint64(bytes.size()))
        throw std::runtime_error("cannot write " + path.toStdString());
}

void writeGzip(const QString &path, const std::vector<uint8_t> &bytes)
{
    gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
    if (!file)
        throw std::runtime_error("cannot gzopen " + path.toStdString());
    const int wrote = gzwrite(file, bytes.data(), unsigned(bytes.size()));
    if (gzclose(file) != Z_OK || wrote != int(bytes.size()))
        throw std::runtime_error("cannot gzwrite " + path.toStdString());
}

std::string str(const QString &path)
{
    return path.toStdString();
}

} // namespace

class TestIdxReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void imagesRoundTrip_data();
    void imagesRoundTrip();
    void gzipDetectedByMagic();
    void labelsRoundTrip_data();
    void labelsRoundTrip();
    void limit();
    void limitStillChecksSize();
    void hugeCountRefused_data();
    void hugeCountRefused();
    void gzipBombRefused();
    void loadFolder_data();
    void loadFolder();
    void loadImageFile();
    void searchFolders();
    void fashionMnistInstalled();
    void fashionMnistByName();

private:
    QTemporaryDir m_dir;
};

void TestIdxReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Only the folders this test controls (and the system one) may answer a dataset name.
    qunsetenv("GANVAS_DATA_DIR");
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("xdg")).toLocal8Bit());
}

void TestIdxReader::imagesRoundTrip_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestIdxReader::imagesRoundTrip()
{
    QFETCH(bool, gzip);
    // Rows != cols, so swapping them in the reader would show.
    const auto pixels = pattern(7 * 5 * 3, 1);
    const QString path = m_dir.filePath(gzip ? "rt-images.gz" : "rt-images");
    (gzip ? writeGzip : writePlain)(path, idxImages(7, 5, 3, pixels));

    const ImageSet set = readIdxImages(str(path));
    QCOMPARE(set.count, int64_t(7));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(set.height, int64_t(5));
    QCOMPARE(set.width, int64_t(3));
    QCOMPARE(set.imageBytes(), int64_t(15));
    QVERIFY(set.pixels == pixels);
    QCOMPARE(set.format, std::string("idx"));
    QCOMPARE(set.source, str(path));
}

void TestIdxReader::gzipDetectedByMagic()
{
    // Some downloads lose the ".gz" but stay compressed.
    const auto pixels = pattern(4 * 6 * 6, 2);
    const QString path = m_dir.filePath("unsuffixed-images");
    writeGzip(path, idxImages(4, 6, 6, pixels));
    const ImageSet set = readIdxImages(str(path));
    QCOMPARE(set.count, int64_t(4));
    QVERIFY(set.pixels == pixels);
}

void TestIdxReader::labelsRoundTrip_data()
{
    QTest::addColumn<bool>("gzip");
    QTest::newRow("plain") << false;
    QTest::newRow("gzip") << true;
}

void TestIdxReader::labelsRoundTrip()
{
    QFETCH(bool, gzip);
    const std::vector<uint8_t> labels = {9, 0, 0, 3, 0, 2, 7, 2, 5, 5, 0, 9, 1};
    const QString path = m_dir.filePath(gzip ? "rt-labels.gz" : "rt-labels");
    (gzip ? writeGzip : writePlain)(path, idxLabels(labels));
    QVERIFY(readIdxLabels(str(path)) == labels);
    const std::vector<uint8_t> firstFive(labels.begin(), labels.begin() + 5);
    QVERIFY(readIdxLabels(str(path), 5) == firstFive);
}

void TestIdxReader::limit()
{
    const auto pixels = pattern(9 * 4 * 4, 3);
    for (bool gzip : {false, true}) {
        const QString path = m_dir.filePath(gzip ? "limit-images.gz" : "limit-images");
        (gzip ? writeGzip : writePlain)(path, idxImages(9, 4, 4, pixels));

        const ImageSet three = readIdxImages(str(path), 3);
        QCOMPARE(three.count, int64_t(3));
        QVERIFY(three.pixels == std::vector<uint8_t>(pixels.begin(), pixels.begin() + 3 * 16));

        const ImageSet none = readIdxImages(str(path), 0);
        QCOMPARE(none.count, int64_t(0));
        QVERIFY(none.pixels.empty());
        QCOMPARE(none.height, int64_t(4));

        const ImageSet more = readIdxImages(str(path), 100);
        QCOMPARE(more.count, int64_t(9));
        QVERIFY(more.pixels == pixels);
    }
}

void TestIdxReader::limitStillChecksSize()
{
    // A limit reads less, but a file shorter than its header claims is still broken.
    auto bytes = idxImages(9, 4, 4, pattern(9 * 4 * 4, 4));
    bytes.resize(bytes.size() - 5);
    const QString path = m_dir.filePath("short-images");
    writePlain(path, bytes);
    try {
        readIdxImages(str(path), 1);
        QFAIL("a truncated file was accepted with a limit");
    } catch (const DataError &error) {
        QVERIFY2(QByteArray(error.what()).contains("truncated: header says 9 images of 4x4 (144 bytes)"),
                 error.what());
    }
}

// A header claiming 4294967295 images (or labels) is refused for what it claims, naming the
// limit of data/readlimits.h, before anything is allocated or inflated for it: plain or gzip.
void TestIdxReader::hugeCountRefused_data()
{
    QTest::addColumn<bool>("labels");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("images") << false << false;
    QTest::newRow("images, gzip") << false << true;
    QTest::newRow("labels") << true << false;
    QTest::newRow("labels, gzip") << true << true;
}

void TestIdxReader::hugeCountRefused()
{
    QFETCH(bool, labels);
    QFETCH(bool, gzip);
    std::vector<uint8_t> bytes;
    put32(bytes, labels ? 0x00000801 : 0x00000803);
    put32(bytes, 0xffffffffu);
    if (!labels) {
        put32(bytes, 28);
        put32(bytes, 28);
    }
    const auto tail = pattern(4096, 3);
    bytes.insert(bytes.end(), tail.begin(), tail.end());
    const QString path = m_dir.filePath(gzip ? "huge.idx.gz" : "huge.idx");
    gzip ? writeGzip(path, bytes) : writePlain(path, bytes);
    const std::string expected = std::string("claims 4294967295 ") + (labels ? "labels" : "images")
        + "; GANvas reads at most " + std::to_string(limits::kMaxImages);
    try {
        if (labels)
            readIdxLabels(str(path));
        else
            readIdxImages(str(path));
        QFAIL("a header claiming 4294967295 records was read");
    } catch (const DataError &e) {
        QVERIFY2(std::string(e.what()) == str(path) + ": " + expected, e.what());
    }
}

// A small gzip file that inflates to far more than its IDX header says: inflating stops at
// what the header claims (it does not inflate the 256 MiB), and readMaybeGzipped stops at its
// limit.
void TestIdxReader::gzipBombRefused()
{
    std::vector<uint8_t> bytes = idxImages(2, 28, 28, pattern(2 * 28 * 28, 1));
    bytes.resize(bytes.size() + (size_t(256) << 20), 0);
    const QString path = m_dir.filePath("bomb-idx3-ubyte.gz");
    writeGzip(path, bytes);
    QVERIFY(QFileInfo(path).size() < 1 << 20);
    try {
        readIdxImages(str(path));
        QFAIL("a gzip bomb was read");
    } catch (const DataError &e) {
        QVERIFY2(QString(e.what()).endsWith("header says 2 images of 28x28 (1568 bytes) but the file "
                                            "holds more than that after the header"),
                 e.what());
    }
    try {
        readMaybeGzipped(str(path), 1 << 20);
        QFAIL("a gzip bomb was inflated past the limit");
    } catch (const DataError &e) {
        QVERIFY2(QString(e.what()) == path + ": inflates to more than 1 MiB; GANvas reads at most "
                                            "that much from a gzip file (is it a gzip bomb?)",
                 e.what());
    }
    // Within the limit it is read whole.
    QCOMPARE(readMaybeGzipped(str(path), bytes.size()).size(), bytes.size());
}

void TestIdxReader::loadFolder_data()
{
    QTest::addColumn<QString>("imageName");
    QTest::addColumn<QString>("labelName");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("official") << "train-images-idx3-ubyte" << "train-labels-idx1-ubyte" << false;
    QTest::newRow("official gz") << "train-images-idx3-ubyte.gz" << "train-labels-idx1-ubyte.gz" << true;
    QTest::newRow("dotted") << "train-images.idx3-ubyte" << "train-labels.idx1-ubyte" << false;
    QTest::newRow("dotted gz") << "train-images.idx3-ubyte.gz" << "train-labels.idx1-ubyte.gz" << true;
    QTest::newRow("no labels") << "train-images-idx3-ubyte" << "" << false;
}

void TestIdxReader::loadFolder()
{
    QFETCH(QString, imageName);
    QFETCH(QString, labelName);
    QFETCH(bool, gzip);
    const QString folder = m_dir.filePath(QStringLiteral("folder-") + QTest::currentDataTag());
    QVERIFY(QDir().mkpath(folder));
    const auto pixels = pattern(6 * 28 * 28, 5);
    const auto write = gzip ? writeGzip : writePlain;
    write(folder + '/' + imageName, idxImages(6, 28, 28, pixels));
    if (!labelName.isEmpty())
        write(folder + '/' + labelName, idxLabels({1, 2, 3, 4, 5, 6}));

    const DatasetFiles files = locateDataset(str(folder), "");
    QCOMPARE(files.format, std::string("idx"));
    QCOMPARE(files.images, str(folder + '/' + imageName));
    QCOMPARE(files.labels, labelName.isEmpty() ? std::string() : str(folder + '/' + labelName));

    const ImageSet set = loadDataset(str(folder), "", 4);
    QCOMPARE(set.count, int64_t(4));
    QCOMPARE(set.height, int64_t(28));
    QVERIFY(set.pixels == std::vector<uint8_t>(pixels.begin(), pixels.begin() + 4 * 784));
    QCOMPARE(set.source, str(folder));
}

void TestIdxReader::loadImageFile()
{
    const QString folder = m_dir.filePath("direct");
    QVERIFY(QDir().mkpath(folder));
    const auto pixels = pattern(3 * 2 * 2, 6);
    writeGzip(folder + "/t10k-images-idx3-ubyte.gz", idxImages(3, 2, 2, pixels));
    writePlain(folder + "/t10k-labels-idx1-ubyte", idxLabels({0, 1, 2}));

    const std::string image = str(folder + "/t10k-images-idx3-ubyte.gz");
    const DatasetFiles files = locateDataset(image, "");
    QCOMPARE(files.images, image);
    QCOMPARE(files.labels, str(folder + "/t10k-labels-idx1-ubyte"));
    QCOMPARE(files.folder, str(folder));
    const ImageSet set = loadDataset(image, "");
    QCOMPARE(set.count, int64_t(3));
    QVERIFY(set.pixels == pixels);
}

void TestIdxReader::searchFolders()
{
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldXdg = qgetenv("XDG_DATA_HOME");
    qputenv("GANVAS_DATA_DIR", "/g");
    qputenv("XDG_DATA_HOME", "/x");
    const std::vector<std::string> expected = {"/d/fashion-mnist", "/d", "/g/fashion-mnist",
                                               "/x/ganvas/datasets/fashion-mnist",
                                               "/usr/share/datasets/fashion-mnist"};
    // The alias searches the canonical folder names.
    const auto viaAlias = datasetSearchFolders("fashion_mnist", "/d");
    QVERIFY(viaAlias == expected);

    qunsetenv("GANVAS_DATA_DIR");
    qunsetenv("XDG_DATA_HOME");
    qputenv("HOME", "/h");
    const std::vector<std::string> fallback = {"/h/.local/share/ganvas/datasets/cifar10",
                                               "/usr/share/datasets/cifar10"};
    const auto viaHome = datasetSearchFolders("cifar-10", "");
    QVERIFY(viaHome == fallback);

    qputenv("XDG_DATA_HOME", "relative/ignored");
    QVERIFY(datasetSearchFolders("cifar10", "") == fallback);

    qputenv("HOME", oldHome);
    qputenv("XDG_DATA_HOME", oldXdg);
}

void TestIdxReader::fashionMnistInstalled()
{
    const QString images = kFashionFolder + "/train-images-idx3-ubyte.gz";
    const QString labels = kFashionFolder + "/train-labels-idx1-ubyte.gz";
    if (!QFile::exists(images) || !QFile::exists(labels))
        QSKIP("dataset-fashion-mnist is not installed");

    const ImageSet set = readIdxImages(str(images));
    QCOMPARE(set.count, int64_t(60000));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(set.height, int64_t(28));
    QCOMPARE(set.width, int64_t(28));
    QCOMPARE(set.pixels.size(), size_t(60000) * 28 * 28);

    // Fashion-MNIST's images are mostly dark background around a lighter garment.
    double sum = 0;
    for (size_t i = 0; i < size_t(1000) * 784; ++i)
        sum += set.pixels[i];
    const double mean = sum / (1000.0 * 784);
    QVERIFY2(mean > 60 && mean < 85, qPrintable(QString::number(mean)));

    const auto classes = readIdxLabels(str(labels));
    QCOMPARE(classes.size(), size_t(60000));
    QCOMPARE(int(classes[0]), 9); // an ankle boot comes first
    std::array<int, 10> perClass {};
    for (uint8_t label : classes) {
        QVERIFY(label <= 9);
        ++perClass[label];
    }
    for (int count : perClass)
        QCOMPARE(count, 6000); // the training set is balanced
}

void TestIdxReader::fashionMnistByName()
{
    if (!QFile::exists(kFashionFolder + "/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    const ImageSet limited = loadDataset("fashion-mnist", "", 1000);
    QCOMPARE(limited.count, int64_t(1000));
    QCOMPARE(limited.height, int64_t(28));
    QCOMPARE(limited.pixels.size(), size_t(1000) * 784);
    QCOMPARE(limited.source, str(kFashionFolder));
    QCOMPARE(limited.format, std::string("idx"));

    // The same first images as a full read, found through an alias too.
    const ImageSet viaAlias = loadDataset("Fashion_MNIST", "", 1000);
    QVERIFY(viaAlias.pixels == limited.pixels);
    const ImageSet full = readIdxImages(str(kFashionFolder + "/train-images-idx3-ubyte.gz"));
    QVERIFY(std::equal(limited.pixels.begin(), limited.pixels.end(), full.pixels.begin()));
}

QTEST_GUILESS_MAIN(TestIdxReader)
#include "tst_idxreader.moc"
