// The quality score of real training runs (score_every): quality.csv, the checkpoint's history,
// the order of untrained, brief and longer training, mode collapse, and a run the score cannot
// measure. Real libtorch training on the installed Fashion-MNIST.
#include "checkpoint/rundirectory.h"
#include "data/datasetlocator.h"
#include "engine/presets.h"
#include "engine/trainer.h"
#include "quality/qualityscorer.h"
#include "testhelpers.h"

#include <QtTest>

#include <fstream>

using namespace ganvas;

namespace {

const QString kFashionFolder = QStringLiteral("/usr/share/datasets/fashion-mnist");

// The default preset on the first `limit` images, scored after every epoch.
TrainingConfig scoredConfig(int64_t limit, int epochs)
{
    TrainingConfig c;
    applyPreset(defaultPresetName(), c);
    c.dataset = "fashion-mnist";
    c.dataDir = kFashionFolder.toStdString();
    c.limit = limit;
    c.epochs = epochs;
    c.threads = 2;
    c.seed = 3;
    c.logEvery = 8;
    c.scoreEvery = 1;
    c.scoreSamples = 1000;
    c.checkpointEvery = 0;
    return c;
}

struct Recorder : TrainerObserver
{
    std::vector<QualityScore> scores;
    std::vector<ScoreStatus> statuses;
    void onQualityScore(const QualityScore &s) override { scores.push_back(s); }
    void onScoreStatus(const ScoreStatus &s) override { statuses.push_back(s); }
};

QString fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestScoring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scoresGoToQualityCsvAndCheckpoint();
    void scoreOrdersUntrainedBriefAndLonger();
    void collapsedGeneratorHasLowRecall();
    void runTheScoreCannotMeasureTrainsOn();
    void scoreEveryZeroScoresNothing();

private:
    QTemporaryDir m_cache;
    QTemporaryDir m_work;
};

void TestScoring::initTestCase()
{
    if (!QFile::exists(kFashionFolder + "/t10k-images-idx3-ubyte.gz"))
        QSKIP("Fashion-MNIST is not installed (dataset-fashion-mnist)");
    QVERIFY(m_cache.isValid() && m_work.isValid());
    qputenv("GANVAS_CACHE_DIR", m_cache.path().toUtf8());
}

void TestScoring::scoresGoToQualityCsvAndCheckpoint()
{
    const TrainingConfig c = scoredConfig(2048, 2);
    const QString dir = m_work.filePath("scored");
    Recorder seen;
    std::vector<QualityScore> trained;
    {
        Trainer t(c, loadDataset(c), dir.toStdString());
        t.setObserver(&seen);
        QVERIFY(t.run());
        trained = t.scores();
    }
    QCOMPARE(int(seen.scores.size()), 2);
    QCOMPARE(int(trained.size()), 2);
    QVERIFY(!seen.statuses.empty());
    QCOMPARE(int(seen.statuses.front().kind), int(ScoreStatus::Kind::Preparing));
    const QStringList lines = fileText(dir + "/quality.csv").split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0], QString("epoch,step,fd,kid,precision,recall,samples,feature_net"));
    QVERIFY2(lines[1].startsWith("1,32,"), qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith("2,64,"), qPrintable(lines[2]));
    QVERIFY2(lines[2].contains(",1000,ganvas-classifier fashion-mnist "), qPrintable(lines[2]));
    const auto rows = readQualityCsv((dir + "/quality.csv").toStdString());
    QCOMPARE(int(rows.size()), 2);
    for (size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].epoch, int(i) + 1);
        QVERIFY(std::isfinite(rows[i].fd) && rows[i].fd > 0);
        QVERIFY(rows[i].precision >= 0 && rows[i].precision <= 1);
        QVERIFY(rows[i].recall >= 0 && rows[i].recall <= 1);
        QCOMPARE(rows[i].featureNet, seen.scores[i].featureNet);
        QVERIFY(std::abs(rows[i].fd - seen.scores[i].fd) <= 1e-5 * seen.scores[i].fd);
    }
    // The checkpoint holds the scores: a resumed run has them and writes them back.
    const std::string ckpt = RunDirectory::resolveCheckpoint(dir.toStdString());
    TrainingConfig longer = c;
    longer.epochs = 3;
    Trainer resumed(longer, loadDataset(longer), dir.toStdString());
    resumed.restore(ckpt);
    QCOMPARE(int(resumed.scores().size()), 2);
    QCOMPARE(resumed.scores()[1].fd, trained[1].fd);
    QCOMPARE(resumed.scores()[1].featureNet, trained[1].featureNet);
    QVERIFY(resumed.run());
    QCOMPARE(int(readQualityCsv((dir + "/quality.csv").toStdString()).size()), 3);
}

void TestScoring::scoreOrdersUntrainedBriefAndLonger()
{
    const TrainingConfig c = scoredConfig(4096, 6);
    Trainer t(c, loadDataset(c));
    QualityScorer scorer(c);
    const QualityScore untrained = scorer.score(t.generator(), c.latentSize, c.scoreSamples, 11);
    QVERIFY(t.run());
    const auto &s = t.scores();
    QCOMPARE(int(s.size()), 6);
    qInfo("FD untrained %.2f, after epoch 1 %.2f, after epoch 6 %.2f; recall %.3f, %.3f, %.3f", untrained.fd,
          s.front().fd, s.back().fd, untrained.recall, s.front().recall, s.back().recall);
    QVERIFY(untrained.fd > s.front().fd);
    QVERIFY(s.front().fd > s.back().fd);
    QVERIFY(untrained.kid > s.back().kid);
}

void TestScoring::collapsedGeneratorHasLowRecall()
{
    // One output for every z: G's last layer gives a constant, a real test image.
    TrainingConfig c = scoredConfig(2048, 1);
    Trainer t(c, loadDataset(c));
    const ImageSet real = heldOutImages(c);
    auto image = torch::from_blob(const_cast<uint8_t *>(real.pixels.data()), {784}, torch::kUInt8)
                     .to(torch::kFloat)
                     .div(127.5)
                     .sub(1)
                     .clamp(-0.999, 0.999);
    torch::Tensor weight, bias;
    for (auto &p : t.generator()->named_parameters()) {
        if (p.value().dim() == 2 && p.value().size(0) == 784)
            weight = p.value();
        if (p.value().dim() == 1 && p.value().size(0) == 784)
            bias = p.value();
    }
    QVERIFY(weight.defined() && bias.defined());
    {
        torch::NoGradGuard noGrad;
        weight.zero_();
        bias.copy_(torch::atanh(image));
    }
    QualityScorer scorer(c);
    const QualityScore collapsed = scorer.score(t.generator(), c.latentSize, 1000, 5);
    qInfo("collapsed: FD %.2f precision %.3f recall %.3f", collapsed.fd, collapsed.precision, collapsed.recall);
    QVERIFY(collapsed.recall < 0.01);
    QVERIFY(collapsed.fd > 10);
}

void TestScoring::runTheScoreCannotMeasureTrainsOn()
{
    // 16x16 pictures against Fashion-MNIST's 28x28 held-out images: no score, said once, and
    // the run trains to its end.
    TrainingConfig c = test::smallConfig();
    c.scoreEvery = 1;
    c.scoreSamples = 200;
    c.dataset = "fashion-mnist";
    c.dataDir = kFashionFolder.toStdString();
    c.limit = 256;
    const QString dir = m_work.filePath("unscorable");
    Trainer t(c, test::syntheticImages(64, 1, 16), dir.toStdString());
    Recorder seen;
    t.setObserver(&seen);
    QVERIFY(t.run());
    QVERIFY(seen.scores.empty());
    bool told = false;
    for (const auto &s : seen.statuses)
        if (s.kind == ScoreStatus::Kind::Unavailable) {
            told = true;
            QVERIFY(!s.reason.empty());
            QVERIFY(QString::fromStdString(s.text()).startsWith("No quality score for this run: "));
        }
    QVERIFY(told);
    QVERIFY(!QFile::exists(dir + "/quality.csv"));
}

void TestScoring::scoreEveryZeroScoresNothing()
{
    TrainingConfig c = scoredConfig(1024, 2);
    c.scoreEvery = 0;
    const QString dir = m_work.filePath("unscored");
    Trainer t(c, loadDataset(c), dir.toStdString());
    Recorder seen;
    t.setObserver(&seen);
    QVERIFY(t.run());
    QVERIFY(seen.scores.empty() && seen.statuses.empty());
    QVERIFY(!QFile::exists(dir + "/quality.csv"));
}

QTEST_GUILESS_MAIN(TestScoring)
#include "tst_scoring.moc"
