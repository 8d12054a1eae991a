#include "toy/toygan.h"

#include <cmath>
#include <stdexcept>

namespace ganvas::toy {

namespace {

constexpr int kLatent = 2;
constexpr int kFixed = 512;

torch::nn::Sequential mlp(int in, int hidden, int out)
{
    return torch::nn::Sequential(torch::nn::Flatten(), torch::nn::Linear(in, hidden), torch::nn::ReLU(),
                                 torch::nn::Linear(hidden, hidden), torch::nn::ReLU(), torch::nn::Linear(hidden, out));
}

// PyTorch's default bounds, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn from the run's generator
// so that the seed fixes the weights.
void initialise(torch::nn::Module &net, at::Generator gen)
{
    torch::NoGradGuard noGrad;
    for (auto &m : net.modules(false))
        if (auto *linear = m->as<torch::nn::Linear>()) {
            const double bound = 1.0 / std::sqrt(double(linear->weight.size(1)));
            linear->weight.copy_(torch::rand(linear->weight.sizes(), gen) * (2 * bound) - bound);
            linear->bias.copy_(torch::rand(linear->bias.sizes(), gen) * (2 * bound) - bound);
        }
}

} // namespace

ToyGan::ToyGan(const ToySettings &settings, Shape shape, const torch::Tensor &drawn)
    : m_settings(settings), m_shape(shape), m_drawn(drawn), m_loss(parseLoss(settings.loss)),
      m_gen(at::detail::createCPUGenerator(settings.seed))
{
    if (settings.hidden < 1 || settings.batchSize < 1)
        throw std::invalid_argument("hidden units and batch size must be >= 1");
    if (!(settings.lrG > 0) || !(settings.lrD > 0))
        throw std::invalid_argument("learning rates must be > 0");
    if (shape == Shape::Drawn)
        samplePoints(shape, 1, m_gen, drawn); // says so now if nothing was drawn
    m_g = Generator(mlp(kLatent, settings.hidden, 2), ImageShape{2, 1, 1});
    m_d = Discriminator(mlp(2, settings.hidden, 1), false);
    initialise(*m_g, m_gen);
    initialise(*m_d, m_gen);
    const auto adam = [&](double lr) {
        return torch::optim::AdamOptions(lr).betas({settings.beta1, settings.beta2});
    };
    m_optG = std::make_unique<torch::optim::Adam>(m_g->parameters(), adam(settings.lrG));
    m_optD = std::make_unique<torch::optim::Adam>(m_d->parameters(), adam(settings.lrD));
    m_fixedNoise = torch::randn({kFixed, kLatent}, m_gen);
}

torch::Tensor ToyGan::generate(const torch::Tensor &z) const
{
    return m_g->forward(z).view({-1, 2});
}

torch::Tensor ToyGan::dOut(const torch::Tensor &x) const
{
    return m_d->forward(x);
}

torch::Tensor ToyGan::realPoints(int64_t n)
{
    return samplePoints(m_shape, n, m_gen, m_drawn);
}

ToyStep ToyGan::trainD()
{
    const int64_t n = m_settings.batchSize;
    const auto real = realPoints(n);
    torch::Tensor fake;
    {
        torch::NoGradGuard noGrad;
        fake = generate(torch::randn({n, kLatent}, m_gen));
    }
    m_optD->zero_grad();
    const auto realOut = dOut(real), fakeOut = dOut(fake);
    auto loss = discriminatorLoss(m_loss, realOut, fakeOut, torch::ones({n}), torch::zeros({n}));
    if (m_loss == LossKind::WganGp)
        loss = loss + m_settings.gpWeight * gradientPenalty(m_d, real, fake, m_gen);
    loss.backward();
    m_optD->step();
    m_last.dLoss = loss.item<double>();
    m_last.dReal = meanScore(m_loss, realOut.detach()).item<double>();
    m_last.dFake = meanScore(m_loss, fakeOut.detach()).item<double>();
    return m_last;
}

ToyStep ToyGan::trainG()
{
    const int64_t n = m_settings.batchSize;
    m_optG->zero_grad();
    const auto out = dOut(generate(torch::randn({n, kLatent}, m_gen)));
    const auto loss = generatorLoss(m_loss, out);
    loss.backward();
    m_optG->step();
    m_d->zero_grad(); // D's gradients from G's step are not D's to use
    m_last.gLoss = loss.item<double>();
    m_last.dFake = meanScore(m_loss, out.detach()).item<double>();
    return m_last;
}

ToyStep ToyGan::stepD()
{
    ++m_steps;
    return trainD();
}

ToyStep ToyGan::stepG()
{
    ++m_steps;
    return trainG();
}

ToyStep ToyGan::step()
{
    ++m_steps; // one batch, both halves
    trainD();
    return trainG();
}

void ToyGan::setLearningRates(double lrG, double lrD)
{
    if (!(lrG > 0) || !(lrD > 0))
        throw std::invalid_argument("learning rates must be > 0");
    for (auto [opt, lr] : {std::pair{m_optG.get(), lrG}, std::pair{m_optD.get(), lrD}})
        for (auto &group : opt->param_groups())
            static_cast<torch::optim::AdamOptions &>(group.options()).lr(lr);
    m_settings.lrG = lrG;
    m_settings.lrD = lrD;
}

torch::Tensor ToyGan::fixedFakes() const
{
    torch::NoGradGuard noGrad;
    return generate(m_fixedNoise);
}

torch::Tensor ToyGan::decisionMap(int side, double extent) const
{
    torch::NoGradGuard noGrad;
    const auto xs = torch::linspace(-extent, extent, side, torch::kFloat);
    const auto ys = torch::linspace(extent, -extent, side, torch::kFloat);
    const auto grid = torch::meshgrid({ys, xs}, "ij");
    const auto points = torch::stack({grid[1].reshape({-1}), grid[0].reshape({-1})}, 1);
    auto out = dOut(points);
    if (m_loss == LossKind::Bce)
        out = torch::sigmoid(out);
    return out.view({side, side});
}

torch::Tensor ToyGan::fakeGradients(const torch::Tensor &fakes) const
{
    auto x = fakes.detach().clone().requires_grad_(true);
    const auto loss = generatorLoss(m_loss, dOut(x)) * double(x.size(0)); // per point, not averaged away
    const auto grad = torch::autograd::grad({loss}, {x})[0];
    m_d->zero_grad();
    return -grad;
}

torch::Tensor ToyGan::manifold(int side) const
{
    torch::NoGradGuard noGrad;
    const auto axis = torch::linspace(-2, 2, side, torch::kFloat);
    const auto grid = torch::meshgrid({axis, axis}, "ij");
    return generate(torch::stack({grid[1].reshape({-1}), grid[0].reshape({-1})}, 1));
}

Coverage ToyGan::coverage() const
{
    return modeCoverage(fixedFakes(), modeCentres(m_shape), modeSpread(m_shape));
}

} // namespace ganvas::toy
