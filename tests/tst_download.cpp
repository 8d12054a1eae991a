// Dataset downloads against a real HTTP server on 127.0.0.1: the installed Fashion-MNIST
// fetched through it, resumed and restarted downloads, and every fault (bad checksum, server
// errors, truncation, cancel, a write that fails) ending in a clear error with nothing
// half-written left behind.
#include "data/datasetfetch.h"
#include "data/datasetlocator.h"
#include "data/idxreader.h"
#include "gziptesthelpers.h"
#include "httptestserver.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

using namespace ganvas;
using ganvas::test::HttpTestServer;

namespace fs = std::filesystem;

namespace {

using ganvas::test::gzip;

constexpr int kImages = 200;
const char *const kFashion = "/usr/share/datasets/fashion-mnist";

std::string be32(uint32_t v)
{
    return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

// Pseudo-random pixels, so that gzip cannot shrink the file to nothing.
std::string idxImages(int count, uint32_t seed = 1)
{
    std::string bytes = be32(0x803) + be32(uint32_t(count)) + be32(28) + be32(28);
    for (int i = 0; i < count * 28 * 28; ++i) {
        seed = seed * 1103515245u + 12345u;
        bytes += char(seed >> 16);
    }
    return bytes;
}

std::string idxLabels(int count)
{
    std::string bytes = be32(0x801) + be32(uint32_t(count));
    for (int i = 0; i < count; ++i)
        bytes += char(i % 10);
    return bytes;
}

std::string hex(const std::string &bytes, QCryptographicHash::Algorithm algorithm)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(bytes), algorithm).toHex().toStdString();
}

std::string readFile(const fs::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeFile(const fs::path &path, const std::string &bytes)
{
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

bool hasStaging(const fs::path &dataDir)
{
    std::error_code ec;
    for (const auto &e : fs::directory_iterator(dataDir, ec))
        if (e.path().filename().string().rfind(".staging-", 0) == 0)
            return true;
    return false;
}

} // namespace

class TestDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fashionMnistFromLocalServer();
    void resumedDownload();
    void restartedDownload();
    void completePartFetchedAgain();
    void secondFetchAtOnceRefused();
    void secondMirrorAfterServerError();
    void badChecksum();
    void serverError_data();
    void serverError();
    void allMirrorsFail();
    void truncatedTransferThenResume();
    void cancelFromProgress();
    void cancelFromAnotherThread();
    void writeFailure();
    void brokenCopyReplaced();
    void readersReject();

private:
    // A two-file IDX dataset "tiny" served at /tiny/<file>, with digests of the real bytes.
    DatasetSpec tinySpec() const;
    FetchOptions options() const;
    void expectNothingInstalled();

    std::unique_ptr<HttpTestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    fs::path m_dataDir;
    std::string m_images, m_labels, m_imagesGz, m_labelsGz;
};

void TestDownload::initTestCase()
{
    m_images = idxImages(kImages);
    m_labels = idxLabels(kImages);
    m_imagesGz = gzip(m_images);
    m_labelsGz = gzip(m_labels);
    QVERIFY(m_imagesGz.size() > 100000);
}

void TestDownload::init()
{
    m_server = std::make_unique<HttpTestServer>();
    m_server->serveBytes("/tiny/train-images-idx3-ubyte.gz", m_imagesGz);
    m_server->serveBytes("/tiny/train-labels-idx1-ubyte.gz", m_labelsGz);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dataDir = fs::path(m_dir->path().toStdString()) / "data";
}

DatasetSpec TestDownload::tinySpec() const
{
    DatasetSpec spec{"tiny", "Tiny", "idx", kImages, 1, 28, 28, {}};
    const auto add = [&](const std::string &name, const std::string &raw, const std::string &gz) {
        DatasetFileSpec f;
        f.name = name;
        f.md5 = hex(gz, QCryptographicHash::Md5);
        f.contentSha256 = hex(raw, QCryptographicHash::Sha256);
        f.urls = {m_server->url() + "/tiny/" + name};
        spec.files.push_back(f);
    };
    add("train-images-idx3-ubyte.gz", m_images, m_imagesGz);
    add("train-labels-idx1-ubyte.gz", m_labels, m_labelsGz);
    return spec;
}

FetchOptions TestDownload::options() const
{
    FetchOptions o;
    o.dataDir = m_dataDir.string();
    o.connectTimeoutS = 5;
    o.lowSpeedTimeoutS = 10;
    return o;
}

void TestDownload::expectNothingInstalled()
{
    QVERIFY2(!fs::exists(m_dataDir / "tiny"), "a half-fetched dataset was installed");
    QVERIFY2(!hasStaging(m_dataDir), "the staging folder was left behind");
}

void TestDownload::fashionMnistFromLocalServer()
{
    if (!fs::exists(fs::path(kFashion) / "train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    const DatasetSpec *spec = findDatasetSpec("fashion-mnist");
    QVERIFY(spec);
    for (const auto &f : spec->files)
        m_server->serveFile("/fashion-mnist/" + f.name, std::string(kFashion) + "/" + f.name);

    FetchOptions o = options();
    o.mirror = m_server->url() + "/"; // the trailing slash is ignored
    std::vector<FetchProgress> seen;
    o.progress = [&](const FetchProgress &p) { seen.push_back(p); };
    const std::string folder = fetchDataset(*spec, o);
    QCOMPARE(folder, (m_dataDir / "fashion-mnist").string());

    // Debian's recompressed files: accepted by the content's digest, so the MD5 differed.
    const auto requests = m_server->requests();
    QCOMPARE(int(requests.size()), 4);
    QCOMPARE(requests.front().path, std::string("/fashion-mnist/train-images-idx3-ubyte.gz"));
    const ImageSet set = loadDataset("fashion-mnist", m_dataDir.string());
    QCOMPARE(set.count, int64_t(60000));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(set.height, int64_t(28));
    QCOMPARE(set.width, int64_t(28));
    QVERIFY2(set.source.rfind(m_dataDir.string(), 0) == 0, set.source.c_str());
    QVERIFY(fs::exists(m_dataDir / "fashion-mnist" / "ganvas-dataset.json"));
    QVERIFY(fs::exists(m_dataDir / "fashion-mnist" / "t10k-images-idx3-ubyte"));
    QVERIFY(!fs::exists(m_dataDir / ".partial"));
    QVERIFY(!hasStaging(m_dataDir));

    const DatasetStatus status = datasetStatus(*spec, m_dataDir.string());
    QVERIFY(status.available && status.fetched);
    QCOMPARE(status.folder, folder);
    std::string where;
    const auto problems = verifyDataset(*spec, m_dataDir.string(), &where);
    QVERIFY2(problems.empty(), problems.empty() ? "" : problems.front().c_str());
    QCOMPARE(where, folder);

    // Every phase reported, at a bounded rate.
    for (const char *phase : {"download", "verify", "extract", "install"})
        QVERIFY2(std::any_of(seen.begin(), seen.end(), [&](const FetchProgress &p) { return p.phase == phase; }),
                 phase);
    QVERIFY2(seen.size() < 400, qPrintable(QString::number(seen.size())));
    QCOMPARE(seen.front().fileCount, 4);

    // A verified copy is not fetched again.
    m_server->clearRequests();
    QCOMPARE(fetchDataset(*spec, o), folder);
    QVERIFY(m_server->requests().empty());
}

void TestDownload::resumedDownload()
{
    const size_t half = m_imagesGz.size() / 2;
    writeFile(m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part", m_imagesGz.substr(0, half));
    const std::string folder = fetchDataset(tinySpec(), options());

    bool sawRange = false;
    for (const auto &r : m_server->requests())
        if (r.path == "/tiny/train-images-idx3-ubyte.gz")
            sawRange = r.range == "bytes=" + std::to_string(half) + "-";
    QVERIFY2(sawRange, "the partial download was not resumed with a Range request");
    QCOMPARE(readFile(fs::path(folder) / "train-images-idx3-ubyte"), m_images);
    QCOMPARE(readIdxImages(folder + "/train-images-idx3-ubyte").count, int64_t(kImages));
    QVERIFY(!fs::exists(m_dataDir / ".partial"));
}

void TestDownload::restartedDownload()
{
    // Garbage in the part: only a restart from zero gives the right file.
    writeFile(m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part", std::string(5000, 'x'));
    HttpTestServer::Fault fault;
    fault.ignoreRange = true;
    m_server->setFault("/tiny/train-images-idx3-ubyte.gz", fault);
    const std::string folder = fetchDataset(tinySpec(), options());
    QCOMPARE(m_server->requests().front().range, std::string("bytes=5000-"));
    QCOMPARE(readFile(fs::path(folder) / "train-images-idx3-ubyte"), m_images);
}

void TestDownload::completePartFetchedAgain()
{
    // A whole file left as a part (a fetch stopped before its check): the server answers the
    // Range request with 416 and the file is fetched from zero.
    writeFile(m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part", m_imagesGz);
    const std::string folder = fetchDataset(tinySpec(), options());
    const auto requests = m_server->requests();
    QCOMPARE(requests[0].range, "bytes=" + std::to_string(m_imagesGz.size()) + "-");
    QCOMPARE(requests[1].path, requests[0].path);
    QCOMPARE(requests[1].range, std::string());
    QCOMPARE(readFile(fs::path(folder) / "train-images-idx3-ubyte"), m_images);
}

void TestDownload::secondFetchAtOnceRefused()
{
    fs::create_directories(m_dataDir / ".partial/tiny");
    const int fd = ::open((m_dataDir / ".partial/tiny").c_str(), O_RDONLY | O_DIRECTORY);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX), 0);
    try {
        fetchDataset(tinySpec(), options());
        QFAIL("two fetches of one dataset ran at once");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).contains("another fetch"), e.what());
    }
    ::close(fd);
    QVERIFY(m_server->requests().empty());
    fetchDataset(tinySpec(), options());
}

void TestDownload::secondMirrorAfterServerError()
{
    DatasetSpec spec = tinySpec();
    HttpTestServer::Fault fault;
    fault.status = 500;
    m_server->setFault("/broken/train-images-idx3-ubyte.gz", fault);
    spec.files[0].urls.insert(spec.files[0].urls.begin(), m_server->url() + "/broken/train-images-idx3-ubyte.gz");
    fetchDataset(spec, options());
    const auto requests = m_server->requests();
    QCOMPARE(requests[0].path, std::string("/broken/train-images-idx3-ubyte.gz"));
    QCOMPARE(requests[1].path, std::string("/tiny/train-images-idx3-ubyte.gz"));
    QVERIFY(fs::exists(m_dataDir / "tiny/train-images-idx3-ubyte"));
}

void TestDownload::badChecksum()
{
    std::string altered = m_images;
    altered[1000] = char(altered[1000] ^ 0x55);
    m_server->serveBytes("/tiny/train-images-idx3-ubyte.gz", gzip(altered));
    try {
        fetchDataset(tinySpec(), options());
        QFAIL("a file with the wrong digest was accepted");
    } catch (const FetchError &e) {
        const QString message = e.what();
        QVERIFY2(message.contains("train-images-idx3-ubyte.gz") && message.contains("checksum mismatch")
                     && message.contains(QString::fromStdString(m_server->url())),
                 e.what());
    }
    expectNothingInstalled();
    QVERIFY2(!fs::exists(m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part"),
             "a download with the wrong digest was kept for resuming");
}

void TestDownload::serverError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404") << 404 << "HTTP 404 Not Found";
    QTest::newRow("500") << 500 << "HTTP 500 Internal Server Error";
}

void TestDownload::serverError()
{
    QFETCH(int, status);
    QFETCH(QString, expected);
    HttpTestServer::Fault fault;
    fault.status = status;
    m_server->setFault("/tiny/train-labels-idx1-ubyte.gz", fault);
    try {
        fetchDataset(tinySpec(), options());
        QFAIL("an HTTP error passed");
    } catch (const FetchError &e) {
        const QString message = e.what();
        QVERIFY2(message.contains(QString::fromStdString(m_server->url() + "/tiny/train-labels-idx1-ubyte.gz: "))
                     && message.contains(expected),
                 e.what());
    }
    expectNothingInstalled();
}

void TestDownload::allMirrorsFail()
{
    DatasetSpec spec = tinySpec();
    spec.files[0].urls = {m_server->url() + "/gone/a.gz", m_server->url() + "/gone/b.gz"};
    try {
        fetchDataset(spec, options());
        QFAIL("no mirror had the file, yet the fetch passed");
    } catch (const FetchError &e) {
        const QString message = e.what();
        QVERIFY2(message.contains("/gone/a.gz: HTTP 404") && message.contains("/gone/b.gz: HTTP 404")
                     && message.contains("any mirror"),
                 e.what());
    }
    expectNothingInstalled();
}

void TestDownload::truncatedTransferThenResume()
{
    HttpTestServer::Fault fault;
    fault.truncateAfter = 30000;
    m_server->setFault("/tiny/train-images-idx3-ubyte.gz", fault);
    const fs::path part = m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part";
    try {
        fetchDataset(tinySpec(), options());
        QFAIL("a truncated transfer passed");
    } catch (const FetchError &e) {
        const std::string expected = "got 30000 of " + std::to_string(m_imagesGz.size()) + " bytes";
        QVERIFY2(QString(e.what()).contains(QString::fromStdString(expected))
                     && QString(e.what()).contains("/tiny/train-images-idx3-ubyte.gz"),
                 e.what());
    }
    expectNothingInstalled();
    QCOMPARE(int64_t(fs::file_size(part)), int64_t(30000));

    m_server->clearFault("/tiny/train-images-idx3-ubyte.gz");
    m_server->clearRequests();
    const std::string folder = fetchDataset(tinySpec(), options());
    QCOMPARE(m_server->requests().front().range, std::string("bytes=30000-"));
    QCOMPARE(readFile(fs::path(folder) / "train-images-idx3-ubyte"), m_images);
}

void TestDownload::cancelFromProgress()
{
    HttpTestServer::Fault fault;
    fault.bytesPerSecond = 40000;
    m_server->setFault("/tiny/train-images-idx3-ubyte.gz", fault);
    std::atomic<bool> cancel{false};
    FetchOptions o = options();
    o.cancel = &cancel;
    o.progress = [&](const FetchProgress &p) {
        if (p.phase == "download" && p.bytes > 0)
            cancel = true;
    };
    QElapsedTimer timer;
    timer.start();
    QVERIFY_THROWS_EXCEPTION(FetchCancelled, fetchDataset(tinySpec(), o));
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    expectNothingInstalled();
    QVERIFY2(fs::exists(m_dataDir / ".partial/tiny/train-images-idx3-ubyte.gz.part"),
             "the partial download is kept for a resume");
}

void TestDownload::cancelFromAnotherThread()
{
    HttpTestServer::Fault fault;
    fault.bytesPerSecond = 20000;
    m_server->setFault("/tiny/train-images-idx3-ubyte.gz", fault);
    std::atomic<bool> cancel{false};
    FetchOptions o = options();
    o.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        cancel = true;
    });
    QElapsedTimer timer;
    timer.start();
    bool cancelled = false;
    try {
        fetchDataset(tinySpec(), o);
    } catch (const FetchCancelled &) {
        cancelled = true;
    }
    canceller.join();
    QVERIFY(cancelled);
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    expectNothingInstalled();
}

void TestDownload::writeFailure()
{
    // A file size limit makes write() fail with EFBIG, as a full disk fails with ENOSPC.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
    if (saved.rlim_max != RLIM_INFINITY && saved.rlim_max < 64 * 1024)
        QSKIP("the file size limit is already below 64 KiB");
    rlimit small = saved;
    small.rlim_cur = 64 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    QString message;
    bool writeError = false;
    try {
        fetchDataset(tinySpec(), options());
    } catch (const FetchWriteError &e) {
        writeError = true;
        message = e.what();
    } catch (const std::exception &e) {
        message = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    QVERIFY2(writeError, qPrintable(message));
    QVERIFY2(message.startsWith("cannot write ") && message.contains("train-images-idx3-ubyte.gz.part")
                 && message.contains(std::strerror(EFBIG)),
             qPrintable(message));
    expectNothingInstalled();
    QVERIFY(!fs::exists(m_dataDir / ".partial/tiny"));
}

void TestDownload::brokenCopyReplaced()
{
    writeFile(m_dataDir / "tiny/train-images-idx3-ubyte", "not an IDX file");
    writeFile(m_dataDir / "tiny/stale.txt", "from the old copy");
    QVERIFY(!verifyDataset(tinySpec(), m_dataDir.string()).empty());
    const std::string folder = fetchDataset(tinySpec(), options());
    QVERIFY(verifyDataset(tinySpec(), m_dataDir.string()).empty());
    QVERIFY(!fs::exists(m_dataDir / "tiny/stale.txt"));
    QCOMPARE(readFile(fs::path(folder) / "train-labels-idx1-ubyte"), m_labels);

    // force fetches a good copy again.
    m_server->clearRequests();
    FetchOptions o = options();
    fetchDataset(tinySpec(), o);
    QVERIFY(m_server->requests().empty());
    o.force = true;
    fetchDataset(tinySpec(), o);
    QCOMPARE(int(m_server->requests().size()), 2);
    QVERIFY(verifyDataset(tinySpec(), m_dataDir.string()).empty());
}

void TestDownload::readersReject()
{
    // Digests that match, but the labels count disagrees with the images: the readers catch it.
    const std::string labels = idxLabels(kImages - 1);
    m_server->serveBytes("/tiny/train-labels-idx1-ubyte.gz", gzip(labels));
    DatasetSpec spec = tinySpec();
    spec.files[1].md5 = hex(gzip(labels), QCryptographicHash::Md5);
    try {
        fetchDataset(spec, options());
        QFAIL("a dataset the readers reject was installed");
    } catch (const FetchError &e) {
        QVERIFY2(QString(e.what()).contains("do not read back") && QString(e.what()).contains("train-"), e.what());
    }
    expectNothingInstalled();
}

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
