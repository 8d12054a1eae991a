#pragma once

#include "engine/trainingconfig.h"
#include "models/modelfactory.h"
#include "quality/featurenet.h"
#include "quality/scores.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>
#include <string>

namespace ganvas {

// One row of runs/<name>/quality.csv: how good the generator's samples were at a point.
struct QualityScore
{
    int epoch = 0;
    int64_t step = 0;
    double fd = 0;        // Fréchet distance on the feature network's features (lower is better)
    double kid = 0;       // kernel distance, KID (lower is better)
    double precision = 0; // share of samples that look like real images (higher is better)
    double recall = 0;    // share of real images the samples cover; low = mode collapse
    int samples = 0;
    std::string featureNet; // the network the scores are measured with
};

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
    QualityScore scoreFeatures(const torch::Tensor &fakeFeatures) const;
    // Features of images in [-1, 1], N x C x H x W, in batches.
    torch::Tensor features(const torch::Tensor &images) const;
    const std::string &featureNetName() const { return m_name; }
    int64_t realCount() const { return m_real.size(0); }

private:
    std::unique_ptr<FeatureNetwork> m_net;
    std::string m_name;
    torch::Tensor m_real;
    FeatureStats m_realStats;
};

// "epoch,step,fd,kid,precision,recall,samples,feature_net": quality.csv's header and rows.
std::string qualityCsvHeader();
std::string qualityCsvRow(const QualityScore &s);
// Reads quality.csv; rows it cannot parse are skipped. Missing file: no rows.
std::vector<QualityScore> readQualityCsv(const std::string &path);

} // namespace ganvas
