#include "losses/ganloss.h"

#include <stdexcept>

namespace ganvas {

LossKind parseLoss(const std::string &name)
{
    if (name == "bce")
        return LossKind::Bce;
    if (name == "lsgan")
        return LossKind::Lsgan;
    if (name == "hinge")
        return LossKind::Hinge;
    if (name == "wgan-gp")
        return LossKind::WganGp;
    throw std::invalid_argument("unknown loss '" + name + "' (use bce, lsgan, hinge or wgan-gp)");
}

torch::Tensor discriminatorLoss(LossKind kind, const torch::Tensor &realOut, const torch::Tensor &fakeOut,
                                const torch::Tensor &realTarget, const torch::Tensor &fakeTarget)
{
    switch (kind) {
    case LossKind::Bce:
        return torch::binary_cross_entropy_with_logits(realOut, realTarget) +
               torch::binary_cross_entropy_with_logits(fakeOut, fakeTarget);
    case LossKind::Lsgan:
        return 0.5 * ((realOut - realTarget).square().mean() + (fakeOut - fakeTarget).square().mean());
    case LossKind::Hinge:
        return torch::relu(1.0 - realOut).mean() + torch::relu(1.0 + fakeOut).mean();
    case LossKind::WganGp:
        return fakeOut.mean() - realOut.mean();
    }
    throw std::logic_error("unhandled loss kind");
}

torch::Tensor generatorLoss(LossKind kind, const torch::Tensor &fakeOut)
{
    switch (kind) {
    case LossKind::Bce:
        // -log sigmoid(x) == softplus(-x), without the sigmoid's saturation.
        return torch::softplus(-fakeOut).mean();
    case LossKind::Lsgan:
        return 0.5 * (fakeOut - 1.0).square().mean();
    case LossKind::Hinge:
    case LossKind::WganGp:
        return -fakeOut.mean();
    }
    throw std::logic_error("unhandled loss kind");
}

torch::Tensor gradientPenalty(Discriminator &d, const torch::Tensor &real, const torch::Tensor &fake,
                              at::Generator gen, int64_t drawRows, int64_t firstRow)
{
    std::vector<int64_t> shape(real.dim(), 1);
    shape[0] = drawRows > 0 ? drawRows : real.size(0);
    const auto eps = torch::rand(shape, gen, real.options()).narrow(0, firstRow, real.size(0));
    auto mixed = (eps * real + (1.0 - eps) * fake).requires_grad_(true);
    auto out = d->forward(mixed);
    auto grad = torch::autograd::grad({out.sum()}, {mixed}, /*grad_outputs=*/{},
                                      /*retain_graph=*/true, /*create_graph=*/true)[0];
    return (grad.flatten(1).norm(2, 1) - 1.0).square().mean();
}

torch::Tensor meanScore(LossKind kind, const torch::Tensor &out)
{
    return kind == LossKind::Bce ? torch::sigmoid(out).mean() : out.mean();
}

} // namespace ganvas
