#pragma once

#include <string>
#include <vector>

namespace ganvas {

// The CPU side of speed: how many threads the maths uses and which BLAS kernels run.
// libtorch starts with one thread on some machines, and OpenBLAS falls back to its slowest
// generic kernels on processors it does not know; both would make training silently slow.

// Call first thing in main(). If OpenBLAS picked a generic core on a CPU that has AVX-512 or
// AVX2 and OPENBLAS_CORETYPE is unset, re-executes the program with OPENBLAS_CORETYPE set
// (OpenBLAS reads it only when it loads). Never returns in that case; otherwise a no-op.
void ensureFastBlas(int argc, char **argv);

// Cores this process may run on.
int availableCores();

// Sets libtorch's intra-op threads: `requested`, or all available cores when 0. Returns the count.
int applyThreads(int requested);

// Threads for each of `runs` runs training at once on `cores` cores: equal shares, the
// remainder one each to the first runs, at least one each (more runs than cores oversubscribe).
std::vector<int> fairThreadShares(int cores, int runs);

// One line for logs and `bench`: BLAS library and kernel, threads, and a warning when slow.
std::string cpuRuntimeSummary();

// The BLAS the matrix products run on: "OpenBLAS (Zen kernels)", "MKL" or "another BLAS".
std::string blasDescription();

// For Help → About and bug reports: "1.13.0" (the libtorch this was built with).
std::string libtorchVersion();

// Where training can run besides the CPU: -1 when this libtorch was built without CUDA, else
// the number of CUDA GPUs it sees.
int cudaDevices();
// One line per CUDA device this libtorch sees, in device order: "NVIDIA H200, 140 GB" (the
// name the driver gives and the memory). Empty without CUDA or GPUs.
std::vector<std::string> cudaDeviceNames();

// Non-empty when the maths will run on a known slow path (reference BLAS, generic kernels).
std::string cpuRuntimeWarning();

} // namespace ganvas
