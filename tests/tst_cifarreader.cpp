#include <QtTest>

#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "data/datasetlocator.h"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ganvas;

namespace {

constexpr int kRecords = 7; // per generated batch file
constexpr size_t kPixelBytes = 3 * 32 * 32;
constexpr size_t kRecordBytes = 1 + kPixelBytes;

// Record `n` (counted across all files): label n % 10, and pixels that differ per record,
// per plane and per position, so a dropped label byte, a plane swap or a reordering shows.
std::vector<uint8_t> record(int n)
{
    std::vector<uint8_t> bytes(kRecordBytes);
    bytes[0] = static_cast<uint8_t>(n % 10);
    for (size_t plane = 0; plane < 3; ++plane)
        for (size_t i = 0; i < 1024; ++i)
            bytes[1 + plane * 1024 + i] = static_cast<uint8_t>(n * 37 + plane * 85 + i * 3 + i / 256);
    return bytes;
}

// The pixels the reader should give for records [0, count): each record without its label.
std::vector<uint8_t> expectedPixels(int count)
{
    std::vector<uint8_t> pixels;
    for (int n = 0; n < count; ++n) {
        const auto bytes = record(n);
        pixels.insert(pixels.end(), bytes.begin() + 1, bytes.end());
    }
    return pixels;
}

// Writes data_batch_1.bin .. data_batch_<files>.bin, kRecords records each; returns the paths.
std::vector<std::string> writeBatches(const QString &folder, int files)
{
    if (!QDir().mkpath(folder))
        throw std::runtime_error("cannot create " + folder.toStdString());
    std::vector<std::string> paths;
    for (int f = 0; f < files; ++f) {
        const QString path = folder + QStringLiteral("/data_batch_%1.bin").arg(f + 1);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            throw std::runtime_error("cannot write " + path.toStdString());
        for (int r = 0; r < kRecords; ++r) {
            const auto bytes = record(f * kRecords + r);
            file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()));
        }
        paths.push_back(path.toStdString());
    }
    return paths;
}

} // namespace

class TestCifarReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void readsAllFilesInOrder();
    void planarLayout();
    void limitAcrossFiles_data();
    void limitAcrossFiles();
    void loadFolderPath();
    void loadSubfolderPath();
    void loadByName_data();
    void loadByName();

private:
    QTemporaryDir m_dir;
};

void TestCifarReader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Keep the machine's own datasets out of the name lookups.
    qunsetenv("GANVAS_DATA_DIR");
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("xdg")).toLocal8Bit());
}

void TestCifarReader::readsAllFilesInOrder()
{
    const auto paths = writeBatches(m_dir.filePath("all"), 3);
    const ImageSet set = readCifarBatches(paths);
    QCOMPARE(set.count, int64_t(3 * kRecords));
    QCOMPARE(set.channels, int64_t(3));
    QCOMPARE(set.height, int64_t(32));
    QCOMPARE(set.width, int64_t(32));
    QCOMPARE(set.format, std::string("cifar10"));
    QCOMPARE(set.pixels.size(), size_t(3 * kRecords) * kPixelBytes);
    QVERIFY(set.pixels == expectedPixels(3 * kRecords));

    // Reversed file order gives the records of file 3 first.
    const ImageSet reversed = readCifarBatches({paths[2], paths[1], paths[0]});
    const auto third = record(2 * kRecords);
    QVERIFY(std::equal(third.begin() + 1, third.end(), reversed.pixels.begin()));
}

void TestCifarReader::planarLayout()
{
    const auto paths = writeBatches(m_dir.filePath("planar"), 1);
    const ImageSet set = readCifarBatches(paths);
    const auto second = record(1);
    const uint8_t *image = set.pixels.data() + set.imageBytes(); // image 1
    // Channel c, row y, column x sits at c*1024 + y*32 + x, exactly as in the file.
    for (int c = 0; c < 3; ++c)
        for (int y : {0, 13, 31})
            for (int x : {0, 5, 31})
                QCOMPARE(int(image[c * 1024 + y * 32 + x]), int(second[1 + c * 1024 + y * 32 + x]));
    // Green differs from red, so channels were not collapsed to one.
    QVERIFY(image[1024] != image[0]);
}

void TestCifarReader::limitAcrossFiles_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("expected");
    QTest::newRow("within the first file") << 3 << 3;
    QTest::newRow("exactly one file") << kRecords << kRecords;
    QTest::newRow("into the second file") << 10 << 10;
    QTest::newRow("into the third file") << 2 * kRecords + 1 << 2 * kRecords + 1;
    QTest::newRow("zero") << 0 << 0;
    QTest::newRow("more than there are") << 1000 << 3 * kRecords;
    QTest::newRow("no limit") << -1 << 3 * kRecords;
}

void TestCifarReader::limitAcrossFiles()
{
    QFETCH(int, limit);
    QFETCH(int, expected);
    const auto paths = writeBatches(m_dir.filePath("limit"), 3);
    const ImageSet set = readCifarBatches(paths, limit);
    QCOMPARE(set.count, int64_t(expected));
    QVERIFY(set.pixels == expectedPixels(expected));
}

void TestCifarReader::loadFolderPath()
{
    const QString folder = m_dir.filePath("folder");
    const auto paths = writeBatches(folder, 3);
    const DatasetFiles files = locateDataset(folder.toStdString(), "");
    QCOMPARE(files.format, std::string("cifar10"));
    // Only the batches that exist, in order.
    QVERIFY(files.batches == paths);

    const ImageSet set = loadDataset(folder.toStdString(), "", 9);
    QCOMPARE(set.count, int64_t(9));
    QVERIFY(set.pixels == expectedPixels(9));
    QCOMPARE(set.source, folder.toStdString());
}

void TestCifarReader::loadSubfolderPath()
{
    // The official tarball unpacks to cifar-10-batches-bin/; its parent folder is enough.
    const QString parent = m_dir.filePath("unpacked");
    const auto paths = writeBatches(parent + "/cifar-10-batches-bin", 5);
    const DatasetFiles files = locateDataset(parent.toStdString(), "");
    QVERIFY(files.batches == paths);
    const ImageSet set = loadDataset(parent.toStdString(), "");
    QCOMPARE(set.count, int64_t(5 * kRecords));
    QVERIFY(set.pixels == expectedPixels(5 * kRecords));
}

void TestCifarReader::loadByName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("layout"); // where, below the data folder, the batches go
    QTest::newRow("in cifar10") << "cifar10" << "cifar10";
    QTest::newRow("in cifar-10-batches-bin") << "cifar10" << "cifar-10-batches-bin";
    QTest::newRow("in cifar10 then cifar-10-batches-bin") << "cifar10" << "cifar10/cifar-10-batches-bin";
    QTest::newRow("alias cifar-10") << "cifar-10" << "cifar10";
}

void TestCifarReader::loadByName()
{
    QFETCH(QString, name);
    QFETCH(QString, layout);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
    const QString dataDir = m_dir.filePath("named-" + tag);
    const auto paths = writeBatches(dataDir + '/' + layout, 2);

    const DatasetFiles files = locateDataset(name.toStdString(), dataDir.toStdString());
    QCOMPARE(files.format, std::string("cifar10"));
    QVERIFY(files.batches == paths);

    const ImageSet set = loadDataset(name.toStdString(), dataDir.toStdString(), 8);
    QCOMPARE(set.count, int64_t(8));
    QVERIFY(set.pixels == expectedPixels(8));
    QCOMPARE(set.source, QString(dataDir + '/' + layout).toStdString());
}

QTEST_GUILESS_MAIN(TestCifarReader)
#include "tst_cifarreader.moc"
