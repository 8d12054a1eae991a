#pragma once

#include <torch/torch.h>

#include <string>

namespace ganvas {

struct ImageShape
{
    int64_t channels = 1;
    int64_t height = 28;
    int64_t width = 28;
    int64_t pixels() const { return channels * height * width; }
};

// G: noise (N x latent) -> images (N x C x H x W) in [-1, 1].
class GeneratorImpl : public torch::nn::Module
{
public:
    GeneratorImpl(torch::nn::Sequential body, ImageShape shape);
    torch::Tensor forward(const torch::Tensor &z);
    ImageShape shape() const { return m_shape; }

private:
    torch::nn::Sequential m_body;
    ImageShape m_shape;
};
TORCH_MODULE(Generator);

// D: images (N x C x H x W) -> one logit per image (N). Never a sigmoid: losses take logits.
class DiscriminatorImpl : public torch::nn::Module
{
public:
    DiscriminatorImpl(torch::nn::Sequential body, bool hasBatchNorm);
    torch::Tensor forward(const torch::Tensor &x);
    // With batch norm, real and fake batches must go through D separately.
    bool hasBatchNorm() const { return m_hasBatchNorm; }

private:
    torch::nn::Sequential m_body;
    bool m_hasBatchNorm;
};
TORCH_MODULE(Discriminator);

// Families: "mlp" (the seed's fully connected pair), "dcgan" (square images of side 28, 32, 64).
// Weights are initialised from `gen`, so a run's seed fixes them. Throws std::invalid_argument
// for an unknown family or a shape the family cannot make.
Generator makeGenerator(const std::string &family, ImageShape shape, int latentSize, at::Generator gen);
// WGAN-GP's penalty is per sample, so its critic has no batch norm.
Discriminator makeDiscriminator(const std::string &family, ImageShape shape, const std::string &loss,
                                at::Generator gen);

} // namespace ganvas
