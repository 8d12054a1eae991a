// Dataset downloads against a real HTTP server on 127.0.0.1: the installed Fashion-MNIST
// fetched through it, resumed and restarted downloads, a second mirror, a broken copy replaced.
// The faults that must end in a clear error are in tst_downloadfailures.
#include "data/datasetfetch.h"
#include "data/datasetlocator.h"
#include "data/idxreader.h"
#include "downloadtesthelpers.h"

#include <QtTest>

#include <algorithm>
#include <filesystem>

using namespace ganvas;
using namespace ganvas::test;

namespace fs = std::filesystem;

namespace {

const char *const kFashion = "/usr/share/datasets/fashion-mnist";

} // namespace

class TestDownload : public QObject, private DownloadFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fashionMnistFromLocalServer();
    void resumedDownload();
    void restartedDownload();
    void completePartFetchedAgain();
    void secondMirrorAfterServerError();
    void truncatedTransferThenResume();
    void brokenCopyReplaced();
};

void TestDownload::initTestCase()
{
    setUpData();
}

void TestDownload::init()
{
    setUp();
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

QTEST_GUILESS_MAIN(TestDownload)
#include "tst_download.moc"
