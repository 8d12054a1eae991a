// The 2-D lab's engine: point datasets, mode coverage, and a GAN on the plane that learns the
// ring of eight Gaussians, with D-only and G-only steps that leave the other network alone.
#include "toy/toydata.h"
#include "toy/toygan.h"

#include <QtTest>

#include <chrono>
#include <cstdio>

using namespace ganvas::toy;

class TestToyLab : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapesAndTheirModes();
    void coverageCountsModes();
    void badInputsAreNamed();
    void halfStepsLeaveTheOtherAlone();
    void learningRatesChangeLive();
    void viewsHaveTheirShapes();
    void learnsTheRing();
};

void TestToyLab::shapesAndTheirModes()
{
    auto gen = at::detail::createCPUGenerator(1);
    for (Shape s : {Shape::Ring, Shape::Grid, Shape::Moons, Shape::Spiral}) {
        const auto p = samplePoints(s, 4000, gen);
        QCOMPARE(p.size(0), 4000);
        QCOMPARE(p.size(1), 2);
        QVERIFY2(p.abs().max().item<float>() < 1.4f, shapeName(s).c_str()); // within the lab's square
        QCOMPARE(parseShape(shapeName(s)), s);
    }
    QCOMPARE(modeCentres(Shape::Ring).size(0), 8);
    QCOMPARE(modeCentres(Shape::Grid).size(0), 25);
    QCOMPARE(modeCentres(Shape::Moons).size(0), 0);
    // The ring's points lie on the unit circle, spread as said.
    const auto ring = samplePoints(Shape::Ring, 4000, gen);
    const double radius = ring.norm(2, 1).mean().item<double>();
    QVERIFY2(std::abs(radius - 1.0) < 0.01, qPrintable(QString::number(radius)));
    // Drawn points: around what was drawn.
    const auto drawn = torch::tensor({{0.5f, 0.5f}, {-0.5f, 0.0f}});
    const auto around = samplePoints(Shape::Drawn, 1000, gen, drawn);
    const auto nearest = std::get<0>(torch::cdist(around, drawn).min(1));
    QVERIFY(nearest.max().item<float>() < 0.2f);
}

void TestToyLab::coverageCountsModes()
{
    auto gen = at::detail::createCPUGenerator(2);
    const auto real = samplePoints(Shape::Ring, 2000, gen);
    const auto all = modeCoverage(real, modeCentres(Shape::Ring), modeSpread(Shape::Ring));
    QCOMPARE(all.modes, 8);
    QCOMPARE(all.covered, 8);
    QVERIFY(all.goodShare > 0.98);
    const auto grid = samplePoints(Shape::Grid, 5000, gen);
    QCOMPARE(modeCoverage(grid, modeCentres(Shape::Grid), modeSpread(Shape::Grid)).covered, 25);
    // Mode collapse: every point near one centre covers one mode.
    const auto collapsed = modeCentres(Shape::Ring)[3].expand({500, 2}) + 0.01 * torch::randn({500, 2}, gen);
    QCOMPARE(modeCoverage(collapsed, modeCentres(Shape::Ring), modeSpread(Shape::Ring)).covered, 1);
    // Points between the modes are not good points, and cover nothing.
    const auto between = torch::zeros({500, 2});
    const auto none = modeCoverage(between, modeCentres(Shape::Ring), modeSpread(Shape::Ring));
    QCOMPARE(none.covered, 0);
    QCOMPARE(none.goodShare, 0.0);
    // Three modes with a few stray points elsewhere: the strays do not count as covering.
    auto three = torch::cat({modeCentres(Shape::Ring).slice(0, 0, 3).repeat({100, 1}),
                             modeCentres(Shape::Ring).slice(0, 5, 6)});
    QCOMPARE(modeCoverage(three, modeCentres(Shape::Ring), modeSpread(Shape::Ring)).covered, 3);
}

void TestToyLab::badInputsAreNamed()
{
    try {
        parseShape("circle");
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY(QString(e.what()).contains("circle") && QString(e.what()).contains("ring"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ToyGan(ToySettings{}, Shape::Drawn));
    ToySettings bad;
    bad.loss = "l1";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ToyGan(bad, Shape::Ring));
    bad = {};
    bad.lrD = 0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ToyGan(bad, Shape::Ring));
}

static std::vector<torch::Tensor> copyOf(torch::nn::Module &m)
{
    std::vector<torch::Tensor> out;
    for (const auto &p : m.parameters())
        out.push_back(p.detach().clone());
    return out;
}

static bool same(const std::vector<torch::Tensor> &a, torch::nn::Module &m)
{
    const auto now = m.parameters();
    for (size_t i = 0; i < a.size(); ++i)
        if (!torch::equal(a[i], now[i].detach()))
            return false;
    return true;
}

void TestToyLab::learningRatesChangeLive()
{
    // Two equal GANs; one's rates cut a thousandfold mid-run moves its G a thousandth as far.
    ToyGan a(ToySettings{}, Shape::Ring), b(ToySettings{}, Shape::Ring);
    b.setLearningRates(1e-6, 1e-6);
    QCOMPARE(b.settings().lrG, 1e-6);
    const auto before = a.fixedFakes();
    QVERIFY(torch::equal(before, b.fixedFakes()));
    a.stepG();
    b.stepG();
    const double movedA = (a.fixedFakes() - before).abs().max().item<double>();
    const double movedB = (b.fixedFakes() - before).abs().max().item<double>();
    QVERIFY2(movedB > 0 && movedB < movedA / 100, qPrintable(QString("%1 %2").arg(movedA).arg(movedB)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a.setLearningRates(0, 1e-3));
    QCOMPARE(a.settings().lrG, ToySettings{}.lrG); // a refused change changes nothing
}

void TestToyLab::halfStepsLeaveTheOtherAlone()
{
    for (const char *loss : {"bce", "wgan-gp"}) {
        ToySettings s;
        s.loss = loss;
        ToyGan gan(s, Shape::Ring);
        auto g = copyOf(*gan.generator()), d = copyOf(*gan.discriminator());
        gan.stepD();
        QVERIFY2(same(g, *gan.generator()), loss);
        QVERIFY2(!same(d, *gan.discriminator()), loss);
        QCOMPARE(gan.steps(), 1);
        g = copyOf(*gan.generator());
        d = copyOf(*gan.discriminator());
        gan.stepG();
        QVERIFY2(same(d, *gan.discriminator()), loss);
        QVERIFY2(!same(g, *gan.generator()), loss);
        QCOMPARE(gan.steps(), 2);
        gan.step();
        QCOMPARE(gan.steps(), 3); // a whole step is one batch
    }
    // The same seed gives the same run.
    ToyGan a(ToySettings{}, Shape::Grid), b(ToySettings{}, Shape::Grid);
    for (int i = 0; i < 5; ++i) {
        a.step();
        b.step();
    }
    QVERIFY(torch::equal(a.fixedFakes(), b.fixedFakes()));
}

void TestToyLab::viewsHaveTheirShapes()
{
    ToyGan gan(ToySettings{}, Shape::Ring);
    const auto map = gan.decisionMap(40, 1.5);
    QCOMPARE(map.size(0), 40);
    QCOMPARE(map.size(1), 40);
    QVERIFY(map.min().item<float>() >= 0 && map.max().item<float>() <= 1); // bce: a probability
    const auto fakes = gan.fixedFakes();
    QCOMPARE(fakes.size(1), 2);
    const auto before = fakes.clone();
    const auto arrows = gan.fakeGradients(fakes.slice(0, 0, 32));
    QCOMPARE(arrows.size(0), 32);
    QCOMPARE(arrows.size(1), 2);
    QVERIFY(arrows.abs().sum().item<float>() > 0);
    QVERIFY(torch::equal(gan.fixedFakes(), before)); // looking changes nothing
    QCOMPARE(gan.manifold(11).size(0), 121);
    // A small step of a fake along its arrow raises D's verdict on it (G's aim).
    const auto moved = fakes.slice(0, 0, 32) + 1e-3 * arrows / arrows.norm(2, 1, true);
    ToySettings s;
    const auto score = [&](const torch::Tensor &x) {
        torch::NoGradGuard noGrad;
        return gan.discriminator()->forward(x).mean().item<double>();
    };
    QVERIFY(score(moved) > score(fakes.slice(0, 0, 32)));
}

void TestToyLab::learnsTheRing()
{
    // The default toy settings on the ring: how many of the eight modes the fakes cover.
    ToyGan gan(ToySettings{}, Shape::Ring);
    const auto start = std::chrono::steady_clock::now();
    Coverage c;
    int step = 0;
    for (; step < 4000; ++step) {
        gan.step();
        if ((step + 1) % 500 == 0) {
            c = gan.coverage();
            std::printf("step %d: modes covered %d/%d, good points %.2f\n", step + 1, c.covered, c.modes, c.goodShare);
            if (c.covered >= 6 && step + 1 >= 1000)
                break;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("covered %d/8 after %d steps, %.1f s\n", c.covered, step + 1, seconds);
    QVERIFY2(c.covered >= 6, qPrintable(QString("%1 of 8 modes").arg(c.covered)));
}

QTEST_MAIN(TestToyLab)
#include "tst_toylab.moc"
