// The CUDA devices by name: none in a build without CUDA (cudadevices_cuda.cpp otherwise).
#include "engine/cpuruntime.h"

namespace ganvas {

std::vector<std::string> cudaDeviceNames()
{
    return {};
}

} // namespace ganvas
