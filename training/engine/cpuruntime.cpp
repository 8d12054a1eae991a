#include "engine/cpuruntime.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <dlfcn.h>
#include <malloc.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>
#include <thread>

namespace ganvas {

namespace {

// OpenBLAS exports this; found in whichever libblas.so.3 libtorch loaded.
std::string openBlasCore()
{
    using Fn = char *(*)();
    auto fn = reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    if (!fn)
        return {};
    const char *name = fn();
    return name ? name : "";
}

bool isGenericCore(const std::string &core)
{
    static const std::set<std::string> slow = {"Prescott", "Core2",   "Penryn", "Dunnington",
                                               "Nehalem",  "Atom",    "Katmai", "Coppermine",
                                               "Northwood", "Banias", "Barcelona", "unknown"};
    return slow.count(core) > 0;
}

const char *betterCore()
{
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2"))
        return "Haswell";
    return nullptr;
}

} // namespace

void ensureFastBlas(int, char **argv)
{
    // A training step frees and re-allocates the same few MB-sized buffers; by default glibc
    // hands such blocks back to the kernel each time, and every step then pays page faults to
    // get zeroed pages again. Keep them in the heap instead.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    if (std::getenv("OPENBLAS_CORETYPE") || std::getenv("GANVAS_NO_BLAS_TUNING"))
        return;
    const std::string core = openBlasCore();
    const char *better = betterCore();
    if (core.empty() || !better || !isGenericCore(core))
        return;
    setenv("OPENBLAS_CORETYPE", better, 1);
    // Marks the re-executed process, so that a failed tuning can never loop.
    setenv("GANVAS_NO_BLAS_TUNING", "1", 1);
    execv("/proc/self/exe", argv);
    // execv failed: carry on with the slow kernels; cpuRuntimeWarning() says so.
    unsetenv("OPENBLAS_CORETYPE");
}

int availableCores()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof(set), &set) == 0)
        return std::max(1, CPU_COUNT(&set));
    return std::max(1u, std::thread::hardware_concurrency());
}

std::vector<int> fairThreadShares(int cores, int runs)
{
    std::vector<int> shares;
    cores = std::max(1, cores);
    for (int k = 0; k < runs; ++k)
        shares.push_back(std::max(1, cores / runs + (k < cores % runs ? 1 : 0)));
    return shares;
}

int applyThreads(int requested)
{
    const int n = requested > 0 ? requested : availableCores();
    if (torch::get_num_threads() != n)
        torch::set_num_threads(n);
    return torch::get_num_threads();
}

std::string cpuRuntimeWarning()
{
    const std::string core = openBlasCore();
    if (core.empty()) {
        if (dlsym(RTLD_DEFAULT, "mkl_get_max_threads"))
            return {};
        return "BLAS: not OpenBLAS (the reference BLAS is ~15x slower); install libopenblas0-openmp";
    }
    if (isGenericCore(core))
        return "BLAS: OpenBLAS runs its generic '" + core +
               "' kernels on this CPU; set OPENBLAS_CORETYPE=SkylakeX (AVX-512) or Haswell (AVX2)";
    return {};
}

std::string cpuRuntimeSummary()
{
    const std::string core = openBlasCore();
    std::string s = "blas " + (!core.empty() ? "OpenBLAS/" + core : at::globalContext().hasMKL() ? "MKL" : "other");
    s += " threads " + std::to_string(torch::get_num_threads()) + "/" + std::to_string(availableCores());
    return s;
}

std::string blasDescription()
{
    const std::string core = openBlasCore();
    if (!core.empty())
        return "OpenBLAS (" + core + " kernels)";
    return at::globalContext().hasMKL() ? "MKL" : "another BLAS";
}

std::string libtorchVersion()
{
    return TORCH_VERSION;
}

int cudaDevices()
{
    return at::hasCUDA() ? int(torch::cuda::device_count()) : -1;
}

} // namespace ganvas
