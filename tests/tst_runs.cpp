// The run lifecycle library's pieces that need no training: the one background-job path
// (results and errors come back on the context's thread, never to a destroyed context) and the
// RunManager's account of the cores.
#include "engine/cpuruntime.h"
#include "runs/backgroundjob.h"
#include "runs/runcontroller.h"
#include "runs/runmanager.h"

#include <QCoreApplication>
#include <QSemaphore>
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
};

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
    QVERIFY2(manager.summary().contains("no run training"), qPrintable(manager.summary()));
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
