// The run lifecycle library's pieces that need no training: the one background-job path
// (results and errors come back on the context's thread, never to a destroyed context) and the
// RunManager's account of the cores.
#include "engine/cpuruntime.h"
#include "runs/backgroundjob.h"
#include "runs/runcontroller.h"
#include "runs/runmanager.h"
#include "runs/storedrun.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <stdexcept>

class TestRuns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jobResultComesBackOnTheContextThread();
    void jobErrorIsTheExceptionText();
    void destroyedContextHearsNothing();
    void managerOwnsAndReleasesRuns();
    void storedRunReadsScoresAndEvents();
};

void TestRuns::storedRunReadsScoresAndEvents()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string root = dir.path().toStdString();
    ganvas::RunDirectory run(root);
    run.writeConfig(ganvas::TrainingConfig().toJson());
    ganvas::QualityScore a;
    a.epoch = 1, a.step = 937, a.fd = 25.5, a.kid = 2.5, a.precision = 0.5, a.recall = 0.02, a.samples = 2000;
    a.featureNet = "ganvas-classifier fashion-mnist 12345678 (test accuracy 84.8 %), the \"good\" one";
    ganvas::QualityScore b = a;
    b.epoch = 2, b.step = 1874, b.fd = 19.25;
    run.appendQuality(a);
    run.appendQuality(b);
    run.appendEvent(2, 1500, "divergence", "D loss is inf at step 1500, \"epoch 2\"");
    run.appendEvent(2, 1500, "rollback", "to epoch 1 step 937; lr_g 0.0001 lr_d 0.0001");
    QFile csv(dir.filePath("quality.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().startsWith("epoch,step,fd,kid,precision,recall,samples,feature_net"));
    const StoredRun stored = readStoredRun(dir.path());
    QCOMPARE(int(stored.scores.size()), 2);
    QCOMPARE(stored.scores[1].fd, 19.25);
    QCOMPARE(stored.scores[1].step, int64_t(1874));
    // A comma in the network's name cannot break the row.
    QVERIFY(QString::fromStdString(stored.scores[0].featureNet).startsWith("ganvas-classifier fashion-mnist"));
    QCOMPARE(ganvas::bestScore(stored.scores)->epoch, 2);
    QCOMPARE(int(stored.events.size()), 2);
    QCOMPARE(stored.events[0].kind, std::string("divergence"));
    QCOMPARE(stored.events[0].detail, std::string("D loss is inf at step 1500, \"epoch 2\""));
    QCOMPARE(stored.events[1].kind, std::string("rollback"));
    QCOMPARE(stored.events[1].step, int64_t(1500));
    // A resume to before the scores drops the later rows; none at all removes the file.
    run.rewriteQuality({a});
    QCOMPARE(int(ganvas::readQualityCsv(root + "/quality.csv").size()), 1);
    run.rewriteQuality({});
    QVERIFY(!QFile::exists(dir.filePath("quality.csv")));
}

void TestRuns::jobResultComesBackOnTheContextThread()
{
    QObject context;
    QThread *workThread = nullptr;
    QThread *doneThread = nullptr;
    int value = 0;
    bool done = false;
    runInBackground(&context, "test job", [&workThread] {
        workThread = QThread::currentThread();
        return 42;
    }, [&](const JobOutcome<int> &outcome) {
        doneThread = QThread::currentThread();
        QVERIFY(outcome.ok());
        value = outcome.value;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(value, 42);
    QCOMPARE(doneThread, QCoreApplication::instance()->thread());
    QVERIFY(workThread && workThread != doneThread);
}

void TestRuns::jobErrorIsTheExceptionText()
{
    QObject context;
    QString error;
    bool done = false;
    // The failure is logged under ganvas.jobs as well as handed back.
    QTest::ignoreMessage(QtWarningMsg, "test job failed: dataset.bin: truncated");
    auto future = runInBackground(&context, "test job", [] { throw std::runtime_error("dataset.bin: truncated"); },
                                  [&](const auto &outcome) {
                                      error = outcome.error;
                                      done = true;
                                  });
    future.waitForFinished();
    QTRY_VERIFY(done);
    QCOMPARE(error, QStringLiteral("dataset.bin: truncated"));
}

void TestRuns::destroyedContextHearsNothing()
{
    QSemaphore go;
    bool called = false;
    auto *context = new QObject;
    auto future = runInBackground(context, "test job", [&go] {
        go.acquire(); // finishes only after the context is gone
        return 1;
    }, [&called](const auto &) { called = true; });
    delete context;
    go.release();
    future.waitForFinished();
    QTest::qWait(100); // room for a queued callback, if one were (wrongly) posted
    QVERIFY(!called);
}

void TestRuns::managerOwnsAndReleasesRuns()
{
    RunManager manager;
    QCOMPARE(manager.trainingRuns(), 0);
    QCOMPARE(manager.cores(), ganvas::availableCores());
    QVERIFY2(manager.summary().contains("no run is training"), qPrintable(manager.summary()));
    RunController *run = manager.createRun();
    QCOMPARE(run->parent(), &manager);
    QVERIFY(!run->isRunning());
    QPointer<RunController> watch(run);
    manager.releaseRun(run);
    QVERIFY(watch.isNull());
    manager.releaseRun(nullptr); // harmless
    QCOMPARE(manager.threadsOf(run), 0);
}

QTEST_GUILESS_MAIN(TestRuns)
#include "tst_runs.moc"
