// The divergence guard: a loss driven to inf/NaN or past its bound by a huge learning rate is
// caught at the reporting rate and rolled back from (rates halved, events.csv, no non-finite
// metrics, healthy checkpoints), stops the run after three rollbacks, stops it at once with
// on_divergence = stop, and pauses it with pause until requestRollback().
#include "checkpoint/checkpoint.h"
#include "checkpoint/rundirectory.h"
#include "data/datasetlocator.h"
#include "engine/trainer.h"
#include "testhelpers.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

using namespace ganvas;
using ganvas::test::smallConfig;
using ganvas::test::snapshot;

namespace {

struct Recorder : TrainerObserver
{
    Trainer *bumpAfterEpoch1 = nullptr; // set: the learning rates jump to 0.9 after epoch 1
    std::mutex mutex;
    std::vector<DivergenceEvent> events;
    std::atomic<int> count{0};
    std::atomic<bool> paused{false};
    void onDivergence(const DivergenceEvent &e) override
    {
        std::lock_guard<std::mutex> lock(mutex);
        events.push_back(e);
        ++count;
    }
    void onStateChanged(TrainerState s) override { paused = s == TrainerState::Paused; }
    void onEpochEnd(const EpochResult &r) override
    {
        if (!bumpAfterEpoch1 || r.epoch != 1)
            return;
        TrainingConfig c = bumpAfterEpoch1->config();
        c.lrG = c.lrD = 0.9;
        bumpAfterEpoch1->updateLiveSettings(c);
    }
};

std::string textOf(const std::string &path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int countOf(const std::string &text, const std::string &what)
{
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

bool waitFor(const std::function<bool()> &pred)
{
    for (int i = 0; i < 6000 && !pred(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return pred();
}

// lr 0.9: Adam moves every weight by up to 0.9 a step; D's logits (and so the losses) explode:
// the mean D loss of the first 4 steps is past 1e5 even at 0.9 / 8.
TrainingConfig divergingConfig(const std::string &mode)
{
    TrainingConfig c = smallConfig();
    c.dataset = "fashion-mnist";
    c.limit = 256;
    c.logEvery = 4;
    c.lrG = c.lrD = 0.9;
    c.epochs = 3;
    c.checkpointEvery = 1;
    c.onDivergence = mode;
    return c;
}

} // namespace

class TestDivergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainWords();
    void metricsNeverHoldNonFinite();
    void rollbackHalvesRatesAndKeepsFilesHealthy();
    void stopsAfterThreeRollbacks();
    void stopStopsAtOnce();
    void pauseWaitsForRollback();

private:
    std::string runDir(const char *name) const { return m_dir.filePath(name).toStdString(); }
    void checkRunFiles(const std::string &run, const Trainer &t, int rollbacks);
    QTemporaryDir m_dir;
    ImageSet m_data;
};

void TestDivergence::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    m_data = loadDataset("fashion-mnist", "", 256);
}

void TestDivergence::plainWords()
{
    DivergenceEvent e;
    e.loss = "G";
    e.value = INFINITY;
    e.valueText = lossValueText(e.value);
    e.step = 1234;
    e.epoch = 3;
    e.action = DivergenceAction::RolledBack;
    e.toEpoch = 2;
    e.lrG = e.lrD = 0.00005;
    QCOMPARE(divergenceText(e), std::string("G loss became infinite at step 1234 (epoch 3): rolled back to epoch 2, "
                                            "learning rates halved to 0.00005 / 0.00005"));
    QCOMPARE(e.valueText, std::string("inf"));
    QCOMPARE(lossValueText(std::nan("")), std::string("nan"));
    e.action = DivergenceAction::Stopped;
    e.rollbacks = kMaxRollbacks;
    QVERIFY(divergenceText(e).find("stopped after 3 rollbacks") != std::string::npos);
    QVERIFY(divergenceBound("wgan-gp") > divergenceBound("bce"));
}

void TestDivergence::metricsNeverHoldNonFinite()
{
    const RunDirectory dir(runDir("metrics"));
    dir.rewriteMetrics({});
    StepStats s;
    s.epoch = 1, s.step = 2, s.dLoss = 0.5, s.gLoss = std::nan(""), s.dReal = INFINITY, s.elapsedSec = 1;
    dir.appendMetric(s);
    const std::string text = textOf(dir.metricsPath());
    QVERIFY2(text.find("nan") == std::string::npos && text.find("inf") == std::string::npos, text.c_str());
    const auto rows = RunDirectory::readMetrics(dir.metricsPath());
    QCOMPARE(int(rows.size()), 1);
    QCOMPARE(rows[0].dLoss, 0.5);
    QVERIFY(std::isnan(rows[0].gLoss) && std::isnan(rows[0].dReal));
    QCOMPARE(rows[0].elapsedSec, 1.0);
}

// events.csv, metrics.csv, config.json and the checkpoints of a run that diverged.
void TestDivergence::checkRunFiles(const std::string &run, const Trainer &t, int rollbacks)
{
    const std::string events = textOf(run + "/events.csv");
    QVERIFY2(events.rfind("epoch,step,kind,detail\n", 0) == 0, events.c_str());
    QVERIFY2(events.find(",divergence,") != std::string::npos, events.c_str());
    QCOMPARE(countOf(events, ",rollback,"), rollbacks);
    const std::string metrics = textOf(run + "/metrics.csv");
    QVERIFY2(metrics.find("nan") == std::string::npos && metrics.find("inf") == std::string::npos, metrics.c_str());
    for (const StepStats &s : RunDirectory::readMetrics(run + "/metrics.csv"))
        QVERIFY(std::isfinite(s.dLoss) && std::isfinite(s.gLoss) && std::abs(s.dLoss) < 1e4);
    // The halved rates are in config.json, so a resume keeps them.
    QCOMPARE(TrainingConfig::fromJsonFile(run + "/config.json").lrG, t.config().lrG);
    for (const auto &entry : RunDirectory::listCheckpoints(run)) {
        Trainer loaded(Trainer::checkpointConfig(entry.path), m_data);
        loaded.restore(entry.path);
        QVERIFY2(torch::isfinite(snapshot(*loaded.generator())).all().item<bool>(), entry.path.c_str());
        QVERIFY2(torch::isfinite(snapshot(*loaded.discriminator())).all().item<bool>(), entry.path.c_str());
    }
}

void TestDivergence::rollbackHalvesRatesAndKeepsFilesHealthy()
{
    // A healthy first epoch (lr 2e-4, checkpoint epoch-0001), then lr 0.9 from epoch 2 on.
    const std::string run = runDir("rollback");
    auto c = divergingConfig("rollback");
    c.lrG = c.lrD = 2e-4;
    Trainer t(c, m_data, run);
    Recorder r;
    r.bumpAfterEpoch1 = &t;
    t.setObserver(&r);
    const bool finished = t.run();
    QVERIFY2(!r.events.empty(), "lr 0.9 did not diverge");
    const DivergenceEvent &first = r.events.front();
    QCOMPARE(int(first.action), int(DivergenceAction::RolledBack));
    QVERIFY(first.loss == "D" || first.loss == "G");
    QCOMPARE(first.epoch, 2);
    QVERIFY(first.step % 4 == 0); // caught at a report (log_every 4)
    QCOMPARE(first.toEpoch, 1);   // back to the healthy end of epoch 1
    QCOMPARE(first.toStep, int64_t(8));
    QVERIFY(first.toEpochStart);
    QCOMPARE(first.lrG, 0.45);
    QCOMPARE(first.lrD, 0.45);
    QVERIFY2(first.message.find("rolled back to epoch 1, learning rates halved to 0.45 / 0.45") != std::string::npos,
             first.message.c_str());
    QVERIFY(std::filesystem::exists(run + "/checkpoints/epoch-0001.ckpt"));
    QCOMPARE(t.config().lrG, 0.9 / std::pow(2, t.rollbacks()));
    QVERIFY(t.rollbacks() >= 1);
    QVERIFY(finished || (t.rollbacks() == kMaxRollbacks && t.divergenceStopped()));
    checkRunFiles(run, t, t.rollbacks());
}

void TestDivergence::stopsAfterThreeRollbacks()
{
    // lr 0.9 keeps diverging at every halved rate down to 0.1125.
    const std::string run = runDir("three");
    auto c = divergingConfig("rollback");
    c.epochs = 20;
    Trainer t(c, m_data, run);
    Recorder r;
    t.setObserver(&r);
    QVERIFY(!t.run());
    QCOMPARE(t.rollbacks(), kMaxRollbacks);
    QVERIFY(t.divergenceStopped());
    QCOMPARE(int(r.events.size()), kMaxRollbacks + 1);
    QCOMPARE(int(r.events.back().action), int(DivergenceAction::Stopped));
    QVERIFY(t.divergenceStopMessage().find("after 3 rollbacks") != std::string::npos);
    QCOMPARE(t.config().lrG, 0.9 / 8);
    const std::string events = textOf(run + "/events.csv");
    QCOMPARE(countOf(events, ",divergence,"), kMaxRollbacks + 1);
    QCOMPARE(countOf(events, ",stop,"), 1);
    checkRunFiles(run, t, kMaxRollbacks);
    QVERIFY_THROWS_EXCEPTION(CheckpointError, t.saveCheckpoint());
}

void TestDivergence::stopStopsAtOnce()
{
    const std::string run = runDir("stop");
    Trainer t(divergingConfig("stop"), m_data, run);
    Recorder r;
    t.setObserver(&r);
    QVERIFY(!t.run());
    QCOMPARE(int(r.events.size()), 1);
    const DivergenceEvent &e = r.events.front();
    QCOMPARE(int(e.action), int(DivergenceAction::Stopped));
    QCOMPARE(e.step, t.globalStep()); // stopped at the report that caught it
    QVERIFY(t.divergenceStopped() && t.diverged());
    QCOMPARE(t.rollbacks(), 0);
    QCOMPARE(t.config().lrG, 0.9);
    for (const auto &entry : RunDirectory::listCheckpoints(run)) // none from the diverged state
        QVERIFY2(entry.epochsDone < e.epoch, entry.path.c_str());
    QVERIFY_THROWS_EXCEPTION(CheckpointError, t.saveCheckpoint());
    QCOMPARE(countOf(textOf(run + "/events.csv"), ",stop,"), 1);
}

void TestDivergence::pauseWaitsForRollback()
{
    const std::string run = runDir("pause");
    Trainer t(divergingConfig("pause"), m_data, run);
    Recorder r;
    t.setObserver(&r);
    std::atomic<bool> done{false};
    std::thread worker([&] {
        t.run();
        done = true;
    });
    QVERIFY(waitFor([&] { return r.count >= 1 && r.paused; }));
    QVERIFY(t.isPaused());
    const int64_t pausedAt = t.globalStep();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    QCOMPARE(t.globalStep(), pausedAt); // it waits
    QCOMPARE(int(r.events.front().action), int(DivergenceAction::Paused));
    t.requestRollback();
    QVERIFY(waitFor([&] { return r.count >= 2; }));
    DivergenceEvent back;
    {
        std::lock_guard<std::mutex> lock(r.mutex);
        back = r.events[1];
        QCOMPARE(back.step, r.events[0].step);
    }
    QCOMPARE(int(back.action), int(DivergenceAction::RolledBack));
    QCOMPARE(back.lrG, 0.45);
    // It trains on (and may diverge and pause again at the halved rate).
    QVERIFY(waitFor([&] { return done || t.globalStep() != back.toStep || t.isPaused(); }));
    t.requestStop();
    worker.join();
    const std::string events = textOf(run + "/events.csv");
    const int rollbacks = countOf(events, ",rollback,");
    QVERIFY(rollbacks >= 1);
    QCOMPARE(t.rollbacks(), 0); // asked for, not automatic
    QCOMPARE(t.config().lrG, 0.9 / std::pow(2, rollbacks));
    QVERIFY(events.find(",pause,") != std::string::npos);
    checkRunFiles(run, t, rollbacks);
}

QTEST_GUILESS_MAIN(TestDivergence)
#include "tst_divergence.moc"
