#pragma once

#include <torch/torch.h>

#include <string>

namespace ganvas {

// The arithmetic a run's matrix products and convolutions use (TrainingConfig::precision).
// Weights, optimiser state and checkpoints stay float32 whatever it is.
//   fp32  float32 throughout.
//   tf32  on CUDA GPUs that have it (Ampere and newer), products and convolutions in TF32
//         (float32 range, a 10-bit mantissa); elsewhere the same as fp32.
//   bf16  the forward passes autocast to bfloat16 (on the GPU, or on a CPU with AVX512-BF16
//         or AMX); on such a CPU the linear layers' products run on oneDNN's bfloat16 kernels
//         with float32 results (models/bf16gemm.h). The losses and the optimiser stay float32.
//   auto  tf32 on a CUDA device, as PyTorch users expect there; on the CPU bf16 where
//         cpuBf16Fast(), fp32 elsewhere (docs/PERFORMANCE.md: faster there, scores alike;
//         slower on Intel CPUs with AVX512-BF16 but no AMX).
enum class Precision { Fp32, Tf32, Bf16 };

// Throws ConfigError naming the field for a name that is none of auto, fp32, tf32, bf16, and
// for bf16 on a CPU without bfloat16 instructions.
Precision resolvePrecision(const std::string &name, const torch::Device &device);
std::string precisionName(Precision p);

// Whether this CPU has bfloat16 instructions (AVX512-BF16 or AMX-BF16).
bool cpuHasBf16();
// Whether GANvas can run bf16's products on oneDNN's bfloat16 kernels here: it was built with
// oneDNN (libdnnl-dev) and this CPU has bfloat16 instructions.
bool cpuBf16Kernels();
// The rule auto follows on a CPU with those kernels: bf16 only where it was measured faster than
// float32 (AMX-BF16; AVX512-BF16 on AMD), not on an Intel CPU with AVX512-BF16 but no AMX.
bool bf16BeatsFp32(bool amd, bool avx512Bf16, bool amxBf16);
// Whether auto is bf16 on this CPU: cpuBf16Kernels() and bf16BeatsFp32() for it.
bool cpuBf16Fast();
// A sentence for a run that asked for bf16 on a CPU where it is slower than fp32; empty otherwise.
std::string precisionWarning(Precision p, const torch::Device &device);
// Whether CPU autocast is on in this thread (an AutocastScope of bf16 on the CPU).
bool cpuAutocastOn();

// TF32 on or off for CUDA's matrix products and convolutions (process-wide, as in PyTorch).
void applyTf32(Precision p, const torch::Device &device);

// For as long as it lives, on this thread: autocast to bfloat16 on the device when p is Bf16,
// nothing otherwise. Its cast cache is off, so that a forward pass after an optimiser step sees
// the new weights (and a CUDA graph capture holds no cached copies).
class AutocastScope
{
public:
    AutocastScope(Precision p, const torch::Device &device);
    ~AutocastScope();
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active = false;
    bool m_cuda = false;
    bool m_wasEnabled = false;
    bool m_wasCacheEnabled = true;
    at::ScalarType m_wasType = at::kBFloat16;
};

} // namespace ganvas
