// Dataset downloads that go wrong (a second fetch at once, bad checksum, server errors, every
// mirror failing, cancel, a write that fails, files the readers reject), each ending in a clear
// error with nothing half-written left behind.
#include "data/datasetfetch.h"
#include "downloadtesthelpers.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <thread>

using namespace ganvas;
using namespace ganvas::test;

namespace fs = std::filesystem;

class TestDownloadFailures : public QObject, private DownloadFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void secondFetchAtOnceRefused();
    void badChecksum();
    void serverError_data();
    void serverError();
    void allMirrorsFail();
    void cancelFromProgress();
    void cancelFromAnotherThread();
    void writeFailure();
    void readersReject();
};

void TestDownloadFailures::initTestCase()
{
    setUpData();
}

void TestDownloadFailures::init()
{
    setUp();
}

void TestDownloadFailures::secondFetchAtOnceRefused()
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

void TestDownloadFailures::badChecksum()
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

void TestDownloadFailures::serverError_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");
    QTest::newRow("404") << 404 << "HTTP 404 Not Found";
    QTest::newRow("500") << 500 << "HTTP 500 Internal Server Error";
}

void TestDownloadFailures::serverError()
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

void TestDownloadFailures::allMirrorsFail()
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

void TestDownloadFailures::cancelFromProgress()
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

void TestDownloadFailures::cancelFromAnotherThread()
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

void TestDownloadFailures::writeFailure()
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

void TestDownloadFailures::readersReject()
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

QTEST_GUILESS_MAIN(TestDownloadFailures)
#include "tst_downloadfailures.moc"
