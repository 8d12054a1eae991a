// One training step taken apart: Next moves exactly one phase, the weights change only where the
// phases say (D at phase 4, G at phase 5), exactly one batch is trained over all phases, Back
// and Next again train nothing more, and one half alone leaves the other network as it was.
#include "engine/stepthrough.h"
#include "engine/trainer.h"
#include "testhelpers.h"

#include <QtTest>

using namespace ganvas;
using namespace ganvas::test;

namespace {

torch::Tensor weights(torch::nn::Module &m)
{
    std::vector<torch::Tensor> parts;
    for (const auto &p : m.parameters())
        parts.push_back(p.detach().cpu().flatten().clone());
    return torch::cat(parts);
}

bool same(const torch::Tensor &a, const torch::Tensor &b)
{
    return torch::equal(a, b);
}

} // namespace

class TestStepThrough : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void phasesOneAtATime_data();
    void phasesOneAtATime();
    void onlyOneHalf();
    void imagesAndScoresHaveTheirShapes();
};

void TestStepThrough::phasesOneAtATime_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("loss");
    QTest::newRow("mlp bce") << "mlp" << "bce";
    QTest::newRow("dcgan bce") << "dcgan" << "bce"; // batch norm in D: real and fake apart
    QTest::newRow("mlp wgan-gp") << "mlp" << "wgan-gp";
}

void TestStepThrough::phasesOneAtATime()
{
    QFETCH(QString, model);
    QFETCH(QString, loss);
    auto c = smallConfig();
    c.model = model.toStdString();
    c.loss = loss.toStdString();
    StepThrough s(c, syntheticImages(96));
    Generator &g = s.trainer().generator();
    Discriminator &d = s.trainer().discriminator();
    const auto g0 = weights(*g), d0 = weights(*d);
    QCOMPARE(s.phase(), StepPhase::RealBatch);
    QVERIFY(!s.back());
    QCOMPARE(int(s.phases().size()), 5);

    for (int p = 2; p <= 3; ++p) { // looking trains nothing
        QVERIFY(s.next());
        QCOMPARE(int(s.phase()), p);
        QVERIFY(same(weights(*g), g0) && same(weights(*d), d0));
    }
    QVERIFY(s.next()); // D's update
    QCOMPARE(s.phase(), StepPhase::DUpdate);
    QVERIFY(!same(weights(*d), d0));
    QVERIFY(same(weights(*g), g0));
    QCOMPARE(s.dSteps(), 1);
    QCOMPARE(s.gSteps(), 0);
    const auto d1 = weights(*d);
    QVERIFY(s.next()); // G's update
    QCOMPARE(s.phase(), StepPhase::GUpdate);
    QVERIFY(!same(weights(*g), g0));
    QVERIFY(same(weights(*d), d1));
    QVERIFY(s.atEnd());
    QVERIFY(!s.next());
    const auto g2 = weights(*g);

    // Back to phase 1 and forward again: what is shown changes, nothing is trained again.
    for (int p = 4; p >= 1; --p) {
        QVERIFY(s.back());
        QCOMPARE(int(s.phase()), p);
    }
    while (s.next()) {
    }
    QCOMPARE(s.dSteps(), 1);
    QCOMPARE(s.gSteps(), 1);
    QVERIFY(same(weights(*g), g2) && same(weights(*d), d1));

    // The next batch trains once more.
    s.begin();
    QCOMPARE(s.phase(), StepPhase::RealBatch);
    while (s.next()) {
    }
    QCOMPARE(s.dSteps(), 2);
    QCOMPARE(s.gSteps(), 2);
}

void TestStepThrough::onlyOneHalf()
{
    StepThrough s(smallConfig(), syntheticImages(96));
    Generator &g = s.trainer().generator();
    Discriminator &d = s.trainer().discriminator();
    auto g0 = weights(*g), d0 = weights(*d);
    s.begin(StepHalves::OnlyD);
    QCOMPARE(int(s.phases().size()), 4);
    while (s.next()) {
    }
    QCOMPARE(s.phase(), StepPhase::DUpdate);
    QVERIFY(same(weights(*g), g0));
    QVERIFY(!same(weights(*d), d0));
    QCOMPARE(s.gSteps(), 0);

    d0 = weights(*d);
    s.begin(StepHalves::OnlyG);
    QCOMPARE(int(s.phases().size()), 4);
    while (s.next()) {
    }
    QCOMPARE(s.phase(), StepPhase::GUpdate);
    QVERIFY(same(weights(*d), d0));
    QVERIFY(!same(weights(*g), g0));
    QCOMPARE(s.dSteps(), 1);
    QCOMPARE(s.gSteps(), 1);
}

void TestStepThrough::imagesAndScoresHaveTheirShapes()
{
    auto c = smallConfig();
    StepThrough s(c, syntheticImages(96, 3, 32)); // colour images
    s.begin(StepHalves::Both, 6);
    const auto &st = s.state();
    QCOMPARE(st.shown, 6);
    QCOMPARE(st.real.channels, 3);
    QCOMPARE(st.real.height, 32 + 4);
    QCOMPARE(st.real.width, 6 * 34 + 2);
    QVERIFY(st.fake.isNull()); // not reached yet
    while (s.next()) {
    }
    QCOMPARE(int(st.realScores.size()), c.batchSize);
    QCOMPARE(int(st.fakeScores.size()), c.batchSize);
    QCOMPARE(int(st.fakeScoresAfterG.size()), c.batchSize);
    for (double v : st.realScores)
        QVERIFY(v > 0 && v < 1); // bce: probabilities
    QVERIFY(!st.fakeAfterG.isNull());
    // D's step lowers its loss on the very batch it learnt from; G's step raises D's verdict
    // on G's images (both from the same z).
    QVERIFY2(st.dLossAfter < st.dLoss, qPrintable(QString("%1 -> %2").arg(st.dLoss).arg(st.dLossAfter)));
    QVERIFY2(st.gLossAfter < st.gLoss, qPrintable(QString("%1 -> %2").arg(st.gLoss).arg(st.gLossAfter)));
}

QTEST_MAIN(TestStepThrough)
#include "tst_stepthrough.moc"
