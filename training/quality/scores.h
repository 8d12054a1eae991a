#pragma once

#include <torch/torch.h>

#include <cstdint>

namespace ganvas {

// Sample-quality scores between two sets of feature vectors (N x D float tensors on the CPU;
// computed in float64). The feature vectors come from a FeatureNetwork (quality/featurenet.h).

// Mean and covariance of a feature set: what a dataset's real images are summarised by, once.
struct FeatureStats
{
    torch::Tensor mean; // D, float64
    torch::Tensor cov;  // D x D, float64, unbiased (N - 1)
    int64_t count = 0;
};

// Throws std::invalid_argument for fewer than 2 rows or a tensor that is not 2-D.
FeatureStats featureStats(const torch::Tensor &features);

// Fréchet distance: |mu1 - mu2|^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)), the formula FID uses.
double frechetDistance(const FeatureStats &a, const FeatureStats &b);

// Kernel distance (KID): the unbiased MMD^2 with the polynomial kernel (x.y / D + 1)^3, averaged
// over `subsets` random subsets of `subsetSize` rows of each set drawn with `seed` (as
// torch-fidelity and clean-fid do); a subset size at least the smaller set's size uses every
// row once, with no randomness.
double kernelDistance(const torch::Tensor &real, const torch::Tensor &fake, int64_t subsetSize = 1000,
                      int subsets = 100, uint64_t seed = 0);

// Improved precision and recall (Kynkäänniemi et al. 2019): precision is the share of fake
// features inside the k-nearest-neighbour ball of some real feature, recall the share of real
// features inside the ball of some fake one. A collapsed generator has low recall.
struct PrecisionRecall
{
    double precision = 0;
    double recall = 0;
};
PrecisionRecall precisionRecall(const torch::Tensor &real, const torch::Tensor &fake, int k = 3);
// The same with the real rows' squared k-NN radii computed once (kNearestRadii(real, k)), for
// scoring many fake sets against one real set.
PrecisionRecall precisionRecall(const torch::Tensor &real, const torch::Tensor &realRadii, const torch::Tensor &fake,
                                int k);
// Squared distance of each row to its k-th nearest other row (float64).
torch::Tensor kNearestRadii(const torch::Tensor &features, int k);

} // namespace ganvas
