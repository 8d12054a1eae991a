#pragma once

#include <torch/torch.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>

namespace ganvas {

// A run over several processes lost one of them: it died, or stopped answering within the
// timeout. The others end with this message rather than wait for ever.
class DistributedError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Where this process stands in a run over several processes, as launchers describe it in the
// environment. torchrun and `ganvas-cli train --nproc N` set RANK, WORLD_SIZE, LOCAL_RANK,
// LOCAL_WORLD_SIZE, MASTER_ADDR and MASTER_PORT; under SLURM's srun, SLURM_PROCID, SLURM_NTASKS,
// SLURM_LOCALID and SLURM_NTASKS_PER_NODE stand in for the first four when RANK is not set.
struct ProcessPlace
{
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    int localWorldSize = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    bool several() const { return worldSize > 1; }
    std::string describe() const; // "rank 1 of 4 (local 1 of 2), meeting at HOST:PORT"
};

// Throws ConfigError naming the variable and what is wrong with it.
ProcessPlace processPlaceFromEnvironment();
// How long a process waits for the others (to meet, and at every exchange): GANVAS_DIST_TIMEOUT
// seconds, default 300.
std::chrono::milliseconds distributedTimeout();

// The processes of one run, joined through c10d: rank 0 keeps a TCPStore at MASTER_ADDR:MASTER_PORT
// where all meet; tensors go through ProcessGroupGloo on the CPU and ProcessGroupNCCL on CUDA
// devices (a CUDA libtorch built with NCCL). Every call is collective: all ranks make the same
// calls in the same order. Failures throw DistributedError.
class ProcessGroup
{
public:
    // Blocks until all processes have come (or the timeout).
    ProcessGroup(const ProcessPlace &place, const torch::Device &device, std::chrono::milliseconds timeout);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup &) = delete;
    ProcessGroup &operator=(const ProcessGroup &) = delete;

    int rank() const { return m_place.rank; }
    int size() const { return m_place.worldSize; }
    const ProcessPlace &place() const { return m_place; }
    const std::string &backend() const { return m_backend; } // "gloo" or "nccl"

    // In place: the sum over all ranks (a contiguous tensor on the group's device).
    void allreduceSum(torch::Tensor &tensor);
    // In place: rank 0's values on every rank.
    void broadcastFromRankZero(torch::Tensor &tensor);
    // Rank 0's `text` under `key`, on every rank (through the store; the others' `text` is unused).
    std::string textFromRankZero(const std::string &key, const std::string &text);
    // The end of a run that went well: each rank checks out at rank 0's store, and rank 0 (which
    // keeps the store) waits until all have, so that nobody's last exchange meets a closed door.
    void finish();

private:
    void collective(torch::Tensor &tensor, bool sum);
    [[noreturn]] void lost(const std::string &what, const std::exception &e) const;

    struct Impl;
    ProcessPlace m_place;
    torch::Device m_device;
    std::string m_backend;
    std::unique_ptr<Impl> m_impl;
};

} // namespace ganvas
