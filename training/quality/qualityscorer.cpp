#include "quality/qualityscorer.h"

#include "checkpoint/atomicfile.h"
#include "data/digest.h"
#include "engine/sampler.h"

#include <ATen/CPUGeneratorImpl.h>

#include <filesystem>
#include <sstream>

namespace ganvas {

namespace {

constexpr int64_t kBatch = 500;
constexpr int kNeighbours = 3; // k of the precision/recall balls, as Kynkäänniemi et al.

// Real features are cached per dataset source and network: running 10,000 held-out images
// through the network at every run start would cost more than a score.
std::string realFeaturesCache(const ImageSet &real, const std::string &net)
{
    Digest d(Digest::Algorithm::Sha256);
    d.update(net.data(), net.size());
    d.update(real.source.data(), real.source.size());
    d.update(real.pixels.data(), real.pixels.size());
    const std::string key = d.hex().substr(0, 16);
    return qualityCacheDir() + "/real-features-" + key + ".pt";
}

torch::Tensor loadCachedFeatures(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        return {};
    try {
        torch::Tensor t;
        torch::load(t, path);
        if (t.dim() == 2 && t.size(0) >= 2 && torch::isfinite(t).all().item<bool>())
            return t;
    } catch (const std::exception &) {
        // A damaged cache is rebuilt, never trusted; the note says so.
    }
    std::fprintf(stderr, "note: %s is damaged; computing the real images' features again\n", path.c_str());
    return {};
}

void saveCachedFeatures(const torch::Tensor &features, const std::string &path)
{
    std::ostringstream bytes;
    torch::save(features, bytes);
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    writeFileAtomically(path, bytes.str());
}

} // namespace

QualityScorer::QualityScorer(const TrainingConfig &config, const std::string &featureNetPath,
                             const FeatureNetProgress &progress)
    : m_net(featureNetworkFor(config, featureNetPath, progress)), m_name(m_net->name())
{
    const ImageSet real = heldOutImages(config);
    m_realShape = {real.channels, real.height, real.width};
    const std::string cache = realFeaturesCache(real, m_name);
    m_real = loadCachedFeatures(cache);
    if (!m_real.defined()) {
        auto images = torch::from_blob(const_cast<uint8_t *>(real.pixels.data()),
                                       {real.count, real.channels, real.height, real.width}, torch::kUInt8);
        m_real = features(images.to(torch::kFloat).div(127.5).sub(1.0));
        saveCachedFeatures(m_real, cache);
    }
    m_realStats = featureStats(m_real);
}

torch::Tensor QualityScorer::features(const torch::Tensor &images) const
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> parts;
    for (int64_t i = 0; i < images.size(0); i += kBatch)
        parts.push_back(m_net->features(images.slice(0, i, std::min(i + kBatch, images.size(0)))).to(torch::kFloat));
    return torch::cat(parts).flatten(1);
}

QualityScore QualityScorer::scoreFeatures(const torch::Tensor &fake)
{
    QualityScore s;
    s.fd = frechetDistance(m_realStats, featureStats(fake));
    s.kid = kernelDistance(m_real, fake, 1000, 10, 0);
    // Precision and recall compare k-NN balls, whose size depends on how many points a set
    // has: compare equal numbers, a fixed subset of the real features when there are fewer fakes.
    const int64_t n = std::min(fake.size(0), m_real.size(0));
    if (!m_prRadii.defined() || m_prReal.size(0) != n) {
        if (n == m_real.size(0)) {
            m_prReal = m_real;
        } else {
            auto gen = at::make_generator<at::CPUGeneratorImpl>(0);
            m_prReal = m_real.index_select(0, torch::randperm(m_real.size(0), gen, torch::kLong).narrow(0, 0, n));
        }
        m_prRadii = kNearestRadii(m_prReal, kNeighbours);
    }
    const auto pr = precisionRecall(m_prReal, m_prRadii, fake.narrow(0, 0, n), kNeighbours);
    s.precision = pr.precision;
    s.recall = pr.recall;
    s.samples = int(fake.size(0));
    s.featureNet = m_name;
    return s;
}

QualityScore QualityScorer::score(Generator &g, int latentSize, int samples, uint64_t seed)
{
    const ImageShape made = g->shape();
    if (made.channels != m_realShape.channels || made.height != m_realShape.height ||
        made.width != m_realShape.width)
        throw std::invalid_argument(
            "the generator makes " + std::to_string(made.width) + "x" + std::to_string(made.height) + "x" +
            std::to_string(made.channels) + " images and the held-out images are " +
            std::to_string(m_realShape.width) + "x" + std::to_string(m_realShape.height) + "x" +
            std::to_string(m_realShape.channels) + ": they cannot be compared");
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    std::vector<torch::Tensor> fake;
    for (int64_t i = 0; i < samples; i += kBatch) {
        const auto noise = torch::randn({std::min<int64_t>(kBatch, samples - i), latentSize}, gen);
        // uint8 images, as the grids and frames are, so the score sees what a person sees.
        const auto images = generateImages(g, noise.to(g->parameters().front().device()));
        fake.push_back(m_net->features(images.to(torch::kFloat).div(127.5).sub(1.0)).to(torch::kFloat).flatten(1));
    }
    return scoreFeatures(torch::cat(fake));
}

} // namespace ganvas
