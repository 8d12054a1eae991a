#include "quality/scores.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ganvas {

namespace {

// Distance and kernel matrices are built this many elements at a time (64 MiB of float64), so
// 10,000 x 10,000 sets never hold a whole N x M matrix.
constexpr int64_t kChunkElements = int64_t(8) << 20;

int64_t chunkRows(int64_t columns)
{
    return std::max<int64_t>(1, kChunkElements / std::max<int64_t>(1, columns));
}

// A feature set as a contiguous float64 CPU matrix, after checking its shape.
torch::Tensor checkedFeatures(const torch::Tensor &t, const char *what, const char *name, int64_t minRows)
{
    if (!t.defined())
        throw std::invalid_argument(std::string(what) + ": the " + name + " features are empty (undefined tensor)");
    if (t.dim() != 2)
        throw std::invalid_argument(std::string(what) + ": the " + name + " features must be a 2-D N x D tensor, got " +
                                    std::to_string(t.dim()) + "-D");
    if (t.size(0) < minRows)
        throw std::invalid_argument(std::string(what) + ": the " + name + " features need at least " +
                                    std::to_string(minRows) + " rows, got " + std::to_string(t.size(0)));
    if (t.size(1) < 1)
        throw std::invalid_argument(std::string(what) + ": the " + name + " features have no columns (D = 0)");
    return t.detach().to(torch::kCPU, torch::kDouble).contiguous();
}

void checkSameWidth(const torch::Tensor &a, const torch::Tensor &b, const char *what)
{
    if (a.size(1) != b.size(1))
        throw std::invalid_argument(std::string(what) + ": the real features have D = " + std::to_string(a.size(1)) +
                                    " but the fake ones D = " + std::to_string(b.size(1)));
}

void checkStats(const FeatureStats &s, const char *name)
{
    if (!s.mean.defined() || !s.cov.defined() || s.mean.dim() != 1 || s.cov.dim() != 2 ||
        s.cov.size(0) != s.mean.size(0) || s.cov.size(1) != s.mean.size(0))
        throw std::invalid_argument(std::string("frechetDistance: the ") + name +
                                    " statistics need a D mean and a D x D covariance");
}

// Symmetric square root of a symmetric positive semi-definite matrix; eigenvalues that rounding
// made slightly negative count as 0.
torch::Tensor symmetricSqrt(const torch::Tensor &s)
{
    auto [values, vectors] = torch::linalg::eigh(s, "L");
    return vectors.mm(torch::diag(values.clamp_min(0).sqrt())).mm(vectors.t());
}

// Sum of the polynomial kernel (x.y / D + 1)^3 over every pair of rows of x and y, in chunks.
double kernelSum(const torch::Tensor &x, const torch::Tensor &y)
{
    const double d = double(x.size(1));
    const int64_t rows = chunkRows(y.size(0));
    const auto one = torch::ones({1, 1}, x.options());
    double sum = 0;
    for (int64_t start = 0; start < x.size(0); start += rows) {
        const auto part = x.narrow(0, start, std::min(rows, x.size(0) - start));
        sum += torch::addmm(one, part, y.t(), 1, 1 / d).pow_(3).sum().item<double>();
    }
    return sum;
}

// The diagonal of the kernel matrix of x with itself: (|x_i|^2 / D + 1)^3.
double kernelDiagonalSum(const torch::Tensor &x)
{
    return x.pow(2).sum(1).div_(double(x.size(1))).add_(1).pow_(3).sum().item<double>();
}

// Unbiased MMD^2 of two equally sized sets: the off-diagonal means of K_XX and K_YY minus twice
// the mean of K_XY (torch-fidelity's mmd2 with mmd_est="unbiased").
double unbiasedMmd2(const torch::Tensor &x, const torch::Tensor &y)
{
    const double m = double(x.size(0));
    const double xx = kernelSum(x, x) - kernelDiagonalSum(x);
    const double yy = kernelSum(y, y) - kernelDiagonalSum(y);
    return (xx + yy) / (m * (m - 1)) - 2 * kernelSum(x, y) / (m * m);
}

// Squared distances between rows of a and b less |a|^2 (|b|^2 - 2 a.b, one BLAS call): |a|^2 is
// constant along a row, so it is added only where a row's values are compared with something.
torch::Tensor partialDistances(const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bNorms)
{
    return torch::addmm(bNorms.unsqueeze(0), a, b.t(), 1, -2);
}

// Squared radius of each row's k-nearest-neighbour ball within its own set: the (k+1)-th
// smallest distance counting the row itself, as the reference code (np.partition(d, k)) does.
torch::Tensor squaredRadii(const torch::Tensor &x, const torch::Tensor &norms, int k)
{
    const int64_t n = x.size(0), rows = chunkRows(n);
    auto radii = torch::empty({n}, x.options());
    for (int64_t start = 0; start < n; start += rows) {
        const int64_t len = std::min(rows, n - start);
        const auto partial = partialDistances(x.narrow(0, start, len), x, norms);
        const auto nearest = std::get<0>(partial.topk(k + 1, 1, /*largest=*/false, /*sorted=*/true)).select(1, k);
        radii.narrow(0, start, len).copy_(nearest.add(norms.narrow(0, start, len)).clamp_min_(0));
    }
    return radii;
}

} // namespace

FeatureStats featureStats(const torch::Tensor &features)
{
    const auto x = checkedFeatures(features, "featureStats", "input", 2);
    FeatureStats s;
    s.count = x.size(0);
    s.mean = x.mean(0);
    const auto centred = x - s.mean;
    s.cov = centred.t().mm(centred).div_(double(s.count - 1));
    return s;
}

double frechetDistance(const FeatureStats &a, const FeatureStats &b)
{
    checkStats(a, "first");
    checkStats(b, "second");
    if (a.mean.size(0) != b.mean.size(0))
        throw std::invalid_argument("frechetDistance: the statistics have D = " + std::to_string(a.mean.size(0)) +
                                    " and D = " + std::to_string(b.mean.size(0)));
    const auto mu1 = a.mean.to(torch::kDouble), mu2 = b.mean.to(torch::kDouble);
    const auto s1 = a.cov.to(torch::kDouble), s2 = b.cov.to(torch::kDouble);
    // Tr((S1 S2)^(1/2)) = sum of sqrt(eig(sqrt(S1) S2 sqrt(S1))): the same eigenvalues as S1 S2,
    // but from a symmetric matrix, so eigh stays real and stable where sqrtm would not.
    const auto root1 = symmetricSqrt(s1);
    auto inner = root1.mm(s2).mm(root1);
    inner = (inner + inner.t()).mul_(0.5);
    const double traceRoot = torch::linalg::eigvalsh(inner, "L").clamp_min(0).sqrt().sum().item<double>();
    const double meanTerm = (mu1 - mu2).pow(2).sum().item<double>();
    return meanTerm + s1.trace().item<double>() + s2.trace().item<double>() - 2 * traceRoot;
}

double kernelDistance(const torch::Tensor &real, const torch::Tensor &fake, int64_t subsetSize, int subsets,
                      uint64_t seed)
{
    const auto x = checkedFeatures(real, "kernelDistance", "real", 2);
    const auto y = checkedFeatures(fake, "kernelDistance", "fake", 2);
    checkSameWidth(x, y, "kernelDistance");
    if (subsetSize < 2)
        throw std::invalid_argument("kernelDistance: the subset size must be at least 2, got " +
                                    std::to_string(subsetSize));
    if (subsets < 1)
        throw std::invalid_argument("kernelDistance: at least one subset is needed, got " + std::to_string(subsets));
    const int64_t m = std::min(x.size(0), y.size(0));
    if (subsetSize >= m)
        return unbiasedMmd2(x.narrow(0, 0, m), y.narrow(0, 0, m));
    // Each subset draws its rows of each set without replacement, independently of the others.
    auto generator = at::detail::createCPUGenerator(seed);
    const auto longs = torch::TensorOptions().dtype(torch::kLong);
    double total = 0;
    for (int i = 0; i < subsets; ++i) {
        const auto rx = torch::randperm(x.size(0), generator, longs).narrow(0, 0, subsetSize);
        const auto ry = torch::randperm(y.size(0), generator, longs).narrow(0, 0, subsetSize);
        total += unbiasedMmd2(x.index_select(0, rx), y.index_select(0, ry));
    }
    return total / subsets;
}

torch::Tensor kNearestRadii(const torch::Tensor &features, int k)
{
    if (k < 1)
        throw std::invalid_argument("kNearestRadii: k must be at least 1, got " + std::to_string(k));
    const auto x = checkedFeatures(features, "kNearestRadii", "input", int64_t(k) + 1);
    return squaredRadii(x, x.pow(2).sum(1), k);
}

PrecisionRecall precisionRecall(const torch::Tensor &real, const torch::Tensor &fake, int k)
{
    return precisionRecall(real, kNearestRadii(real, k), fake, k);
}

PrecisionRecall precisionRecall(const torch::Tensor &real, const torch::Tensor &realRadii, const torch::Tensor &fake,
                                int k)
{
    if (k < 1)
        throw std::invalid_argument("precisionRecall: k must be at least 1, got " + std::to_string(k));
    // A ball needs k other rows in its own set.
    const auto x = checkedFeatures(real, "precisionRecall", "real", int64_t(k) + 1);
    const auto y = checkedFeatures(fake, "precisionRecall", "fake", int64_t(k) + 1);
    checkSameWidth(x, y, "precisionRecall");
    if (realRadii.dim() != 1 || realRadii.size(0) != x.size(0))
        throw std::invalid_argument("precisionRecall: " + std::to_string(x.size(0)) +
                                    " real rows need as many radii");
    const auto xNorms = x.pow(2).sum(1), yNorms = y.pow(2).sum(1);
    const auto realRadii64 = realRadii.to(x.scalar_type());
    const auto fakeRadii = squaredRadii(y, yNorms, k);
    // One pass over the fake x real distances answers both questions: is this fake row in some
    // real ball (precision), and which real rows are in this fake row's ball (recall).
    const int64_t n = y.size(0), rows = chunkRows(x.size(0));
    int64_t precise = 0;
    auto recalled = torch::zeros({x.size(0)}, torch::kBool);
    for (int64_t start = 0; start < n; start += rows) {
        const int64_t len = std::min(rows, n - start);
        // d2_ij = partial_ij + |y_i|^2; the comparisons move |y_i|^2 to the other side.
        auto partial = partialDistances(y.narrow(0, start, len), x, xNorms);
        const auto norms = yNorms.narrow(0, start, len);
        recalled.logical_or_(partial.le((fakeRadii.narrow(0, start, len) - norms).unsqueeze(1)).any(0));
        precise += partial.sub_(realRadii64.unsqueeze(0)).amin(1).le(-norms).sum().item<int64_t>();
    }
    PrecisionRecall r;
    r.precision = double(precise) / double(n);
    r.recall = recalled.sum().item<double>() / double(x.size(0));
    return r;
}

} // namespace ganvas
