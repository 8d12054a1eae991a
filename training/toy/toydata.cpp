#include "toy/toydata.h"

#include <cmath>
#include <stdexcept>

namespace ganvas::toy {

namespace {

constexpr double kPi = 3.14159265358979323846;

torch::Tensor gaussianMixture(const torch::Tensor &centres, double spread, int64_t n, at::Generator gen)
{
    const auto pick = torch::randint(centres.size(0), {n}, gen, torch::kLong);
    return centres.index_select(0, pick) + spread * torch::randn({n, 2}, gen, torch::kFloat);
}

} // namespace

Shape parseShape(const std::string &name)
{
    if (name == "ring")
        return Shape::Ring;
    if (name == "grid")
        return Shape::Grid;
    if (name == "moons")
        return Shape::Moons;
    if (name == "spiral")
        return Shape::Spiral;
    if (name == "drawn")
        return Shape::Drawn;
    throw std::invalid_argument("unknown 2-D shape '" + name + "' (ring, grid, moons, spiral or drawn)");
}

std::string shapeName(Shape shape)
{
    switch (shape) {
    case Shape::Ring:
        return "ring";
    case Shape::Grid:
        return "grid";
    case Shape::Moons:
        return "moons";
    case Shape::Spiral:
        return "spiral";
    case Shape::Drawn:
        return "drawn";
    }
    return {};
}

torch::Tensor modeCentres(Shape shape)
{
    if (shape == Shape::Ring) {
        auto angle = torch::arange(8, torch::kFloat) * float(2 * kPi / 8);
        return torch::stack({torch::cos(angle), torch::sin(angle)}, 1);
    }
    if (shape == Shape::Grid) {
        const auto axis = torch::linspace(-1, 1, 5, torch::kFloat);
        auto grid = torch::meshgrid({axis, axis}, "ij");
        return torch::stack({grid[0].reshape({-1}), grid[1].reshape({-1})}, 1);
    }
    return torch::empty({0, 2}, torch::kFloat);
}

double modeSpread(Shape shape)
{
    switch (shape) {
    case Shape::Ring:
        return 0.05;
    case Shape::Grid:
        return 0.04;
    default:
        return 0.05;
    }
}

torch::Tensor samplePoints(Shape shape, int64_t n, at::Generator gen, const torch::Tensor &drawn)
{
    if (n < 0)
        throw std::invalid_argument("number of points must be >= 0");
    switch (shape) {
    case Shape::Ring:
    case Shape::Grid:
        return gaussianMixture(modeCentres(shape), modeSpread(shape), n, gen);
    case Shape::Moons: {
        // Two interleaved half circles, centred and scaled into the square.
        const auto t = torch::rand({n}, gen, torch::kFloat) * float(kPi);
        const auto upper = torch::randint(2, {n}, gen, torch::kLong).to(torch::kBool);
        auto x = torch::where(upper, torch::cos(t), 1 - torch::cos(t));
        auto y = torch::where(upper, torch::sin(t), 0.5f - torch::sin(t));
        auto p = torch::stack({(x - 0.5f) * 0.75f, (y - 0.25f) * 0.75f}, 1);
        return p + modeSpread(shape) * torch::randn({n, 2}, gen, torch::kFloat);
    }
    case Shape::Spiral: {
        // One arm, two turns, from the centre out to radius 1.
        const auto t = torch::sqrt(torch::rand({n}, gen, torch::kFloat));
        const auto angle = t * float(4 * kPi);
        auto p = torch::stack({t * torch::cos(angle), t * torch::sin(angle)}, 1);
        return p + 0.03f * torch::randn({n, 2}, gen, torch::kFloat);
    }
    case Shape::Drawn: {
        if (!drawn.defined() || drawn.dim() != 2 || drawn.size(0) == 0 || drawn.size(1) != 2)
            throw std::invalid_argument("a drawn dataset needs at least one point (draw some first)");
        return gaussianMixture(drawn.to(torch::kFloat), 0.03, n, gen);
    }
    }
    return {};
}

Coverage modeCoverage(const torch::Tensor &points, const torch::Tensor &centres, double spread)
{
    Coverage c;
    c.modes = int(centres.size(0));
    const int64_t n = points.size(0);
    if (c.modes == 0 || n == 0)
        return c;
    const auto distance = torch::cdist(points.to(torch::kFloat), centres.to(torch::kFloat)); // n x k
    const auto [nearest, which] = distance.min(1);
    const auto good = nearest <= float(3 * spread);
    c.goodShare = good.to(torch::kDouble).mean().item<double>();
    const auto counts = torch::bincount(which.masked_select(good), {}, c.modes);
    const int64_t needed = std::max<int64_t>(1, n / c.modes / 5);
    c.covered = int((counts >= needed).sum().item<int64_t>());
    return c;
}

} // namespace ganvas::toy
