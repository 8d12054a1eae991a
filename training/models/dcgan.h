#pragma once

#include "models/modelfactory.h"

namespace ganvas {

// Radford et al.'s convolutional pair, sized for square images whose side halves down to 7 or
// 4 (28 -> 7, 32 -> 4, 64 -> 4): strided 4x4 (transposed) convolutions, BN, ReLU in G,
// LeakyReLU(0.2) in D, tanh out of G, a logit out of D.
torch::nn::Sequential dcganGeneratorBody(ImageShape shape, int latentSize);
torch::nn::Sequential dcganDiscriminatorBody(ImageShape shape, bool batchNorm);

} // namespace ganvas
