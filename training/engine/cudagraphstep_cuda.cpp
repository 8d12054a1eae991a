#include "engine/cudagraphstep.h"

#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAFunctions.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>

#include <atomic>
#include <cstdlib>
#include <optional>

namespace ganvas {

namespace {
constexpr int kWarmupCalls = 3;
std::atomic<bool> g_enabled{!std::getenv("GANVAS_NO_CUDA_GRAPH")};
} // namespace

struct CudaGraphStep::Impl
{
    explicit Impl(torch::Device d)
        : device(torch::kCUDA, d.has_index() ? d.index() : c10::cuda::current_device()),
          side(c10::cuda::getStreamFromPool(false, device.index()))
    {
    }
    torch::Device device;
    c10::cuda::CUDAStream side;
    int warmups = 0;
    std::optional<at::cuda::CUDAGraph> graph;
    bool captured = false;
};

CudaGraphStep::CudaGraphStep(torch::Device device) : m_impl(std::make_unique<Impl>(device)) {}
CudaGraphStep::~CudaGraphStep() = default;

void CudaGraphStep::run(const std::function<void()> &body)
{
    Impl &d = *m_impl;
    if (d.captured) {
        d.graph->replay();
        return;
    }
    const c10::cuda::CUDAGuard deviceGuard(d.device);
    // The side stream starts after everything queued on the current stream and the current
    // stream continues after it: a device-wide wait, only during warm-up and capture.
    c10::cuda::device_synchronize();
    {
        const c10::cuda::CUDAStreamGuard streamGuard(d.side);
        if (d.warmups < kWarmupCalls) {
            ++d.warmups;
            body();
        } else {
            // Failures from here on are capture failures: nothing of this step has run.
            try {
                d.graph.emplace();
                d.graph->capture_begin();
                try {
                    body();
                } catch (...) {
                    try {
                        d.graph->capture_end();
                    } catch (...) {
                    }
                    throw;
                }
                d.graph->capture_end();
                d.captured = true;
            } catch (const c10::Error &e) {
                d.graph.reset();
                throw CudaGraphCaptureError(e.what_without_backtrace());
            } catch (const std::exception &e) {
                d.graph.reset();
                throw CudaGraphCaptureError(e.what());
            }
        }
    }
    c10::cuda::device_synchronize();
    if (d.captured)
        d.graph->replay(); // capturing ran nothing: this call's step runs now
}

bool CudaGraphStep::replaying() const
{
    return m_impl->captured;
}

bool cudaGraphsEnabled()
{
    return g_enabled;
}

void setCudaGraphsEnabled(bool on)
{
    g_enabled = on;
}

} // namespace ganvas
