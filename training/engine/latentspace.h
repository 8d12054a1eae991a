#pragma once

#include "media/image8.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// Walks through a generator's noise space (after StyleGAN's visualiser and GANSpace): render
// any z, interpolate between two (linearly or along the sphere), move along random or principal
// directions, wander at random, and write a walk as a GIF or a PNG strip. Torch-free header.
namespace ganvas {

using Latent = std::vector<float>;

enum class Interpolation { Linear, Spherical };

class LatentSpace
{
public:
    // G from a checkpoint. Throws CheckpointError naming the file.
    explicit LatentSpace(const std::string &checkpoint);
    ~LatentSpace();

    int latentSize() const;
    int channels() const;
    int epochsDone() const;
    const std::string &checkpoint() const { return m_checkpoint; }

    // A z drawn from N(0, I) with this seed (the same seed, the same z).
    Latent randomLatent(uint64_t seed) const;
    // G's image of each z (eval mode), as 8-bit images.
    std::vector<Image8> render(const std::vector<Latent> &zs) const;
    // `frames` points from a to b, both ends included (frames >= 2). Spherical interpolation
    // keeps the norm a typical z has; linear passes closer to the origin, where G's images are
    // often greyer and less varied.
    static std::vector<Latent> interpolate(const Latent &a, const Latent &b, int frames, Interpolation how);
    // `count` unit directions in z: random ones (from `seed`), or the principal ones — the
    // directions along which G's images change most, found by regressing the leading principal
    // components of `samples` images on their z.
    std::vector<Latent> randomDirections(int count, uint64_t seed) const;
    std::vector<Latent> principalDirections(int count, int samples = 1024) const;
    // z + sum of amounts[i] * directions[i].
    static Latent move(const Latent &z, const std::vector<Latent> &directions, const std::vector<double> &amounts);
    // A random walk of `frames` points from `start`: each step turns z a little towards a fresh
    // random z (step in (0, 1]), keeping its norm.
    std::vector<Latent> randomWalk(const Latent &start, int frames, double step, uint64_t seed) const;

    // The images side by side in one row, 2 pixels apart (a PNG strip).
    static Image8 strip(const std::vector<Image8> &images);

private:
    struct Impl;
    std::unique_ptr<Impl> m;
    std::string m_checkpoint;
};

} // namespace ganvas
