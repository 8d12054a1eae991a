#pragma once

#include "models/modelfactory.h"

#include <torch/torch.h>

#include <string>

namespace ganvas {

enum class LossKind { Bce, Lsgan, Hinge, WganGp };

// "bce" | "lsgan" | "hinge" | "wgan-gp"; throws std::invalid_argument otherwise.
LossKind parseLoss(const std::string &name);

// All functions take D's raw outputs (logits), never probabilities.
// realTarget/fakeTarget are per-sample targets (bce, lsgan: 1 for real, 0 for fake, moved by
// label smoothing and flipping); hinge and WGAN ignore them.
torch::Tensor discriminatorLoss(LossKind kind, const torch::Tensor &realOut, const torch::Tensor &fakeOut,
                                const torch::Tensor &realTarget, const torch::Tensor &fakeTarget);

// The generator's loss on D's outputs for fakes (bce: the non-saturating -log D(G(z))).
torch::Tensor generatorLoss(LossKind kind, const torch::Tensor &fakeOut);

// Gulrajani et al.'s penalty: mean (||grad_x D(x_hat)||_2 - 1)^2 at random interpolates of
// real and fake. `fake` must be detached. The mixing weights are drawn for drawRows rows (0: as
// many as `real` has) and rows firstRow.. are used: one rank's share of a whole batch's draw.
torch::Tensor gradientPenalty(Discriminator &d, const torch::Tensor &real, const torch::Tensor &fake,
                              at::Generator gen, int64_t drawRows = 0, int64_t firstRow = 0);

// What "mean D(x)" reports: the mean probability sigmoid(logit) for bce, the mean raw output
// (the critic's score) for the others.
torch::Tensor meanScore(LossKind kind, const torch::Tensor &out);

} // namespace ganvas
