// Model shapes, the seed's exact sizes, logits out of D, and the losses' values.
#include "engine/precision.h"
#include "losses/ganloss.h"
#include "models/bf16gemm.h"
#include "models/fastlinear.h"
#include "models/modelfactory.h"
#include "models/syncbatchnorm.h"
#include "models/upconv.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QtTest>

using namespace ganvas;

Q_DECLARE_METATYPE(std::string)

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shapes_data();
    void shapes();
    void seedSizes();
    void discriminatorGivesLogits();
    void sameSeedSameWeights();
    void badShape();
    void losses();
    void gradientPenaltyOfLinearCritic();
    void upConvIsConvTranspose();
    void syncBatchNormAloneIsBatchNorm();
    void fastLinearMatchesLinear_data();
    void fastLinearMatchesLinear();
    void fastLinearInBf16_data();
    void fastLinearInBf16();
    void bf16MmLayoutsAndErrors();
    void upConvInBf16();

private:
    static at::Generator gen(uint64_t seed) { return at::make_generator<at::CPUGeneratorImpl>(seed); }
};

void TestModels::shapes_data()
{
    QTest::addColumn<QString>("family");
    QTest::addColumn<int>("channels");
    QTest::addColumn<int>("side");
    QTest::addColumn<QString>("loss");
    for (const char *f : {"mlp", "dcgan"}) {
        QTest::addRow("%s 28x28x1", f) << f << 1 << 28 << "bce";
        QTest::addRow("%s 32x32x3", f) << f << 3 << 32 << "bce";
        QTest::addRow("%s 32x32x3 wgan-gp", f) << f << 3 << 32 << "wgan-gp";
    }
    QTest::addRow("dcgan 64x64x3") << "dcgan" << 3 << 64 << "hinge";
}

void TestModels::shapes()
{
    QFETCH(QString, family);
    QFETCH(int, channels);
    QFETCH(int, side);
    QFETCH(QString, loss);
    const ImageShape shape{channels, side, side};
    auto g = makeGenerator(family.toStdString(), shape, 100, gen(1));
    auto d = makeDiscriminator(family.toStdString(), shape, loss.toStdString(), gen(2));
    const auto images = g->forward(torch::randn({5, 100}));
    QCOMPARE(images.sizes().vec(), (std::vector<int64_t>{5, channels, side, side}));
    QVERIFY(images.min().item<float>() >= -1.0f && images.max().item<float>() <= 1.0f);
    const auto logits = d->forward(images);
    QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{5}));
    // WGAN-GP's critic must not mix samples through batch norm.
    QCOMPARE(d->hasBatchNorm(), family == "dcgan" && loss != "wgan-gp");
}

void TestModels::seedSizes()
{
    // G 100-256-512-1024-784 (BN on the 512 and 1024 layers), D 784-1024-512-256-1.
    auto g = makeGenerator("mlp", {1, 28, 28}, 100, gen(1));
    auto d = makeDiscriminator("mlp", {1, 28, 28}, "bce", gen(1));
    auto count = [](torch::nn::Module &m) {
        int64_t n = 0;
        for (const auto &p : m.parameters())
            n += p.numel();
        return n;
    };
    const int64_t gExpected = (100 * 256 + 256) + (256 * 512 + 512) + 2 * 512 + (512 * 1024 + 1024) + 2 * 1024 +
                              (1024 * 784 + 784);
    const int64_t dExpected = (784 * 1024 + 1024) + (1024 * 512 + 512) + (512 * 256 + 256) + (256 + 1);
    QCOMPARE(count(*g), gExpected);
    QCOMPARE(count(*d), dExpected);
    auto g3 = makeGenerator("mlp", {3, 32, 32}, 100, gen(1));
    QCOMPARE(g3->forward(torch::randn({2, 100})).sizes().vec(), (std::vector<int64_t>{2, 3, 32, 32}));
}

void TestModels::discriminatorGivesLogits()
{
    // A sigmoid at the end would keep every output in (0, 1); logits of a D whose last layer
    // is scaled up must leave that range on both sides.
    auto d = makeDiscriminator("mlp", {1, 28, 28}, "bce", gen(3));
    {
        torch::NoGradGuard noGrad;
        for (auto &p : d->parameters())
            p.mul_(8);
    }
    const auto out = d->forward(torch::rand({64, 1, 28, 28}) * 2 - 1);
    QVERIFY2(out.min().item<float>() < 0.0f, "no negative logits");
    QVERIFY2(out.max().item<float>() > 1.0f, "no logits above 1");
}

void TestModels::sameSeedSameWeights()
{
    auto a = makeGenerator("dcgan", {1, 28, 28}, 100, gen(9));
    auto b = makeGenerator("dcgan", {1, 28, 28}, 100, gen(9));
    auto c = makeGenerator("dcgan", {1, 28, 28}, 100, gen(10));
    const auto pa = a->parameters(), pb = b->parameters(), pc = c->parameters();
    QVERIFY(torch::equal(pa[0], pb[0]));
    QVERIFY(!torch::equal(pa[0], pc[0]));
    // DCGAN's N(0, 0.02) initialisation.
    QVERIFY(std::abs(pa[0].std().item<float>() - 0.02f) < 0.002f);
}

void TestModels::badShape()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeGenerator("dcgan", {1, 28, 20}, 100, gen(1)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeGenerator("dcgan", {1, 10, 10}, 100, gen(1)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeGenerator("resnet", {1, 28, 28}, 100, gen(1)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parseLoss("kl"));
}

void TestModels::losses()
{
    const auto real = torch::tensor({2.0f, -1.0f});
    const auto fake = torch::tensor({0.5f, -3.0f});
    const auto ones = torch::ones({2}), zeros = torch::zeros({2});
    auto sp = [](double x) { return std::log1p(std::exp(x)); };
    // BCE on logits: real -> 1, fake -> 0, summed.
    const double bce = (sp(-2.0) + sp(1.0)) / 2 + (sp(0.5) + sp(-3.0)) / 2;
    QVERIFY(std::abs(discriminatorLoss(LossKind::Bce, real, fake, ones, zeros).item<double>() - bce) < 1e-5);
    QVERIFY(std::abs(generatorLoss(LossKind::Bce, fake).item<double>() - (sp(-0.5) + sp(3.0)) / 2) < 1e-5);
    // One-sided smoothing moves the real target only.
    const auto smoothed = torch::full({2}, 0.9f);
    QVERIFY(std::abs(discriminatorLoss(LossKind::Bce, real, fake, smoothed, zeros).item<double>() - bce) > 1e-3);
    const double ls = 0.5 * (((2 - 1.0) * (2 - 1.0) + 4.0) / 2 + (0.25 + 9.0) / 2);
    QVERIFY(std::abs(discriminatorLoss(LossKind::Lsgan, real, fake, ones, zeros).item<double>() - ls) < 1e-5);
    const double hinge = (0.0 + 2.0) / 2 + (1.5 + 0.0) / 2;
    QVERIFY(std::abs(discriminatorLoss(LossKind::Hinge, real, fake, {}, {}).item<double>() - hinge) < 1e-5);
    QVERIFY(std::abs(discriminatorLoss(LossKind::WganGp, real, fake, {}, {}).item<double>() - (-1.25 - 0.5)) < 1e-5);
    QVERIFY(std::abs(generatorLoss(LossKind::Hinge, fake).item<double>() - 1.25) < 1e-5);
}

void TestModels::gradientPenaltyOfLinearCritic()
{
    // For D(x) = w.x + b the input gradient is w everywhere: penalty = (|w| - 1)^2.
    torch::nn::Sequential body(torch::nn::Flatten(), torch::nn::Linear(4, 1));
    Discriminator d(body, false);
    {
        torch::NoGradGuard noGrad;
        auto w = d->parameters()[0];
        w.copy_(torch::tensor({{3.0f, 0.0f, 4.0f, 0.0f}}));
    }
    const auto real = torch::randn({6, 1, 2, 2}), fake = torch::randn({6, 1, 2, 2});
    const auto gp = gradientPenalty(d, real, fake, gen(4));
    QVERIFY(std::abs(gp.item<double>() - 16.0) < 1e-4);
    QVERIFY(gp.requires_grad()); // it must train D
}

void TestModels::fastLinearMatchesLinear_data()
{
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("in");
    QTest::addColumn<int>("out");
    QTest::addColumn<int>("needs"); // 3: input and weight grads, 2: weight only, 1: input only
    QTest::newRow("D layer 1, weights only") << 256 << 784 << 1024 << 2;
    QTest::newRow("G layer 4, both") << 128 << 1024 << 784 << 3;
    QTest::newRow("odd sizes, input only") << 65 << 33 << 17 << 1;
    QTest::newRow("one output") << 64 << 256 << 1 << 3;
}

void TestModels::fastLinearMatchesLinear()
{
    QFETCH(int, batch);
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(int, needs);
    torch::set_num_threads(2); // the paired path needs two threads
    FastLinear fast(in, out);
    auto x = torch::randn({batch, in});
    auto g = torch::randn({batch, out});
    auto run = [&](bool paired) {
        setPairedProducts(paired);
        for (auto &p : fast->parameters())
            p.mutable_grad() = torch::Tensor();
        fast->weight.requires_grad_(needs & 2);
        auto xi = x.clone().requires_grad_(needs & 1);
        auto y = fast->forward(xi);
        y.backward(g);
        return std::make_tuple(y.detach(), xi.grad(), fast->weight.grad(), fast->bias.grad());
    };
    const auto [y1, gx1, gw1, gb1] = run(true);
    const auto [y0, gx0, gw0, gb0] = run(false);
    setPairedProducts(true);
    fast->weight.requires_grad_(true);
    QVERIFY(torch::allclose(y1, y0, 1e-4, 1e-5));
    QVERIFY(torch::allclose(y0, torch::linear(x, fast->weight, fast->bias).detach(), 1e-4, 1e-5));
    QVERIFY(torch::allclose(gb1, gb0, 1e-4, 1e-4));
    QCOMPARE(gx1.defined(), bool(needs & 1));
    QCOMPARE(gw1.defined(), bool(needs & 2));
    if (needs & 1)
        QVERIFY(torch::allclose(gx1, gx0, 1e-4, 1e-4));
    if (needs & 2)
        QVERIFY(torch::allclose(gw1, gw0, 1e-4, 1e-3));
}

void TestModels::upConvIsConvTranspose()
{
    // The DCGAN's upsampling, through the convolution's backward-data kernel, against torch's
    // ConvTranspose2d with the same weights: forward and both gradients.
    for (auto [in, out, side, bias] : {std::tuple{128, 64, 7, false}, std::tuple{64, 3, 16, true}}) {
        torch::manual_seed(3);
        UpConv up(in, out, bias);
        torch::nn::ConvTranspose2d ref(torch::nn::ConvTranspose2dOptions(in, out, 4).stride(2).padding(1).bias(bias));
        {
            torch::NoGradGuard noGrad;
            up->weight.normal_(0, 0.02);
            ref->weight.copy_(up->weight);
            if (bias) {
                up->bias.normal_(0, 0.1);
                ref->bias.copy_(up->bias);
            }
        }
        auto x = torch::randn({8, in, side, side}).requires_grad_(true);
        auto x2 = x.detach().clone().requires_grad_(true);
        const auto y = up->forward(x), y2 = ref->forward(x2);
        QCOMPARE(y.sizes(), y2.sizes());
        QCOMPARE(y.size(2), 2 * side);
        QVERIFY((y - y2).abs().max().item<double>() < 1e-5 * (1 + y2.abs().max().item<double>()));
        const auto g = torch::randn_like(y);
        y.backward(g);
        y2.backward(g);
        auto close = [](const torch::Tensor &a, const torch::Tensor &b) {
            return (a - b).abs().max().item<double>() < 1e-5 * (1 + b.abs().max().item<double>());
        };
        QVERIFY(close(x.grad(), x2.grad()));
        QVERIFY(close(up->weight.grad(), ref->weight.grad()));
        if (bias)
            QVERIFY(close(up->bias.grad(), ref->bias.grad()));
        // A wrong kernel would not pass: the same weights flipped give another output.
        {
            torch::NoGradGuard noGrad;
            up->weight.copy_(up->weight.flip({2}));
        }
        QVERIFY(!close(up->forward(x), y2));
    }
}

void TestModels::syncBatchNormAloneIsBatchNorm()
{
    // Without a process group it is torch's BatchNorm: outputs, running statistics, gradients.
    torch::manual_seed(4);
    SyncBatchNorm ours(16);
    torch::nn::BatchNorm2d ref(16);
    auto x = (torch::randn({8, 16, 5, 5}) * 3 + 1).requires_grad_(true);
    auto x2 = x.detach().clone().requires_grad_(true);
    const auto y = ours->forward(x), y2 = ref->forward(x2);
    QVERIFY((y - y2).abs().max().item<double>() < 1e-5);
    QVERIFY((ours->running_mean - ref->running_mean).abs().max().item<double>() < 1e-6);
    QVERIFY((ours->running_var - ref->running_var).abs().max().item<double>() < 1e-6);
    QCOMPARE(ours->num_batches_tracked.item<int64_t>(), int64_t(1));
    (y * y).sum().backward();
    (y2 * y2).sum().backward();
    QVERIFY((x.grad() - x2.grad()).abs().max().item<double>() < 1e-4);
    QCOMPARE(setBatchNormGroup(*ours, nullptr), 1);
    ours->eval();
    ref->eval();
    QVERIFY((ours->forward(x) - ref->forward(x2)).abs().max().item<double>() < 1e-5);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"

void TestModels::fastLinearInBf16_data()
{
    fastLinearMatchesLinear_data();
}

namespace {
torch::Tensor asBf16Double(const torch::Tensor &t)
{
    return t.to(torch::kBFloat16).to(torch::kDouble);
}
double maxRelative(const torch::Tensor &got, const torch::Tensor &want)
{
    return ((got.to(torch::kDouble) - want).abs().max() / want.abs().max()).item<double>();
}
} // namespace

void TestModels::fastLinearInBf16()
{
    if (!cpuBf16Kernels())
        QSKIP("no oneDNN bfloat16 products here (built without libdnnl-dev, or a CPU without AVX512-BF16/AMX)");
    QFETCH(int, batch);
    QFETCH(int, in);
    QFETCH(int, out);
    QFETCH(int, needs);
    FastLinear fast(in, out);
    const auto x = torch::randn({batch, in}), g = torch::randn({batch, out});
    for (const int threads : {1, 2}) {
        torch::set_num_threads(threads);
        for (auto &p : fast->parameters())
            p.mutable_grad() = torch::Tensor();
        fast->weight.requires_grad_(needs & 2);
        auto xi = x.clone().requires_grad_(needs & 1);
        torch::Tensor y;
        {
            const AutocastScope bf16(Precision::Bf16, torch::kCPU);
            y = fast->forward(xi);
        }
        QCOMPARE(y.scalar_type(), torch::kFloat); // float32 results, not bfloat16
        y.backward(g);
        // What the products must be: operands rounded to bfloat16, sums exact (float64 here).
        const auto w = fast->weight.detach();
        const auto yWant = asBf16Double(x).mm(asBf16Double(w).t()) + fast->bias.detach().to(torch::kDouble);
        QVERIFY2(maxRelative(y, yWant) < 1e-5, qPrintable(QString::number(maxRelative(y, yWant))));
        // ... and not the float32 products (the bfloat16 path really ran).
        const auto y32 = torch::linear(x, w, fast->bias.detach());
        QVERIFY(maxRelative(y32, yWant) > 1e-4);
        QVERIFY(torch::allclose(fast->bias.grad(), g.sum(0), 1e-4, 1e-4));
        QCOMPARE(xi.grad().defined(), bool(needs & 1));
        QCOMPARE(fast->weight.grad().defined(), bool(needs & 2));
        if (needs & 1)
            QVERIFY(maxRelative(xi.grad(), asBf16Double(g).mm(asBf16Double(w))) < 1e-5);
        if (needs & 2)
            QVERIFY(maxRelative(fast->weight.grad(), asBf16Double(g).t().mm(asBf16Double(x))) < 1e-5);
    }
    fast->weight.requires_grad_(true);
    // A backward that is itself differentiated (WGAN-GP's penalty) still works under bf16.
    auto xi = x.clone().requires_grad_(true);
    torch::Tensor penalty;
    {
        const AutocastScope bf16(Precision::Bf16, torch::kCPU);
        const auto y = fast->forward(xi);
        const auto gx = torch::autograd::grad({y.pow(2).sum()}, {xi}, {}, true, true)[0];
        penalty = gx.pow(2).sum();
    }
    penalty.backward();
    QVERIFY(fast->weight.grad().defined());
    QVERIFY(torch::isfinite(fast->weight.grad()).all().item<bool>());
}

void TestModels::bf16MmLayoutsAndErrors()
{
    if (!cpuBf16Kernels())
        QSKIP("no oneDNN bfloat16 products here (built without libdnnl-dev, or a CPU without AVX512-BF16/AMX)");
    const auto a = torch::randn({37, 19}).to(torch::kBFloat16), bt = torch::randn({23, 19}).to(torch::kBFloat16);
    const auto bias = torch::randn({23});
    auto out = torch::randn({37, 23});
    const auto before = out.to(torch::kDouble);
    bf16Mm(out, a, bt.t(), bias, 0.5f); // b as a transposed view, a bias and beta
    const auto want = a.to(torch::kDouble).mm(bt.to(torch::kDouble).t()) + bias.to(torch::kDouble) + 0.5 * before;
    QVERIFY(maxRelative(out, want) < 1e-5);
    auto out2 = torch::empty({19, 23});
    const auto c = torch::randn({37, 23}).to(torch::kBFloat16);
    bf16Mm(out2, a.t(), c); // a transposed view as the left operand
    QVERIFY(maxRelative(out2, a.t().to(torch::kDouble).mm(c.to(torch::kDouble))) < 1e-5);
    auto wrong = torch::empty({37, 22});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bf16Mm(wrong, a, bt.t()));
    auto fl = torch::empty({37, 23});
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bf16Mm(fl, a.to(torch::kFloat), bt.t()));
}

void TestModels::upConvInBf16()
{
    if (!cpuHasBf16())
        QSKIP("a CPU without AVX512-BF16/AMX: bf16 is refused here");
    // Under bf16 autocast: float32 out, near ConvTranspose2d on bfloat16-rounded operands, and
    // not the float32 result (the bfloat16 kernels really ran); both gradients likewise.
    torch::manual_seed(5);
    UpConv up(64, 32, true);
    torch::nn::ConvTranspose2d ref(torch::nn::ConvTranspose2dOptions(64, 32, 4).stride(2).padding(1));
    {
        torch::NoGradGuard noGrad;
        up->weight.normal_(0, 0.02);
        up->bias.zero_(); // so that the result itself shows the bfloat16 kernels (below)
        ref->weight.copy_(up->weight.to(torch::kBFloat16).to(torch::kFloat));
        ref->bias.copy_(up->bias);
    }
    const auto x = torch::randn({4, 64, 8, 8});
    auto xi = x.clone().requires_grad_(true);
    torch::Tensor y;
    {
        const AutocastScope bf16(Precision::Bf16, torch::kCPU);
        y = up->forward(xi);
    }
    QCOMPARE(y.scalar_type(), torch::kFloat);
    auto xr = x.to(torch::kBFloat16).to(torch::kFloat).requires_grad_(true);
    const auto want = ref->forward(xr);
    const auto scale = want.abs().max().item<double>();
    const double offWant = (y - want).abs().max().item<double>() / scale;
    
    // oneDNN's bfloat16 convolution rounds its result to bfloat16 too: half a unit, 2^-9.
    QVERIFY2(offWant < 4e-3, "not the product of the rounded operands");
    torch::Tensor exact;
    {
        torch::NoGradGuard noGrad;
        exact = torch::conv_transpose2d(x, up->weight, up->bias, 2, 1);
    }
    // Every value is a bfloat16 one: the convolution ran in bfloat16, not float32.
    QVERIFY(torch::equal(y.detach(), y.detach().to(torch::kBFloat16).to(torch::kFloat)));
    QVERIFY(!torch::equal(exact, exact.to(torch::kBFloat16).to(torch::kFloat)));
    const auto g = torch::randn_like(y);
    y.backward(g);
    want.backward(g);
    auto near = [](const torch::Tensor &a, const torch::Tensor &b) {
        return (a - b).abs().max().item<double>() < 2e-2 * b.abs().max().item<double>();
    };
    QVERIFY(near(xi.grad(), xr.grad()));
    QVERIFY(near(up->weight.grad(), ref->weight.grad()));
    QVERIFY(near(up->bias.grad(), ref->bias.grad()));
}
