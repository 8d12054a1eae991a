#pragma once

// Pieces shared by the feature networks: image conversion, channel matching, batching.
#include "data/imageset.h"

#include <torch/torch.h>

#include <cstdint>
#include <functional>
#include <string>

namespace ganvas::quality {

// Images per forward pass when computing features: bounded memory, whatever N is.
constexpr int64_t kFeatureBatch = 256;

// The whole set as a uint8 N x C x H x W tensor sharing nothing with `set` (a copy).
torch::Tensor pixelTensor(const ImageSet &set);

// uint8 pixels -> float in [-1, 1], the generator's range.
torch::Tensor toUnitRange(const torch::Tensor &pixels);

// Float N x C x H x W images with `channels` channels: grey is repeated to colour; anything else
// that does not fit throws std::invalid_argument naming `network`.
torch::Tensor matchChannels(const torch::Tensor &images, int64_t channels, const std::string &network);

// `forward` over `images` in batches (eval-time: no grad), outputs flattened to N x D float.
torch::Tensor batchedFeatures(const torch::Tensor &images,
                              const std::function<torch::Tensor(const torch::Tensor &)> &forward);

} // namespace ganvas::quality
