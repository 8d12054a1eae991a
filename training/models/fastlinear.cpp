#include "models/fastlinear.h"

#include "engine/precision.h"
#include "models/bf16gemm.h"

#include <omp.h>

#include <atomic>
#include <cstdlib>
#include <functional>

namespace ganvas {

namespace {

// Runs two tasks at once on the two threads of an OpenMP team: libtorch's and OpenBLAS's own
// threads, so nothing else competes for the cores. Inside the team, nested products run
// single-threaded. Errors from either side are rethrown on the caller.
void runPair(const std::function<void()> &mine, const std::function<void()> &theirs)
{
    const bool grad = torch::GradMode::is_enabled(); // thread-local: carried over to the team
    std::exception_ptr failures[2];
#pragma omp parallel num_threads(2)
    {
        const int t = omp_get_thread_num();
        try {
            torch::AutoGradMode mode(grad);
            (t == 0 ? mine : theirs)();
        } catch (...) {
            failures[t] = std::current_exception();
        }
    }
    for (const auto &f : failures)
        if (f)
            std::rethrow_exception(f);
}

bool usePairs(const torch::Tensor &x)
{
    return pairedProductsEnabled() && x.is_cpu() && x.scalar_type() == torch::kFloat && !cpuAutocastOn() &&
           omp_get_max_threads() == 2 && !omp_in_parallel() &&
           x.size(0) >= 2;
}

// out = a.mm(b) with the rows of `out` computed in two halves at once.
void pairedRows(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b)
{
    const int64_t h = out.size(0) / 2;
    auto half = [&](int64_t from, int64_t n) {
        auto o = out.narrow(0, from, n);
        at::mm_out(o, a.narrow(0, from, n), b);
    };
    runPair([&] { half(0, h); }, [&] { half(h, out.size(0) - h); });
}

// out = a.mm(b) (+ bias) with the columns of `out` computed in two halves at once: each thread
// reads half of b, the large operand here (the weights).
void pairedColumns(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bias = {})
{
    const int64_t h = out.size(1) / 2;
    auto half = [&](int64_t from, int64_t n) {
        auto o = out.narrow(1, from, n);
        if (bias.defined())
            at::addmm_out(o, bias.narrow(0, from, n), a, b.narrow(1, from, n));
        else
            at::mm_out(o, a, b.narrow(1, from, n));
    };
    runPair([&] { half(0, h); }, [&] { half(h, out.size(1) - h); });
}

// create_graph (WGAN-GP's penalty): a linear layer's gradients as differentiable float32
// products, so that the backward can itself be differentiated.
void differentiableGradients(const torch::Tensor &g, const torch::Tensor &x, const torch::Tensor &w, bool needX,
                             bool needW, torch::Tensor &gx, torch::Tensor &gw)
{
    if (needX)
        gx = g.mm(w);
    if (needW)
        gw = g.t().mm(x);
}

struct LinearFunction : torch::autograd::Function<LinearFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &w, const torch::Tensor &b)
    {
        ctx->save_for_backward({x, w});
        auto out = torch::empty({x.size(0), w.size(0)}, x.options());
        pairedColumns(out, x, w.t(), b);
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &w = saved[1];
        const auto g = grads[0].contiguous();
        const bool needX = ctx->needs_input_grad(0), needW = ctx->needs_input_grad(1);
        torch::Tensor gx, gw, gb;
        if (torch::GradMode::is_enabled()) {
            differentiableGradients(g, x, w, needX, needW, gx, gw);
        } else if (needX && needW) {
            runPair([&] { gw = g.t().mm(x); }, [&] { gx = g.mm(w); });
        } else if (needW) {
            gw = torch::empty_like(w);
            pairedRows(gw, g.t(), x);
        } else if (needX) {
            gx = torch::empty_like(x);
            pairedColumns(gx, g, w);
        }
        if (ctx->needs_input_grad(2))
            gb = g.sum(0);
        return {gx, gw, gb};
    }
};

// bf16 precision on a CPU with bfloat16 instructions: the three products of a linear layer on
// oneDNN's bfloat16 kernels, from operands rounded to bfloat16 into float32 results. Everything
// around them (bias, batch norm, activations, losses, Adam) stays float32. ~2x the float32
// products on a Zen 4 (docs/PERFORMANCE.md).
struct Bf16LinearFunction : torch::autograd::Function<Bf16LinearFunction>
{
    static torch::Tensor forward(torch::autograd::AutogradContext *ctx, const torch::Tensor &x,
                                 const torch::Tensor &w, const torch::Tensor &b)
    {
        const auto xb = x.to(torch::kBFloat16), wb = w.to(torch::kBFloat16);
        // x and w for a backward that is itself differentiated (WGAN-GP), xb and wb for the rest.
        ctx->save_for_backward({x, w, xb, wb});
        auto out = torch::empty({x.size(0), w.size(0)}, x.options());
        bf16Mm(out, xb, wb.t(), b);
        return out;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext *ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &w = saved[1], &xb = saved[2], &wb = saved[3];
        const auto &g = grads[0];
        const bool needX = ctx->needs_input_grad(0), needW = ctx->needs_input_grad(1);
        torch::Tensor gx, gw, gb;
        if (torch::GradMode::is_enabled()) {
            differentiableGradients(g, x, w, needX, needW, gx, gw);
        } else if (needX || needW) {
            const auto gbf = g.to(torch::kBFloat16).contiguous();
            if (needX) {
                gx = torch::empty_like(x);
                bf16Mm(gx, gbf, wb);
            }
            if (needW) {
                gw = torch::empty_like(w);
                bf16Mm(gw, gbf.t(), xb);
            }
        }
        if (ctx->needs_input_grad(2))
            gb = g.sum(0);
        return {gx, gw, gb};
    }
};

bool useBf16(const torch::Tensor &x)
{
    return pairedProductsEnabled() && x.is_cpu() && x.scalar_type() == torch::kFloat && cpuAutocastOn() &&
           cpuBf16Kernels();
}

} // namespace

namespace {
std::atomic<bool> g_paired{!std::getenv("GANVAS_PLAIN_LINEAR")};
}

bool pairedProductsEnabled()
{
    return g_paired;
}

void setPairedProducts(bool on)
{
    g_paired = on;
}

FastLinearImpl::FastLinearImpl(int64_t in, int64_t out)
{
    weight = register_parameter("weight", torch::empty({out, in}));
    bias = register_parameter("bias", torch::empty({out}));
    const double bound = 1.0 / std::sqrt(double(in));
    torch::NoGradGuard noGrad;
    weight.uniform_(-bound, bound);
    bias.uniform_(-bound, bound);
}

torch::Tensor FastLinearImpl::forward(const torch::Tensor &x)
{
    if (x.dim() == 2 && useBf16(x))
        return Bf16LinearFunction::apply(x.contiguous(), weight, bias);
    if (x.dim() == 2 && usePairs(x))
        return LinearFunction::apply(x.contiguous(), weight, bias);
    return torch::linear(x, weight, bias);
}

} // namespace ganvas
