// The Trainer: one step trains both networks, the same seed gives the same run, events come
// at the configured rate, and pause/step/stop work from another thread.
#include "engine/cpuruntime.h"
#include "engine/trainer.h"
#include "testhelpers.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace ganvas;
using ganvas::test::smallConfig;
using ganvas::test::snapshot;
using ganvas::test::syntheticImages;

namespace {

struct Recorder : TrainerObserver
{
    std::vector<StepStats> stats;
    std::vector<EpochResult> epochs;
    std::vector<TrainerState> states;
    std::atomic<int64_t> steps{0};
    void onStepStats(const StepStats &s) override { stats.push_back(s), steps = s.step; }
    void onEpochEnd(const EpochResult &r) override { epochs.push_back(r); }
    void onStateChanged(TrainerState s) override { states.push_back(s); }
};

} // namespace

class TestTrainer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneStepChangesBothNetworks_data();
    void oneStepChangesBothNetworks();
    void sameSeedSameRun();
    void precisionOnTheCpu();
    void bf16DefaultFollowsTheMeasurements();
    void eventsAndGrid();
    void colourGrid();
    void freshNoiseEveryBatch();
    void batchLargerThanData();
    void controlsFromAnotherThread();
    void liveSettings();
    void threadShareChangesMidRun();
    void fairThreadShares();
};

void TestTrainer::oneStepChangesBothNetworks_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("loss");
    for (const char *m : {"mlp", "dcgan"})
        for (const char *l : {"bce", "lsgan", "hinge", "wgan-gp"})
            QTest::addRow("%s %s", m, l) << m << l;
}

void TestTrainer::oneStepChangesBothNetworks()
{
    QFETCH(QString, model);
    QFETCH(QString, loss);
    auto c = smallConfig();
    c.model = model.toStdString();
    c.loss = loss.toStdString();
    c.instanceNoise = 0.1;
    Trainer t(c, syntheticImages(64));
    const auto g0 = snapshot(*t.generator()), d0 = snapshot(*t.discriminator());
    t.trainStep();
    const auto g1 = snapshot(*t.generator()), d1 = snapshot(*t.discriminator());
    QVERIFY2(!torch::equal(g0, g1), "G did not change");
    QVERIFY2(!torch::equal(d0, d1), "D did not change");
    QVERIFY(torch::isfinite(g1).all().item<bool>());
    QVERIFY(torch::isfinite(d1).all().item<bool>());
    QCOMPARE(t.globalStep(), int64_t(1));
}

void TestTrainer::sameSeedSameRun()
{
    auto run = [](uint64_t seed) {
        auto c = smallConfig();
        c.seed = seed;
        c.labelFlipProb = 0.1;
        c.labelSmoothing = 0.1;
        c.instanceNoise = 0.2;
        c.instanceNoiseAnnealEpochs = 2;
        Trainer t(c, syntheticImages(96));
        Recorder r;
        t.setObserver(&r);
        t.run();
        std::vector<double> losses;
        for (const auto &s : r.stats)
            losses.insert(losses.end(), {s.dLoss, s.gLoss, s.dReal, s.dFake});
        return std::make_pair(losses, snapshot(*t.generator()));
    };
    const auto a = run(11), b = run(11), c = run(12);
    QVERIFY(!a.first.empty());
    QCOMPARE(a.first, b.first);
    QVERIFY(torch::equal(a.second, b.second));
    QVERIFY(a.first != c.first);
    QVERIFY(!torch::equal(a.second, c.second));
}

void TestTrainer::bf16DefaultFollowsTheMeasurements()
{
    // docs/PERFORMANCE.md: bf16 ran ~1.6x fp32 on Zen 4 (AVX512-BF16), ~0.7x on an Intel Xeon
    // with AVX512-BF16 and no AMX.
    QVERIFY(bf16BeatsFp32(/*amd*/ true, /*avx512Bf16*/ true, /*amxBf16*/ false));
    QVERIFY(!bf16BeatsFp32(false, true, false));
    QVERIFY(bf16BeatsFp32(false, true, true));
    QVERIFY(!bf16BeatsFp32(true, false, false));
    QVERIFY(!bf16BeatsFp32(false, false, false));
    // auto is never bf16 where bf16's kernels are missing.
    QVERIFY(!cpuBf16Fast() || cpuBf16Kernels());
    // An explicit bf16 where it is slower is said so; fp32 never.
    const torch::Device cpu(torch::kCPU);
    QCOMPARE(precisionWarning(Precision::Bf16, cpu).empty(), cpuBf16Fast());
    QVERIFY(precisionWarning(Precision::Fp32, cpu).empty());
    if (!cpuBf16Fast())
        QVERIFY(precisionWarning(Precision::Bf16, cpu).find("slower than fp32") != std::string::npos);
}

void TestTrainer::precisionOnTheCpu()
{
    auto c = smallConfig();
    QCOMPARE(c.precision, std::string("auto"));
    // auto on a CPU: bf16 where its products are fast here, fp32 elsewhere
    QCOMPARE(int(Trainer(c, syntheticImages(64)).precision()), int(cpuBf16Fast() ? Precision::Bf16 : Precision::Fp32));
    c.precision = "fp16";
    QVERIFY(!c.validate().empty());
    c.precision = "bf16";
    if (!cpuHasBf16()) {
        try {
            Trainer t(c, syntheticImages(64));
            QFAIL("bf16 was accepted on a CPU without bfloat16 instructions");
        } catch (const ConfigError &e) {
            QVERIFY2(std::string(e.what()).find("precision: bf16") != std::string::npos, e.what());
        }
        QSKIP("this CPU has neither AVX512-BF16 nor AMX: bf16 is refused, as checked");
    }
    // Inside the scope a matrix product comes out in bfloat16; after it, float32 again.
    const auto a = torch::randn({8, 8}), b = torch::randn({8, 8});
    {
        const AutocastScope scope(Precision::Bf16, torch::kCPU);
        QCOMPARE(torch::mm(a, b).scalar_type(), torch::kBFloat16);
    }
    QCOMPARE(torch::mm(a, b).scalar_type(), torch::kFloat);
    // The same seeded run in both: bf16 trains, its weights stay float32, and it ends near the
    // fp32 run but not on it (the products really ran in bfloat16).
    bool asAsked = true, allFloat = true;
    auto run = [&](const char *precision, torch::Tensor *start) -> torch::Tensor {
        auto cc = smallConfig();
        cc.precision = precision;
        Trainer t(cc, syntheticImages(64));
        asAsked &= precisionName(t.precision()) == precision;
        if (start)
            *start = snapshot(*t.generator());
        for (int i = 0; i < 4; ++i)
            t.trainStep();
        for (const auto &p : t.generator()->parameters())
            allFloat &= p.scalar_type() == torch::kFloat;
        return snapshot(*t.generator());
    };
    torch::Tensor g0;
    const auto g32 = run("fp32", &g0), g16 = run("bf16", nullptr);
    QVERIFY(asAsked);
    QVERIFY2(allFloat, "the weights are no longer float32");
    QVERIFY(torch::isfinite(g16).all().item<bool>());
    QVERIFY2(!torch::equal(g32, g16), "bf16 trained exactly as fp32: autocast did nothing");
    const double apart = (g16 - g32).norm().item<double>(), moved = (g32 - g0).norm().item<double>();
    QVERIFY2(apart < 0.5 * moved, qPrintable(QString("bf16 ends %1 from fp32, which moved %2").arg(apart).arg(moved)));
}

void TestTrainer::eventsAndGrid()
{
    auto c = smallConfig();
    c.logEvery = 2;
    c.epochs = 2;
    Trainer t(c, syntheticImages(32 * 5 + 7)); // 5 full batches per epoch, the rest dropped
    QCOMPARE(t.batchesPerEpoch(), 5);
    Recorder r;
    t.setObserver(&r);
    QVERIFY(t.run());
    QCOMPARE(t.globalStep(), int64_t(10));
    // Every 2 steps, plus the end of each epoch (step 5 and 10): 2, 4, 5, 7, 9, 10.
    QCOMPARE(int(r.stats.size()), 6);
    QCOMPARE(r.stats[2].step, int64_t(5));
    QCOMPARE(r.stats[3].epoch, 2);
    for (const auto &s : r.stats) {
        QVERIFY(std::isfinite(s.dLoss) && std::isfinite(s.gLoss));
        QVERIFY(s.dReal > 0 && s.dReal < 1 && s.dFake > 0 && s.dFake < 1); // probabilities for bce
        QVERIFY(s.imagesPerSec > 0);
    }
    QCOMPARE(int(r.epochs.size()), 2);
    const Image8 &grid = r.epochs.back().grid;
    QCOMPARE(grid.channels, 1);
    QCOMPARE(grid.width, 4 * 28 + 5 * 2);
    QCOMPARE(grid.height, 4 * 28 + 5 * 2);
    QCOMPARE(r.states.front(), TrainerState::Running);
    QCOMPARE(r.states.back(), TrainerState::Finished);
}

void TestTrainer::colourGrid()
{
    auto c = smallConfig();
    c.model = "dcgan";
    Trainer t(c, syntheticImages(64, 3, 32));
    const Image8 grid = t.previewGrid();
    QCOMPARE(grid.channels, 3);
    QCOMPARE(grid.width, 4 * 32 + 5 * 2);
    // Colour, not grey: some pixel has channels that differ.
    bool coloured = false;
    for (size_t i = 0; i + 2 < grid.pixels.size() && !coloured; i += 3)
        coloured = grid.pixels[i] != grid.pixels[i + 1] || grid.pixels[i + 1] != grid.pixels[i + 2];
    QVERIFY(coloured);
}

void TestTrainer::freshNoiseEveryBatch()
{
    // The seed's bug fed the same 16 noise vectors every step. With learning all but off,
    // D(G(z)) on the training batch changes between steps only through fresh noise.
    auto c = smallConfig();
    c.lrG = c.lrD = 1e-12;
    c.logEvery = 1;
    Trainer t(c, syntheticImages(64));
    Recorder r;
    t.setObserver(&r);
    const auto preview = t.fixedNoise().clone();
    t.trainStep();
    t.trainStep();
    QCOMPARE(int(r.stats.size()), 2);
    QVERIFY(std::abs(r.stats[0].dFake - r.stats[1].dFake) > 1e-7);
    // The preview noise, in contrast, is drawn once and never changes.
    QCOMPARE(preview.size(0), int64_t(16));
    QVERIFY(torch::equal(preview, t.fixedNoise()));
}

void TestTrainer::batchLargerThanData()
{
    auto c = smallConfig();
    c.batchSize = 100;
    try {
        Trainer t(c, syntheticImages(50));
        QFAIL("no error");
    } catch (const ConfigError &e) {
        QVERIFY(QString(e.what()).contains("batch_size"));
    }
}

void TestTrainer::controlsFromAnotherThread()
{
    auto c = smallConfig();
    c.epochs = 1000;
    Trainer t(c, syntheticImages(64));
    Recorder r;
    t.setObserver(&r);
    bool finished = true;
    std::thread worker([&] { finished = t.run(); });
    auto waitFor = [](auto pred) {
        for (int i = 0; i < 2000 && !pred(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        return pred();
    };
    QVERIFY(waitFor([&] { return t.globalStep() >= 3; }));
    t.requestPause();
    QVERIFY(waitFor([&] { return !r.states.empty() && r.states.back() == TrainerState::Paused; }));
    const int64_t pausedAt = t.globalStep();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    QCOMPARE(t.globalStep(), pausedAt); // paused means no steps
    t.requestStep();
    QVERIFY(waitFor([&] { return t.globalStep() == pausedAt + 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(t.globalStep(), pausedAt + 1); // exactly one
    t.requestResume();
    QVERIFY(waitFor([&] { return t.globalStep() >= pausedAt + 5; }));
    t.requestStop();
    worker.join();
    QVERIFY(!finished);
    QCOMPARE(r.states.back(), TrainerState::Stopped);
}

void TestTrainer::liveSettings()
{
    auto c = smallConfig();
    c.logEvery = 1;
    Trainer t(c, syntheticImages(64));
    Recorder r;
    t.setObserver(&r);
    t.trainStep();
    auto changed = c;
    changed.lrG = 5e-3;
    changed.lrD = 7e-3;
    changed.batchSize = 1; // cannot change mid-run: ignored
    t.updateLiveSettings(changed);
    t.trainStep();
    QCOMPARE(r.stats.back().lrG, 5e-3);
    QCOMPARE(r.stats.back().lrD, 7e-3);
    QCOMPARE(t.config().batchSize, 32);
}

void TestTrainer::threadShareChangesMidRun()
{
    // Runs side by side get a share of the cores that changes as others start and stop.
    auto c = smallConfig();
    c.threads = 2;
    c.logEvery = 1;
    c.epochs = 1;
    Trainer t(c, syntheticImages(32 * 3));
    QCOMPARE(t.threadsInUse(), 2);
    Recorder r;
    t.setObserver(&r);
    t.requestThreads(1);
    QVERIFY(t.run());
    QCOMPARE(t.threadsInUse(), 1);
    QVERIFY(!r.stats.empty());
    for (const auto &s : r.stats)
        QCOMPARE(s.threads, 1);
}

void TestTrainer::fairThreadShares()
{
    using V = std::vector<int>;
    QCOMPARE(ganvas::fairThreadShares(2, 2), (V{1, 1}));
    QCOMPARE(ganvas::fairThreadShares(2, 1), (V{2}));
    QCOMPARE(ganvas::fairThreadShares(4, 3), (V{2, 1, 1}));
    QCOMPARE(ganvas::fairThreadShares(16, 4), (V{4, 4, 4, 4}));
    QCOMPARE(ganvas::fairThreadShares(2, 3), (V{1, 1, 1})); // more runs than cores: one each
    QCOMPARE(ganvas::fairThreadShares(2, 0), V{});
}

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
