#pragma once

// GANvas's own small CNN: a classifier for labelled datasets whose penultimate layer gives the
// quality scores' features, and (untrained, seeded) the random network for image folders.
#include "data/datasetlocator.h"
#include "quality/featurenet.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace ganvas::quality {

// Bumped whenever the network or its training recipe changes, so old cache files are not used.
constexpr int kClassifierArchitecture = 1;
constexpr int64_t kFeatureSize = 128;
constexpr int64_t kClasses = 10;

// Two conv blocks (16, 32 channels, each halving the size), pooled to 4 x 4 so any image size
// fits, a 128-d ReLU layer (the features), a linear layer to 10 classes.
struct ConvNetImpl : torch::nn::Module
{
    explicit ConvNetImpl(int64_t channels);
    torch::Tensor features(const torch::Tensor &images); // N x 128
    torch::Tensor forward(const torch::Tensor &images);  // N x 10 logits

    int64_t channels;
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr};
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
};
TORCH_MODULE(ConvNet);

// He-uniform weights and zero biases from a generator of its own, so the same seed gives the
// same network on every run and libtorch's global random state is left alone.
ConvNet seededConvNet(int64_t channels, uint64_t seed);

struct TrainedClassifier
{
    ConvNet net{nullptr};
    double accuracy = 0;      // on the test split, 0..1
    double seconds = 0;       // training time
    int64_t trainImages = 0;
    int64_t testImages = 0;
    int epochs = 0;
};

// Epochs for `images` training images: about 60,000 images seen, 1 to 4 passes.
int classifierEpochs(int64_t images);

// Trains a fresh seeded network on `train`, then measures it on `test`. Calls `progress` after
// each epoch (accuracy -1) and once more with the test accuracy.
TrainedClassifier trainClassifier(const LabelledImages &train, const LabelledImages &test,
                                  const FeatureNetProgress &progress);

// Share of `test` that `net` classifies correctly (eval mode, batched).
double classifierAccuracy(ConvNet &net, const LabelledImages &test);

// The classifier as a FeatureNetwork: ConvNet features of [-1, 1] images.
std::unique_ptr<FeatureNetwork> convNetFeatures(ConvNet net, std::string name);

} // namespace ganvas::quality

namespace ganvas::quality {

// The classifier for the run's labelled dataset (first config.limit training images): from
// qualityCacheDir() when a sound cache file for the same data and architecture is there, else
// trained (reporting `progress`) and cached atomically. A damaged cache file is noted on
// stderr and replaced.
std::unique_ptr<FeatureNetwork> cachedClassifier(const TrainingConfig &config, const FeatureNetProgress &progress);

} // namespace ganvas::quality
