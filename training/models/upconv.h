#pragma once

#include <torch/torch.h>

namespace ganvas {

// A drop-in for torch::nn::ConvTranspose2d(in, out, 4, stride 2, padding 1), the DCGAN
// generator's upsampling (same parameter names and shapes, so checkpoints are the same). On the
// CPU in float32 it runs the transposed convolution as what it is, the data gradient of an
// ordinary convolution: forward through the convolution's backward-data kernel, backward through
// its forward and weight-gradient kernels. libtorch picks oneDNN for those, where its own
// transposed convolution falls back to slow_conv_transpose2d (im2col and a matrix product): about
// twice the speed, forward and backward, the same numbers to 1e-6 (docs/PERFORMANCE.md).
// Under bf16 autocast on a CPU with bfloat16 instructions the same kernels run on bfloat16
// operands (about twice the float32 speed on a Zen 4), with a float32 result.
// Elsewhere (CUDA, other dtypes) it is torch's conv_transpose2d.
class UpConvImpl : public torch::nn::Cloneable<UpConvImpl>
{
public:
    UpConvImpl(int64_t in, int64_t out, bool bias);
    void reset() override;
    void pretty_print(std::ostream &stream) const override;
    torch::Tensor forward(const torch::Tensor &x);

    torch::Tensor weight; // in × out × 4 × 4, as ConvTranspose2d's
    torch::Tensor bias;   // out, or undefined

private:
    int64_t m_in, m_out;
    bool m_bias;
};
TORCH_MODULE(UpConv);

// Whether the CPU path above is in use (GANVAS_PLAIN_CONV_TRANSPOSE=1 turns it off, for comparison).
bool upConvFastPathEnabled();

} // namespace ganvas
