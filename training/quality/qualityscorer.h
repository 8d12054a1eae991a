#pragma once

#include "engine/trainingconfig.h"
#include "models/modelfactory.h"
#include "quality/featurenet.h"
#include "quality/qualityscore.h"
#include "quality/scores.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>

namespace ganvas {

// Scores a generator against the dataset's held-out images. Building one trains or loads the
// feature network and the real images' features (cached in qualityCacheDir() per dataset and
// network, so the held-out images are run through the network once).
class QualityScorer
{
public:
    // `featureNetPath`: a TorchScript feature network, "" for GANvas's own (featureNetworkFor()).
    QualityScorer(const TrainingConfig &config, const std::string &featureNetPath = {},
                  const FeatureNetProgress &progress = {});

    // `samples` images from G on noise drawn with `seed` (G's mode is kept), scored.
    QualityScore score(Generator &g, int latentSize, int samples, uint64_t seed);
    // Scores features of images made elsewhere (N x D, from this scorer's network).
    QualityScore scoreFeatures(const torch::Tensor &fakeFeatures);
    // Features of images in [-1, 1], N x C x H x W, in batches.
    torch::Tensor features(const torch::Tensor &images) const;
    const std::string &featureNetName() const { return m_name; }
    int64_t realCount() const { return m_real.size(0); }
    // The held-out images' shape: a generator of another shape cannot be compared with them.
    ImageShape realShape() const { return m_realShape; }

private:
    std::unique_ptr<FeatureNetwork> m_net;
    std::string m_name;
    torch::Tensor m_real;
    ImageShape m_realShape;
    FeatureStats m_realStats;
    torch::Tensor m_prReal;  // the real rows precision/recall compare with (as many as the fakes)
    torch::Tensor m_prRadii; // their k-NN radii, computed once per sample count
};

} // namespace ganvas
