// Checkpoints: exact resume, clear errors for bad files, and a writer killed mid-save.
#include "checkpoint/atomicfile.h"
#include "checkpoint/checkpoint.h"
#include "checkpoint/archivecheck.h"
#include "checkpoint/rundirectory.h"
#include "engine/sampler.h"
#include "engine/trainer.h"
#include "testhelpers.h"

#include <QtTest>

#include <caffe2/serialize/inline_container.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace ganvas;
using ganvas::test::smallConfig;
using ganvas::test::snapshot;
using ganvas::test::syntheticImages;

namespace {

std::string bytesOf(const std::string &path)
{
    return readWholeFile(path);
}

void writeBytes(const std::string &path, const std::string &bytes)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumeIsExact();
    void resumeMidEpochIsExact();
    void runDirectoryLayout();
    void badFile_data();
    void badFile();
    void wrongModel();
    void pickleLengthsChecked();
    void killedWriterLeavesPreviousCheckpoint();
    void sampleFromCheckpoint();

private:
    QTemporaryDir m_dir;
    std::string path(const char *name) const { return m_dir.filePath(name).toStdString(); }
};

void TestCheckpoint::resumeIsExact()
{
    const auto data = syntheticImages(96);
    auto c = smallConfig();
    c.checkpointEvery = 1;
    c.epochs = 2;
    c.instanceNoise = 0.1;
    c.instanceNoiseAnnealEpochs = 3;
    c.labelFlipProb = 0.05;
    c.lrDecay = "linear";
    Trainer straight(c, data, path("straight"));
    QVERIFY(straight.run());

    auto one = c;
    one.epochs = 1;
    {
        Trainer first(one, data, path("split"));
        QVERIFY(first.run());
    }
    const std::string ckpt = RunDirectory::resolveCheckpoint(path("split"));
    QVERIFY(QString::fromStdString(ckpt).endsWith("checkpoints/epoch-0001.ckpt"));
    auto resumed = Trainer::checkpointConfig(ckpt);
    QCOMPARE(resumed.epochs, 1);
    resumed.epochs = 2;
    Trainer second(resumed, data, path("split"));
    second.restore(ckpt);
    QCOMPARE(second.epochsDone(), 1);
    QVERIFY(second.run());

    QVERIFY(torch::equal(snapshot(*straight.generator()), snapshot(*second.generator())));
    QVERIFY(torch::equal(snapshot(*straight.discriminator()), snapshot(*second.discriminator())));
    QCOMPARE(second.history().size(), straight.history().size());
    QCOMPARE(second.history().back().dLoss, straight.history().back().dLoss);
    // The frames of epoch 2 are the same picture.
    QCOMPARE(bytesOf(path("split") + "/frames/epoch-0002.png"), bytesOf(path("straight") + "/frames/epoch-0002.png"));
}

void TestCheckpoint::resumeMidEpochIsExact()
{
    const auto data = syntheticImages(128);
    auto c = smallConfig();
    c.epochs = 2;
    c.dStepsPerG = 2;
    Trainer straight(c, data);
    while (!straight.finished())
        straight.trainStep();

    Trainer a(c, data, path("mid"));
    for (int i = 0; i < 5; ++i) // 4 batches an epoch: stop inside epoch 2
        a.trainStep();
    const std::string ckpt = a.saveCheckpoint();
    QVERIFY(QString::fromStdString(ckpt).endsWith("epoch-0001-step-00000005.ckpt"));
    Trainer b(c, data, path("mid"));
    b.restore(ckpt);
    QCOMPARE(b.globalStep(), int64_t(5));
    QCOMPARE(b.batchInEpoch(), 1);
    while (!b.finished())
        b.trainStep();
    QVERIFY(torch::equal(snapshot(*straight.generator()), snapshot(*b.generator())));
    QVERIFY(torch::equal(snapshot(*straight.discriminator()), snapshot(*b.discriminator())));
}

void TestCheckpoint::runDirectoryLayout()
{
    auto c = smallConfig();
    c.epochs = 3;
    c.checkpointEvery = 2;
    const std::string run = path("layout");
    Trainer t(c, syntheticImages(64), run);
    QVERIFY(t.run());
    for (const char *f : {"/config.json", "/metrics.csv", "/frames/epoch-0001.png", "/frames/epoch-0002.png",
                          "/frames/epoch-0003.png", "/checkpoints/epoch-0002.ckpt", "/checkpoints/epoch-0003.ckpt"})
        QVERIFY2(std::filesystem::exists(run + f), f);
    QVERIFY(!std::filesystem::exists(run + "/checkpoints/epoch-0001.ckpt"));
    QCOMPARE(TrainingConfig::fromJsonFile(run + "/config.json").toJson(), c.toJson());
    const auto rows = RunDirectory::readMetrics(run + "/metrics.csv");
    QCOMPARE(rows.size(), t.history().size());
    QCOMPARE(rows.back().step, int64_t(6));
    std::ifstream csv(run + "/metrics.csv");
    std::string header;
    std::getline(csv, header);
    QVERIFY(QString::fromStdString(header).startsWith("epoch,step,d_loss,g_loss,d_real,d_fake,images_per_s"));
    // No temporary files left behind.
    for (const auto &e : std::filesystem::recursive_directory_iterator(run))
        QVERIFY2(e.path().string().find(".tmp-") == std::string::npos, e.path().c_str());
}

void TestCheckpoint::badFile_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << "missing" << "cannot open";
    QTest::newRow("empty") << "empty" << "not a GANvas checkpoint";
    QTest::newRow("foreign") << "foreign" << "not a GANvas checkpoint";
    QTest::newRow("header only") << "header" << "truncated";
    QTest::newRow("truncated") << "truncated" << "truncated";
    QTest::newRow("bit flip") << "flip" << "damaged: the checksum";
    QTest::newRow("extra bytes") << "extra" << "damaged";
    QTest::newRow("future format") << "format" << "format 7 is not supported";
}

void TestCheckpoint::badFile()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    static std::string good;
    if (good.empty()) {
        Trainer t(smallConfig(), syntheticImages(64));
        t.trainStep();
        t.saveCheckpointTo(path("good.ckpt"));
        good = bytesOf(path("good.ckpt"));
    }
    const std::string file = path("bad.ckpt");
    std::filesystem::remove(file);
    std::string b = good;
    if (kind == "empty") writeBytes(file, "");
    if (kind == "foreign") writeBytes(file, "PK\x03\x04 a zip file, not ours");
    if (kind == "header") writeBytes(file, b.substr(0, 20));
    if (kind == "truncated") writeBytes(file, b.substr(0, b.size() / 2));
    if (kind == "flip") { b[b.size() / 2] ^= 0x10; writeBytes(file, b); }
    if (kind == "extra") writeBytes(file, b + "xyz");
    if (kind == "format") { b[8] = 7; writeBytes(file, b); }
    Trainer t(smallConfig(), syntheticImages(64));
    const auto before = snapshot(*t.generator());
    try {
        t.restore(file);
        QFAIL("no error");
    } catch (const CheckpointError &e) {
        const QString what = QString::fromStdString(e.what());
        QVERIFY2(what.contains("bad.ckpt"), qPrintable(what));
        QVERIFY2(what.contains(expected), qPrintable(what));
    }
    QVERIFY(torch::equal(before, snapshot(*t.generator()))); // nothing half-loaded
    QVERIFY_THROWS_EXCEPTION(CheckpointError, loadGenerator(file));
}

void TestCheckpoint::wrongModel()
{
    // A dcgan checkpoint passes every file check but does not fit an mlp run: refused, and
    // neither the weights nor the run directory's files change.
    auto c = smallConfig();
    c.model = "dcgan";
    Trainer dc(c, syntheticImages(64));
    dc.saveCheckpointTo(path("dcgan.ckpt"));
    const std::string run = path("keep");
    {
        Trainer first(smallConfig(), syntheticImages(64), run);
        QVERIFY(first.run());
    }
    const std::string metrics = bytesOf(run + "/metrics.csv"), config = bytesOf(run + "/config.json");
    Trainer mlp(smallConfig(), syntheticImages(64));
    mlp.trainStep();
    const auto before = snapshot(*mlp.generator());
    const int64_t step = mlp.globalStep();
    Trainer fresh(smallConfig(), syntheticImages(64), run);
    try {
        fresh.restore(path("dcgan.ckpt"));
        QFAIL("no error");
    } catch (const CheckpointError &e) {
        QVERIFY2(QString(e.what()).contains("dcgan.ckpt"), e.what());
    }
    QCOMPARE(bytesOf(run + "/metrics.csv"), metrics);
    QCOMPARE(bytesOf(run + "/config.json"), config);
    try {
        mlp.restore(path("dcgan.ckpt"));
        QFAIL("no error");
    } catch (const CheckpointError &) {
    }
    QVERIFY(torch::equal(before, snapshot(*mlp.generator())));
    QCOMPARE(mlp.globalStep(), step);
}

void TestCheckpoint::pickleLengthsChecked()
{
    // The pickles of a real archive, as the Trainer's checkpoints hold them, pass.
    Trainer t(ganvas::test::smallConfig(), ganvas::test::syntheticImages(64));
    torch::serialize::OutputArchive archive;
    t.generator()->save(archive);
    std::ostringstream zip;
    archive.save_to(zip);
    const std::string bytes = zip.str();
    auto zipProblem = [](const std::string &b) {
        return ganvas::zipProblem(reinterpret_cast<const unsigned char *>(b.data()), b.size());
    };
    QCOMPARE(zipProblem(bytes), std::string());
    // An entry of the zip directory that claims more than the archive holds is refused.
    const size_t entry = bytes.find(std::string("PK\x01\x02", 4));
    QVERIFY(entry != std::string::npos);
    std::string damaged = bytes;
    damaged.replace(entry + 24, 4, std::string("\xff\xff\xff\x7f", 4));
    QVERIFY2(zipProblem(damaged).find("claims 2147483647 bytes") != std::string::npos, zipProblem(damaged).c_str());
    QCOMPARE(zipProblem(bytes.substr(0, bytes.size() - 30)), std::string("no zip directory at the end"));
    std::istringstream in(bytes);
    caffe2::serialize::PyTorchStreamReader reader(&in);
    int pickles = 0;
    for (const std::string &name : reader.getAllRecords()) {
        if (name.size() < 4 || name.compare(name.size() - 4, 4, ".pkl") != 0)
            continue;
        const auto record = reader.getRecord(name);
        const std::string problem =
            ganvas::pickleProblem(static_cast<const unsigned char *>(std::get<0>(record).get()), std::get<1>(record));
        QVERIFY2(problem.empty(), qPrintable(QString::fromStdString(name + ": " + problem)));
        ++pickles;
    }
    QVERIFY(pickles >= 1);
    // A string that claims more bytes than follow (4- and 8-byte lengths), an unknown opcode,
    // and a pickle without its end are refused, naming what is wrong.
    auto problem = [](const std::string &bytes) {
        return ganvas::pickleProblem(reinterpret_cast<const unsigned char *>(bytes.data()), bytes.size());
    };
    QCOMPARE(problem(std::string("\x80\x02X\x03\x00\x00\x00" "abc.", 11)), std::string());
    const std::string huge4 = problem(std::string("\x80\x02X\xff\xff\xff\x7f" "abc.", 11));
    QVERIFY2(huge4.find("claims 2147483647 bytes") != std::string::npos, huge4.c_str());
    const std::string huge8 =
        problem(std::string("\x80\x02\x8e\x00\x00\x00\x00\x01\x00\x00\x00" "abc.", 15));
    QVERIFY2(huge8.find("claims 4294967296 bytes") != std::string::npos, huge8.c_str());
    QVERIFY(problem(std::string("\x80\x02Nr\x09\x68\x63\x74.", 9)).find("memo index 1952671753") != std::string::npos);
    QVERIFY(problem(std::string("\x80\x02\x95\x00\x00\x00\x00\x01\x00\x00\x00N.", 13)).find("frame claims") !=
            std::string::npos);
    QVERIFY(problem(std::string("\x80\x02\xff.", 4)).find("unknown pickle opcode 255") != std::string::npos);
    QVERIFY(problem(std::string("\x80\x02N", 3)).find("no STOP") != std::string::npos);
    QVERIFY(problem(std::string("\x80\x02" "cfoo\nbar", 10)).find("unterminated") != std::string::npos);
}

void TestCheckpoint::killedWriterLeavesPreviousCheckpoint()
{
    const std::string file = path("victim.ckpt");
    Trainer t(smallConfig(), syntheticImages(64));
    t.trainStep();
    t.saveCheckpointTo(file);
    const std::string previous = bytesOf(file);
    t.trainStep();
    torch::serialize::OutputArchive archive; // the newer state, as bytes, before forking
    archive.write("x", torch::ones({600000}));
    const std::string newer = encodeCheckpoint(archive);
    QVERIFY(newer.size() > (2u << 20));

    // The child writes the new checkpoint and is killed (SIGKILL) halfway through.
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        writeFileAtomically(file, newer, [&](size_t written) {
            if (written >= newer.size() / 2)
                ::kill(::getpid(), SIGKILL);
        });
        _exit(0);
    }
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    // The half-written temporary file exists; the checkpoint itself is the old one, whole.
    std::string tmp;
    const std::string prefix = "victim.ckpt.tmp-" + std::to_string(child) + "-";
    for (const auto &e : std::filesystem::directory_iterator(m_dir.path().toStdString()))
        if (e.path().filename().string().rfind(prefix, 0) == 0)
            tmp = e.path().string();
    QVERIFY2(!tmp.empty(), "no temporary file of the killed writer");
    QVERIFY(std::filesystem::file_size(tmp) < newer.size());
    QCOMPARE(bytesOf(file), previous);
    Trainer u(smallConfig(), syntheticImages(64));
    u.restore(file);
    QCOMPARE(u.globalStep(), int64_t(1));
}

void TestCheckpoint::sampleFromCheckpoint()
{
    Trainer t(smallConfig(), syntheticImages(64));
    t.trainStep();
    t.saveCheckpointTo(path("sample.ckpt"));
    auto loaded = loadGenerator(path("sample.ckpt"));
    QCOMPARE(loaded.shape.height, int64_t(28));
    // The restored G draws exactly what the trainer's G draws.
    const Image8 a = t.previewGrid();
    const Image8 b = sampleGrid(loaded.generator, t.fixedNoise(), 4);
    QCOMPARE(a.pixels, b.pixels);
}

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
