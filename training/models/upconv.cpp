#include "models/upconv.h"

#include "engine/precision.h"

#include <cstdlib>

namespace ganvas {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

const std::vector<int64_t> kStride{2, 2}, kPadding{1, 1}, kDilation{1, 1}, kNoOutputPadding{0, 0};

// y = conv_transpose2d(x, w, stride 2, padding 1): the gradient with respect to the input of
// conv2d(y', w) at output gradient x. Backward: dL/dx = conv2d(dL/dy, w), and dL/dw is that
// convolution's weight gradient, with dL/dy as its input and x as its output gradient.
struct TransposedAsBackwardData : public torch::autograd::Function<TransposedAsBackwardData>
{
    static torch::Tensor forward(AutogradContext *ctx, const torch::Tensor &x, const torch::Tensor &w)
    {
        const auto xc = x.contiguous();
        const auto outputShape = torch::empty({x.size(0), w.size(1), 2 * x.size(2), 2 * x.size(3)}, x.options());
        auto grads = at::convolution_backward(xc, outputShape, w, at::OptionalIntArrayRef(), kStride, kPadding, kDilation,
                                              /*transposed=*/false, kNoOutputPadding, /*groups=*/1,
                                              {true, false, false});
        ctx->save_for_backward({xc, w});
        return std::get<0>(grads);
    }

    static variable_list backward(AutogradContext *ctx, variable_list gradOut)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &w = saved[1];
        const auto g = gradOut[0].contiguous();
        torch::Tensor gx, gw;
        if (ctx->needs_input_grad(0))
            gx = torch::conv2d(g, w, {}, kStride, kPadding);
        if (ctx->needs_input_grad(1))
            gw = std::get<1>(at::convolution_backward(x, g, w, at::OptionalIntArrayRef(), kStride, kPadding, kDilation,
                                                      /*transposed=*/false, kNoOutputPadding, /*groups=*/1,
                                                      {false, true, false}));
        return {gx, gw};
    }
};

bool fastPathFromEnvironment()
{
    const char *plain = std::getenv("GANVAS_PLAIN_CONV_TRANSPOSE");
    return !(plain && std::string(plain) == "1");
}

} // namespace

bool upConvFastPathEnabled()
{
    static const bool on = fastPathFromEnvironment();
    return on;
}

UpConvImpl::UpConvImpl(int64_t in, int64_t out, bool bias) : m_in(in), m_out(out), m_bias(bias)
{
    reset();
}

void UpConvImpl::reset()
{
    // The values come from the model's initialisation (modelfactory.cpp), drawn from the run's seed.
    weight = register_parameter("weight", torch::zeros({m_in, m_out, 4, 4}));
    if (m_bias)
        bias = register_parameter("bias", torch::zeros({m_out}));
}

void UpConvImpl::pretty_print(std::ostream &stream) const
{
    stream << "UpConv(" << m_in << ", " << m_out << ", kernel 4, stride 2, padding 1" << (m_bias ? ", bias)" : ")");
}

torch::Tensor UpConvImpl::forward(const torch::Tensor &x)
{
    const bool cpu = upConvFastPathEnabled() && x.is_cpu() && x.scalar_type() == torch::kFloat &&
                     weight.scalar_type() == torch::kFloat && x.dim() == 4;
    if (cpu && !cpuAutocastOn()) {
        auto y = TransposedAsBackwardData::apply(x, weight);
        return bias.defined() ? y + bias.view({1, -1, 1, 1}) : y;
    }
    if (cpu && cpuHasBf16()) {
        // bf16 autocast: the same three kernels on bfloat16 operands (oneDNN's bfloat16
        // convolutions), the result back in float32 as the layers around it expect.
        auto y = TransposedAsBackwardData::apply(x.to(torch::kBFloat16), weight.to(torch::kBFloat16)).to(torch::kFloat);
        return bias.defined() ? y + bias.view({1, -1, 1, 1}) : y;
    }
    return torch::conv_transpose2d(x, weight, bias, kStride, kPadding);
}

} // namespace ganvas
