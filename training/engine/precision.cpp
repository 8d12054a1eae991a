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

namespace {

struct CpuFacts
{
    bool amd = false, avx512Bf16 = false, amxBf16 = false;
};

// What /proc/cpuinfo says of the first CPU (the kernel lists AMX only where it lets programs use it).
const CpuFacts &cpuFacts()
{
    static const CpuFacts facts = [] {
        CpuFacts f;
        std::ifstream in("/proc/cpuinfo");
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("vendor_id", 0) == 0)
                f.amd = line.find("AuthenticAMD") != std::string::npos;
            if (line.rfind("flags", 0) != 0)
                continue;
            std::istringstream words(line);
            std::string w;
            while (words >> w) {
                f.avx512Bf16 = f.avx512Bf16 || w == "avx512_bf16";
                f.amxBf16 = f.amxBf16 || w == "amx_bf16";
            }
            break;
        }
        return f;
    }();
    return facts;
}

} // namespace

bool bf16BeatsFp32(bool amd, bool avx512Bf16, bool amxBf16)
{
    // AMX's tiles multiply bfloat16 many times faster than any float32 path. AVX512-BF16 alone
    // pays off on AMD (Zen 4 runs 512-bit float32 at half width, and OpenBLAS 0.3.21 gives it
    // AVX2 kernels): ~1.6x fp32 for the MLP. An Intel core without AMX has two full-width float32
    // FMA units, and there oneDNN's AVX512-BF16 products ran at ~0.7x OpenBLAS's float32 ones
    // (the MLP 0.73x, the DCGAN 0.57x; docs/PERFORMANCE.md).
    return amxBf16 || (amd && avx512Bf16);
}

bool cpuHasBf16()
{
    return cpuFacts().avx512Bf16 || cpuFacts().amxBf16;
}

bool cpuBf16Kernels()
{
#ifdef GANVAS_DNNL
    return cpuHasBf16();
#else
    return false;
#endif
}

bool cpuBf16Fast()
{
    const CpuFacts &f = cpuFacts();
    return cpuBf16Kernels() && bf16BeatsFp32(f.amd, f.avx512Bf16, f.amxBf16);
}

std::string precisionWarning(Precision p, const torch::Device &device)
{
    if (p != Precision::Bf16 || !device.is_cpu() || cpuBf16Fast())
        return {};
    return "precision bf16 runs slower than fp32 on this CPU (AVX512-BF16 without AMX on Intel: about "
           "0.7x, docs/PERFORMANCE.md); auto or fp32 trains faster here";
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
