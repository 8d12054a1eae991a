#pragma once

#include <torch/torch.h>

#include <string>

// The 2-D lab's data: point clouds in the plane, small enough to watch a GAN learn them point by
// point (after GAN Lab). Every shape lies within about [-1.2, 1.2] on both axes.
namespace ganvas::toy {

enum class Shape { Ring, Grid, Moons, Spiral, Drawn };

// "ring" (8 Gaussians on a circle), "grid" (5 x 5 Gaussians), "moons", "spiral", "drawn" (points
// the user drew); throws std::invalid_argument naming the choices otherwise.
Shape parseShape(const std::string &name);
std::string shapeName(Shape shape);

// n points (n x 2, float) of the shape, drawn from `gen`. For Drawn, around the points in
// `drawn` (m x 2, m >= 1); throws std::invalid_argument when it has none.
torch::Tensor samplePoints(Shape shape, int64_t n, at::Generator gen, const torch::Tensor &drawn = {});

// The centres of the shape's separate modes (ring: 8, grid: 25), k x 2; empty for the others.
torch::Tensor modeCentres(Shape shape);
// The standard deviation of each mode around its centre.
double modeSpread(Shape shape);

// How much of a mixture of modes the points cover (the measure of the unrolled-GAN and VEEGAN
// papers): a point is "good" when it lies within 3 standard deviations of a centre; a mode is
// covered when it holds at least a fifth of its fair share of the points (n / modes / 5, at
// least one) among the good ones.
struct Coverage
{
    int covered = 0;
    int modes = 0;
    double goodShare = 0; // share of the points within 3 standard deviations of some centre
};
Coverage modeCoverage(const torch::Tensor &points, const torch::Tensor &centres, double spread);

} // namespace ganvas::toy
