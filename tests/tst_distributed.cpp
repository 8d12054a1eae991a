// Data parallel through c10d, end to end with the real ganvas-cli: processes with one thread
// each over 127.0.0.1 (Gloo) learn what one process with the whole batch learns, write the run
// directory once, resume a checkpoint with another number of processes, end together when one
// is killed, and refuse ranks whose settings differ.
#include "data/datasetlocator.h"
#include "engine/trainer.h"
#include "clitesthelpers.h"
#include "testhelpers.h"

#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace ganvas;

namespace {

using Result = test::ProgramResult;

QStringList smallRun(const QString &out, int epochs = 2, int seed = 5)
{
    // 640 images, batch 64: 10 steps an epoch, the seed's MLP with its batch norm in G.
    return {"train", "--limit", "640", "--epochs", QString::number(epochs), "--batch-size", "64",
            "--threads", "1", "--seed", QString::number(seed), "--log-every", "5", "--checkpoint-every", "1",
            "--score-every", "0", "--out", out, // the quality score is rank 0's alone, and not what is tested here
            // float32: bf16 (auto on some CPUs) rounds the weights to bfloat16 every step, which turns the
            // sums' other order into whole bfloat16 steps (a relative distance of ~7e-3 after 20 steps).
            "--precision", "fp32"};
}

Result cli(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    return test::runProgram(GANVAS_CLI_PATH, args, env);
}

int freePort()
{
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    close(fd);
    return ntohs(addr.sin_port);
}

QProcessEnvironment rankEnv(int rank, int size, int port)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("RANK", QString::number(rank));
    env.insert("WORLD_SIZE", QString::number(size));
    env.insert("LOCAL_RANK", QString::number(rank));
    env.insert("LOCAL_WORLD_SIZE", QString::number(size));
    env.insert("MASTER_ADDR", "127.0.0.1");
    env.insert("MASTER_PORT", QString::number(port));
    env.insert("GANVAS_DIST_TIMEOUT", "60");
    return env;
}

// G's and D's weights and buffers in a checkpoint, as one tensor (`initial`: those the run
// started from, made from the checkpoint's settings).
torch::Tensor weights(const QString &checkpoint, bool initial = false)
{
    const TrainingConfig c = Trainer::checkpointConfig(checkpoint.toStdString());
    const ImageSet data = loadDataset(c);
    Trainer t(c, data);
    if (!initial)
        t.restore(checkpoint.toStdString());
    std::vector<torch::Tensor> parts;
    for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(t.generator().ptr().get()),
                                 static_cast<torch::nn::Module *>(t.discriminator().ptr().get())}) {
        for (const auto &p : m->parameters())
            parts.push_back(p.detach().flatten());
        for (const auto &b : m->named_buffers()) // the batch norms' running statistics
            if (b.value().is_floating_point())
                parts.push_back(b.value().detach().flatten());
    }
    return torch::cat(parts);
}

QString runName(const QString &checkpoint)
{
    return QFileInfo(QFileInfo(checkpoint).path()).path().section('/', -1);
}

// How far apart two runs ended, relative to how far the first travelled from its start:
// ||b - a|| / ||a - a0||. Reports the largest single difference too.
double relativeDistance(const QString &a, const QString &b)
{
    const auto wa = weights(a), wb = weights(b), w0 = weights(a, true);
    const double rel = (wb - wa).norm().item<double>() / (wa - w0).norm().item<double>();
    qInfo("  %s against %s: relative distance %.3g, largest difference %.3g (the run moved its weights by %.3g "
          "at most)", qPrintable(runName(b)), qPrintable(runName(a)),
          rel, (wb - wa).abs().max().item<double>(), (wa - w0).abs().max().item<double>());
    return rel;
}

QStringList lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
}

// Processes whose parent is `parent` (the launcher's ranks).
QList<pid_t> childrenOf(pid_t parent)
{
    QList<pid_t> out;
    for (const auto &e : std::filesystem::directory_iterator("/proc")) {
        const std::string name = e.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream stat(e.path() / "stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos)
            continue;
        std::istringstream rest(line.substr(close + 2));
        char state;
        int ppid = 0;
        rest >> state >> ppid;
        if (ppid == parent)
            out << pid_t(std::stoi(name));
    }
    return out;
}

// Waits until the run directory's metrics.csv has a row of figures.
bool waitForMetrics(const QString &run, QProcess &p, int ms = 120000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms && p.state() != QProcess::NotRunning) {
        if (lines(run + "/metrics.csv").size() >= 2)
            return true;
        QThread::msleep(100);
    }
    return false;
}

// The tolerance for "the same weights": float sums in another order, through Adam, for 20 steps,
// as a fraction of the distance the weights travelled.
constexpr double kSameWeights = 1e-3;

} // namespace

class TestDistributed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoProcessesLearnAsOneWithTheWholeBatch();
    void resumesWithAnotherNumberOfProcesses();
    void killedRankEndsTheRun();
    void killedRankEndsTheLaunchedRun();
    void refusesDifferentSettings();
    void badEnvironmentAndBatch();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
};

void TestDistributed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    auto one = cli(smallRun(path("one")));
    QVERIFY2(one.code == 0, qPrintable(one.out + one.err));
}

void TestDistributed::twoProcessesLearnAsOneWithTheWholeBatch()
{
    auto two = cli(smallRun(path("two")) << "--nproc" << "2");
    QVERIFY2(two.code == 0, qPrintable(two.out + two.err));
    QVERIFY2(two.out.contains("2 processes (c10d gloo"), qPrintable(two.out));
    QVERIFY2(two.out.contains("each 32 images of every batch"), qPrintable(two.out));
    // One voice: rank 0 alone prints and writes; the other stays quiet.
    QCOMPARE(two.out.count("finished 2 epochs"), 1);
    QCOMPARE(two.out.count("run directory "), 1);

    const double d = relativeDistance(path("one/checkpoints/epoch-0002.ckpt"), path("two/checkpoints/epoch-0002.ckpt"));
    QVERIFY2(d < kSameWeights, qPrintable(QString::number(d)));
    // The tolerance tells runs apart: another seed lands far outside it.
    auto other = cli(smallRun(path("other"), 2, 6));
    QVERIFY2(other.code == 0, qPrintable(other.out + other.err));
    const double far = relativeDistance(path("one/checkpoints/epoch-0002.ckpt"), path("other/checkpoints/epoch-0002.ckpt"));
    QVERIFY2(far > 100 * kSameWeights, qPrintable(QString::number(far)));

    // The run directory, written once: the same rows as one process, with the same figures
    // (every rank's losses averaged), two frames, two checkpoints.
    const auto oneRows = lines(path("one/metrics.csv")), twoRows = lines(path("two/metrics.csv"));
    QCOMPARE(twoRows.size(), oneRows.size());
    QCOMPARE(twoRows.size(), 1 + 4); // header + every 5 steps of 20
    for (int i = 1; i < twoRows.size(); ++i) {
        const auto a = oneRows[i].split(','), b = twoRows[i].split(',');
        QCOMPARE(b[0], a[0]); // epoch
        QCOMPARE(b[1], a[1]); // step
        for (int col : {2, 3, 4, 5}) // d_loss, g_loss, d_real, d_fake
            QVERIFY2(std::abs(a[col].toDouble() - b[col].toDouble()) < 1e-4, qPrintable(oneRows[i] + " / " + twoRows[i]));
    }
    QCOMPARE(QDir(path("two/frames")).entryList(QDir::Files).size(), 2);
    QCOMPARE(QDir(path("two/checkpoints")).entryList(QDir::Files).size(), 2);
    QCOMPARE(QDir(path("two")).entryList(QDir::Files | QDir::NoDotAndDotDot).size(),
             QDir(path("one")).entryList(QDir::Files | QDir::NoDotAndDotDot).size());
}

void TestDistributed::resumesWithAnotherNumberOfProcesses()
{
    // One epoch on two processes, the second on one: the same as both on one.
    auto first = cli(smallRun(path("mixed"), 1) << "--nproc" << "2");
    QVERIFY2(first.code == 0, qPrintable(first.out + first.err));
    auto second = cli({"train", "--resume", path("mixed"), "--epochs", "2", "--threads", "1"});
    QVERIFY2(second.code == 0, qPrintable(second.out + second.err));
    double d = relativeDistance(path("one/checkpoints/epoch-0002.ckpt"), path("mixed/checkpoints/epoch-0002.ckpt"));
    QVERIFY2(d < kSameWeights, qPrintable(QString::number(d)));
    // And the other way: one epoch alone, the second on two.
    auto alone = cli(smallRun(path("mixed2"), 1));
    QVERIFY2(alone.code == 0, qPrintable(alone.out + alone.err));
    auto together = cli({"train", "--resume", path("mixed2"), "--epochs", "2", "--threads", "1", "--nproc", "2"});
    QVERIFY2(together.code == 0, qPrintable(together.out + together.err));
    d = relativeDistance(path("one/checkpoints/epoch-0002.ckpt"), path("mixed2/checkpoints/epoch-0002.ckpt"));
    QVERIFY2(d < kSameWeights, qPrintable(QString::number(d)));
}

void TestDistributed::killedRankEndsTheRun()
{
    // Two ranks started by hand, as torchrun would; rank 1 is killed mid-run.
    const int port = freePort();
    const QString run = path("killed");
    QStringList args = smallRun(run, 200);
    args[2] = "6400";
    QProcess rank0, rank1;
    rank0.setProcessEnvironment(rankEnv(0, 2, port));
    rank1.setProcessEnvironment(rankEnv(1, 2, port));
    rank0.start(GANVAS_CLI_PATH, args);
    rank1.start(GANVAS_CLI_PATH, args);
    QVERIFY2(waitForMetrics(run, rank0), qPrintable(rank0.readAllStandardError() + rank1.readAllStandardError()));
    kill(pid_t(rank1.processId()), SIGKILL);
    QElapsedTimer t;
    t.start();
    QVERIFY2(rank0.waitForFinished(60000), "rank 0 did not end within 60 s of its peer's death");
    qInfo("rank 0 ended %.1f s after rank 1 was killed", t.elapsed() / 1000.0);
    rank1.waitForFinished();
    QCOMPARE(rank0.exitStatus(), QProcess::NormalExit);
    QCOMPARE(rank0.exitCode(), 1);
    const QString err = QString::fromUtf8(rank0.readAllStandardError());
    QVERIFY2(err.contains("rank 0: error: lost contact with the other processes of this run"), qPrintable(err));
    // What was written stays readable: the metrics so far, and no half-written checkpoint.
    QVERIFY(lines(run + "/metrics.csv").size() >= 2);
    for (const auto &f : QDir(run + "/checkpoints").entryList(QDir::Files))
        QVERIFY2(f.endsWith(".ckpt"), qPrintable(f));
}

void TestDistributed::killedRankEndsTheLaunchedRun()
{
    const QString run = path("launched");
    QStringList args = smallRun(run, 200) << "--nproc" << "2";
    args[2] = "6400";
    QProcess launcher;
    launcher.start(GANVAS_CLI_PATH, args);
    QVERIFY(launcher.waitForStarted());
    const auto launcherPid = pid_t(launcher.processId());
    QVERIFY2(waitForMetrics(run, launcher), qPrintable(launcher.readAllStandardError()));
    const auto ranks = childrenOf(launcherPid);
    QCOMPARE(ranks.size(), 2);
    // The second rank started is rank 1 (the lower pid, unless pids wrapped; either one will do).
    kill(std::max(ranks[0], ranks[1]), SIGKILL);
    QElapsedTimer t;
    t.start();
    QVERIFY2(launcher.waitForFinished(60000), "the launcher did not end within 60 s of a rank's death");
    qInfo("the launcher ended %.1f s after a rank was killed", t.elapsed() / 1000.0);
    QCOMPARE(launcher.exitCode(), 1);
    const QString err = QString::fromUtf8(launcher.readAllStandardError());
    QVERIFY2(err.contains(QRegularExpression("error: rank [01] of 2 was killed by signal 9")), qPrintable(err));
    QVERIFY2(err.contains("lost contact with the other processes of this run"), qPrintable(err));
    QVERIFY(childrenOf(launcherPid).isEmpty()); // none left behind
}

void TestDistributed::refusesDifferentSettings()
{
    const int port = freePort();
    QProcess rank0, rank1;
    rank0.setProcessEnvironment(rankEnv(0, 2, port));
    rank1.setProcessEnvironment(rankEnv(1, 2, port));
    rank0.start(GANVAS_CLI_PATH, smallRun(path("differ")));
    rank1.start(GANVAS_CLI_PATH, smallRun(path("differ")) << "--lr-g" << "0.001");
    QVERIFY(rank0.waitForFinished(120000));
    QVERIFY(rank1.waitForFinished(120000));
    const QString err1 = QString::fromUtf8(rank1.readAllStandardError());
    const QString err0 = QString::fromUtf8(rank0.readAllStandardError());
    QCOMPARE(rank1.exitCode(), 2);
    QCOMPARE(rank0.exitCode(), 2);
    QVERIFY2(err1.contains("rank 1: error: rank 1's settings differ from rank 0's: lr_g is 0.001 here and 0.0002 on rank 0"),
             qPrintable(err1));
    QVERIFY2(err0.contains("started with different settings"), qPrintable(err0));
    QVERIFY(!QFile::exists(path("differ/metrics.csv")));
}

void TestDistributed::badEnvironmentAndBatch()
{
    auto r = cli(smallRun(path("three")) << "--nproc" << "3");
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("batch_size: 64 does not split evenly among 3 processes"), qPrintable(r.err));
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("RANK", "0");
    env.remove("WORLD_SIZE");
    r = cli(smallRun(path("noworld")), env);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("WORLD_SIZE: not set, while RANK is"), qPrintable(r.err));
    env.insert("WORLD_SIZE", "two");
    r = cli(smallRun(path("noworld")), env);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("WORLD_SIZE: 'two' is not a whole number"), qPrintable(r.err));
    env = rankEnv(0, 2, freePort());
    r = cli(smallRun(path("nested")) << "--nproc" << "2", env);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("--nproc: the launcher has started the processes already"), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
