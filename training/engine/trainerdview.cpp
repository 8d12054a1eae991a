// The Trainer's view of D for the window (DiscriminatorView): what D says about a sample of real
// images and of fakes, at most twice a second. The rest of Trainer is in trainer.cpp.
#include "engine/trainer.h"

#include <chrono>

namespace ganvas {

namespace {

Image8 single(const torch::Tensor &images, int64_t i)
{
    const auto bytes = images[i].unsqueeze(0).add(1.0).mul(127.5).round().clamp(0, 255)
                           .to(torch::kCPU, torch::kUInt8).contiguous();
    return tileGrid(bytes.data_ptr<uint8_t>(), 1, int(bytes.size(1)), int(bytes.size(2)), int(bytes.size(3)), 1, 0);
}

std::vector<double> toVector(const torch::Tensor &t)
{
    const auto c = t.to(torch::kCPU, torch::kDouble).contiguous();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

} // namespace

DiscriminatorView Trainer::discriminatorView(int n)
{
    torch::NoGradGuard noGrad;
    if (!m_viewGen.defined())
        m_viewGen = at::detail::createCPUGenerator(m_config.seed ^ 0xd15c0ULL);
    const int64_t count = std::min<int64_t>(std::max(n, 1), m_data.size(0));
    const auto idx = torch::randint(m_data.size(0), {count}, m_viewGen, torch::kLong).to(m_device);
    const auto real = imagesAt(idx);
    const auto z = torch::randn({count, m_config.latentSize}, m_viewGen).to(m_device);
    // Eval mode: looking must not move batch norm's running statistics.
    const bool gTraining = m_g->is_training(), dTraining = m_d->is_training();
    m_g->eval();
    m_d->eval();
    const auto fake = m_g->forward(z);
    auto realOut = m_d->forward(real).flatten(), fakeOut = m_d->forward(fake).flatten();
    if (gTraining)
        m_g->train();
    if (dTraining)
        m_d->train();
    if (m_loss == LossKind::Bce)
        realOut = torch::sigmoid(realOut), fakeOut = torch::sigmoid(fakeOut);
    DiscriminatorView v;
    v.epoch = m_epochsDone + 1;
    v.step = m_globalStep;
    v.probability = m_loss == LossKind::Bce;
    v.realScores = toVector(realOut);
    v.fakeScores = toVector(fakeOut);
    const int64_t rMax = realOut.argmax().item<int64_t>(), rMin = realOut.argmin().item<int64_t>();
    const int64_t fMax = fakeOut.argmax().item<int64_t>(), fMin = fakeOut.argmin().item<int64_t>();
    v.mostRealReal = single(real, rMax), v.mostRealRealScore = v.realScores[size_t(rMax)];
    v.mostFakeReal = single(real, rMin), v.mostFakeRealScore = v.realScores[size_t(rMin)];
    v.mostRealFake = single(fake, fMax), v.mostRealFakeScore = v.fakeScores[size_t(fMax)];
    v.mostFakeFake = single(fake, fMin), v.mostFakeFakeScore = v.fakeScores[size_t(fMin)];
    return v;
}

void Trainer::sendDiscriminatorView()
{
    if (!m_observer || !m_observer->wantsDiscriminatorView())
        return;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastView < std::chrono::milliseconds(500))
        return;
    m_lastView = now;
    m_observer->onDiscriminatorView(discriminatorView());
}

} // namespace ganvas
