#pragma once

#include <torch/torch.h>

#include <functional>
#include <memory>
#include <stdexcept>

namespace ganvas {

// The step could not be captured (an operation that cannot be, a driver without graphs):
// nothing of it ran, so the caller may run it eagerly instead.
struct CudaGraphCaptureError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

// The whole training step as one CUDA graph: launching a small model's ~100 kernels one by
// one costs more than running them (docs/PERFORMANCE.md). run(body) executes body once per call:
// the first calls eagerly on a side stream (warm-up: cuBLAS workspaces, autograd's streams),
// then it captures body and from then on replays the graph. What body reads and writes must
// live in tensors that stay put (update them in place between calls), and body must not
// synchronise with the host or depend on host values that change between calls.
// Built without CUDA, cudaGraphsEnabled() is false and run() throws.
class CudaGraphStep
{
public:
    explicit CudaGraphStep(torch::Device device);
    ~CudaGraphStep();
    CudaGraphStep(const CudaGraphStep &) = delete;
    CudaGraphStep &operator=(const CudaGraphStep &) = delete;

    // Throws CudaGraphCaptureError when capture fails; errors of a warm-up or a replay (a real
    // step that failed, out of memory, ...) propagate as they are.
    void run(const std::function<void()> &body);
    bool replaying() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Process-wide switch (GANVAS_NO_CUDA_GRAPH=1 starts with it off; `bench --eager`); always off
// in a build without CUDA.
bool cudaGraphsEnabled();
void setCudaGraphsEnabled(bool on);

} // namespace ganvas
