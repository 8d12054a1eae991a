// The step-through window on real Fashion-MNIST images: one phase per Next, exactly one batch
// trained over the five phases, Back trains nothing, the explanation follows the phase, Play
// walks on by itself, one half alone trains only that network, and a bad setting is said.
#include "runs/stepthroughsession.h"
#include "scoredimagestrip.h"
#include "scorehistogram.h"
#include "support/messagebar.h"
#include "windows/stepthroughwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

class TestStepThroughWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void walksOnePhaseAtATime();
    void playsByItself();
    void onlyOneHalf();
    void badSettingsAreSaid();
    void histogramCounts();

private:
    static ganvas::TrainingConfig config()
    {
        ganvas::TrainingConfig c;
        c.dataset = "fashion-mnist";
        c.limit = 512;
        c.batchSize = 64;
        c.threads = 2;
        return c;
    }
    static bool openAndWait(StepThroughWindow &w, const ganvas::TrainingConfig &c)
    {
        QSignalSpy ready(w.session(), &StepThroughSession::ready);
        w.open(c);
        return ready.wait(60000);
    }
};

void TestStepThroughWindow::walksOnePhaseAtATime()
{
    StepThroughWindow w;
    w.show();
    QVERIFY(openAndWait(w, config()));
    StepThroughSession *s = w.session();
    QCOMPARE(s->view().phase, 1);
    QVERIFY(w.phaseTitle().startsWith("Phase 1 of 5"));
    QVERIFY(!w.backButton()->isEnabled());
    QCOMPARE(s->view().real.channels, 1);
    QCOMPARE(s->view().shown, 8);
    const QStringList texts = StepThroughWindow::explanations();
    QCOMPARE(texts.size(), 5);
    for (int phase = 2; phase <= 5; ++phase) {
        w.nextButton()->click();
        QCOMPARE(s->view().phase, phase); // exactly one phase per Next
        QVERIFY(w.phaseTitle().startsWith(QString("Phase %1 of 5").arg(phase)));
        QVERIFY(w.explanation()->text().startsWith(texts[phase - 1]));
        QCOMPARE(s->dSteps(), phase >= 4 ? 1 : 0);
        QCOMPARE(s->gSteps(), phase >= 5 ? 1 : 0);
    }
    // Scores under the images: before and after D's update.
    auto strips = w.findChildren<ScoredImageStrip *>();
    QCOMPARE(strips.size(), 3);
    QVERIFY(strips[0]->scoreText(0).contains(QString::fromUtf8("→")));
    QCOMPARE(s->view().realScores.size(), 64);
    QCOMPARE(s->view().batches, 1);
    // Back and forth again: nothing more is trained.
    for (int phase = 4; phase >= 1; --phase) {
        w.backButton()->click();
        QCOMPARE(s->view().phase, phase);
    }
    for (int i = 0; i < 4; ++i)
        w.nextButton()->click();
    QCOMPARE(s->view().phase, 5);
    QCOMPARE(s->dSteps(), 1);
    QCOMPARE(s->gSteps(), 1);
    // Next after the last phase: a new batch at phase 1.
    QVERIFY(w.nextButton()->text().contains("Next batch"));
    w.nextButton()->click();
    QCOMPARE(s->view().phase, 1);
    QCOMPARE(s->dSteps(), 1);
}

void TestStepThroughWindow::playsByItself()
{
    StepThroughWindow w;
    w.show();
    QVERIFY(openAndWait(w, config()));
    auto *speed = w.findChild<QSlider *>();
    QVERIFY(speed);
    speed->setValue(speed->maximum()); // five phases a second
    QSignalSpy shown(&w, &StepThroughWindow::shown);
    w.playButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(w.session()->gSteps() >= 2, 20000); // through phase 5 twice
    w.playButton()->click();
    QVERIFY(!w.playButton()->isChecked());
    const qint64 d = w.session()->dSteps();
    QTest::qWait(600);
    QCOMPARE(w.session()->dSteps(), d); // paused
    QVERIFY(shown.count() >= 9); // phases 2-5, a new batch at 1, its 2-5
}

void TestStepThroughWindow::onlyOneHalf()
{
    StepThroughWindow w;
    w.show();
    QVERIFY(openAndWait(w, config()));
    auto *halves = w.findChild<QComboBox *>();
    QVERIFY(halves);
    halves->setCurrentIndex(1); // only D
    QVERIFY(w.session()->view().onlyD);
    QCOMPARE(w.session()->view().count, 4);
    for (int i = 0; i < 3; ++i)
        w.nextButton()->click();
    QCOMPARE(w.session()->view().phase, 4);
    QCOMPARE(w.session()->dSteps(), 1);
    QCOMPARE(w.session()->gSteps(), 0);
    QVERIFY(w.explanation()->text().contains("only D"));
    halves->setCurrentIndex(2); // only G: phase 4 is left out
    for (int i = 0; i < 3; ++i)
        w.nextButton()->click();
    QCOMPARE(w.session()->view().phase, 5);
    QCOMPARE(w.session()->dSteps(), 1);
    QCOMPARE(w.session()->gSteps(), 1);
}

void TestStepThroughWindow::badSettingsAreSaid()
{
    StepThroughWindow w;
    w.show();
    auto c = config();
    c.dataset = "/nonexistent/images";
    QSignalSpy failed(w.session(), &StepThroughSession::failed);
    w.open(c);
    QVERIFY(failed.wait(30000));
    QVERIFY(w.messages()->isError());
    QVERIFY2(w.messages()->text().contains("/nonexistent/images"), qPrintable(w.messages()->text()));
    QVERIFY(!w.nextButton()->isEnabled());
}

void TestStepThroughWindow::histogramCounts()
{
    const auto h = ScoreHistogram::histogram({0.0, 0.04, 0.5, 0.99, 1.0, 2.0}, 0, 1, 10);
    QCOMPARE(h.size(), 10);
    QCOMPARE(h[0], 2);
    QCOMPARE(h[5], 1);
    QCOMPARE(h[9], 3); // 0.99, and 1.0 and 2.0 clamped into the last bin
}

QTEST_MAIN(TestStepThroughWindow)
#include "tst_stepthroughwindow.moc"
