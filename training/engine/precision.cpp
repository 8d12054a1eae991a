#include "engine/precision.h"

#include "engine/trainingconfig.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <fstream>
#include <sstream>

namespace ganvas {

namespace {

// libtorch 2.4 made autocast's switches take the device type; 1.13 to 2.3 have one per device.
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
bool autocastEnabled(bool cuda) { return at::autocast::is_autocast_enabled(cuda ? at::kCUDA : at::kCPU); }
void setAutocastEnabled(bool cuda, bool on) { at::autocast::set_autocast_enabled(cuda ? at::kCUDA : at::kCPU, on); }
at::ScalarType autocastType(bool cuda) { return at::autocast::get_autocast_dtype(cuda ? at::kCUDA : at::kCPU); }
void setAutocastType(bool cuda, at::ScalarType t) { at::autocast::set_autocast_dtype(cuda ? at::kCUDA : at::kCPU, t); }
#else
bool autocastEnabled(bool cuda) { return cuda ? at::autocast::is_enabled() : at::autocast::is_cpu_enabled(); }
void setAutocastEnabled(bool cuda, bool on)
{
    if (cuda)
        at::autocast::set_enabled(on);
    else
        at::autocast::set_cpu_enabled(on);
}
at::ScalarType autocastType(bool cuda)
{
    return cuda ? at::autocast::get_autocast_gpu_dtype() : at::autocast::get_autocast_cpu_dtype();
}
void setAutocastType(bool cuda, at::ScalarType t)
{
    if (cuda)
        at::autocast::set_autocast_gpu_dtype(t);
    else
        at::autocast::set_autocast_cpu_dtype(t);
}
#endif

} // namespace

bool cpuAutocastOn()
{
    return autocastEnabled(false);
}

bool cpuHasBf16()
{
    static const bool has = [] {
        std::ifstream in("/proc/cpuinfo");
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("flags", 0) != 0)
                continue;
            std::istringstream words(line);
            std::string w;
            while (words >> w)
                if (w == "avx512_bf16" || w == "amx_bf16")
                    return true;
            return false;
        }
        return false;
    }();
    return has;
}

bool cpuBf16Fast()
{
#ifdef GANVAS_DNNL
    return cpuHasBf16();
#else
    return false;
#endif
}

Precision resolvePrecision(const std::string &name, const torch::Device &device)
{
    if (name == "fp32")
        return Precision::Fp32;
    if (name == "tf32")
        return Precision::Tf32;
    if (name == "auto" || name.empty())
        return device.is_cuda() ? Precision::Tf32 : cpuBf16Fast() ? Precision::Bf16 : Precision::Fp32;
    if (name == "bf16") {
        if (device.is_cpu() && !cpuHasBf16())
            throw ConfigError("precision: bf16 needs a CPU with AVX512-BF16 or AMX, which this one lacks "
                              "(without them bfloat16 is slower than float32); use fp32");
        return Precision::Bf16;
    }
    throw ConfigError("precision: must be auto, fp32, tf32 or bf16 (got \"" + name + "\")");
}

std::string precisionName(Precision p)
{
    switch (p) {
    case Precision::Tf32:
        return "tf32";
    case Precision::Bf16:
        return "bf16";
    case Precision::Fp32:
        break;
    }
    return "fp32";
}

void applyTf32(Precision p, const torch::Device &device)
{
    if (!device.is_cuda())
        return;
    const bool on = p == Precision::Tf32;
    at::globalContext().setAllowTF32CuBLAS(on);
    at::globalContext().setAllowTF32CuDNN(on);
}

AutocastScope::AutocastScope(Precision p, const torch::Device &device)
{
    if (p != Precision::Bf16)
        return;
    m_active = true;
    m_cuda = device.is_cuda();
    m_wasEnabled = autocastEnabled(m_cuda);
    m_wasType = autocastType(m_cuda);
    m_wasCacheEnabled = at::autocast::is_autocast_cache_enabled();
    at::autocast::set_autocast_cache_enabled(false);
    setAutocastType(m_cuda, at::kBFloat16);
    setAutocastEnabled(m_cuda, true);
}

AutocastScope::~AutocastScope()
{
    if (!m_active)
        return;
    setAutocastEnabled(m_cuda, m_wasEnabled);
    setAutocastType(m_cuda, m_wasType);
    at::autocast::set_autocast_cache_enabled(m_wasCacheEnabled);
}

} // namespace ganvas
