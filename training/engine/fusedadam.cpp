#include "engine/fusedadam.h"

#include <ATen/Parallel.h>

#include <cmath>
#include <stdexcept>

namespace ganvas {

FusedAdam::FusedAdam(std::vector<torch::Tensor> params, double lr, double beta1, double beta2, double eps)
    : m_params(std::move(params)), m_lr(lr), m_beta1(beta1), m_beta2(beta2), m_eps(eps)
{
    torch::NoGradGuard noGrad;
    for (auto &p : m_params) {
        if (!p.is_contiguous())
            throw std::invalid_argument("FusedAdam needs contiguous parameters");
        m_expAvg.push_back(torch::zeros_like(p));
        m_expAvgSq.push_back(torch::zeros_like(p));
    }
    const auto opts = m_params.empty() ? torch::TensorOptions() : m_params.front().options();
    m_stepTensor = torch::zeros({}, opts.dtype(torch::kDouble)); // exact past 2^24 steps
    m_lrTensor = torch::full({}, lr, opts.dtype(torch::kFloat));
}

void FusedAdam::zeroGrad()
{
    // Dropping the gradients (rather than zeroing them) lets backward hand its fresh gradient
    // over instead of adding it into a zeroed one: two passes over memory fewer per step.
    for (auto &p : m_params)
        p.mutable_grad() = torch::Tensor();
}

std::vector<torch::Tensor> FusedAdam::stateTensors() const
{
    std::vector<torch::Tensor> all = m_expAvg;
    all.insert(all.end(), m_expAvgSq.begin(), m_expAvgSq.end());
    return all;
}

void FusedAdam::setLearningRate(double lr)
{
    m_lr = lr;
    m_lrTensor.fill_(lr);
}

void FusedAdam::step()
{
    torch::NoGradGuard noGrad;
    ++m_steps;
    if (!m_params.empty() && m_params.front().is_cpu() && m_params.front().scalar_type() == torch::kFloat)
        stepCpu();
    else
        stepDevice();
}

void FusedAdam::stepCpu()
{
    const double bc1 = 1.0 - std::pow(m_beta1, static_cast<double>(m_steps));
    const double bc2 = 1.0 - std::pow(m_beta2, static_cast<double>(m_steps));
    const float b1 = static_cast<float>(m_beta1), b2 = static_cast<float>(m_beta2);
    const float omb1 = 1.0f - b1, omb2 = 1.0f - b2;
    const float stepSize = static_cast<float>(m_lr / bc1);
    const float invSqrtBc2 = static_cast<float>(1.0 / std::sqrt(bc2));
    const float eps = static_cast<float>(m_eps);
    for (size_t i = 0; i < m_params.size(); ++i) {
        if (!m_params[i].grad().defined())
            continue;
        float *p = m_params[i].data_ptr<float>();
        const torch::Tensor grad = m_params[i].grad().contiguous();
        const float *g = grad.data_ptr<float>();
        float *m = m_expAvg[i].data_ptr<float>();
        float *v = m_expAvgSq[i].data_ptr<float>();
        at::parallel_for(0, m_params[i].numel(), 32768, [&](int64_t begin, int64_t end) {
#pragma omp simd
            for (int64_t k = begin; k < end; ++k) {
                const float gk = g[k];
                const float mk = b1 * m[k] + omb1 * gk;
                const float vk = b2 * v[k] + omb2 * gk * gk;
                m[k] = mk;
                v[k] = vk;
                p[k] -= stepSize * mk / (std::sqrt(vk) * invSqrtBc2 + eps);
            }
        });
    }
}

void FusedAdam::stepDevice()
{
    m_stepTensor.add_(1.0);
    const auto bc1 = 1.0 - torch::pow(m_beta1, m_stepTensor);
    const auto sqrtBc2 = (1.0 - torch::pow(m_beta2, m_stepTensor)).sqrt();
    const auto negStep = -m_lrTensor / bc1;
    for (size_t i = 0; i < m_params.size(); ++i) {
        const auto &g = m_params[i].grad();
        if (!g.defined())
            continue;
        m_expAvg[i].mul_(m_beta1).add_(g, 1.0 - m_beta1);
        m_expAvgSq[i].mul_(m_beta2).addcmul_(g, g, 1.0 - m_beta2);
        const auto denom = (m_expAvgSq[i].sqrt() / sqrtBc2).add_(m_eps);
        m_params[i].add_(negStep * m_expAvg[i] / denom);
    }
}

void FusedAdam::save(torch::serialize::OutputArchive &archive) const
{
    // On a GPU the count lives in m_stepTensor (a replayed CUDA graph does not pass the host).
    const int64_t steps = m_params.empty() || m_params.front().is_cpu()
                              ? m_steps
                              : static_cast<int64_t>(std::llround(m_stepTensor.item<double>()));
    archive.write("steps", torch::tensor(steps, torch::kInt64));
    archive.write("lr", torch::tensor(m_lr, torch::kDouble));
    for (size_t i = 0; i < m_params.size(); ++i) {
        archive.write("exp_avg." + std::to_string(i), m_expAvg[i].cpu());
        archive.write("exp_avg_sq." + std::to_string(i), m_expAvgSq[i].cpu());
    }
}

void FusedAdam::load(torch::serialize::InputArchive &archive)
{
    torch::NoGradGuard noGrad;
    torch::Tensor steps, lr;
    archive.read("steps", steps);
    archive.read("lr", lr);
    for (size_t i = 0; i < m_params.size(); ++i) {
        torch::Tensor m, v;
        archive.read("exp_avg." + std::to_string(i), m);
        archive.read("exp_avg_sq." + std::to_string(i), v);
        if (!m.sizes().equals(m_params[i].sizes()) || !v.sizes().equals(m_params[i].sizes()))
            throw std::runtime_error("optimiser state does not match the model (parameter " +
                                     std::to_string(i) + ")");
        m_expAvg[i].copy_(m);
        m_expAvgSq[i].copy_(v);
    }
    m_steps = steps.item<int64_t>();
    m_stepTensor.fill_(static_cast<double>(m_steps));
    setLearningRate(lr.item<double>());
}

} // namespace ganvas
