// The quality scores: FD, KID and precision/recall against NumPy/SciPy (tests/quality_reference.py)
// to 1e-6, and the properties that hold whatever the data (identical sets, shifts, collapse).
#include "quality/scores.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QtTest>

#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>

using namespace ganvas;

namespace {

// n x d float64 rows: Gaussian, mixed by a random matrix (so the covariance is not diagonal),
// scaled and shifted; the same seed gives the same set.
torch::Tensor gaussianSet(uint64_t seed, int64_t n, int64_t d, double shift = 0, double scale = 1)
{
    auto g = at::detail::createCPUGenerator(seed);
    const auto f64 = torch::TensorOptions().dtype(torch::kDouble);
    const auto mix = torch::eye(d, f64) + torch::randn({d, d}, g, f64).div_(std::sqrt(double(d)) * 2);
    const auto mean = torch::randn({d}, g, f64).mul_(0.3).add_(shift);
    return torch::randn({n, d}, g, f64).mm(mix).mul_(scale).add_(mean);
}

// |ours - ref| within 1e-6 of ref, or 1e-9 absolute for values near 0.
bool near(double ours, double ref)
{
    return std::abs(ours - ref) <= std::max(1e-6 * std::abs(ref), 1e-9);
}

QByteArray describe(const char *what, double ours, double ref)
{
    return QByteArray(what) + ": ours " + QByteArray::number(ours, 'g', 17) + ", reference " +
           QByteArray::number(ref, 'g', 17);
}

void writeRaw(const QString &path, const torch::Tensor &t)
{
    const auto c = t.to(torch::kDouble).contiguous();
    std::ofstream out(path.toStdString(), std::ios::binary);
    out.write(static_cast<const char *>(c.data_ptr()), std::streamsize(c.numel() * sizeof(double)));
    QVERIFY(out.good());
}

// A python3 that has NumPy and SciPy: the one on PATH, else Debian's (python3-scipy).
QString pythonWithScipy()
{
    QStringList candidates{QStandardPaths::findExecutable(QStringLiteral("python3")), QStringLiteral("/usr/bin/python3")};
    for (const auto &python : candidates) {
        if (python.isEmpty() || !QFileInfo(python).isExecutable())
            continue;
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral("import numpy, scipy.linalg")});
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
    }
    return {};
}

struct Case
{
    const char *name;
    torch::Tensor real, fake;
};

} // namespace

class TestQuality : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesScipy();
    void featureStatsShapes();
    void frechetOfSameSetIsZero();
    void frechetGrowsWithMeanShift();
    void kernelOfSameSetNearZero();
    void kernelSubsetsFollowSeed();
    void precisionRecallOfSameSet();
    void collapsedFakes();
    void badInputs();
    void largeSetsAreQuick();
};

void TestQuality::matchesScipy()
{
    const QString python = pythonWithScipy();
    if (python.isEmpty())
        QSKIP("no python3 with NumPy and SciPy (apt-get install python3-scipy)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::vector<Case> cases{{"d16", gaussianSet(1, 600, 16), gaussianSet(2, 500, 16, 0.5, 1.3)},
                                  {"d64", gaussianSet(3, 800, 64), gaussianSet(4, 700, 64, -0.2, 0.8)}};
    QFile list(dir.filePath(QStringLiteral("cases.txt")));
    QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Text));
    for (const auto &c : cases) {
        writeRaw(dir.filePath(QString("%1_real.f64").arg(c.name)), c.real);
        writeRaw(dir.filePath(QString("%1_fake.f64").arg(c.name)), c.fake);
        list.write(QString("%1 %2 %3 %4\n").arg(c.name).arg(c.real.size(0)).arg(c.fake.size(0)).arg(c.real.size(1)).toUtf8());
    }
    list.close();
    QProcess p;
    p.start(python, {QStringLiteral(GANVAS_SOURCE_DIR "/tests/quality_reference.py"), dir.path()});
    QVERIFY(p.waitForFinished(120000));
    if (p.exitCode() == 77)
        QSKIP(qPrintable("reference script: " + QString::fromUtf8(p.readAllStandardOutput())));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    std::map<QString, QStringList> ref;
    for (const auto &line : QString::fromUtf8(p.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts)) {
        const auto fields = line.split(' ', Qt::SkipEmptyParts);
        QCOMPARE(fields.size(), 5);
        ref[fields[0]] = fields.mid(1);
    }
    for (const auto &c : cases) {
        QVERIFY2(ref.count(c.name), c.name);
        const auto &r = ref[c.name];
        const double fd = frechetDistance(featureStats(c.real), featureStats(c.fake));
        const double kid = kernelDistance(c.real, c.fake, 1 << 20); // every row, one subset
        const auto pr = precisionRecall(c.real, c.fake, 3);
        qInfo("%s: FD %.17g (SciPy %s), KID %.17g (NumPy %s), P %.17g (%s), R %.17g (%s)", c.name, fd,
              qPrintable(r[0]), kid, qPrintable(r[1]), pr.precision, qPrintable(r[2]), pr.recall, qPrintable(r[3]));
        QVERIFY2(near(fd, r[0].toDouble()), describe("FD", fd, r[0].toDouble()));
        QVERIFY2(near(kid, r[1].toDouble()), describe("KID", kid, r[1].toDouble()));
        QVERIFY2(near(pr.precision, r[2].toDouble()), describe("precision", pr.precision, r[2].toDouble()));
        QVERIFY2(near(pr.recall, r[3].toDouble()), describe("recall", pr.recall, r[3].toDouble()));
        // Different sets: none of the scores may be trivially 0 or 1, or the comparison proves little.
        QVERIFY(fd > 0.1 && kid > 1e-3 && pr.precision < 1 && pr.recall < 1);
    }
}

void TestQuality::featureStatsShapes()
{
    const auto x = gaussianSet(5, 300, 8).to(torch::kFloat);
    const auto s = featureStats(x);
    QCOMPARE(s.count, int64_t(300));
    QCOMPARE(s.mean.scalar_type(), torch::kDouble);
    QCOMPARE(s.cov.scalar_type(), torch::kDouble);
    QCOMPARE(s.mean.sizes().vec(), (std::vector<int64_t>{8}));
    QCOMPARE(s.cov.sizes().vec(), (std::vector<int64_t>{8, 8}));
    // torch::cov divides by N - 1 too.
    const auto expected = torch::cov(x.to(torch::kDouble).t());
    QVERIFY(torch::allclose(s.cov, expected, 1e-12, 1e-12));
    QVERIFY(torch::allclose(s.mean, x.to(torch::kDouble).mean(0), 1e-12, 1e-12));
}

void TestQuality::frechetOfSameSetIsZero()
{
    const auto s = featureStats(gaussianSet(6, 600, 32));
    QVERIFY2(std::abs(frechetDistance(s, s)) < 1e-9, describe("FD(x, x)", frechetDistance(s, s), 0));
    // Symmetric in its arguments.
    const auto t = featureStats(gaussianSet(7, 500, 32, 1, 2));
    QVERIFY(near(frechetDistance(s, t), frechetDistance(t, s)));
}

void TestQuality::frechetGrowsWithMeanShift()
{
    const auto x = gaussianSet(8, 600, 16);
    const auto s = featureStats(x);
    double previous = 0;
    for (double shift : {0.25, 0.5, 1.0, 2.0}) {
        // The same covariance: FD is exactly the squared length of the shift, D * shift^2.
        const double fd = frechetDistance(s, featureStats(x + shift));
        QVERIFY2(near(fd, 16 * shift * shift), describe("FD of a shift", fd, 16 * shift * shift));
        QVERIFY(fd > previous);
        previous = fd;
    }
}

void TestQuality::kernelOfSameSetNearZero()
{
    const auto x = gaussianSet(9, 1000, 16), y = gaussianSet(10, 1000, 16, 0.5, 1.3);
    const double apart = kernelDistance(x, y, 200, 50, 1);
    const double same = kernelDistance(x, x, 200, 50, 1);
    qInfo("KID same set %.6g, different sets %.6g", same, apart);
    QVERIFY2(apart > 0.1, describe("KID of different sets", apart, 0));
    // Subsets of one set share rows, whose self-kernel lands in K_XY: slightly negative.
    QVERIFY2(std::abs(same) < 0.02 * apart, describe("KID(x, x)", same, 0));
    // Another sample of the same distribution: near 0 as well (unbiased, so either sign).
    const auto other = gaussianSet(9, 2000, 16).narrow(0, 1000, 1000);
    const double twin = kernelDistance(x, other, 200, 50, 2);
    qInfo("KID of two samples of one distribution %.6g", twin);
    QVERIFY2(std::abs(twin) < 0.02 * apart, describe("KID of two samples of one distribution", twin, 0));
}

void TestQuality::kernelSubsetsFollowSeed()
{
    const auto x = gaussianSet(12, 400, 16), y = gaussianSet(13, 300, 16, 0.3);
    const double a = kernelDistance(x, y, 100, 10, 5);
    QCOMPARE(kernelDistance(x, y, 100, 10, 5), a);
    QVERIFY(kernelDistance(x, y, 100, 10, 6) != a);
    // A subset as large as the smaller set: every row once, whatever the seed or subset count.
    const double all = kernelDistance(x, y, 300, 10, 5);
    QCOMPARE(kernelDistance(x, y, 5000, 1, 99), all);
    QCOMPARE(kernelDistance(x.narrow(0, 0, 300), y, 300, 3, 1), all);
}

void TestQuality::precisionRecallOfSameSet()
{
    const auto x = gaussianSet(14, 500, 16);
    const auto pr = precisionRecall(x, x, 3);
    QCOMPARE(pr.precision, 1.0);
    QCOMPARE(pr.recall, 1.0);
    // float input is accepted too (computed in float64).
    const auto prf = precisionRecall(x.to(torch::kFloat), x.to(torch::kFloat), 5);
    QCOMPARE(prf.precision, 1.0);
    QCOMPARE(prf.recall, 1.0);
}

void TestQuality::collapsedFakes()
{
    const auto x = gaussianSet(15, 500, 16);
    // A generator that always makes one of the training points.
    const auto collapsed = x.narrow(0, 7, 1).expand({400, 16}).contiguous();
    const auto pr = precisionRecall(x, collapsed, 3);
    qInfo("collapsed: precision %.6g recall %.6g", pr.precision, pr.recall);
    QCOMPARE(pr.precision, 1.0);
    QVERIFY2(pr.recall <= 1.0 / 500 + 1e-12, describe("recall of a collapsed set", pr.recall, 0));
    // And a collapsed set far from the data: neither precise nor recalled.
    const auto far = precisionRecall(x, collapsed + 100, 3);
    QCOMPARE(far.precision, 0.0);
    QCOMPARE(far.recall, 0.0);
}

void TestQuality::badInputs()
{
    const auto x = gaussianSet(16, 50, 8), narrow = gaussianSet(17, 50, 4);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, featureStats(torch::zeros({10})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, featureStats(torch::zeros({1, 8})));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, featureStats(torch::Tensor()));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, frechetDistance(featureStats(x), featureStats(narrow)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, frechetDistance(FeatureStats{}, featureStats(x)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kernelDistance(x, narrow));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kernelDistance(x, x.narrow(0, 0, 1)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kernelDistance(x, x, 1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, kernelDistance(x, x, 10, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecall(x, narrow));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecall(x, x.narrow(0, 0, 3), 3));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecall(x, x, 0));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, precisionRecall(torch::zeros({2, 3, 4}), x));
    try {
        precisionRecall(x, narrow);
    } catch (const std::invalid_argument &e) {
        QVERIFY2(QByteArray(e.what()).contains("D = 8"), e.what()); // says what was wrong
    }
}

void TestQuality::largeSetsAreQuick()
{
    // Generous bounds (shared CI machines); the point is that nothing is quadratic in memory
    // per element or cubic where it need not be.
    using Clock = std::chrono::steady_clock;
    const auto x = gaussianSet(18, 4000, 128).to(torch::kFloat), y = gaussianSet(19, 4000, 128, 0.1).to(torch::kFloat);
    auto t0 = Clock::now();
    const double fd = frechetDistance(featureStats(x), featureStats(y));
    const double fdSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    t0 = Clock::now();
    const auto pr = precisionRecall(x, y, 3);
    const double prSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
    qInfo("4000 x 128: FD %.4g in %.3f s, P/R %.3g/%.3g in %.3f s", fd, fdSeconds, pr.precision, pr.recall,
          prSeconds);
    QVERIFY(fd > 0 && pr.precision > 0 && pr.recall > 0);
    QVERIFY2(fdSeconds < 5, "FD with D = 128 is too slow");
    QVERIFY2(prSeconds < 30, "precision/recall of 4000 x 4000 is too slow");
}

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"
