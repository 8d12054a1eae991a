// ganvas-cli datasets list | fetch | verify against a real HTTP server on 127.0.0.1 serving the
// installed Fashion-MNIST: exit codes, messages, --mirror and the environment variables,
// a damaged copy, a failing mirror, a write that fails, and Ctrl-C.
#include "clitesthelpers.h"
#include "httptestserver.h"

#include <QImage>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using ganvas::test::HttpTestServer;

namespace {

const char *const kFashion = "/usr/share/datasets/fashion-mnist";
const char *const kFiles[] = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                              "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

using Result = ganvas::test::ProgramResult;

} // namespace

class TestDatasetsCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fetchVerifyList();
    void environmentVariables();
    void damagedCopy();
    void failingMirror();
    void unknownName();
    void writeFailure();
    void interrupt();
    void preview();

private:
    QProcessEnvironment environment() const;
    Result cli(const QStringList &args, const QProcessEnvironment &env, const QString &program = GANVAS_CLI_PATH);
    Result cli(const QStringList &args) { return cli(args, environment()); }
    QString path(const char *child) const { return m_dir.filePath(child); }

    QTemporaryDir m_dir;
    std::unique_ptr<HttpTestServer> m_server;
    QString m_data; // the fetched copy the tests share
};

QProcessEnvironment TestDatasetsCli::environment() const
{
    // Nothing from the person running the tests: no data folder, no mirror, an empty XDG.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("GANVAS_DATA_DIR");
    env.remove("GANVAS_DATASET_MIRROR");
    env.insert("XDG_DATA_HOME", m_dir.filePath("xdg"));
    return env;
}

Result TestDatasetsCli::cli(const QStringList &args, const QProcessEnvironment &env, const QString &program)
{
    return ganvas::test::runProgram(program, args, env, 120000);
}

void TestDatasetsCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!fs::exists(std::string(kFashion) + "/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    m_server = std::make_unique<HttpTestServer>();
    for (const char *f : kFiles) {
        m_server->serveFile(std::string("/fashion-mnist/") + f, std::string(kFashion) + "/" + f);
        m_server->serveFile(std::string("/slow/fashion-mnist/") + f, std::string(kFashion) + "/" + f);
    }
    HttpTestServer::Fault slow;
    slow.bytesPerSecond = 200000;
    m_server->setFault("/slow/fashion-mnist/train-images-idx3-ubyte.gz", slow);
    m_data = path("data");
}

void TestDatasetsCli::fetchVerifyList()
{
    const QString url = QString::fromStdString(m_server->url());
    auto r = cli({"datasets", "fetch", "fashion-mnist", "--mirror", url, "--data-dir", m_data});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("fetched Fashion-MNIST (60000 images) to " + m_data + "/fashion-mnist"), qPrintable(r.out));
    for (const char *f : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                          "t10k-labels-idx1-ubyte", "ganvas-dataset.json"})
        QVERIFY2(fs::exists(m_data.toStdString() + "/fashion-mnist/" + f), f);
    QCOMPARE(int(m_server->requests().size()), 4);

    r = cli({"datasets", "verify", "fashion-mnist", "--data-dir", m_data});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith("ok: " + m_data + "/fashion-mnist (60000 images, checked against"), qPrintable(r.out));

    r = cli({"datasets", "list", "--data-dir", m_data});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.split('\n');
    const auto line = [&](const QString &name) {
        for (const auto &l : lines)
            if (l.startsWith(name + " "))
                return l;
        return QString();
    };
    QVERIFY2(line("fashion-mnist").contains("fetched to " + m_data + "/fashion-mnist"), qPrintable(r.out));
    QVERIFY2(line("fashion-mnist").contains("28x28x1") && line("fashion-mnist").contains("60000"), qPrintable(r.out));
    QVERIFY2(line("mnist").contains("not installed"), qPrintable(r.out));
    QVERIFY2(line("cifar10").contains("32x32x3"), qPrintable(r.out));

    // Already there: nothing downloaded.
    m_server->clearRequests();
    r = cli({"datasets", "fetch", "fashion-mnist", "--mirror", url, "--data-dir", m_data});
    QVERIFY2(r.code == 0 && r.out.contains("already there"), qPrintable(r.out + r.err));
    QVERIFY(m_server->requests().empty());
}

void TestDatasetsCli::environmentVariables()
{
    QProcessEnvironment env = environment();
    env.insert("GANVAS_DATASET_MIRROR", QString::fromStdString(m_server->url()) + "/");
    env.insert("GANVAS_DATA_DIR", path("fromenv"));
    m_server->clearRequests();
    const auto r = cli({"datasets", "fetch", "fashion-mnist"}, env);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QCOMPARE(int(m_server->requests().size()), 4);
    QCOMPARE(m_server->requests().front().path, std::string("/fashion-mnist/train-images-idx3-ubyte.gz"));
    QVERIFY(fs::exists(path("fromenv/fashion-mnist/train-images-idx3-ubyte").toStdString()));
    const auto list = cli({"datasets", "list"}, env);
    QVERIFY2(list.out.contains("fetched to " + path("fromenv/fashion-mnist")), qPrintable(list.out));
}

void TestDatasetsCli::damagedCopy()
{
    const std::string labels = m_data.toStdString() + "/fashion-mnist/train-labels-idx1-ubyte";
    QVERIFY(fs::exists(labels));
    {
        std::fstream f(labels, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(500);
        f.put('\x09');
        f.seekp(501);
        f.put('\x08');
    }
    auto r = cli({"datasets", "verify", "fashion-mnist", "--data-dir", m_data});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QString::fromStdString(labels)), qPrintable(r.err));

    // A fetch without --force sees the damage and replaces the copy.
    r = cli({"datasets", "fetch", "fashion-mnist", "--mirror", QString::fromStdString(m_server->url()),
             "--data-dir", m_data});
    QVERIFY2(r.code == 0 && r.out.contains("damaged"), qPrintable(r.out + r.err));
    r = cli({"datasets", "verify", "fashion-mnist", "--data-dir", m_data});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
}

void TestDatasetsCli::failingMirror()
{
    const QString mirror = QString::fromStdString(m_server->url()) + "/nothere";
    const auto r = cli({"datasets", "fetch", "fashion-mnist", "--mirror", mirror, "--data-dir", path("failing")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(mirror + "/fashion-mnist/train-images-idx3-ubyte.gz: HTTP 404 Not Found"), qPrintable(r.err));
    QVERIFY(!fs::exists(path("failing/fashion-mnist").toStdString()));
}

void TestDatasetsCli::unknownName()
{
    const auto r = cli({"datasets", "fetch", "imagenet", "--data-dir", path("unknown")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("unknown dataset \"imagenet\"") && r.err.contains("fashion-mnist"), qPrintable(r.err));
    const auto verify = cli({"datasets", "verify", "mnist", "--data-dir", path("unknown")});
    QCOMPARE(verify.code, 2);
    QVERIFY2(verify.err.contains("not found"), qPrintable(verify.err));
}

void TestDatasetsCli::writeFailure()
{
    // A 2 MiB (or 1 MiB: dash counts 512-byte blocks) file size limit stands in for a full disk.
    const QString dir = path("full");
    const auto r = cli({"-c", "trap '' XFSZ; ulimit -f 2048 && exec \"$0\" \"$@\"", GANVAS_CLI_PATH, "datasets",
                        "fetch", "fashion-mnist", "--mirror", QString::fromStdString(m_server->url()), "--data-dir", dir},
                       environment(), "/bin/sh");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("cannot write " + dir) && r.err.contains(std::strerror(EFBIG)), qPrintable(r.err));
    QVERIFY(!fs::exists(dir.toStdString() + "/fashion-mnist"));
    for (const auto &e : fs::directory_iterator(dir.toStdString()))
        QVERIFY2(e.path().filename().string().rfind(".staging", 0) != 0, e.path().c_str());
}

void TestDatasetsCli::interrupt()
{
    const QString dir = path("interrupted");
    QProcess p;
    p.setProcessEnvironment(environment());
    p.start(GANVAS_CLI_PATH, {"datasets", "fetch", "fashion-mnist", "--mirror",
                              QString::fromStdString(m_server->url()) + "/slow", "--data-dir", dir});
    QVERIFY(p.waitForStarted());
    // Wait until the download has begun, then press Ctrl-C.
    QTRY_VERIFY_WITH_TIMEOUT(fs::exists(dir.toStdString() + "/.partial/fashion-mnist/train-images-idx3-ubyte.gz.part"),
                             20000);
    QTest::qWait(300);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(10000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + SIGINT);
    QVERIFY2(err.contains("cancelled"), qPrintable(err));
    QVERIFY(!fs::exists(dir.toStdString() + "/fashion-mnist"));
    QVERIFY(fs::file_size(dir.toStdString() + "/.partial/fashion-mnist/train-images-idx3-ubyte.gz.part") > 0);
}

void TestDatasetsCli::preview()
{
    // Real samples of the installed Fashion-MNIST, enlarged twice.
    const QString png = path("preview.png");
    auto r = cli({"datasets", "preview", "fashion-mnist", "--out", png, "--scale", "2"});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains("60000 images, 28x28x1 (grey"), qPrintable(r.out));
    const QImage grid(png);
    QCOMPARE(grid.size(), QSize(2 * (4 * 28 + 5 * 2), 2 * (4 * 28 + 5 * 2)));
    QVERIFY(grid.isGrayscale());
    // A folder that does not exist, and a bad size, are refused with exit code 2.
    r = cli({"datasets", "preview", path("missing"), "--out", png});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(path("missing")), qPrintable(r.err));
    r = cli({"datasets", "preview", "fashion-mnist", "--out", png, "--image-size", "30"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("image_size"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestDatasetsCli)
#include "tst_datasetscli.moc"
