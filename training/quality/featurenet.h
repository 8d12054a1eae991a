#pragma once

#include "data/imageset.h"
#include "engine/trainingconfig.h"

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>

namespace ganvas {

// A network that maps images to feature vectors, for the quality scores (quality/scores.h).
class FeatureNetwork
{
public:
    virtual ~FeatureNetwork() = default;
    // Images N x C x H x W, float in [-1, 1] on the CPU (as the generator makes them) -> N x D
    // float features. Grey images given to a colour network are repeated to 3 channels.
    virtual torch::Tensor features(const torch::Tensor &images) = 0;
    // What scores are named after wherever they are shown or stored, e.g.
    // "ganvas-classifier fashion-mnist 3f2a9c1e (test accuracy 91.2 %)" or "torchscript inception.pt".
    virtual std::string name() const = 0;
};

// Progress of training a classifier: (epoch, epochs, test accuracy so far or -1).
using FeatureNetProgress = std::function<void(int epoch, int epochs, double accuracy)>;

// The feature network for a run: `torchScriptPath` when given (any TorchScript module mapping
// images to features, e.g. the Inception network of pytorch-fid), else GANvas's own small CNN
// classifier for datasets with labels (MNIST, Fashion-MNIST, CIFAR-10), trained once and cached
// in the user's cache folder keyed by dataset and digest (a damaged cache file is retrained),
// else (an image folder, or IDX images without their labels file) a fixed, seeded random
// network whose scale is its own.
// Throws DataError / std::runtime_error naming the file on failure.
std::unique_ptr<FeatureNetwork> featureNetworkFor(const TrainingConfig &config, const std::string &torchScriptPath,
                                                  const FeatureNetProgress &progress = {});

// The pieces featureNetworkFor chooses from. A TorchScript module's output N x D (or
// N x D x 1 x 1, flattened); grey images are repeated when its first convolution takes 3
// channels. Throws DataError naming the file when it cannot be loaded.
std::unique_ptr<FeatureNetwork> torchScriptFeatureNetwork(const std::string &path);
// The same seeded, untrained network in every run (GANvas's CNN architecture, colour input).
std::unique_ptr<FeatureNetwork> randomFeatureNetwork();

// Where cached feature networks and real-image statistics live: $GANVAS_CACHE_DIR, else
// $XDG_CACHE_HOME/ganvas, else ~/.cache/ganvas.
std::string qualityCacheDir();

// The dataset's held-out images that generated samples are compared with: the test split of
// MNIST / Fashion-MNIST (t10k-*) and CIFAR-10 (test_batch.bin); for an image folder, every
// tenth image. Throws DataError naming the file.
ImageSet heldOutImages(const TrainingConfig &config);

} // namespace ganvas
