// Does the GAN learn? After a short run on real Fashion-MNIST images, statistics of the
// generated images must move measurably toward the real data's. A broken loss, a sigmoid
// applied twice, a frozen optimiser or fixed training noise fails this.
#include "data/datasetlocator.h"
#include "engine/sampler.h"
#include "engine/trainer.h"

#include <ATen/CPUGeneratorImpl.h>
#include <QtTest>

#include <filesystem>

using namespace ganvas;

class TestLearning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatorMovesTowardRealData();
};

namespace {

struct Stats
{
    torch::Tensor meanImage; // per-pixel mean in [0, 1]
    torch::Tensor histogram; // 16-bin histogram of pixel values, normalised
};

Stats statsOf(const torch::Tensor &uint8Images)
{
    const auto x = uint8Images.to(torch::kFloat).div(255.0).flatten(1);
    return {x.mean(0), torch::histc(x, 16, 0.0, 1.0) / double(x.numel())};
}

double distance(const Stats &a, const Stats &b)
{
    return (a.meanImage - b.meanImage).abs().mean().item<double>() +
           (a.histogram - b.histogram).abs().sum().item<double>();
}

} // namespace

void TestLearning::generatorMovesTowardRealData()
{
    if (!std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"))
        QSKIP("dataset-fashion-mnist is not installed");
    const ImageSet data = loadDataset("fashion-mnist", "", 4096);
    const auto real = torch::from_blob(const_cast<uint8_t *>(data.pixels.data()), {data.count, 1, 28, 28},
                                       torch::kUInt8);
    const Stats target = statsOf(real);

    TrainingConfig c;
    c.limit = 4096;
    c.epochs = 4;
    c.batchSize = 64;
    c.lrG = c.lrD = 2e-4;
    c.beta1G = c.beta1D = 0.5;
    c.seed = 5;
    c.scoreEvery = 0; // this measures the data's statistics itself
    Trainer t(c, data);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(99);
    const auto probe = torch::randn({512, c.latentSize}, gen);
    const double before = distance(statsOf(generateImages(t.generator(), probe)), target);
    t.run();
    const double after = distance(statsOf(generateImages(t.generator(), probe)), target);
    qInfo("distance to the real data's statistics: %.4f before, %.4f after %d epochs", before, after, c.epochs);
    QVERIFY2(after < 0.5 * before, qPrintable(QString("before %1 after %2").arg(before).arg(after)));
    // D must have been fooled part of the time, not collapsed to certainty.
    const auto &last = t.history().back();
    QVERIFY2(last.dFake > 0.01 && last.dReal < 0.999, qPrintable(QString("D(x) %1 D(G(z)) %2").arg(last.dReal).arg(last.dFake)));
}

QTEST_GUILESS_MAIN(TestLearning)
#include "tst_learning.moc"
