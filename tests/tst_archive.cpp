// Archive extraction with libarchive: a CIFAR-10-shaped tar.gz built here with libarchive's
// write API is extracted flat and read back with the real reader; archives that are not
// archives, are cut short, or try to write outside the folder (.., absolute paths, links) are
// refused with the archive and entry named. Also gunzip, and a CIFAR-10 fetch end to end.
#include "data/archiveextract.h"
#include "data/cifarreader.h"
#include "data/datasetfetch.h"
#include "data/datasetlocator.h"
#include "data/readlimits.h"
#include "httptestserver.h"

#include <QtTest>

#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <fstream>

using namespace ganvas;

namespace fs = std::filesystem;

namespace {

constexpr int kRecord = 3073;

// `records` CIFAR-10 records: a label 0-9, then 3072 pixel bytes.
std::string cifarBatch(int records, uint32_t seed)
{
    std::string bytes;
    for (int r = 0; r < records; ++r) {
        bytes += char(r % 10);
        for (int i = 0; i < kRecord - 1; ++i) {
            seed = seed * 1103515245u + 12345u;
            bytes += char(seed >> 16);
        }
    }
    return bytes;
}

struct Entry
{
    std::string path;
    std::string data;
    unsigned type = AE_IFREG;
    std::string link; // symlink target or hard link source
};

// A tar.gz (pax) written with libarchive; returns "" on success, else libarchive's complaint.
std::string writeArchive(const std::string &file, const std::vector<Entry> &entries)
{
    archive *a = archive_write_new();
    archive_write_add_filter_gzip(a);
    archive_write_set_format_pax_restricted(a);
    if (archive_write_open_filename(a, file.c_str()) != ARCHIVE_OK)
        return archive_error_string(a);
    for (const auto &e : entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.path.c_str());
        archive_entry_set_filetype(entry, e.type);
        archive_entry_set_perm(entry, e.type == AE_IFDIR ? 0755 : 0644);
        archive_entry_set_size(entry, e.type == AE_IFREG && e.link.empty() ? int64_t(e.data.size()) : 0);
        if (e.type == AE_IFLNK)
            archive_entry_set_symlink(entry, e.link.c_str());
        else if (!e.link.empty())
            archive_entry_set_hardlink(entry, e.link.c_str());
        if (archive_write_header(a, entry) != ARCHIVE_OK)
            return archive_error_string(a);
        if (!e.data.empty() && e.link.empty())
            archive_write_data(a, e.data.data(), e.data.size());
        archive_entry_free(entry);
    }
    archive_write_close(a);
    archive_write_free(a);
    return "";
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeFile(const fs::path &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string sha256(const std::string &bytes)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

// The archive's layout: cifar-10-batches-bin/{data_batch_1..5.bin,test_batch.bin,batches.meta.txt}.
std::vector<Entry> cifarEntries(int recordsPerBatch = 3)
{
    std::vector<Entry> entries{{"cifar-10-batches-bin/", "", AE_IFDIR, ""}};
    for (int i = 1; i <= 5; ++i)
        entries.push_back({"cifar-10-batches-bin/data_batch_" + std::to_string(i) + ".bin",
                           cifarBatch(recordsPerBatch, uint32_t(i)), AE_IFREG, ""});
    entries.push_back({"cifar-10-batches-bin/test_batch.bin", cifarBatch(2, 99), AE_IFREG, ""});
    entries.push_back({"cifar-10-batches-bin/batches.meta.txt", "airplane\nautomobile\n", AE_IFREG, ""});
    return entries;
}

DatasetSpec tinyCifarSpec(int images)
{
    return DatasetSpec{"cifar10", "CIFAR-10", "cifar10", images, 3, 32, 32, {}};
}

} // namespace

class TestArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void extractsFlatAndReadsBack();
    void badArchive_data();
    void badArchive();
    void missingBatch();
    void truncatedBatch();
    void tooManyEntries();
    void gunzip();
    void fetchCifarFromMirror();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_root, m_out;
};

void TestArchive::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->path().toStdString();
    m_out = m_root / "box" / "out";
    fs::create_directories(m_out);
}

void TestArchive::extractsFlatAndReadsBack()
{
    const auto entries = cifarEntries();
    const std::string tar = (m_root / "cifar.tar.gz").string();
    QCOMPARE(writeArchive(tar, entries), std::string());
    const auto files = extractArchive(tar, m_out.string());
    QCOMPARE(int(files.size()), 7);
    for (size_t i = 0; i < files.size(); ++i) {
        const Entry &e = entries[i + 1];
        QCOMPARE(files[i].entry, e.path);
        QCOMPARE(files[i].name, fs::path(e.path).filename().string());
        QCOMPARE(files[i].size, int64_t(e.data.size()));
        QCOMPARE(files[i].sha256, sha256(e.data));
        QCOMPARE(readFile(m_out / files[i].name), e.data);
    }
    QVERIFY(!fs::exists(m_out / "cifar-10-batches-bin"));

    QCOMPARE(validateDatasetFolder(tinyCifarSpec(15), m_out.string()), int64_t(15));
    std::vector<std::string> batches;
    std::string pixels;
    for (int i = 1; i <= 5; ++i) {
        batches.push_back((m_out / ("data_batch_" + std::to_string(i) + ".bin")).string());
        const std::string &data = entries[size_t(i)].data;
        for (size_t r = 0; r < data.size(); r += kRecord)
            pixels += data.substr(r + 1, kRecord - 1);
    }
    const ImageSet set = readCifarBatches(batches);
    QCOMPARE(set.count, int64_t(15));
    QVERIFY(std::equal(set.pixels.begin(), set.pixels.end(), pixels.begin(), pixels.end(),
                       [](uint8_t a, char b) { return a == uint8_t(b); }));
    // A spec that expects another count says so.
    QVERIFY_THROWS_EXCEPTION(FetchError, validateDatasetFolder(tinyCifarSpec(50000), m_out.string()));
}

void TestArchive::badArchive_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not an archive") << 0 << "not a readable archive";
    QTest::newRow("truncated") << 1 << "damaged";
    QTest::newRow("dot-dot") << 2 << "\"..\" component";
    QTest::newRow("nested dot-dot") << 3 << "\"..\" component";
    QTest::newRow("absolute path") << 4 << "absolute path";
    QTest::newRow("symlink") << 5 << "symbolic link";
    QTest::newRow("hard link") << 6 << "hard link";
    QTest::newRow("fifo") << 7 << "not a regular file";
    QTest::newRow("same name twice") << 8 << "repeats the file name";
}

void TestArchive::badArchive()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    const std::string tar = (m_root / "bad.tar.gz").string();
    const std::string absolute = (m_root / "evil-absolute").string();
    std::vector<Entry> entries{{"cifar-10-batches-bin/data_batch_1.bin", cifarBatch(1, 1), AE_IFREG, ""}};
    switch (kind) {
    case 0:
        writeFile(tar, cifarBatch(20, 3));
        break;
    case 1: {
        QCOMPARE(writeArchive(tar, cifarEntries(20)), std::string());
        const std::string whole = readFile(tar);
        writeFile(tar, whole.substr(0, whole.size() * 6 / 10));
        break;
    }
    case 2: entries.push_back({"../evil", "escaped", AE_IFREG, ""}); break;
    case 3: entries.push_back({"cifar-10-batches-bin/../../evil", "escaped", AE_IFREG, ""}); break;
    case 4: entries.push_back({absolute, "escaped", AE_IFREG, ""}); break;
    case 5: entries.push_back({"cifar-10-batches-bin/data_batch_2.bin", "", AE_IFLNK, "/etc/passwd"}); break;
    case 6: entries.push_back({"cifar-10-batches-bin/data_batch_2.bin", "", AE_IFREG,
                               "cifar-10-batches-bin/data_batch_1.bin"}); break;
    case 7: entries.push_back({"cifar-10-batches-bin/pipe", "", AE_IFIFO, ""}); break;
    case 8: entries.push_back({"other/data_batch_1.bin", cifarBatch(1, 2), AE_IFREG, ""}); break;
    }
    if (kind >= 2)
        QCOMPARE(writeArchive(tar, entries), std::string());
    try {
        extractArchive(tar, m_out.string());
        QFAIL("a bad archive was extracted without complaint");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(tar)) && QString(e.what()).contains(expected),
                 e.what());
    }
    QVERIFY(!fs::exists(m_root / "box" / "evil"));
    QVERIFY(!fs::exists(m_root / "evil"));
    QVERIFY(!fs::exists(absolute));
}

void TestArchive::missingBatch()
{
    auto entries = cifarEntries();
    entries.erase(entries.begin() + 3); // data_batch_3.bin
    const std::string tar = (m_root / "cifar.tar.gz").string();
    QCOMPARE(writeArchive(tar, entries), std::string());
    QCOMPARE(int(extractArchive(tar, m_out.string()).size()), 6);
    try {
        validateDatasetFolder(tinyCifarSpec(12), m_out.string());
        QFAIL("a CIFAR-10 without data_batch_3.bin passed");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).contains("data_batch_3.bin: missing"), e.what());
    }
}

void TestArchive::truncatedBatch()
{
    auto entries = cifarEntries();
    entries[4].data.resize(entries[4].data.size() - 100); // data_batch_4.bin
    const std::string tar = (m_root / "cifar.tar.gz").string();
    QCOMPARE(writeArchive(tar, entries), std::string());
    extractArchive(tar, m_out.string());
    try {
        validateDatasetFolder(tinyCifarSpec(15), m_out.string());
        QFAIL("a truncated batch passed");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).contains("data_batch_4.bin") && QString(e.what()).contains("truncated"), e.what());
    }
}

// An archive of more entries than GANvas extracts (here one more, all empty files) is refused
// in the first pass, which writes nothing: no file lands in the folder.
void TestArchive::tooManyEntries()
{
    const std::string tar = (m_root / "many.tar.gz").string();
    std::vector<Entry> entries;
    entries.reserve(limits::kMaxArchiveEntries + 1);
    for (uint64_t i = 0; i <= limits::kMaxArchiveEntries; ++i)
        entries.push_back({"f" + std::to_string(i), "", AE_IFREG, ""});
    QCOMPARE(writeArchive(tar, entries), std::string());
    try {
        extractArchive(tar, m_out.string());
        QFAIL("an archive of too many entries was extracted");
    } catch (const FetchError &e) {
        const std::string n = std::to_string(limits::kMaxArchiveEntries);
        QVERIFY2(std::string(e.what()) == tar + ": holds more than " + n + " entries; GANvas extracts at most " + n,
                 e.what());
    }
    QVERIFY(fs::is_empty(m_out));
}

void TestArchive::gunzip()
{
    const std::string raw = cifarBatch(4, 7);
    const QByteArray compressed = [&] {
        // A gzip file made by the system's gzip, a second opinion on the format.
        const fs::path plain = m_root / "data.bin";
        writeFile(plain, raw);
        QProcess gz;
        gz.start("gzip", {"-k", QString::fromStdString(plain.string())});
        gz.waitForFinished();
        return QByteArray::fromStdString(readFile(m_root / "data.bin.gz"));
    }();
    QVERIFY(compressed.size() > 100);
    const std::string gzPath = (m_root / "data.bin.gz").string();
    QCOMPARE(gunzipFile(gzPath, (m_out / "data.bin").string()), sha256(raw));
    QCOMPARE(readFile(m_out / "data.bin"), raw);
    QCOMPARE(gunzipDigest(gzPath), sha256(raw));

    writeFile(gzPath, compressed.left(compressed.size() / 2).toStdString());
    try {
        gunzipFile(gzPath, (m_out / "data.bin").string());
        QFAIL("a truncated gzip file passed");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(gzPath)) && QString(e.what()).contains("truncated"),
                 e.what());
    }
    writeFile(gzPath, raw);
    try {
        gunzipFile(gzPath, (m_out / "data.bin").string());
        QFAIL("a plain file passed as gzip");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).contains("not a gzip file"), e.what());
    }
}

void TestArchive::fetchCifarFromMirror()
{
    const std::string tar = (m_root / "cifar-10-binary.tar.gz").string();
    QCOMPARE(writeArchive(tar, cifarEntries()), std::string());
    ganvas::test::HttpTestServer server;
    server.serveFile("/cifar10/cifar-10-binary.tar.gz", tar);
    DatasetSpec spec = tinyCifarSpec(15);
    DatasetFileSpec file = findDatasetSpec("cifar10")->files.front();
    file.md5 = QCryptographicHash::hash(QByteArray::fromStdString(readFile(tar)), QCryptographicHash::Md5)
                   .toHex()
                   .toStdString();
    spec.files = {file};
    FetchOptions options;
    options.dataDir = (m_root / "data").string();
    options.mirror = server.url();
    const std::string folder = fetchDataset(spec, options);
    QCOMPARE(folder, (m_root / "data" / "cifar10").string());
    QCOMPARE(server.requests().front().path, std::string("/cifar10/cifar-10-binary.tar.gz"));
    QVERIFY(fs::exists(fs::path(folder) / "data_batch_5.bin"));
    QVERIFY(fs::exists(fs::path(folder) / "ganvas-dataset.json"));
    QCOMPARE(loadDataset("cifar10", options.dataDir).count, int64_t(15));
    std::string where;
    const auto problems = verifyDataset(spec, options.dataDir, &where);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    QCOMPARE(where, folder);

    // A damaged batch is found by the manifest's digest.
    std::fstream batch(fs::path(folder) / "data_batch_2.bin", std::ios::in | std::ios::out | std::ios::binary);
    batch.seekp(10);
    batch.put('\x7f' ^ readFile(fs::path(folder) / "data_batch_2.bin")[10]);
    batch.close();
    const auto damaged = verifyDataset(spec, options.dataDir);
    QCOMPARE(int(damaged.size()), 1);
    QVERIFY2(QString::fromStdString(damaged.front()).contains("data_batch_2.bin"), damaged.front().c_str());

    // The wrong archive for the published MD5 is refused and nothing replaces the copy.
    server.serveBytes("/cifar10/cifar-10-binary.tar.gz", readFile(tar) + "extra");
    options.force = true;
    QVERIFY_THROWS_EXCEPTION(FetchError, fetchDataset(spec, options));
    QVERIFY(fs::exists(fs::path(folder) / "ganvas-dataset.json"));
}

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
