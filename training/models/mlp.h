#pragma once

#include "models/modelfactory.h"

namespace ganvas {

// The seed's networks. G: latent -> 256 -> 512 (BN) -> 1024 (BN) -> C*H*W, LeakyReLU(0.2),
// tanh out. D: C*H*W -> 1024 -> 512 -> 256 -> 1, LeakyReLU(0.2), a logit out.
torch::nn::Sequential mlpGeneratorBody(ImageShape shape, int latentSize);
torch::nn::Sequential mlpDiscriminatorBody(ImageShape shape);

} // namespace ganvas
