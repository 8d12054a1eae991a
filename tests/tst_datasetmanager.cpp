// File → Datasets against a real HTTP server on 127.0.0.1 serving the installed Fashion-MNIST:
// fetch with progress, cancel, a bad checksum, verify, and previews of real samples.
#include "dialogs/datasetmanager.h"
#include "gziptesthelpers.h"
#include "httptestserver.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QAction>
#include <QMenu>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <filesystem>
#include <memory>

using ganvas::test::HttpTestServer;

namespace {
const char *const kFashion = "/usr/share/datasets/fashion-mnist";
const char *const kFiles[] = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                              "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

// The labels file with one label changed, gzipped again: a download that fails its digest.
std::string alteredLabels()
{
    gzFile in = gzopen((std::string(kFashion) + "/train-labels-idx1-ubyte.gz").c_str(), "rb");
    std::string raw;
    char buf[65536];
    int got;
    while ((got = gzread(in, buf, sizeof buf)) > 0)
        raw.append(buf, size_t(got));
    gzclose(in);
    raw[100] = char((raw[100] + 1) % 10);
    return ganvas::test::gzip(raw);
}
} // namespace

class TestDatasetManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsWhatIsHere();
    void fetchesWithProgressAndVerifies();
    void cancelLeavesNothingInstalled();
    void badChecksumIsNamedAndLeavesNothing();
    void previewsRealSamples();
    void actionsOnlyWhenTheyWork();

private:
    QString dataDir(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    std::unique_ptr<HttpTestServer> m_server;
};

void TestDatasetManager::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(std::filesystem::exists(std::string(kFashion) + "/train-images-idx3-ubyte.gz"),
             "dataset-fashion-mnist must be installed (installer/debian-packages.txt)");
    qputenv("XDG_DATA_HOME", m_dir.filePath("xdg").toUtf8());
    qunsetenv("GANVAS_DATA_DIR");
    qunsetenv("GANVAS_DATASET_MIRROR");
    m_server = std::make_unique<HttpTestServer>();
    for (const char *f : kFiles) {
        for (const char *prefix : {"/ok/fashion-mnist/", "/slow/fashion-mnist/", "/bad/fashion-mnist/"})
            m_server->serveFile(std::string(prefix) + f, std::string(kFashion) + "/" + f);
    }
    HttpTestServer::Fault slow;
    slow.bytesPerSecond = 300000;
    m_server->setFault("/slow/fashion-mnist/train-images-idx3-ubyte.gz", slow);
    m_server->serveBytes("/bad/fashion-mnist/train-labels-idx1-ubyte.gz", alteredLabels());
}

void TestDatasetManager::listsWhatIsHere()
{
    DatasetManager m;
    QCOMPARE(m.dataDir(), m_dir.filePath("xdg") + "/ganvas/datasets");
    QCOMPARE(m.table()->model()->rowCount(), 3);
    // The installed Fashion-MNIST is found: nothing to download.
    QVERIFY2(m.statusOf("fashion-mnist").contains(QString("installed at ") + kFashion),
             qPrintable(m.statusOf("fashion-mnist")));
    QVERIFY(m.statusOf("mnist").startsWith("not here"));
    QVERIFY(m.statusOf("cifar10").startsWith("not here"));
}

void TestDatasetManager::fetchesWithProgressAndVerifies()
{
    DatasetManager m;
    m.setDataDir(dataDir("fetched"));
    m.setMirror(QString::fromStdString(m_server->url()) + "/ok");
    QSignalSpy done(&m, &DatasetManager::fetchFinished);
    int highest = 0;
    connect(m.progressBar(), &QProgressBar::valueChanged, this, [&highest](int v) { highest = std::max(highest, v); });
    QVERIFY(m.fetch("fashion-mnist"));
    QVERIFY(m.isFetching());
    QVERIFY(!m.fetch("fashion-mnist")); // one at a time
    QVERIFY(done.wait(120000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(highest > 0);
    QCOMPARE(m.progressBar()->value(), 1000);
    const QString folder = dataDir("fetched") + "/fashion-mnist";
    QVERIFY2(m.statusOf("fashion-mnist") == "fetched to " + folder, qPrintable(m.statusOf("fashion-mnist")));
    QVERIFY(QFile::exists(folder + "/train-images-idx3-ubyte"));
    QCOMPARE(m.verify("fashion-mnist"), QString());
    // Damage one stored file: verify names it.
    QFile labels(folder + "/train-labels-idx1-ubyte");
    QVERIFY(labels.open(QIODevice::ReadWrite));
    labels.seek(200);
    labels.write("\x09", 1);
    labels.close();
    const QString problems = m.verify("fashion-mnist");
    QVERIFY2(problems.contains("train-labels-idx1-ubyte"), qPrintable(problems));
}

void TestDatasetManager::cancelLeavesNothingInstalled()
{
    DatasetManager m;
    m.setDataDir(dataDir("cancelled"));
    m.setMirror(QString::fromStdString(m_server->url()) + "/slow");
    QSignalSpy done(&m, &DatasetManager::fetchFinished);
    QVERIFY(m.fetch("fashion-mnist"));
    QTRY_VERIFY_WITH_TIMEOUT(m.progressBar()->value() > 0, 30000);
    m.cancelFetch();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY2(done.first().at(1).toString().startsWith("Cancelled"), qPrintable(done.first().at(1).toString()));
    QVERIFY(!QDir(dataDir("cancelled") + "/fashion-mnist").exists());
    QVERIFY(m.statusOf("fashion-mnist").contains(QString("installed at ") + kFashion));
}

void TestDatasetManager::badChecksumIsNamedAndLeavesNothing()
{
    DatasetManager m;
    m.setDataDir(dataDir("bad"));
    m.setMirror(QString::fromStdString(m_server->url()) + "/bad");
    QSignalSpy done(&m, &DatasetManager::fetchFinished);
    QVERIFY(m.fetch("fashion-mnist"));
    QVERIFY(done.wait(120000));
    QCOMPARE(done.first().at(0).toBool(), false);
    const QString message = done.first().at(1).toString();
    QVERIFY2(message.contains("train-labels-idx1-ubyte.gz"), qPrintable(message));
    QVERIFY2(message.contains("digest", Qt::CaseInsensitive) || message.contains("checksum", Qt::CaseInsensitive),
             qPrintable(message));
    QCOMPARE(m.message(), message);
    QVERIFY(!QDir(dataDir("bad") + "/fashion-mnist").exists());
    // No staging folder is left either.
    const QStringList left = QDir(dataDir("bad")).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &entry : left)
        QVERIFY2(!entry.startsWith(".staging"), qPrintable(entry));
}

void TestDatasetManager::previewsRealSamples()
{
    DatasetManager m;
    QVERIFY(m.preview("fashion-mnist"));
    QCOMPARE(m.previewImage().size(), QSize(4 * 28 + 5 * 2, 4 * 28 + 5 * 2));
    QVERIFY(m.previewInfo().contains(QLocale().toString(60000)));
    QVERIFY(m.previewInfo().contains("28×28"));
    QVERIFY(m.previewInfo().contains("grey"));
    // An image folder, colour, with one unreadable file: skipped and counted.
    const QString folder = m_dir.filePath("pictures");
    QDir().mkpath(folder);
    for (int i = 0; i < 20; ++i) {
        QImage im(48, 48, QImage::Format_RGB32);
        im.fill(QColor::fromHsv(i * 17, 200, 220));
        QVERIFY(im.save(QStringLiteral("%1/p%2.png").arg(folder).arg(i)));
    }
    QFile junk(folder + "/broken.jpg");
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a jpeg at all");
    junk.close();
    QVERIFY(m.preview(folder, 32, 0));
    QCOMPARE(m.previewImage().size(), QSize(4 * 32 + 5 * 2, 4 * 32 + 5 * 2));
    QVERIFY(!m.previewImage().isGrayscale());
    QVERIFY2(m.previewInfo().contains("colour") && m.previewInfo().contains("unreadable files skipped: 1"),
             qPrintable(m.previewInfo()));
    // An empty folder is refused with its name.
    const QString empty = m_dir.filePath("empty");
    QDir().mkpath(empty);
    QVERIFY(!m.preview(empty));
    QVERIFY2(m.message().contains(empty), qPrintable(m.message()));
    QVERIFY(m.previewImage().isNull());
}

QTEST_MAIN(TestDatasetManager)
void TestDatasetManager::actionsOnlyWhenTheyWork()
{
    DatasetManager m;
    auto *verify = m.findChild<QPushButton *>("verify");
    auto *preview = m.findChild<QPushButton *>("preview");
    auto *use = m.findChild<QPushButton *>("use");
    auto *fetch = m.findChild<QPushButton *>("fetch");
    QVERIFY(verify && preview && use && fetch);
    // MNIST is not here: it can be fetched, not verified, previewed or used.
    m.table()->selectRow(0);
    QVERIFY(fetch->isEnabled());
    QVERIFY(!verify->isEnabled() && !preview->isEnabled() && !use->isEnabled());
    QVERIFY2(preview->toolTip().contains("Fetch it first"), qPrintable(preview->toolTip()));
    // The installed Fashion-MNIST: all of them.
    m.table()->selectRow(1);
    QVERIFY(verify->isEnabled() && preview->isEnabled() && use->isEnabled());
    // What a fetch downloads, from the published sizes: MNIST's four files are about 11.6 MB.
    const auto *model = m.table()->model();
    const QString mnistSize = model->index(0, model->columnCount() - 1).data().toString();
    QVERIFY2(mnistSize.endsWith("MB") && mnistSize.startsWith("11"), qPrintable(mnistSize));
    QVERIFY(model->headerData(model->columnCount() - 1, Qt::Horizontal).toString().contains("Download"));
    // A menu, with Close on Ctrl+W and Quit on Ctrl+Q, and access keys.
    auto *bar = m.findChild<QMenuBar *>();
    QVERIFY(bar);
    QStringList keys;
    for (QAction *menu : bar->actions())
        for (QAction *a : menu->menu()->actions()) {
            if (a->isSeparator())
                continue;
            QVERIFY2(a->text().contains('&'), qPrintable(a->text()));
            keys << a->shortcut().toString();
        }
    QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_W).toString()));
    QVERIFY(keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Q).toString()));
    // The empty message bar keeps its room: a message does not push the preview down.
    m.resize(900, 700);
    m.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m));
    auto *image = m.findChild<QWidget *>("previewImage");
    QVERIFY(image);
    const int before = image->mapTo(&m, QPoint()).y();
    QVERIFY(m.preview("fashion-mnist"));
    verify->click();
    QVERIFY(!m.message().isEmpty());
    QTRY_COMPARE(image->mapTo(&m, QPoint()).y(), before);
}

#include "tst_datasetmanager.moc"
