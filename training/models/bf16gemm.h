#pragma once

#include <torch/torch.h>

namespace ganvas {

// Matrix products of bfloat16 operands into a float32 result, through oneDNN's matmul primitive
// (its AVX512-BF16 or AMX kernels). For bf16 precision on the CPU: the operands are rounded to
// bfloat16, the sums and the result are float32. torch's own bfloat16 product rounds the result
// to bfloat16 as well and ran slower on the MLP's transposed operands (docs/PERFORMANCE.md).

// bf16Mm runs where cpuBf16Kernels() (engine/precision.h): GANvas was built with oneDNN
// (libdnnl-dev) and this CPU has bfloat16 instructions.

// out = a.mm(b) (+ bias, one per column) + beta * out. a (M x K) and b (K x N) are bfloat16 CPU
// tensors with contiguous rows or contiguous columns (a transposed view is fine); out is a
// float32 M x N CPU tensor with contiguous rows; bias, when defined, N float32 values.
// Throws std::invalid_argument on shapes, std::runtime_error where oneDNN is missing or fails.
void bf16Mm(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bias = {},
            float beta = 0.0f);

} // namespace ganvas
