#include "engine/latentspace.h"

#include "engine/sampler.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace ganvas {

namespace {

torch::Tensor toTensor(const Latent &z)
{
    return torch::tensor(std::vector<float>(z.begin(), z.end()), torch::kFloat);
}

Latent toLatent(const torch::Tensor &t)
{
    const auto c = t.detach().to(torch::kCPU, torch::kFloat).contiguous();
    return Latent(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

void checkSize(const Latent &z, int size, const char *what)
{
    if (int(z.size()) != size)
        throw std::invalid_argument(std::string(what) + ": a z of " + std::to_string(z.size()) +
                                    " numbers for a generator that takes " + std::to_string(size));
}

} // namespace

struct LatentSpace::Impl
{
    LoadedGenerator g;
};

LatentSpace::LatentSpace(const std::string &checkpoint) : m(std::make_unique<Impl>()), m_checkpoint(checkpoint)
{
    m->g = loadGenerator(checkpoint);
    m->g.generator->eval();
}

LatentSpace::~LatentSpace() = default;

int LatentSpace::latentSize() const
{
    return m->g.config.latentSize;
}

int LatentSpace::channels() const
{
    return int(m->g.shape.channels);
}

int LatentSpace::epochsDone() const
{
    return m->g.epochsDone;
}

Latent LatentSpace::randomLatent(uint64_t seed) const
{
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    return toLatent(torch::randn({latentSize()}, gen));
}

std::vector<Image8> LatentSpace::render(const std::vector<Latent> &zs) const
{
    std::vector<Image8> out;
    if (zs.empty())
        return out;
    std::vector<torch::Tensor> rows;
    for (const auto &z : zs) {
        checkSize(z, latentSize(), "render");
        rows.push_back(toTensor(z));
    }
    const auto images = generateImages(m->g.generator, torch::stack(rows)); // N x C x H x W uint8
    const int c = int(images.size(1)), h = int(images.size(2)), w = int(images.size(3));
    for (int64_t i = 0; i < images.size(0); ++i) {
        const auto hwc = images[i].permute({1, 2, 0}).contiguous();
        Image8 img;
        img.width = w, img.height = h, img.channels = c;
        img.pixels.assign(hwc.data_ptr<uint8_t>(), hwc.data_ptr<uint8_t>() + hwc.numel());
        out.push_back(std::move(img));
    }
    return out;
}

std::vector<Latent> LatentSpace::interpolate(const Latent &a, const Latent &b, int frames, Interpolation how)
{
    if (frames < 2)
        throw std::invalid_argument("an interpolation needs at least 2 frames (got " + std::to_string(frames) + ")");
    checkSize(b, int(a.size()), "interpolate");
    const auto ta = toTensor(a), tb = toTensor(b);
    const double na = ta.norm().item<double>(), nb = tb.norm().item<double>();
    const double cosine = std::clamp((ta.dot(tb) / std::max(na * nb, 1e-12)).item<double>(), -1.0, 1.0);
    const double omega = std::acos(cosine);
    std::vector<Latent> out;
    for (int i = 0; i < frames; ++i) {
        const double t = double(i) / (frames - 1);
        torch::Tensor z;
        if (how == Interpolation::Linear || omega < 1e-4) {
            z = (1 - t) * ta + t * tb;
        } else {
            // Along the great circle between the directions, the norm going from |a| to |b|.
            const auto ua = ta / na, ub = tb / nb;
            const auto dir = (std::sin((1 - t) * omega) * ua + std::sin(t * omega) * ub) / std::sin(omega);
            z = dir * ((1 - t) * na + t * nb);
        }
        out.push_back(toLatent(z));
    }
    return out;
}

std::vector<Latent> LatentSpace::randomDirections(int count, uint64_t seed) const
{
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    std::vector<Latent> out;
    for (int i = 0; i < count; ++i) {
        const auto d = torch::randn({latentSize()}, gen);
        out.push_back(toLatent(d / d.norm()));
    }
    return out;
}

std::vector<Latent> LatentSpace::principalDirections(int count, int samples) const
{
    if (count < 1 || samples < 2 * count)
        throw std::invalid_argument("principal directions need count >= 1 and samples >= 2 * count");
    torch::NoGradGuard noGrad;
    auto gen = at::make_generator<at::CPUGeneratorImpl>(1234);
    const auto z = torch::randn({samples, latentSize()}, gen);
    const bool training = m->g.generator->is_training();
    m->g.generator->eval();
    auto x = m->g.generator->forward(z).flatten(1);
    if (training)
        m->g.generator->train();
    x = x - x.mean(0, true);
    // The leading principal components of the images (SVD of the centred samples) ...
    const auto u = std::get<0>(torch::svd(x, /*some=*/true));
    const auto scores = u.narrow(1, 0, std::min<int64_t>(count, u.size(1)));
    // ... and the z-direction that best predicts each of them (least squares).
    const auto zc = z - z.mean(0, true);
    const auto d = torch::mm(torch::pinverse(zc), scores); // latent x count
    std::vector<Latent> out;
    for (int64_t i = 0; i < d.size(1); ++i) {
        const auto col = d.select(1, i);
        out.push_back(toLatent(col / col.norm().clamp_min(1e-12)));
    }
    return out;
}

Latent LatentSpace::move(const Latent &z, const std::vector<Latent> &directions, const std::vector<double> &amounts)
{
    Latent out = z;
    for (size_t i = 0; i < directions.size() && i < amounts.size(); ++i) {
        checkSize(directions[i], int(z.size()), "move");
        for (size_t k = 0; k < out.size(); ++k)
            out[k] += float(amounts[i] * directions[i][k]);
    }
    return out;
}

std::vector<Latent> LatentSpace::randomWalk(const Latent &start, int frames, double step, uint64_t seed) const
{
    if (frames < 1 || !(step > 0) || step > 1)
        throw std::invalid_argument("a random walk needs frames >= 1 and a step in (0, 1]");
    checkSize(start, latentSize(), "random walk");
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    std::vector<Latent> out{start};
    auto z = toTensor(start);
    const double norm = z.norm().item<double>();
    auto target = torch::randn({latentSize()}, gen);
    for (int i = 1; i < frames; ++i) {
        if (i % 12 == 0)
            target = torch::randn({latentSize()}, gen); // a new heading now and then
        z = (1 - step) * z + step * target;
        z = z * (norm / std::max(z.norm().item<double>(), 1e-12));
        out.push_back(toLatent(z));
    }
    return out;
}

Image8 LatentSpace::strip(const std::vector<Image8> &images)
{
    if (images.empty())
        return {};
    const int w = images[0].width, h = images[0].height, c = images[0].channels, pad = 2;
    Image8 out;
    out.width = int(images.size()) * (w + pad) + pad;
    out.height = h + 2 * pad;
    out.channels = c;
    out.pixels.assign(size_t(out.width) * out.height * c, 0);
    for (size_t i = 0; i < images.size(); ++i) {
        const Image8 &img = images[i];
        if (img.width != w || img.height != h || img.channels != c)
            throw std::invalid_argument("a strip needs images of one size");
        const int x0 = pad + int(i) * (w + pad);
        for (int y = 0; y < h; ++y)
            std::copy_n(&img.pixels[size_t(y) * w * c], size_t(w) * c,
                        &out.pixels[(size_t(y + pad) * out.width + x0) * c]);
    }
    return out;
}

} // namespace ganvas
