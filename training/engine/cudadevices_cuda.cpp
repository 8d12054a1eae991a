// The CUDA devices by name (CUDA builds; cudadevices_none.cpp otherwise).
#include "engine/cpuruntime.h"

#include <ATen/cuda/CUDAContext.h>
#include <torch/cuda.h>

#include <cmath>

namespace ganvas {

std::vector<std::string> cudaDeviceNames()
{
    std::vector<std::string> names;
    if (!torch::cuda::is_available())
        return names;
    const int n = int(torch::cuda::device_count());
    for (int i = 0; i < n; ++i) {
        const cudaDeviceProp *p = at::cuda::getDeviceProperties(i);
        const long gb = std::lround(double(p->totalGlobalMem) / 1e9);
        names.push_back(std::string(p->name) + ", " + std::to_string(gb) + " GB");
    }
    return names;
}

} // namespace ganvas
