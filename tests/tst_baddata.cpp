#include <QtTest>

#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "data/datasetlocator.h"
#include "data/gzipfile.h"
#include "data/idxreader.h"

#include <zlib.h>

#include <cstdint>
#include <exception>
#include <stdexcept>
#include <string>
#include <typeinfo>
#include <vector>

using namespace ganvas;

// Writes a row's files into its own empty folder.
using Builder = void (*)(const QString &dir);
Q_DECLARE_METATYPE(Builder)

namespace {

using Bytes = std::vector<uint8_t>;

void put32(Bytes &bytes, uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        bytes.push_back(static_cast<uint8_t>(value >> shift));
}

Bytes pattern(size_t n)
{
    Bytes bytes(n);
    for (size_t i = 0; i < n; ++i)
        bytes[i] = static_cast<uint8_t>(i * 7 + i / 97);
    return bytes;
}

// An IDX image file whose header says count x rows x cols, followed by `payload` bytes.
Bytes idxImages(uint32_t count, uint32_t rows, uint32_t cols, size_t payload)
{
    Bytes bytes;
    put32(bytes, 0x00000803);
    put32(bytes, count);
    put32(bytes, rows);
    put32(bytes, cols);
    const Bytes pixels = pattern(payload);
    bytes.insert(bytes.end(), pixels.begin(), pixels.end());
    return bytes;
}

Bytes goodImages(uint32_t count)
{
    return idxImages(count, 28, 28, size_t(count) * 28 * 28);
}

Bytes idxLabels(uint32_t count, size_t payload)
{
    Bytes bytes;
    put32(bytes, 0x00000801);
    put32(bytes, count);
    for (size_t i = 0; i < payload; ++i)
        bytes.push_back(static_cast<uint8_t>(i % 10));
    return bytes;
}

// Helpers throw rather than QVERIFY: a failed QVERIFY would only return from the helper.
void writeFile(const QString &path, const Bytes &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char *>(bytes.data()), qint64(bytes.size()))
            != qint64(bytes.size()))
        throw std::runtime_error("cannot write " + path.toStdString());
}

Bytes gzipped(const QString &scratch, const Bytes &bytes)
{
    gzFile file = gzopen(scratch.toLocal8Bit().constData(), "wb");
    if (!file)
        throw std::runtime_error("cannot gzopen " + scratch.toStdString());
    gzwrite(file, bytes.data(), unsigned(bytes.size()));
    if (gzclose(file) != Z_OK)
        throw std::runtime_error("cannot gzwrite " + scratch.toStdString());
    QFile read(scratch);
    if (!read.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot reread " + scratch.toStdString());
    const QByteArray data = read.readAll();
    read.close();
    read.remove();
    return Bytes(data.begin(), data.end());
}

// CIFAR-10 records with labels 0-9, except `badLabel` at record `badRecord` (0-based).
Bytes cifarRecords(int records, int badRecord = -1, uint8_t badLabel = 0)
{
    Bytes bytes;
    for (int r = 0; r < records; ++r) {
        bytes.push_back(r == badRecord ? badLabel : static_cast<uint8_t>(r % 10));
        const Bytes pixels = pattern(3072);
        bytes.insert(bytes.end(), pixels.begin(), pixels.end());
    }
    return bytes;
}

std::vector<std::string> splitPaths(const QString &dir, const QString &names)
{
    std::vector<std::string> paths;
    for (const QString &name : names.split(',', Qt::SkipEmptyParts))
        paths.push_back((dir + '/' + name).toStdString());
    return paths;
}

} // namespace

class TestBadData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void badInput_data();
    void badInput();
    void countsCompareBeforeLimit();
    void brokenLaterBatchDespiteLimit();

private:
    QTemporaryDir m_xdg;
};

void TestBadData::initTestCase()
{
    QVERIFY(m_xdg.isValid());
    // The machine's own datasets must not answer the "not found" rows.
    qunsetenv("GANVAS_DATA_DIR");
    qputenv("XDG_DATA_HOME", m_xdg.path().toLocal8Bit());
}

void TestBadData::badInput_data()
{
    QTest::addColumn<Builder>("build");
    // load: loadDataset(dir/target, "", -1); name: loadDataset(target, dir, -1);
    // images, labels, gzip: that reader on dir/target; cifar: readCifarBatches on dir/names.
    QTest::addColumn<QString>("via");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("offending"); // must appear in file() and what()
    QTest::addColumn<QString>("fragment");  // must appear in what()

    const Builder nothing = +[](const QString &) {};
    const QString images = QStringLiteral("train-images-idx3-ubyte");
    const QString labels = QStringLiteral("train-labels-idx1-ubyte");

    QTest::newRow("missing path") << nothing << "load" << "gone/" + images << images
                                  << "no such file";
    QTest::newRow("missing image file") << nothing << "images" << images << images << "no such file";
    QTest::newRow("missing gz labels") << nothing << "labels" << labels + ".gz" << labels + ".gz"
                                       << "no such file";
    QTest::newRow("missing batch") << nothing << "cifar" << "data_batch_1.bin" << "data_batch_1.bin"
                                   << "no such file";
    QTest::newRow("folder as image file")
        << +[](const QString &d) { QDir(d).mkdir("sub"); } << "images" << "sub" << "sub"
        << "is a folder, not a file";

    QTest::newRow("labels given as images")
        << +[](const QString &d) { writeFile(d + "/train-images-idx3-ubyte", idxLabels(5, 5)); }
        << "load" << "" << images << "not an IDX image file (magic 0x00000801, expected 0x00000803)";
    QTest::newRow("images given as labels")
        << +[](const QString &d) { writeFile(d + "/imgs", goodImages(2)); } << "labels" << "imgs"
        << "imgs" << "not an IDX label file (magic 0x00000803, expected 0x00000801)";
    QTest::newRow("empty IDX file")
        << +[](const QString &d) { writeFile(d + "/train-images-idx3-ubyte", {}); } << "load" << ""
        << images << "empty file";
    QTest::newRow("truncated IDX data")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", idxImages(60000, 28, 28, 1234));
           }
        << "load" << "" << images
        << "truncated: header says 60000 images of 28x28 (47040000 bytes) but the file holds 1234";
    QTest::newRow("truncated IDX header")
        << +[](const QString &d) {
               const Bytes whole = goodImages(1);
               writeFile(d + "/train-images-idx3-ubyte", Bytes(whole.begin(), whole.begin() + 10));
           }
        << "load" << "" << images << "truncated header: 10 bytes";
    QTest::newRow("truncated labels")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", goodImages(5));
               writeFile(d + "/train-labels-idx1-ubyte", idxLabels(5, 3));
           }
        << "load" << "" << labels << "truncated: header says 5 labels (5 bytes) but the file holds 3";
    QTest::newRow("extra trailing bytes")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", idxImages(2, 28, 28, 2 * 784 + 9));
           }
        << "load" << "" << images << "unexpected size: header says 2 images of 28x28 (1568 bytes)";
    QTest::newRow("zero count")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", idxImages(0, 28, 28, 0));
           }
        << "load" << "" << images << "holds no images";
    QTest::newRow("absurd dimensions")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", idxImages(1, 5000, 28, 5000 * 28));
           }
        << "load" << "" << images << "implausible image size 5000x28";
    QTest::newRow("zero dimension")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", idxImages(3, 28, 0, 0));
           }
        << "load" << "" << images << "implausible image size 28x0";

    QTest::newRow("corrupt gzip checksum")
        << +[](const QString &d) {
               Bytes gz = gzipped(d + "/scratch.gz", goodImages(20));
               gz[gz.size() - 8] ^= 0xff; // the CRC-32 in the trailer
               writeFile(d + "/train-images-idx3-ubyte.gz", gz);
           }
        << "load" << "" << images + ".gz" << "corrupt gzip data (incorrect data check)";
    QTest::newRow("corrupt gzip stream")
        << +[](const QString &d) {
               Bytes gz = gzipped(d + "/scratch.gz", goodImages(20));
               for (size_t i = 20; i < 40; ++i)
                   gz[i] = 0xff; // garbage right after the 10-byte gzip header
               writeFile(d + "/train-images-idx3-ubyte.gz", gz);
           }
        << "load" << "" << images + ".gz" << "corrupt gzip data";
    QTest::newRow("not gzip at all")
        << +[](const QString &d) { writeFile(d + "/train-labels-idx1-ubyte.gz", idxLabels(3, 3)); }
        << "labels" << labels + ".gz" << labels + ".gz" << "corrupt gzip data";
    QTest::newRow("truncated gzip")
        << +[](const QString &d) {
               Bytes gz = gzipped(d + "/scratch.gz", goodImages(20));
               gz.resize(gz.size() / 2);
               writeFile(d + "/train-images-idx3-ubyte.gz", gz);
           }
        << "load" << "" << images + ".gz" << "gzip stream ends early";
    QTest::newRow("gzip cut in its trailer")
        << +[](const QString &d) {
               Bytes gz = gzipped(d + "/scratch.gz", pattern(5000));
               gz.resize(gz.size() - 3);
               writeFile(d + "/blob.gz", gz);
           }
        << "gzip" << "blob.gz" << "blob.gz" << "gzip stream ends early";
    QTest::newRow("image/label count mismatch")
        << +[](const QString &d) {
               writeFile(d + "/train-images-idx3-ubyte", goodImages(5));
               writeFile(d + "/train-labels-idx1-ubyte.gz", gzipped(d + "/scratch.gz", idxLabels(4, 4)));
           }
        << "load" << "" << labels + ".gz" << "image and label counts disagree: 5 images in";

    QTest::newRow("CIFAR size not a multiple")
        << +[](const QString &d) { writeFile(d + "/data_batch_1.bin", Bytes(2 * 3073 - 100, 1)); }
        << "load" << "" << "data_batch_1.bin"
        << "truncated or not a CIFAR-10 batch: 6046 bytes is not a whole number of 3073-byte records";
    QTest::newRow("empty CIFAR file")
        << +[](const QString &d) { writeFile(d + "/data_batch_1.bin", {}); } << "load" << ""
        << "data_batch_1.bin" << "empty file";
    QTest::newRow("CIFAR label 12")
        << +[](const QString &d) { writeFile(d + "/data_batch_1.bin", cifarRecords(5, 2, 12)); }
        << "load" << "" << "data_batch_1.bin" << "record 3 has label 12 (expected 0-9)";
    QTest::newRow("CIFAR label 200 in the second file")
        << +[](const QString &d) {
               writeFile(d + "/data_batch_1.bin", cifarRecords(2));
               writeFile(d + "/data_batch_2.bin", cifarRecords(2, 0, 200));
           }
        << "cifar" << "data_batch_1.bin,data_batch_2.bin" << "data_batch_2.bin"
        << "record 1 has label 200";
    QTest::newRow("missing middle CIFAR batch")
        << +[](const QString &d) {
               for (const char *name : {"data_batch_1.bin", "data_batch_2.bin", "data_batch_4.bin"})
                   writeFile(d + '/' + name, cifarRecords(1));
           }
        << "load" << "" << "data_batch_3.bin"
        << "missing: data_batch_4.bin is there but data_batch_3.bin is not";
    QTest::newRow("missing first CIFAR batch")
        << +[](const QString &d) { writeFile(d + "/data_batch_2.bin", cifarRecords(1)); }
        << "load" << "" << "data_batch_1.bin" << "missing";

    QTest::newRow("empty folder")
        << +[](const QString &d) { QDir(d).mkdir("nothing-here"); } << "load" << "nothing-here"
        << "nothing-here"
        << "no dataset found: expected train-images-idx3-ubyte[.gz] (MNIST/Fashion-MNIST) or "
           "data_batch_1.bin ... data_batch_5.bin (CIFAR-10)";
    QTest::newRow("folder of other files")
        << +[](const QString &d) { writeFile(d + "/t10k-images-idx3-ubyte", goodImages(1)); }
        << "load" << "" << "" << "no dataset found";
    QTest::newRow("unknown dataset name")
        << nothing << "name" << "imagenet-42" << "imagenet-42"
        << "unknown dataset: use fashion-mnist, mnist, cifar10 or a folder path";
    QTest::newRow("known name not found")
        << nothing << "name" << "cifar10" << "cifar10" << "--data-dir";
    QTest::newRow("known name found but broken")
        << +[](const QString &d) {
               QDir(d).mkdir("mnist");
               writeFile(d + "/mnist/train-images-idx3-ubyte", idxImages(10, 28, 28, 100));
           }
        << "name" << "mnist" << "mnist/" + images << "truncated: header says 10 images";
}

void TestBadData::badInput()
{
    QFETCH(Builder, build);
    QFETCH(QString, via);
    QFETCH(QString, target);
    QFETCH(QString, offending);
    QFETCH(QString, fragment);

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString dir = temp.path();
    build(dir);
    if (offending.isEmpty())
        offending = dir; // the row's folder itself is at fault
    const std::string path = (target.isEmpty() ? dir : dir + '/' + target).toStdString();

    try {
        if (via == "load")
            loadDataset(path, "", -1);
        else if (via == "name")
            loadDataset(target.toStdString(), dir.toStdString(), -1);
        else if (via == "images")
            readIdxImages(path);
        else if (via == "labels")
            readIdxLabels(path);
        else if (via == "gzip")
            readMaybeGzipped(path);
        else if (via == "cifar")
            readCifarBatches(splitPaths(dir, target));
        else
            QFAIL(qPrintable("unknown via " + via));
        QFAIL("no DataError was thrown");
    } catch (const DataError &error) {
        const QString what = QString::fromStdString(error.what());
        QVERIFY2(QString::fromStdString(error.file()).contains(offending),
                 qPrintable("file() lacks " + offending + ": " + what));
        QVERIFY2(what.contains(offending), qPrintable("what() lacks " + offending + ": " + what));
        QVERIFY2(what.contains(fragment), qPrintable("what() lacks \"" + fragment + "\": " + what));
        QCOMPARE(what.toStdString(), error.file() + ": " + error.fault());
    } catch (const std::exception &error) {
        QFAIL(qPrintable(QStringLiteral("%1 escaped: %2").arg(typeid(error).name(), error.what())));
    } catch (...) {
        QFAIL("a non-standard exception escaped");
    }
}

void TestBadData::countsCompareBeforeLimit()
{
    // With a limit both files yield 2 records; the headers still disagree.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    writeFile(temp.filePath("train-images-idx3-ubyte"), goodImages(6));
    writeFile(temp.filePath("train-labels-idx1-ubyte"), idxLabels(5, 5));
    try {
        loadDataset(temp.path().toStdString(), "", 2);
        QFAIL("no DataError was thrown");
    } catch (const DataError &error) {
        const QString what = QString::fromStdString(error.what());
        QVERIFY2(what.contains("image and label counts disagree: 6 images in "
                               + temp.filePath("train-images-idx3-ubyte") + ", 5 labels in "
                               + temp.filePath("train-labels-idx1-ubyte")),
                 qPrintable(what));
    }
}

void TestBadData::brokenLaterBatchDespiteLimit()
{
    // A limit that stops in the first file must not hide a broken fifth.
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    for (int i = 1; i <= 4; ++i)
        writeFile(temp.filePath(QStringLiteral("data_batch_%1.bin").arg(i)), cifarRecords(2));
    writeFile(temp.filePath("data_batch_5.bin"), Bytes(3000, 0));
    QVERIFY_THROWS_EXCEPTION(DataError, loadDataset(temp.path().toStdString(), "", 1));
}

QTEST_GUILESS_MAIN(TestBadData)
#include "tst_baddata.moc"
