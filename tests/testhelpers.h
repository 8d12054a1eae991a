#pragma once

// Small helpers shared by the engine tests: synthetic datasets and weight snapshots.
#include "data/imageset.h"
#include "engine/trainingconfig.h"

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace ganvas::test {

// `count` images with a simple structure (a bright disc whose size varies), so a GAN has
// something learnable; deterministic.
inline ImageSet syntheticImages(int64_t count, int64_t channels = 1, int64_t side = 28)
{
    ImageSet s;
    s.count = count;
    s.channels = channels;
    s.height = s.width = side;
    s.source = "synthetic";
    s.format = "synthetic";
    s.pixels.resize(size_t(count * channels * side * side));
    for (int64_t n = 0; n < count; ++n) {
        const double r = 4 + (n % 7);
        for (int64_t c = 0; c < channels; ++c)
            for (int64_t y = 0; y < side; ++y)
                for (int64_t x = 0; x < side; ++x) {
                    const double dx = x - side / 2.0, dy = y - side / 2.0;
                    const bool in = dx * dx + dy * dy < r * r;
                    s.pixels[size_t(((n * channels + c) * side + y) * side + x)] =
                        in ? uint8_t(200 + 20 * c) : uint8_t(10 * c);
                }
    }
    return s;
}

// A small, fast config for tests.
inline TrainingConfig smallConfig()
{
    TrainingConfig c;
    c.batchSize = 32;
    c.epochs = 2;
    c.logEvery = 2;
    c.seed = 7;
    c.threads = 2;
    c.lrG = c.lrD = 2e-4;
    c.beta1G = c.beta1D = 0.5;
    c.scoreEvery = 0; // the tests that score say so
    return c;
}

// Every parameter and buffer of a module, flattened into one CPU tensor.
inline torch::Tensor snapshot(torch::nn::Module &m)
{
    std::vector<torch::Tensor> parts;
    for (const auto &p : m.parameters())
        parts.push_back(p.detach().cpu().flatten());
    for (const auto &b : m.buffers())
        parts.push_back(b.detach().cpu().to(torch::kFloat).flatten());
    return torch::cat(parts);
}

} // namespace ganvas::test
