#include "models/bf16gemm.h"

#ifdef GANVAS_DNNL
#include <oneapi/dnnl/dnnl.hpp>
#include <omp.h>

#include <map>
#include <tuple>
#include <unordered_map>
#endif

#include <stdexcept>
#include <string>

namespace ganvas {

namespace {

void checkOperand(const torch::Tensor &t, const char *name)
{
    if (t.dim() != 2 || t.scalar_type() != torch::kBFloat16 || !t.is_cpu())
        throw std::invalid_argument(std::string("bf16Mm: ") + name + " must be a 2-D bfloat16 CPU tensor");
    const bool rows = t.stride(1) == 1 || t.size(1) == 1, columns = t.stride(0) == 1 || t.size(0) == 1;
    if (!rows && !columns)
        throw std::invalid_argument(std::string("bf16Mm: ") + name + " has neither contiguous rows nor columns");
}

#ifdef GANVAS_DNNL
using Key = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, bool, float, int>;

// One matmul primitive per shape, layout, bias and beta (and thread count, which oneDNN fixes
// when it creates one), kept for the thread: a trainer makes the same ~20 products every step.
// Per thread, so that runs side by side never share a primitive or its scratchpad.
struct Primitives
{
    dnnl::engine engine{dnnl::engine::kind::cpu, 0};
    dnnl::stream stream{engine};
    std::map<Key, dnnl::matmul> made;
};

dnnl::memory::dims stridesOf(const torch::Tensor &t)
{
    return {t.stride(0), t.stride(1)};
}
#endif

} // namespace

void bf16Mm(torch::Tensor &out, const torch::Tensor &a, const torch::Tensor &b, const torch::Tensor &bias, float beta)
{
    checkOperand(a, "a");
    checkOperand(b, "b");
    const int64_t m = a.size(0), k = a.size(1), n = b.size(1);
    if (b.size(0) != k || out.dim() != 2 || out.size(0) != m || out.size(1) != n ||
        out.scalar_type() != torch::kFloat || !out.is_cpu() || (n > 1 && out.stride(1) != 1) ||
        (bias.defined() && (bias.numel() != n || bias.scalar_type() != torch::kFloat || !bias.is_contiguous())))
        throw std::invalid_argument("bf16Mm: shapes do not match (a " + std::to_string(m) + "x" + std::to_string(k) +
                                    ", b " + std::to_string(b.size(0)) + "x" + std::to_string(n) + ")");
    if (m == 0 || n == 0)
        return;
#ifdef GANVAS_DNNL
    if (k == 0) { // nothing to sum: oneDNN refuses empty operands
        out.mul_(beta);
        if (bias.defined())
            out.add_(bias);
        return;
    }
    using dnnl::memory;
    thread_local Primitives cache;
    const Key key{m, n, k, a.stride(0), a.stride(1), b.stride(0), b.stride(1), out.stride(0), bias.defined(), beta,
                  omp_get_max_threads()};
    const memory::desc aDesc({m, k}, memory::data_type::bf16, stridesOf(a));
    const memory::desc bDesc({k, n}, memory::data_type::bf16, stridesOf(b));
    const memory::desc outDesc({m, n}, memory::data_type::f32, stridesOf(out));
    const memory::desc biasDesc({1, n}, memory::data_type::f32, memory::dims{n, 1});
    auto found = cache.made.find(key);
    try {
        if (found == cache.made.end()) {
            dnnl::primitive_attr attr;
            if (beta != 0.0f) {
                dnnl::post_ops ops;
                ops.append_sum(beta);
                attr.set_post_ops(ops);
            }
            const auto desc = bias.defined() ? dnnl::matmul::desc(aDesc, bDesc, biasDesc, outDesc)
                                             : dnnl::matmul::desc(aDesc, bDesc, outDesc);
            found = cache.made.emplace(key, dnnl::matmul(dnnl::matmul::primitive_desc(desc, attr, cache.engine))).first;
        }
        std::unordered_map<int, memory> args{
            {DNNL_ARG_SRC, memory(aDesc, cache.engine, a.data_ptr())},
            {DNNL_ARG_WEIGHTS, memory(bDesc, cache.engine, b.data_ptr())},
            {DNNL_ARG_DST, memory(outDesc, cache.engine, out.data_ptr())}};
        if (bias.defined())
            args.emplace(DNNL_ARG_BIAS, memory(biasDesc, cache.engine, bias.data_ptr()));
        found->second.execute(cache.stream, args);
        cache.stream.wait();
    } catch (const dnnl::error &e) {
        throw std::runtime_error(std::string("oneDNN's bfloat16 matrix product failed: ") + e.what());
    }
#else
    throw std::runtime_error("bf16Mm: GANvas was built without oneDNN (libdnnl-dev)");
#endif
}

} // namespace ganvas
