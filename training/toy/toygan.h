#pragma once

#include "losses/ganloss.h"
#include "toy/toydata.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

// The 2-D lab's GAN: a small fully connected G (2-D noise -> a point) and D (a point -> a
// logit) on a Shape, with the losses of the image engine. Everything the lab draws comes from
// here: the fakes of a fixed noise batch, D's verdict over the plane, where G's gradient moves
// each fake, and G's image of a regular grid of noise (the manifold).
namespace ganvas::toy {

struct ToySettings
{
    std::string loss = "bce"; // bce, lsgan, hinge, wgan-gp
    int hidden = 128;         // units in each of G's and D's two hidden layers
    double lrG = 1e-3, lrD = 1e-3;
    double beta1 = 0.5, beta2 = 0.999;
    int batchSize = 256;
    double gpWeight = 1.0; // wgan-gp only
    uint64_t seed = 42;
};

struct ToyStep
{
    double dLoss = 0, gLoss = 0; // the losses of the last D step and G step
    double dReal = 0, dFake = 0; // D's mean verdict on the batch (a probability for bce)
};

class ToyGan
{
public:
    // Throws std::invalid_argument for an unknown loss or settings out of range.
    ToyGan(const ToySettings &settings, Shape shape, const torch::Tensor &drawn = {});

    // One batch: a D step, then a G step.
    ToyStep step();
    // Only D's (or only G's) half of a step: the other network's weights stay as they are.
    ToyStep stepD();
    ToyStep stepG();
    int64_t steps() const { return m_steps; }
    // The losses and verdicts of the last step (or half-step).
    const ToyStep &lastStep() const { return m_last; }
    // From the next step on (both > 0; throws std::invalid_argument otherwise).
    void setLearningRates(double lrG, double lrD);

    // The generator's points for the fixed noise (n x 2); the same noise every call.
    torch::Tensor fixedFakes() const;
    // Fresh real points of the shape.
    torch::Tensor realPoints(int64_t n);
    // D's verdict on a side x side grid over [-extent, extent]^2 (row 0 at y = +extent):
    // sigmoid(logit) for bce, the raw score otherwise.
    torch::Tensor decisionMap(int side, double extent) const;
    // Where G's update would move each of the given fakes: minus the gradient of G's loss with
    // respect to the point (n x 2).
    torch::Tensor fakeGradients(const torch::Tensor &fakes) const;
    // G's image of a side x side grid of noise over [-2, 2]^2 (side*side x 2, row by row).
    torch::Tensor manifold(int side) const;
    // How many of the shape's modes the fixed fakes cover (ring and grid; 0 modes otherwise).
    Coverage coverage() const;

    Shape shape() const { return m_shape; }
    const ToySettings &settings() const { return m_settings; }
    Generator &generator() { return m_g; }
    Discriminator &discriminator() { return m_d; }

private:
    // The two halves of a step, without counting it.
    ToyStep trainD();
    ToyStep trainG();
    torch::Tensor generate(const torch::Tensor &z) const;
    torch::Tensor dOut(const torch::Tensor &x) const;

    ToySettings m_settings;
    Shape m_shape;
    torch::Tensor m_drawn;
    LossKind m_loss;
    at::Generator m_gen;
    mutable Generator m_g{nullptr}; // forward() is not const in libtorch
    mutable Discriminator m_d{nullptr};
    std::unique_ptr<torch::optim::Adam> m_optG, m_optD;
    torch::Tensor m_fixedNoise;
    int64_t m_steps = 0;
    ToyStep m_last;
};

} // namespace ganvas::toy
