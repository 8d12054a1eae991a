// ganvas-cli end to end on a small Fashion-MNIST subset: train, resume, sample, gif, bench,
// and exit code 2 with a message naming the culprit for bad input.
#include "checkpoint/rundirectory.h"
#include "clitesthelpers.h"
#include "engine/trainingconfig.h"
#include "media/gifwriter.h"
#include "media/pngio.h"

#include <QtTest>

#include <torch/cuda.h>

#include <cmath>
#include <filesystem>

using namespace ganvas;

namespace {

using Result = test::ProgramResult;

Result cli(const QStringList &args, int timeoutMs = 240000)
{
    return test::runProgram(GANVAS_CLI_PATH, args, QProcessEnvironment::systemEnvironment(), timeoutMs);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainResumeSampleGif();
    void scoreCheckpointsAndRuns();
    void presetsAndImageFiles();
    void bench();
    void divergence();
    void cudaWithoutGpu();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
    QString m_run;
};

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_run = m_dir.filePath("runs/small");
    // The feature network and the real images' features are cached here, not in the user's cache.
    qputenv("GANVAS_CACHE_DIR", m_dir.filePath("cache").toUtf8());
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
}

void TestCli::trainResumeSampleGif()
{
    auto r = cli({"train", "--limit", "640", "--epochs", "2", "--batch-size", "64", "--checkpoint-every", "1",
                  "--seed", "3", "--out", m_run});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("epoch 2/2 done"), qPrintable(r.out));
    QVERIFY(r.out.contains("640 images 28x28x1"));
    const std::string run = m_run.toStdString();
    for (const char *f : {"/config.json", "/metrics.csv", "/frames/epoch-0001.png", "/frames/epoch-0002.png",
                          "/checkpoints/epoch-0001.ckpt", "/checkpoints/epoch-0002.ckpt"})
        QVERIFY2(std::filesystem::exists(run + f), f);
    QCOMPARE(RunDirectory::readMetrics(run + "/metrics.csv").back().step, int64_t(20));

    // Resume the run directory to 3 epochs.
    r = cli({"train", "--resume", m_run, "--epochs", "3"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("resumed") && r.out.contains("epoch 3/3 done"), qPrintable(r.out));
    QVERIFY(std::filesystem::exists(run + "/frames/epoch-0003.png"));
    QCOMPARE(RunDirectory::readMetrics(run + "/metrics.csv").back().step, int64_t(30));
    // Scored after every epoch by default, the resumed epoch too; the printer says so.
    const auto scores = readQualityCsv(run + "/quality.csv");
    QCOMPARE(int(scores.size()), 3);
    QCOMPARE(scores.back().epoch, 3);
    QVERIFY2(r.out.contains("epoch 3 score  fd "), qPrintable(r.out));

    // Sample a 5x5 grid.
    const QString png = m_dir.filePath("sample.png");
    r = cli({"sample", QString::fromStdString(run + "/checkpoints/epoch-0003.ckpt"), "--out", png, "--count", "25"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const Image8 grid = readPng(png.toStdString());
    QCOMPARE(grid.width, 5 * 28 + 6 * 2);
    QCOMPARE(grid.channels, 1);

    // Animate the three frames.
    const QString gif = m_dir.filePath("run.gif");
    r = cli({"gif", m_run, "--out", gif, "--fps", "4", "--scale", "3"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    int loops = -5;
    const auto frames = readGif(gif.toStdString(), &loops);
    QCOMPARE(int(frames.size()), 3);
    QCOMPARE(frames.front().width, 3 * (4 * 28 + 5 * 2));
    QCOMPARE(loops, 0);
    // Grey levels are exact: frame 3 of the GIF is the PNG, enlarged.
    const Image8 last = readPng(run + "/frames/epoch-0003.png");
    QCOMPARE(int(frames.back().pixels[(3 * 60 * frames.back().width + 3 * 60) * 3]),
             int(last.pixels[60 * last.width + 60]));
}

void TestCli::scoreCheckpointsAndRuns()
{
    // After trainResumeSampleGif: three checkpoints. A run directory: one line per checkpoint.
    const QRegularExpression line("^epoch (\\d+) fd ([-0-9.e+]+) kid ([-0-9.e+]+) precision ([0-9.]+) recall ([0-9.]+)$");
    auto r = cli({"score", m_run, "--samples", "200", "--seed", "2"}, 480000);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const auto m = line.match(lines[i]);
        QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
        QCOMPARE(m.captured(1).toInt(), i + 1);
        const double fd = m.captured(2).toDouble();
        QVERIFY2(std::isfinite(fd) && fd > 0, qPrintable(lines[i]));
        for (int k : {4, 5})
            QVERIFY(m.captured(k).toDouble() >= 0 && m.captured(k).toDouble() <= 1);
    }
    QVERIFY2(r.err.contains("feature network:"), qPrintable(r.err)); // scores name their network
    // A checkpoint: one line without the epoch; the same seed gives the same figures.
    const QString ckpt = m_run + "/checkpoints/epoch-0003.ckpt";
    r = cli({"score", ckpt, "--samples", "200", "--seed", "2"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.startsWith("fd ") && lines[2].endsWith(r.out.trimmed()), qPrintable(r.out + " vs " + lines[2]));
    // Bad input names the option.
    r = cli({"score", ckpt, "--samples", "5"});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--samples"), qPrintable(r.err));
}

void TestCli::presetsAndImageFiles()
{
    // --preset seed: the tutorial's recipe; the command line's own values go over it.
    const QString run = m_dir.filePath("runs/seed");
    auto r = cli({"train", "--preset", "seed", "--limit", "256", "--epochs", "1", "--score-every", "0", "--out", run});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const auto config = TrainingConfig::fromJsonFile((run + "/config.json").toStdString());
    QCOMPARE(config.lrG, 1e-4);
    QCOMPARE(config.beta1G, 0.9);
    QCOMPARE(config.batchSize, 128);
    QCOMPARE(config.epochs, 1);
    QVERIFY(!QFile::exists(run + "/quality.csv")); // --score-every 0
    // An unknown preset is refused with the names of the known ones.
    r = cli({"train", "--preset", "fastest", "--limit", "64", "--out", m_dir.filePath("runs/none")});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("\"fastest\"") && r.err.contains("wgan-gp"), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath("runs/none/config.json")));
    // A config file may name a preset too.
    const QString file = m_dir.filePath("lesson.json");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"preset": "hinge", "epochs": 1, "limit": 128, "score_every": 0})");
    f.close();
    r = cli({"train", "--config", file, "--out", m_dir.filePath("runs/hinge")});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains("loss hinge"), qPrintable(r.out));
    // Images made elsewhere, as an IDX file: the held-out images themselves score near zero.
    r = cli({"score", "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz", "--dataset", "fashion-mnist"},
            480000);
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QRegularExpression line("^fd ([-0-9.e+]+) kid ([-0-9.e+]+) precision ([0-9.]+) recall ([0-9.]+)$");
    const auto m = line.match(r.out.trimmed());
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    QVERIFY2(std::abs(m.captured(1).toDouble()) < 1e-6, qPrintable(r.out));
    QCOMPARE(m.captured(3).toDouble(), 1.0);
    // A file that is not images is named.
    r = cli({"score", file});
    QVERIFY(r.code != 0);
    QVERIFY2(r.err.contains("lesson.json"), qPrintable(r.err));
}

void TestCli::bench()
{
    const auto r = cli({"bench", "--steps", "3", "--warmup", "1", "--batch-size", "32"});
    QVERIFY2(r.code == 0, qPrintable(r.out + r.err));
    const QStringList lines = r.out.trimmed().split('\n');
    QVERIFY(lines.last().startsWith("images_per_s "));
    bool ok = false;
    QVERIFY(lines.last().mid(13).toDouble(&ok) > 0 && ok);

    // --eager (no CUDA graph) is accepted everywhere; on the CPU no step is ever a graph.
    const auto e = cli({"bench", "--eager", "--precision", "fp32", "--steps", "2", "--warmup", "0", "--batch-size", "32"});
    QVERIFY2(e.code == 0, qPrintable(e.out + e.err));
    QVERIFY2(e.out.contains("device cpu precision fp32 blas"), qPrintable(e.out));
    QVERIFY(!e.out.contains("CUDA graph"));
}

void TestCli::divergence()
{
    // lr 0.9 drives the losses past their bound within the first epoch.
    const QStringList args{"train", "--limit", "256", "--epochs", "3", "--batch-size", "32", "--log-every", "4",
                           "--lr-g", "0.9", "--lr-d", "0.9", "--seed", "7"};
    auto r = cli(args + QStringList{"--on-divergence", "stop", "--out", m_dir.filePath("runs/stop")});
    QVERIFY2(r.code == 1, qPrintable(r.out + r.err));
    const QRegularExpression said("[DG] loss (became|exploded).* at step \\d+ \\(epoch 1\\): stopped");
    QVERIFY2(said.match(r.err).hasMatch(), qPrintable(r.err));

    // Rolled back with halved rates, then either it finishes or a fourth divergence stops it.
    r = cli(args + QStringList{"--out", m_dir.filePath("runs/rollback")});
    QVERIFY2(r.out.contains("rolled back to") && r.out.contains("learning rates halved to 0.45 / 0.45"),
             qPrintable(r.out + r.err));
    QVERIFY2(r.code == 0 || (r.code == 1 && r.err.contains("stopped after 3 rollbacks")), qPrintable(r.out + r.err));
    QVERIFY(QFile::exists(m_dir.filePath("runs/rollback/events.csv")));
}

void TestCli::cudaWithoutGpu()
{
    if (torch::cuda::is_available())
        QSKIP("this machine has a GPU");
    for (const QStringList &args : {QStringList{"bench", "--device", "cuda", "--steps", "1"},
                                    QStringList{"train", "--device", "cuda", "--limit", "256", "--out",
                                                QDir::tempPath() + "/ganvas-cli-cuda-" +
                                                    QString::number(QCoreApplication::applicationPid())}}) {
        const auto r = cli(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(' ') + ": exit " + QString::number(r.code) + "\n" + r.err));
        QVERIFY2(r.err.contains("device: cuda"), qPrintable(r.err));
    }
}

void TestCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    const QString out = QDir::tempPath() + "/ganvas-cli-bad-" + QString::number(QCoreApplication::applicationPid());
    QTest::newRow("no subcommand") << QStringList{} << "";
    QTest::newRow("unknown option") << QStringList{"train", "--bogus", "--out", out} << "bogus";
    QTest::newRow("no out") << QStringList{"train", "--limit", "64"} << "--out";
    QTest::newRow("bad loss") << QStringList{"train", "--loss", "kl", "--out", out} << "loss:";
    QTest::newRow("bad model") << QStringList{"train", "--model", "vit", "--out", out} << "model:";
    QTest::newRow("batch 0") << QStringList{"train", "--batch-size", "0", "--out", out} << "batch_size:";
    QTest::newRow("epochs text") << QStringList{"train", "--epochs", "many", "--out", out} << "epochs";
    QTest::newRow("missing dataset folder")
        << QStringList{"train", "--dataset", "/nonexistent/data", "--out", out} << "/nonexistent/data";
    QTest::newRow("empty dataset folder") << QStringList{"train", "--dataset", QDir::tempPath() + "/ganvas-empty-data",
                                                         "--out", out}
                                          << "no dataset found";
    QTest::newRow("unknown dataset") << QStringList{"train", "--dataset", "imagenet", "--out", out} << "imagenet";
    QTest::newRow("mnist not here") << QStringList{"train", "--dataset", "mnist", "--data-dir", "/nonexistent",
                                                   "--out", out}
                                    << "mnist";
    QTest::newRow("missing config") << QStringList{"train", "--config", "/nonexistent.json", "--out", out}
                                    << "/nonexistent.json";
    QTest::newRow("resume nothing") << QStringList{"train", "--resume", "/nonexistent/run"} << "/nonexistent/run";
    QTest::newRow("resume damaged") << QStringList{"train", "--resume", QDir::tempPath() + "/ganvas-bad.ckpt"}
                                    << "ganvas-bad.ckpt";
    QTest::newRow("sample damaged") << QStringList{"sample", QDir::tempPath() + "/ganvas-bad.ckpt", "--out", out + ".png"}
                                    << "ganvas-bad.ckpt";
    QTest::newRow("gif no frames") << QStringList{"gif", QDir::tempPath() + "/ganvas-empty-data", "--out", out + ".gif"}
                                   << "no frames";
    QTest::newRow("out holds a run") << QStringList{"train", "--limit", "64", "--out", QDir::tempPath() + "/ganvas-old-run"}
                                     << "already holds a run";
    QTest::newRow("gif fps") << QStringList{"gif", ".", "--out", out + ".gif", "--fps", "0"} << "--fps";
}

void TestCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QDir().mkpath(QDir::tempPath() + "/ganvas-empty-data");
    QDir().mkpath(QDir::tempPath() + "/ganvas-old-run");
    QFile old(QDir::tempPath() + "/ganvas-old-run/config.json");
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("{}");
    old.close();
    QFile bad(QDir::tempPath() + "/ganvas-bad.ckpt");
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("GANVASCK but nothing else");
    bad.close();
    const auto r = cli(args, 60000);
    QCOMPARE(r.code, 2);
    QVERIFY2((r.err + r.out).contains(expected), qPrintable(r.err + r.out));
    QVERIFY2(!(r.err + r.out).contains("Segmentation") && !(r.err + r.out).contains("terminate called"),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
