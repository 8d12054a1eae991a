#include <QtTest>

#include "data/dataerror.h"
#include "data/datasetlocator.h"
#include "data/idxreader.h"
#include "quality/featurenet.h"

#include <torch/script.h>

#include <QImage>
#include <QRegularExpression>

#include <chrono>
#include <cstdlib>
#include <fstream>

using namespace ganvas;

namespace {

const QString kFashionFolder = QStringLiteral("/usr/share/datasets/fashion-mnist");

TrainingConfig fashionConfig(int64_t limit)
{
    TrainingConfig config;
    config.dataset = "fashion-mnist";
    config.dataDir = kFashionFolder.toStdString();
    config.limit = limit;
    config.threads = 0;
    return config;
}

// The first `n` test images as the generator would give them: float in [-1, 1].
torch::Tensor testBatch(const TrainingConfig &config, int64_t n)
{
    const ImageSet set = heldOutImages(config);
    return torch::from_blob(const_cast<uint8_t *>(set.pixels.data()), {n, set.channels, set.height, set.width},
                            torch::kUInt8)
        .to(torch::kFloat32)
        .div(127.5)
        .sub(1.0);
}

double accuracyInName(const std::string &name)
{
    const auto match = QRegularExpression(QStringLiteral("test accuracy ([0-9.]+) %"))
                           .match(QString::fromStdString(name));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

QStringList cacheFiles(const QString &folder)
{
    return QDir(folder).entryList({QStringLiteral("classifier-*")}, QDir::Files);
}

// Trains (or loads) the classifier; `trained` says whether the progress callback ran.
std::unique_ptr<FeatureNetwork> classifier(const TrainingConfig &config, bool &trained, double &seconds)
{
    trained = false;
    const auto start = std::chrono::steady_clock::now();
    auto net = featureNetworkFor(config, "", [&trained](int, int, double) { trained = true; });
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return net;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}


// A TorchScript module mapping N x 3 x H x W to N x 8 x 1 x 1, written with python3-torch, or
// when that is missing with libtorch's own script compiler (the same file format).
bool writeTorchScript(const QString &path, QString &how)
{
    const QString script = QStringLiteral(
        "import sys, torch\n"
        "class Features(torch.nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = torch.nn.Conv2d(3, 8, 3)\n"
        "    def forward(self, x):\n"
        "        return torch.nn.functional.adaptive_avg_pool2d(self.conv(x), 1)\n"
        "torch.jit.script(Features()).save(sys.argv[1])\n");
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, path});
    if (python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0) {
        how = QStringLiteral("python3-torch");
        return true;
    }
    torch::jit::Module module("Features");
    module.register_parameter("weight", torch::randn({8, 3, 3, 3}), false);
    module.define("def forward(self, x):\n"
                  "    return torch.adaptive_avg_pool2d(torch.conv2d(x, self.weight), [1, 1])\n");
    module.save(path.toStdString());
    how = QStringLiteral("libtorch (python3-torch is missing)");
    return QFile::exists(path);
}

} // namespace

class TestFeatureNet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cacheDirFollowsEnvironment();
    void heldOutFashionMnist();
    void labelledTrainingSplit();
    void missingTestSplitNamesTheFile();
    void cifarTestBatch();
    void imageFolderHeldOutIsEveryTenth();
    void classifierTrainsAndIsCached();
    void fullFashionMnistClassifier();
    void damagedCacheIsRebuilt_data();
    void damagedCacheIsRebuilt();
    void torchScriptModule();
    void badTorchScriptPathNamesIt();
    void randomNetworkForImageFolder();

private:
    QTemporaryDir m_cache;
    QTemporaryDir m_work;
    QByteArray m_soundCache; // damagedCacheIsRebuilt: a sound cache file, and what it gives
    QString m_soundCacheName;
    torch::Tensor m_soundFeatures;
    bool haveFashion() const { return QFile::exists(kFashionFolder + "/t10k-images-idx3-ubyte.gz"); }
};

void TestFeatureNet::initTestCase()
{
    QVERIFY(m_cache.isValid());
    QVERIFY(m_work.isValid());
    qputenv("GANVAS_CACHE_DIR", m_cache.path().toUtf8());
}

void TestFeatureNet::cacheDirFollowsEnvironment()
{
    QCOMPARE(QString::fromStdString(qualityCacheDir()), m_cache.path());
}

void TestFeatureNet::heldOutFashionMnist()
{
    if (!haveFashion())
        QSKIP("Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist");
    const ImageSet set = heldOutImages(fashionConfig(1000)); // the limit is the training split's
    QCOMPARE(set.count, int64_t(10000));
    QCOMPARE(set.channels, int64_t(1));
    QCOMPARE(set.height, int64_t(28));
    QCOMPARE(set.width, int64_t(28));
    QCOMPARE(set.pixels.size(), size_t(10000 * 28 * 28));
    const ImageSet direct = readIdxImages((kFashionFolder + "/t10k-images-idx3-ubyte.gz").toStdString());
    QVERIFY(set.pixels == direct.pixels);
    const LabelledImages test = loadLabelledTestSplit(fashionConfig(-1));
    QCOMPARE(test.labels.size(), size_t(10000));
    QVERIFY(test.labels == readIdxLabels((kFashionFolder + "/t10k-labels-idx1-ubyte.gz").toStdString()));
}

void TestFeatureNet::labelledTrainingSplit()
{
    if (!haveFashion())
        QSKIP("Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist");
    const LabelledImages train = loadLabelledDataset(fashionConfig(500));
    QCOMPARE(train.images.count, int64_t(500));
    QCOMPARE(train.labels.size(), size_t(500));
    QVERIFY(train.labels == readIdxLabels((kFashionFolder + "/train-labels-idx1-ubyte.gz").toStdString(), 500));
    QVERIFY(train.images.pixels == loadDataset(fashionConfig(500)).pixels);
}

void TestFeatureNet::missingTestSplitNamesTheFile()
{
    // A training split only: idx images (2 of 2x2) and labels.
    const QString folder = m_work.filePath(QStringLiteral("trainonly"));
    QVERIFY(QDir().mkpath(folder));
    writeBytes(folder + "/train-images-idx3-ubyte",
               QByteArray::fromHex("00000803000000020000000200000002") + QByteArray(8, '\x40'));
    writeBytes(folder + "/train-labels-idx1-ubyte", QByteArray::fromHex("000008010000000201" "02"));
    TrainingConfig config;
    config.dataset = folder.toStdString();
    QCOMPARE(loadLabelledDataset(config).labels, (std::vector<uint8_t>{1, 2}));
    try {
        heldOutImages(config);
        QFAIL("no error for a missing test split");
    } catch (const DataError &e) {
        QVERIFY2(QString(e.what()).contains(folder + "/t10k-images-idx3-ubyte"), e.what());
    }
    // With the test split's images beside it, they are read.
    writeBytes(folder + "/t10k-images-idx3-ubyte",
               QByteArray::fromHex("00000803000000030000000200000002") + QByteArray(12, '\x10'));
    QCOMPARE(heldOutImages(config).count, int64_t(3));
}

void TestFeatureNet::cifarTestBatch()
{
    const QString folder = m_work.filePath(QStringLiteral("cifar"));
    QVERIFY(QDir().mkpath(folder));
    const auto batch = [](int records, int firstLabel) {
        QByteArray bytes;
        for (int r = 0; r < records; ++r) {
            bytes += char((firstLabel + r) % 10);
            bytes += QByteArray(3072, char(r * 5 + firstLabel));
        }
        return bytes;
    };
    writeBytes(folder + "/data_batch_1.bin", batch(4, 0));
    TrainingConfig config;
    config.dataset = folder.toStdString();
    QCOMPARE(loadLabelledDataset(config).labels, (std::vector<uint8_t>{0, 1, 2, 3}));
    try {
        heldOutImages(config);
        QFAIL("no error for a missing test_batch.bin");
    } catch (const DataError &e) {
        QVERIFY2(QString(e.what()).contains(folder + "/test_batch.bin"), e.what());
    }
    writeBytes(folder + "/test_batch.bin", batch(3, 7));
    const ImageSet held = heldOutImages(config);
    QCOMPARE(held.count, int64_t(3));
    QCOMPARE(held.channels, int64_t(3));
    QCOMPARE(int(held.pixels[2 * 3072]), 2 * 5 + 7);
    QCOMPARE(loadLabelledTestSplit(config).labels, (std::vector<uint8_t>{7, 8, 9}));
}

void TestFeatureNet::imageFolderHeldOutIsEveryTenth()
{
    const QString folder = m_work.filePath(QStringLiteral("pictures"));
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < 25; ++i) {
        QImage image(32, 32, QImage::Format_Grayscale8);
        image.fill(QColor(i * 10, i * 10, i * 10));
        QVERIFY(image.save(folder + QStringLiteral("/img%1.png").arg(i, 2, 10, QChar('0'))));
    }
    TrainingConfig config;
    config.dataset = folder.toStdString();
    const ImageSet held = heldOutImages(config);
    QCOMPARE(held.count, int64_t(2));
    QCOMPARE(held.channels, int64_t(1));
    QCOMPARE(int(held.pixels[0]), 90);           // img09
    QCOMPARE(int(held.pixels[32 * 32]), 190);    // img19
    QVERIFY_THROWS_EXCEPTION(DataError, loadLabelledDataset(config));
}

void TestFeatureNet::classifierTrainsAndIsCached()
{
    if (!haveFashion())
        QSKIP("Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist");
    const TrainingConfig config = fashionConfig(5000);
    bool trained = false;
    double firstSeconds = 0, secondSeconds = 0;
    auto first = classifier(config, trained, firstSeconds);
    QVERIFY(trained);
    const std::string name = first->name();
    qInfo("%s: trained in %.1f s", name.c_str(), firstSeconds);
    QVERIFY2(QString::fromStdString(name).startsWith("ganvas-classifier fashion-mnist "), name.c_str());
    QVERIFY2(accuracyInName(name) > 70, name.c_str());
    QCOMPARE(cacheFiles(m_cache.path()).size(), 1);

    const torch::Tensor images = testBatch(config, 300);
    const torch::Tensor features = first->features(images);
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{300, 128}));
    QVERIFY(features.abs().sum().item<double>() > 0);

    auto second = classifier(config, trained, secondSeconds);
    QVERIFY2(!trained, "the cached classifier was trained again");
    QVERIFY2(secondSeconds < firstSeconds / 3, qPrintable(QString::number(secondSeconds)));
    QCOMPARE(second->name(), name);
    QVERIFY(torch::equal(second->features(images), features));
    // Grey images reach a grey classifier as they are; colour ones do not fit.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, first->features(torch::zeros({2, 3, 28, 28})));
}

// Opt-in (GANVAS_TEST_FULL_CLASSIFIER=1): the classifier a run gets, on all 60,000 images.
void TestFeatureNet::fullFashionMnistClassifier()
{
    if (!haveFashion() || qEnvironmentVariableIsEmpty("GANVAS_TEST_FULL_CLASSIFIER"))
        QSKIP("set GANVAS_TEST_FULL_CLASSIFIER=1 to train on all of Fashion-MNIST (a minute or two)");
    bool trained = false;
    double seconds = 0;
    const auto net = classifier(fashionConfig(-1), trained, seconds);
    qInfo("%s: trained in %.1f s", net->name().c_str(), seconds);
    QVERIFY(trained);
    QVERIFY2(accuracyInName(net->name()) > 80, net->name().c_str()); // 84.8 % measured
}

void TestFeatureNet::damagedCacheIsRebuilt_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("bytes flipped") << "flip";
    QTest::newRow("truncated") << "truncate";
    QTest::newRow("emptied") << "empty";
}

void TestFeatureNet::damagedCacheIsRebuilt()
{
    if (!haveFashion())
        QSKIP("Fashion-MNIST is not installed in /usr/share/datasets/fashion-mnist");
    QFETCH(QString, damage);
    QTemporaryDir cache;
    qputenv("GANVAS_CACHE_DIR", cache.path().toUtf8());
    const auto restore = qScopeGuard([this] { qputenv("GANVAS_CACHE_DIR", m_cache.path().toUtf8()); });
    const TrainingConfig config = fashionConfig(600); // accuracy does not matter here: be quick
    bool trained = false;
    double seconds = 0;
    const torch::Tensor images = testBatch(config, 50);
    if (m_soundCache.isEmpty()) { // trained once, for every row
        m_soundFeatures = classifier(config, trained, seconds)->features(images);
        QVERIFY(trained);
        const QStringList files = cacheFiles(cache.path());
        QCOMPARE(files.size(), 1);
        m_soundCacheName = files.front();
        QFile file(cache.filePath(m_soundCacheName));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_soundCache = file.readAll();
    }
    const QString path = cache.filePath(m_soundCacheName);
    QByteArray bytes = m_soundCache;
    if (damage == "flip")
        for (int i = 0; i < 8; ++i)
            bytes[bytes.size() / 2 + i] = char(~bytes[bytes.size() / 2 + i]);
    else
        bytes.truncate(damage == "truncate" ? bytes.size() - 100 : 0);
    writeBytes(path, bytes);

    const auto rebuilt = classifier(config, trained, seconds);
    QVERIFY2(trained, "a damaged cache file was trusted");
    QVERIFY(rebuilt->features(images).sizes() == m_soundFeatures.sizes());
    // Rewritten whole: the next call loads it.
    classifier(config, trained, seconds);
    QVERIFY2(!trained, "the rebuilt cache file was not used");
}
void TestFeatureNet::torchScriptModule()
{
    const QString path = m_work.filePath(QStringLiteral("features.pt"));
    QString how;
    if (!writeTorchScript(path, how))
        QSKIP("cannot write a TorchScript module");
    qInfo("TorchScript module written with %s", qPrintable(how));
    TrainingConfig config; // the dataset is not consulted when a module is given
    const auto net = featureNetworkFor(config, path.toStdString());
    QCOMPARE(QString::fromStdString(net->name()), QStringLiteral("torchscript features.pt"));
    const torch::Tensor colour = torch::rand({5, 3, 16, 16}).mul(2).sub(1);
    const torch::Tensor features = net->features(colour);
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{5, 8}));
    // More than one feature batch, and grey images repeated to the module's 3 channels.
    const torch::Tensor grey = torch::rand({300, 1, 16, 16}).mul(2).sub(1);
    const torch::Tensor greyFeatures = net->features(grey);
    QCOMPARE(greyFeatures.sizes().vec(), (std::vector<int64_t>{300, 8}));
    QVERIFY(torch::allclose(greyFeatures, net->features(grey.repeat({1, 3, 1, 1}))));
}

void TestFeatureNet::badTorchScriptPathNamesIt()
{
    const std::string missing = m_work.filePath(QStringLiteral("no-such-module.pt")).toStdString();
    const QString garbage = m_work.filePath(QStringLiteral("garbage.pt"));
    writeBytes(garbage, QByteArray("this is not a TorchScript archive"));
    for (const std::string &path : {missing, garbage.toStdString()}) {
        try {
            featureNetworkFor(TrainingConfig{}, path);
            QFAIL(qPrintable(QString::fromStdString("no error for " + path)));
        } catch (const std::exception &e) {
            QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        }
    }
}

void TestFeatureNet::randomNetworkForImageFolder()
{
    const QString folder = m_work.filePath(QStringLiteral("colour"));
    QVERIFY(QDir().mkpath(folder));
    for (int i = 0; i < 3; ++i) {
        QImage image(32, 32, QImage::Format_RGB32);
        image.fill(QColor(200, 40 * i, 20));
        QVERIFY(image.save(folder + QStringLiteral("/c%1.png").arg(i)));
    }
    TrainingConfig config;
    config.dataset = folder.toStdString();
    const auto a = featureNetworkFor(config, "");
    const auto b = randomFeatureNetwork();
    QVERIFY2(QString::fromStdString(a->name()).contains("random"), a->name().c_str());
    QVERIFY2(QString::fromStdString(a->name()).contains("scale of their own"), a->name().c_str());
    QCOMPARE(a->name(), b->name());
    QVERIFY(cacheFiles(m_cache.path()).isEmpty() || cacheFiles(m_cache.path()).size() == 1); // nothing new cached
    const torch::Tensor images = torch::rand({20, 3, 32, 32}).mul(2).sub(1);
    const torch::Tensor features = a->features(images);
    QCOMPARE(features.sizes().vec(), (std::vector<int64_t>{20, 128}));
    QVERIFY(torch::equal(features, b->features(images)));
    QVERIFY(features.std(0).sum().item<double>() > 0); // it tells the images apart
    // Seeded by its own generator: drawing from libtorch's global one changes nothing.
    torch::manual_seed(99);
    torch::rand({1000});
    QVERIFY(torch::equal(randomFeatureNetwork()->features(images), features));
}

QTEST_GUILESS_MAIN(TestFeatureNet)
#include "tst_featurenet.moc"
