#include "models/syncbatchnorm.h"

#include "distributed/processgroup.h"

namespace ganvas {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The dimensions a batch norm reduces over (all but the channels) and the shape that
// broadcasts a per-channel vector against the input.
std::vector<int64_t> reducedDims(const torch::Tensor &x)
{
    std::vector<int64_t> dims{0};
    for (int64_t d = 2; d < x.dim(); ++d)
        dims.push_back(d);
    return dims;
}

std::vector<int64_t> channelShape(const torch::Tensor &x)
{
    std::vector<int64_t> shape(x.dim(), 1);
    shape[1] = x.size(1);
    return shape;
}

// y = (x - mean) * invstd * weight + bias, with the statistics given (already global). The
// backward pass is batch norm's, its two per-channel sums all-reduced, so that the gradient
// includes every rank's dependence on these statistics.
struct NormaliseWithGlobalStats : public torch::autograd::Function<NormaliseWithGlobalStats>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, const torch::Tensor &weight,
                                 const torch::Tensor &bias, const torch::Tensor &mean, const torch::Tensor &invstd,
                                 double count, int64_t group)
    {
        const auto shape = channelShape(x);
        const auto xhat = (x.to(torch::kFloat) - mean.view(shape)) * invstd.view(shape);
        ctx->save_for_backward({xhat, weight, invstd});
        ctx->saved_data["count"] = count;
        ctx->saved_data["group"] = group;
        return (xhat * weight.view(shape) + bias.view(shape)).to(x.scalar_type());
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOut)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &xhat = saved[0], &weight = saved[1], &invstd = saved[2];
        const double count = ctx->saved_data["count"].toDouble();
        auto *group = reinterpret_cast<ProcessGroup *>(ctx->saved_data["group"].toInt());
        const auto gy = gradOut[0].to(torch::kFloat);
        const auto dims = reducedDims(gy);
        const auto shape = channelShape(gy);
        const auto sumGy = gy.sum(dims);
        const auto sumGyXhat = (gy * xhat).sum(dims);
        // weight and bias: this rank's part; the trainer all-reduces every parameter's gradient.
        const auto gradWeight = sumGyXhat.clone();
        const auto gradBias = sumGy.clone();
        auto sums = torch::cat({sumGy, sumGyXhat});
        group->allreduceSum(sums);
        const int64_t c = sumGy.numel();
        const auto meanGy = sums.narrow(0, 0, c).div(count).view(shape);
        const auto meanGyXhat = sums.narrow(0, c, c).div(count).view(shape);
        const auto gx = (gy - meanGy - xhat * meanGyXhat) * (invstd * weight).view(shape);
        return {gx.to(gradOut[0].scalar_type()), gradWeight, gradBias, torch::Tensor(), torch::Tensor(),
                torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

SyncBatchNormImpl::SyncBatchNormImpl(int64_t features, double eps, double momentum)
    : m_features(features), m_eps(eps), m_momentum(momentum)
{
    reset();
}

void SyncBatchNormImpl::reset()
{
    weight = register_parameter("weight", torch::ones({m_features}));
    bias = register_parameter("bias", torch::zeros({m_features}));
    running_mean = register_buffer("running_mean", torch::zeros({m_features}));
    running_var = register_buffer("running_var", torch::ones({m_features}));
    num_batches_tracked = register_buffer("num_batches_tracked", torch::zeros({}, torch::kLong));
}

void SyncBatchNormImpl::pretty_print(std::ostream &stream) const
{
    stream << "SyncBatchNorm(" << m_features << ", eps=" << m_eps << ", momentum=" << m_momentum
           << (m_group ? ", across processes)" : ")");
}

torch::Tensor SyncBatchNormImpl::forward(const torch::Tensor &input)
{
    TORCH_CHECK(input.dim() >= 2 && input.size(1) == m_features, "SyncBatchNorm(", m_features,
                ") got an input of shape ", input.sizes());
    if (m_group && is_training())
        return forwardAcrossProcesses(input);
    if (is_training())
        num_batches_tracked.add_(1);
    return torch::batch_norm(input, weight, bias, running_mean, running_var, is_training(), m_momentum, m_eps,
                             at::globalContext().userEnabledCuDNN());
}

torch::Tensor SyncBatchNormImpl::forwardAcrossProcesses(const torch::Tensor &input)
{
    const auto x = input.to(torch::kFloat);
    const auto dims = reducedDims(x);
    const int64_t c = m_features;
    torch::Tensor mean, var;
    double count = 0;
    {
        // Two passes, as torch's own batch norm: the mean first, then the squares about it.
        torch::NoGradGuard noGrad;
        auto sums = torch::cat({x.sum(dims), torch::full({1}, double(x.numel() / c), x.options())});
        m_group->allreduceSum(sums);
        count = sums[c].item<double>();
        mean = sums.narrow(0, 0, c) / count;
        auto squares = (x - mean.view(channelShape(x))).square().sum(dims);
        m_group->allreduceSum(squares);
        var = squares / count;
        // The running statistics as torch keeps them: momentum, the unbiased variance.
        num_batches_tracked.add_(1);
        running_mean.mul_(1 - m_momentum).add_(mean, m_momentum);
        running_var.mul_(1 - m_momentum).add_(var * (count / std::max(1.0, count - 1)), m_momentum);
    }
    const auto invstd = (var + m_eps).rsqrt();
    return NormaliseWithGlobalStats::apply(input, weight, bias, mean, invstd, count,
                                           reinterpret_cast<int64_t>(m_group));
}

int setBatchNormGroup(torch::nn::Module &module, ProcessGroup *group)
{
    int found = 0;
    for (const auto &m : module.modules(/*include_self=*/true))
        if (auto *b = m->as<SyncBatchNormImpl>()) {
            b->setGroup(group);
            ++found;
        }
    return found;
}

} // namespace ganvas
