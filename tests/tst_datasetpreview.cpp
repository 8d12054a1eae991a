// The dataset as a run sees it: loadDataset(config) on image folders, the preview grid, the
// image_size/image_channels settings, the models at folder shapes, and ganvas-cli on a folder.
#include "data/dataerror.h"
#include "data/datasetlocator.h"
#include "data/datasetpreview.h"
#include "engine/trainingconfig.h"
#include "imagetesthelpers.h"
#include "models/modelfactory.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QtTest>

#include <QProcess>
#include <QTemporaryDir>

#include <filesystem>

using namespace ganvas;
using namespace ganvas::imagetest;

class TestDatasetPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loadDatasetFromConfig();
    void folderWithNothingUsable();
    void previewImageFolder();
    void previewFashionMnist();
    void badConfigValues_data();
    void badConfigValues();
    void modelsTakeFolderShapes_data();
    void modelsTakeFolderShapes();
    void cliTrainsOnFolder();

private:
    QTemporaryDir m_dir;
    QString m_tree;
};

void TestDatasetPreview::initTestCase()
{
    // Nine pictures (PNG and JPEG, nested) and three unreadable files.
    QVERIFY(m_dir.isValid());
    m_tree = m_dir.filePath("tree");
    for (int n = 0; n < 9; ++n)
        save(noisy(30 + n, n), m_tree + QString("/%1/p%2.%3").arg(n % 3).arg(n).arg(n % 2 ? "jpg" : "png"),
             n % 2 ? "JPG" : nullptr);
    writeBytes(m_tree + "/bad/corrupt.png", QByteArray(300, 'x'));
    writeBytes(m_tree + "/bad/cut.jpg", "\xff\xd8\xff\xe0");
    writeBytes(m_tree + "/bad/zero.png", {});
}

void TestDatasetPreview::loadDatasetFromConfig()
{
    TrainingConfig config;
    config.dataset = str(m_tree);
    config.imageSize = 28;
    config.imageChannels = 1;
    ImageSet set = loadDataset(config);
    QCOMPARE(set.count, int64_t(9));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(set.height, int64_t(28));
    QCOMPARE(set.skipped, int64_t(3));
    QCOMPARE(set.format, std::string("images"));
    QCOMPARE(set.source, str(m_tree));
    config.limit = 4;
    set = loadDataset(config);
    QCOMPARE(set.count, int64_t(4));
    // The name-and-path form reads folders at the defaults.
    set = loadDataset(str(m_tree), "", 2);
    QCOMPARE(set.count, int64_t(2));
    QCOMPARE(set.height, int64_t(32));
}

void TestDatasetPreview::folderWithNothingUsable()
{
    QTemporaryDir dir;
    writeBytes(dir.filePath("data.csv"), "1,2,3");
    TrainingConfig config;
    config.dataset = str(dir.path());
    try {
        loadDataset(config);
        QFAIL("no DataError");
    } catch (const DataError &e) {
        const QString what = QString::fromStdString(e.what());
        QCOMPARE(e.file(), str(dir.path()));
        QVERIFY2(what.contains("no dataset found") && what.contains("CIFAR-10") && what.contains("PNG/JPEG"),
                 qPrintable(what));
    }
}

void TestDatasetPreview::previewImageFolder()
{
    QTemporaryDir dir;
    for (int n = 0; n < 20; ++n)
        save(noisy(40, n), dir.filePath(QString("p%1.png").arg(n, 2, 10, QChar('0'))));
    writeBytes(dir.filePath("zz.png"), "no");
    TrainingConfig config;
    config.dataset = str(dir.path());
    config.imageSize = 28;
    const DatasetPreview preview = previewDataset(config, 16, 5);
    QCOMPARE(preview.count, int64_t(20));
    QCOMPARE(preview.channels, 3);
    QCOMPARE(preview.height, 28);
    QCOMPARE(preview.width, 28);
    QCOMPARE(preview.format, std::string("images"));
    QCOMPARE(preview.skipped, int64_t(1));
    QCOMPARE(int(preview.notes.size()), 1);
    // 4x4 tiles with the trainer's 2-pixel padding.
    QCOMPARE(preview.grid.width, 4 * 28 + 5 * 2);
    QCOMPARE(preview.grid.height, 4 * 28 + 5 * 2);
    QCOMPARE(preview.grid.channels, 3);
    QVERIFY(previewDataset(config, 16, 5).grid.pixels == preview.grid.pixels);
    QVERIFY(previewDataset(config, 16, 6).grid.pixels != preview.grid.pixels);
    // Fewer images than samples: each once.
    config.limit = 3;
    QCOMPARE(previewDataset(config, 16, 5).grid.width, 2 * 28 + 3 * 2);
}

void TestDatasetPreview::previewFashionMnist()
{
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist"))
        QSKIP("dataset-fashion-mnist is not installed");
    qunsetenv("GANVAS_DATA_DIR");
    TrainingConfig config; // fashion-mnist
    const DatasetPreview preview = previewDataset(config);
    QCOMPARE(preview.count, int64_t(60000));
    QCOMPARE(preview.channels, 1);
    QCOMPARE(preview.height, 28);
    QCOMPARE(preview.format, std::string("idx"));
    QCOMPARE(preview.grid.width, 4 * 28 + 5 * 2);
    QCOMPARE(preview.grid.height, 4 * 28 + 5 * 2);
    QCOMPARE(preview.grid.channels, 1);
    QCOMPARE(preview.skipped, int64_t(0));
}

void TestDatasetPreview::badConfigValues_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("size 48") << R"({"image_size": 48})" << "image_size:";
    QTest::newRow("size 0") << R"({"image_size": 0})" << "image_size:";
    QTest::newRow("channels 2") << R"({"image_channels": 2})" << "image_channels:";
    QTest::newRow("channels 4") << R"({"image_channels": 4})" << "image_channels:";
}

void TestDatasetPreview::badConfigValues()
{
    QFETCH(QString, json);
    QFETCH(QString, field);
    const auto errors = TrainingConfig::fromJson(str(json)).validate();
    QCOMPARE(int(errors.size()), 1);
    QVERIFY2(QString::fromStdString(errors[0].text()).startsWith(field), errors[0].text().c_str());
    const TrainingConfig good = TrainingConfig::fromJson(R"({"image_size": 64, "image_channels": 3})");
    QVERIFY(good.validate().empty());
    QCOMPARE(TrainingConfig::fromJson(good.toJson()).imageSize, 64);
}

void TestDatasetPreview::modelsTakeFolderShapes_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("side");
    QTest::addColumn<int>("channels");
    for (const char *family : {"mlp", "dcgan"})
        for (int side : {28, 32, 64})
            for (int channels : {1, 3})
                QTest::addRow("%s %dx%dx%d", family, side, side, channels) << family << side << channels;
}

void TestDatasetPreview::modelsTakeFolderShapes()
{
    QFETCH(QString, family);
    QFETCH(int, side);
    QFETCH(int, channels);
    const ImageShape shape{channels, side, side};
    auto g = makeGenerator(str(family), shape, 16, at::make_generator<at::CPUGeneratorImpl>(1));
    auto d = makeDiscriminator(str(family), shape, "bce", at::make_generator<at::CPUGeneratorImpl>(2));
    const auto images = g->forward(torch::randn({2, 16}));
    QCOMPARE(images.sizes().vec(), (std::vector<int64_t>{2, channels, side, side}));
    QCOMPARE(d->forward(images).sizes().vec(), (std::vector<int64_t>{2}));
}

void TestDatasetPreview::cliTrainsOnFolder()
{
    const QString data = m_dir.filePath("cli-data");
    for (int n = 0; n < 66; ++n)
        save(noisy(24, n), data + QString("/img-%1.png").arg(n, 2, 10, QChar('0')));
    writeBytes(data + "/000-broken.png", "not really");
    const QString out = m_dir.filePath("cli-run");
    QProcess p;
    p.start(GANVAS_CLI_PATH, {"train", "--dataset", data, "--epochs", "1", "--limit", "64", "--batch-size", "32",
                              "--threads", "2", "--out", out});
    QVERIFY(p.waitForFinished(120000));
    const QString output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains("64 images 32x32x3 (images)"), qPrintable(output));
    QVERIFY2(output.contains("note: skipped 1 unreadable file: ") && output.contains("000-broken.png: not a PNG file"),
             qPrintable(output));
    QVERIFY(QFile::exists(out + "/frames/epoch-0001.png"));
    QFile config(out + "/config.json");
    QVERIFY(config.open(QIODevice::ReadOnly));
    const auto saved = TrainingConfig::fromJson(config.readAll().toStdString());
    QCOMPARE(saved.imageSize, 32);
    QCOMPARE(saved.dataset, str(data));
}

QTEST_GUILESS_MAIN(TestDatasetPreview)
#include "tst_datasetpreview.moc"
