#include "engine/stepthrough.h"

#include "engine/trainer.h"
#include "losses/ganloss.h"

#include <algorithm>
#include <stdexcept>

namespace ganvas {

namespace {

void requireGrad(torch::nn::Module &m, bool on)
{
    for (auto &p : m.parameters())
        p.requires_grad_(on);
}

// Runs `f` and puts the module's buffers (batch norm's running statistics) back as they were:
// looking at the networks again must not change them.
template <typename F> auto keepingBuffers(torch::nn::Module &m, F &&f)
{
    std::vector<torch::Tensor> saved;
    for (const auto &b : m.buffers())
        saved.push_back(b.clone());
    auto result = f();
    torch::NoGradGuard noGrad;
    auto buffers = m.buffers();
    for (size_t i = 0; i < buffers.size(); ++i)
        buffers[i].copy_(saved[i]);
    return result;
}

std::vector<double> toVector(const torch::Tensor &t)
{
    const auto c = t.detach().to(torch::kCPU, torch::kDouble).contiguous().flatten();
    return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

} // namespace

struct StepThrough::Tensors
{
    torch::Tensor data;            // every image, uint8 N x C x H x W on the CPU
    torch::Tensor real, z, fake;   // the batch, its noise, G(z) with G's graph
    torch::Tensor dLoss;           // D's loss with D's graph (phase 3)
    torch::Tensor realTarget, fakeTarget;
    at::Generator gen;
};

StepThrough::StepThrough(TrainingConfig config, const ImageSet &data, const std::string &checkpoint)
    : m_t(std::make_unique<Tensors>())
{
    m_trainer = std::make_unique<Trainer>(config, data, std::string());
    if (!checkpoint.empty())
        m_trainer->restore(checkpoint);
    m_t->data = torch::from_blob(const_cast<uint8_t *>(data.pixels.data()),
                                 {data.count, data.channels, data.height, data.width}, torch::kUInt8)
                    .clone();
    m_t->gen = at::detail::createCPUGenerator(config.seed ^ 0x5eedULL);
    begin();
}

StepThrough::~StepThrough() = default;

std::vector<StepPhase> StepThrough::phases() const
{
    std::vector<StepPhase> p{StepPhase::RealBatch, StepPhase::Fakes, StepPhase::Scores};
    if (m_halves != StepHalves::OnlyG)
        p.push_back(StepPhase::DUpdate);
    if (m_halves != StepHalves::OnlyD)
        p.push_back(StepPhase::GUpdate);
    return p;
}

bool StepThrough::atEnd() const
{
    return m_phase == phases().back();
}

void StepThrough::begin(StepHalves halves, int shown)
{
    const TrainingConfig &c = m_trainer->config();
    const int64_t b = std::min<int64_t>(c.batchSize, m_t->data.size(0));
    const auto device = m_trainer->generator()->parameters().front().device();
    m_halves = halves;
    m_state = StepThroughState{};
    m_state.shown = int(std::clamp<int64_t>(shown, 1, b));
    m_state.probability = c.loss == "bce";
    const auto idx = torch::randperm(m_t->data.size(0), m_t->gen, torch::kLong).narrow(0, 0, b);
    m_t->real = m_t->data.index_select(0, idx).to(device).to(torch::kFloat).div_(127.5).sub_(1.0);
    m_t->z = torch::randn({b, c.latentSize}, m_t->gen).to(device);
    const auto opts = torch::TensorOptions().device(device);
    const bool labelled = c.loss == "bce" || c.loss == "lsgan";
    m_t->realTarget = labelled ? torch::full({b}, 1.0 - c.labelSmoothing, opts) : torch::Tensor();
    m_t->fakeTarget = labelled ? torch::zeros({b}, opts) : torch::Tensor();
    m_t->fake = m_t->dLoss = torch::Tensor();
    m_phase = m_reached = StepPhase::RealBatch;
    compute(StepPhase::RealBatch);
}

bool StepThrough::next()
{
    const auto p = phases();
    const auto at = std::find(p.begin(), p.end(), m_phase);
    if (at == p.end() || at + 1 == p.end())
        return false;
    m_phase = *(at + 1);
    if (int(m_phase) > int(m_reached)) {
        compute(m_phase);
        m_reached = m_phase;
    }
    return true;
}

bool StepThrough::back()
{
    const auto p = phases();
    const auto at = std::find(p.begin(), p.end(), m_phase);
    if (at == p.begin() || at == p.end())
        return false;
    m_phase = *(at - 1);
    return true;
}

int64_t StepThrough::dSteps() const
{
    return m_trainer->optimizerD().steps();
}

int64_t StepThrough::gSteps() const
{
    return m_trainer->optimizerG().steps();
}

void StepThrough::compute(StepPhase phase)
{
    const TrainingConfig &c = m_trainer->config();
    const LossKind loss = parseLoss(c.loss);
    Generator &g = m_trainer->generator();
    Discriminator &d = m_trainer->discriminator();
    const int64_t b = m_t->real.size(0);
    const int shown = m_state.shown;
    const ImageShape shape = m_trainer->imageShape();
    auto grid = [&](const torch::Tensor &images) {
        const auto bytes = images.detach().narrow(0, 0, shown).add(1.0).mul(127.5).round().clamp(0, 255)
                               .to(torch::kCPU, torch::kUInt8).contiguous();
        return tileGrid(bytes.data_ptr<uint8_t>(), shown, shape.channels, shape.height, shape.width, shown);
    };
    // D on real and fake as the training step runs it: one batch without batch norm, apart with.
    auto judge = [&](const torch::Tensor &real, const torch::Tensor &fake) {
        if (!d->hasBatchNorm()) {
            const auto out = d->forward(torch::cat({real, fake}));
            return std::pair{out.narrow(0, 0, b), out.narrow(0, b, b)};
        }
        return std::pair{d->forward(real), d->forward(fake)};
    };
    auto verdict = [&](const torch::Tensor &out) { return toVector(loss == LossKind::Bce ? torch::sigmoid(out) : out); };

    switch (phase) {
    case StepPhase::RealBatch:
        m_state.real = grid(m_t->real);
        break;
    case StepPhase::Fakes:
        m_t->fake = g->forward(m_t->z); // with G's graph, for G's step in phase 5
        m_state.fake = grid(m_t->fake);
        break;
    case StepPhase::Scores: {
        const auto [realOut, fakeOut] = judge(m_t->real, m_t->fake.detach());
        m_t->dLoss = discriminatorLoss(loss, realOut, fakeOut, m_t->realTarget, m_t->fakeTarget);
        if (loss == LossKind::WganGp && c.gpWeight > 0)
            m_t->dLoss = m_t->dLoss + c.gpWeight * gradientPenalty(d, m_t->real, m_t->fake.detach(), m_t->gen);
        m_state.realScores = verdict(realOut);
        m_state.fakeScores = verdict(fakeOut);
        m_state.dLoss = m_t->dLoss.item<double>();
        break;
    }
    case StepPhase::DUpdate: {
        m_trainer->optimizerD().zeroGrad();
        m_t->dLoss.backward();
        m_trainer->optimizerD().step();
        m_t->dLoss = torch::Tensor();
        torch::NoGradGuard noGrad;
        keepingBuffers(*d, [&] {
            const auto [realOut, fakeOut] = judge(m_t->real, m_t->fake.detach());
            m_state.realScoresAfterD = verdict(realOut);
            m_state.fakeScoresAfterD = verdict(fakeOut);
            m_state.dLossAfter =
                discriminatorLoss(loss, realOut, fakeOut, m_t->realTarget, m_t->fakeTarget).item<double>();
            return 0;
        });
        break;
    }
    case StepPhase::GUpdate: {
        m_trainer->optimizerG().zeroGrad();
        requireGrad(*d, false);
        const auto gLoss = generatorLoss(loss, d->forward(m_t->fake));
        gLoss.backward();
        requireGrad(*d, true);
        m_trainer->optimizerG().step();
        m_state.gLoss = gLoss.item<double>();
        m_t->fake = m_t->fake.detach();
        torch::NoGradGuard noGrad;
        const auto after = keepingBuffers(*g, [&] { return g->forward(m_t->z); });
        m_state.fakeAfterG = grid(after);
        const auto out = keepingBuffers(*d, [&] { return d->forward(after); });
        m_state.fakeScoresAfterG = verdict(out);
        m_state.gLossAfter = generatorLoss(loss, out).item<double>();
        break;
    }
    }
}

} // namespace ganvas
