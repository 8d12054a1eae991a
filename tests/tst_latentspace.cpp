// Walking through a trained generator's noise space: rendering, linear and spherical
// interpolation, random and principal directions, a random walk, and a walk written as a GIF
// (decoded again, frame by frame) and a PNG strip; grey and colour generators.
#include "engine/latentspace.h"
#include "engine/trainer.h"
#include "media/gifwriter.h"
#include "media/pngio.h"
#include "testhelpers.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace ganvas;
using namespace ganvas::test;

namespace {

double norm(const Latent &z)
{
    double s = 0;
    for (float v : z)
        s += double(v) * v;
    return std::sqrt(s);
}

double meanAbsDiff(const Image8 &a, const Image8 &b)
{
    double s = 0;
    for (size_t i = 0; i < a.pixels.size(); ++i)
        s += std::abs(int(a.pixels[i]) - int(b.pixels[i]));
    return s / double(a.pixels.size());
}

} // namespace

class TestLatentSpace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rendersGreyAndColour();
    void interpolates();
    void directions();
    void randomWalkAndExports();
    void badInputsAreNamed();

private:
    QString checkpoint(int channels);
    QTemporaryDir m_dir;
    QString m_grey, m_colour;
};

QString TestLatentSpace::checkpoint(int channels)
{
    auto c = smallConfig();
    Trainer t(c, syntheticImages(64, channels, channels == 1 ? 28 : 32));
    for (int i = 0; i < 4; ++i)
        t.trainStep();
    const QString path = m_dir.filePath(QString("g%1.ckpt").arg(channels));
    t.saveCheckpointTo(path.toStdString());
    return path;
}

void TestLatentSpace::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_grey = checkpoint(1);
    m_colour = checkpoint(3);
}

void TestLatentSpace::rendersGreyAndColour()
{
    LatentSpace grey(m_grey.toStdString()), colour(m_colour.toStdString());
    QCOMPARE(grey.latentSize(), 100);
    QCOMPARE(grey.channels(), 1);
    QCOMPARE(colour.channels(), 3);
    const Latent z = grey.randomLatent(5);
    QCOMPARE(z, grey.randomLatent(5)); // the same seed, the same z
    QVERIFY(z != grey.randomLatent(6));
    const auto images = grey.render({z, grey.randomLatent(6)});
    QCOMPARE(int(images.size()), 2);
    QCOMPARE(images[0].width, 28);
    QCOMPARE(images[0].channels, 1);
    QCOMPARE(grey.render({z})[0].pixels, images[0].pixels); // eval mode: deterministic
    const auto rgb = colour.render({colour.randomLatent(1)});
    QCOMPARE(rgb[0].channels, 3);
    QCOMPARE(rgb[0].width, 32);
}

void TestLatentSpace::interpolates()
{
    LatentSpace s(m_grey.toStdString());
    const Latent a = s.randomLatent(1), b = s.randomLatent(2);
    for (auto how : {Interpolation::Linear, Interpolation::Spherical}) {
        const auto path = LatentSpace::interpolate(a, b, 9, how);
        QCOMPARE(int(path.size()), 9);
        for (size_t k = 0; k < a.size(); ++k) {
            QVERIFY(std::abs(path.front()[k] - a[k]) < 1e-5);
            QVERIFY(std::abs(path.back()[k] - b[k]) < 1e-5);
        }
    }
    // Linear: the midpoint is the average, closer to the origin; spherical keeps the norm.
    const auto lin = LatentSpace::interpolate(a, b, 3, Interpolation::Linear);
    const auto sph = LatentSpace::interpolate(a, b, 3, Interpolation::Spherical);
    QVERIFY(std::abs(lin[1][0] - (a[0] + b[0]) / 2) < 1e-5);
    const double expected = (norm(a) + norm(b)) / 2;
    QVERIFY2(std::abs(norm(sph[1]) - expected) < 1e-3 * expected, qPrintable(QString::number(norm(sph[1]))));
    QVERIFY(norm(lin[1]) < 0.9 * expected); // random z in 100-D are nearly orthogonal
}

void TestLatentSpace::directions()
{
    LatentSpace s(m_grey.toStdString());
    const auto random = s.randomDirections(3, 9);
    const auto principal = s.principalDirections(3, 512);
    QCOMPARE(int(principal.size()), 3);
    for (const auto &d : random)
        QVERIFY(std::abs(norm(d) - 1) < 1e-4);
    for (const auto &d : principal)
        QVERIFY(std::abs(norm(d) - 1) < 1e-4);
    // Along the first principal direction the images change more than along random ones.
    double along = 0, randomly = 0;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
        const Latent z = s.randomLatent(seed);
        const auto base = s.render({z})[0];
        along += meanAbsDiff(base, s.render({LatentSpace::move(z, {principal[0]}, {3.0})})[0]);
        for (const auto &d : random)
            randomly += meanAbsDiff(base, s.render({LatentSpace::move(z, {d}, {3.0})})[0]) / 3;
    }
    QVERIFY2(along > randomly, qPrintable(QString("%1 vs %2").arg(along).arg(randomly)));
}

void TestLatentSpace::randomWalkAndExports()
{
    LatentSpace s(m_grey.toStdString());
    const Latent start = s.randomLatent(3);
    const auto walk = s.randomWalk(start, 24, 0.1, 7);
    QCOMPARE(int(walk.size()), 24);
    QCOMPARE(walk.front(), start);
    for (const auto &z : walk)
        QVERIFY(std::abs(norm(z) - norm(start)) < 1e-3 * norm(start));
    const auto frames = s.render(walk);
    const QString gif = m_dir.filePath("walk.gif"), png = m_dir.filePath("walk.png");
    QVERIFY(writeGif(gif.toStdString(), frames, GifOptions{10, 2, true}));
    const auto decoded = readGif(gif.toStdString());
    QCOMPARE(int(decoded.size()), 24);
    QCOMPARE(decoded[0].width, 56);
    const Image8 strip = LatentSpace::strip(std::vector<Image8>(frames.begin(), frames.begin() + 8));
    QCOMPARE(strip.width, 8 * 30 + 2);
    QCOMPARE(strip.height, 32);
    writePng(png.toStdString(), strip);
    QCOMPARE(readPng(png.toStdString()).width, strip.width);
}

void TestLatentSpace::badInputsAreNamed()
{
    QVERIFY_THROWS_EXCEPTION(std::exception, LatentSpace("/nonexistent/g.ckpt"));
    LatentSpace s(m_grey.toStdString());
    try {
        s.render({Latent(7, 0.f)});
        QFAIL("a z of the wrong size was rendered");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QString(e.what()).contains("7 numbers"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, LatentSpace::interpolate(s.randomLatent(1), s.randomLatent(2), 1,
                                                                             Interpolation::Linear));
}

QTEST_MAIN(TestLatentSpace)
#include "tst_latentspace.moc"
