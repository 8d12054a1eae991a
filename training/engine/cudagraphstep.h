#pragma once

#include <torch/torch.h>

#include <functional>
#include <memory>

namespace ganvas {

// The whole training step as one CUDA graph: launching a small model's ~100 kernels one by
// one costs more than running them (../shared/GPU.md). run(body) executes body once per call:
// the first calls eagerly on a side stream (warm-up: cuBLAS workspaces, autograd's streams),
// then it captures body and from then on replays the graph. What body reads and writes must
// live in tensors that stay put (update them in place between calls), and body must not
// synchronise with the host or depend on host values that change between calls.
// Built without CUDA, available() is false and run() throws.
class CudaGraphStep
{
public:
    explicit CudaGraphStep(torch::Device device);
    ~CudaGraphStep();
    CudaGraphStep(const CudaGraphStep &) = delete;
    CudaGraphStep &operator=(const CudaGraphStep &) = delete;

    static bool available();
    // Throws c10::Error or std::runtime_error when capture fails (the caller falls back to eager).
    void run(const std::function<void()> &body);
    bool replaying() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Process-wide switch (GANVAS_NO_CUDA_GRAPH=1 starts with it off; `bench --eager`).
bool cudaGraphsEnabled();
void setCudaGraphsEnabled(bool on);

} // namespace ganvas
