// D's view: the trainer's sample of D's verdicts (right sizes, the extremes really the extremes,
// and looking changes nothing of the run), the advisor's plain sentences (D wins, variety lost,
// and no false alarm), and the main window's D's view panel filling while a real run trains.
#include "engine/trainer.h"
#include "panels/discriminatorpanel.h"
#include "testhelpers.h"
#include "windows/discriminatordock.h"
#include "mainwindowtesthelpers.h"
#include "windows/mainwindow.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace ganvas;
using namespace ganvas::test;

namespace {

DiscriminatorView view(std::vector<double> real, std::vector<double> fake)
{
    DiscriminatorView v;
    v.realScores = std::move(real);
    v.fakeScores = std::move(fake);
    return v;
}

} // namespace

class TestDiscriminatorView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trainerView();
    void lookingChangesNothing();
    void advisorSaysWhenDWins();
    void advisorSaysWhenVarietyIsLost();
    void panelFillsWhileTraining();

private:
    QTemporaryDir m_dir;
};

void TestDiscriminatorView::trainerView()
{
    Trainer t(smallConfig(), syntheticImages(96));
    t.trainStep();
    const auto v = t.discriminatorView(48);
    QCOMPARE(int(v.realScores.size()), 48);
    QCOMPARE(int(v.fakeScores.size()), 48);
    QVERIFY(v.probability);
    for (double s : v.realScores)
        QVERIFY(s >= 0 && s <= 1);
    QCOMPARE(v.mostRealRealScore, *std::max_element(v.realScores.begin(), v.realScores.end()));
    QCOMPARE(v.mostFakeRealScore, *std::min_element(v.realScores.begin(), v.realScores.end()));
    QCOMPARE(v.mostRealFakeScore, *std::max_element(v.fakeScores.begin(), v.fakeScores.end()));
    QCOMPARE(v.mostFakeFakeScore, *std::min_element(v.fakeScores.begin(), v.fakeScores.end()));
    QCOMPARE(v.mostRealReal.width, 28);
    QCOMPARE(v.mostRealFake.channels, 1);
    QCOMPARE(v.step, 1);
}

void TestDiscriminatorView::lookingChangesNothing()
{
    // Two runs with one seed, one looked at after every step: the same weights and statistics.
    auto c = smallConfig();
    c.model = "dcgan"; // batch norm in both networks
    Trainer a(c, syntheticImages(96)), b(c, syntheticImages(96));
    for (int i = 0; i < 3; ++i) {
        a.trainStep();
        b.trainStep();
        b.discriminatorView();
    }
    QVERIFY(torch::equal(snapshot(*a.generator()), snapshot(*b.generator())));
    QVERIFY(torch::equal(snapshot(*a.discriminator()), snapshot(*b.discriminator())));
}

void TestDiscriminatorView::advisorSaysWhenDWins()
{
    DiscriminatorAdvisor adv;
    const auto apart = view({0.95, 0.97, 0.99}, {0.01, 0.03, 0.05});
    const auto mixed = view({0.6, 0.4, 0.7}, {0.5, 0.45, 0.3});
    for (int i = 0; i < DiscriminatorAdvisor::kWinningViews - 1; ++i)
        adv.addView(apart);
    QVERIFY(!adv.dWins()); // not yet "for a while"
    QVERIFY(adv.advice().isEmpty());
    adv.addView(apart);
    QVERIFY(adv.dWins());
    QVERIFY(adv.advice().contains("D is winning"));
    QVERIFY(adv.advice().contains("learning rate for D"));
    adv.addView(mixed); // G catches up: the sentence goes
    QVERIFY(!adv.dWins());
    // Raw scores (hinge, wgan-gp): every real above every fake counts as apart too.
    DiscriminatorAdvisor raw;
    for (int i = 0; i < DiscriminatorAdvisor::kWinningViews; ++i) {
        auto v = view({3.0, 4.5}, {-2.0, 1.0});
        v.probability = false;
        raw.addView(v);
    }
    QVERIFY(raw.dWins());
    // bce: sure on average, though a few verdicts overlap (the lesson "When D is too strong"
    // gives about this); a balanced run (means near 0.6 and 0.4) is not.
    DiscriminatorAdvisor sure, balanced;
    for (int i = 0; i < DiscriminatorAdvisor::kWinningViews; ++i) {
        sure.addView(view({0.99, 0.99, 0.98, 0.97, 0.96, 0.95, 0.99, 0.98, 0.97, 0.15},
                           {0.05, 0.1, 0.2, 0.02, 0.03, 0.05, 0.04, 0.02, 0.1, 0.05}));
        balanced.addView(view({0.7, 0.6, 0.5}, {0.5, 0.4, 0.3}));
    }
    QVERIFY(sure.dWins());
    QVERIFY(!balanced.dWins());
}

void TestDiscriminatorView::advisorSaysWhenVarietyIsLost()
{
    DiscriminatorAdvisor adv;
    QualityScore s;
    s.epoch = 1, s.recall = 0.0;
    adv.addScore(s);
    s.epoch = 2, s.recall = 0.01;
    adv.addScore(s);
    QVERIFY(!adv.varietyLost()); // low from the start: normal early on, no false alarm
    s.epoch = 3, s.recall = 0.12;
    adv.addScore(s);
    QVERIFY(!adv.varietyLost());
    s.epoch = 4, s.recall = 0.04;
    adv.addScore(s);
    QVERIFY(adv.varietyLost());
    QVERIFY2(adv.advice().contains("mode collapse") && adv.advice().contains("0.12"), qPrintable(adv.advice()));
}

void TestDiscriminatorView::panelFillsWhileTraining()
{
    if (!haveFashionMnist())
        QSKIP("dataset-fashion-mnist is not installed");
    isolateWindowState(m_dir.path());
    MainWindow w;
    w.setAskBeforeClosing(false);
    w.setLimit(1024);
    w.setEpochs(2);
    w.findChild<QSpinBox *>("score_every")->setValue(0);
    w.show();
    DiscriminatorDock *dock = w.discriminatorDock();
    QVERIFY(dock);
    QVERIFY(!dock->isVisible()); // a newcomer's window is unchanged
    QAction *toggle = dock->toggleViewAction();
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
    toggle->trigger();
    QVERIFY(dock->isVisible());
    QSignalSpy finished(&w, &MainWindow::runFinished);
    w.startAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(dock->panel()->statusText().startsWith("Epoch"), 60000);
    QVERIFY(finished.wait(120000));
}

QTEST_MAIN(TestDiscriminatorView)
#include "tst_discriminatorview.moc"
