#pragma once

#include <torch/torch.h>

namespace ganvas {

// A drop-in for torch::nn::Linear (same parameter names, so checkpoints are the same) whose
// matrix products on a 2-thread CPU run as two independent single-threaded halves on the two
// threads at once, instead of one product split by the BLAS's own threads.
// In backward the input and weight gradients are themselves the two halves. On this kind of
// machine (2 cores) that runs the products at ~195 GFLOP/s against ~130-170 (measured in
// docs/PERFORMANCE.md). Under bf16 precision on a CPU with bfloat16 instructions its products run
// on oneDNN's bfloat16 kernels with float32 results (models/bf16gemm.h), at any thread count.
// Elsewhere (GPU, other thread counts, other dtypes) it is plain torch::linear.
class FastLinearImpl : public torch::nn::Module
{
public:
    FastLinearImpl(int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor &x);

    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(FastLinear);

// Whether the paired and bfloat16 products are in use (GANVAS_PLAIN_LINEAR=1 turns both off, for
// comparison: then it is torch::linear, under bf16 torch's autocast).
bool pairedProductsEnabled();
void setPairedProducts(bool on);

} // namespace ganvas
