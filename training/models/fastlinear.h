#pragma once

#include <torch/torch.h>

namespace ganvas {

// A drop-in for torch::nn::Linear (same parameter names, so checkpoints are the same) whose
// matrix products on a 2-thread CPU run as two independent single-threaded halves on the two
// threads at once, instead of one product split by the BLAS's own threads.
// In backward the input and weight gradients are themselves the two halves. On this kind of
// machine (2 cores) that runs the products at ~195 GFLOP/s against ~130-170 (measured in
// docs/PERFORMANCE.md). Elsewhere (GPU, other thread counts, other dtypes) it is plain torch::linear.
class FastLinearImpl : public torch::nn::Module
{
public:
    FastLinearImpl(int64_t in, int64_t out);
    torch::Tensor forward(const torch::Tensor &x);

    torch::Tensor weight;
    torch::Tensor bias;
};
TORCH_MODULE(FastLinear);

// Whether the paired products are in use (GANVAS_PLAIN_LINEAR=1 turns them off, for comparison).
bool pairedProductsEnabled();
void setPairedProducts(bool on);

} // namespace ganvas
