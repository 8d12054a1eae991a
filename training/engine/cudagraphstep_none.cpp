#include "engine/cudagraphstep.h"

// The build without CUDA: no graphs, every step runs eagerly.
namespace ganvas {

struct CudaGraphStep::Impl
{
};

CudaGraphStep::CudaGraphStep(torch::Device) {}
CudaGraphStep::~CudaGraphStep() = default;

void CudaGraphStep::run(const std::function<void()> &)
{
    throw CudaGraphCaptureError("this GANvas was built without CUDA: no CUDA graphs");
}

bool CudaGraphStep::replaying() const
{
    return false;
}

bool cudaGraphsEnabled()
{
    return false;
}

void setCudaGraphsEnabled(bool) {}

} // namespace ganvas
