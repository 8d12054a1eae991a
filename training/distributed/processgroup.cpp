#include "distributed/processgroup.h"

#include "engine/trainingconfig.h"

#include <torch/version.h>

#include <cstdlib>
#include <thread>
#include <vector>

#ifdef USE_C10D_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef USE_C10D_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

namespace ganvas {

namespace {

// libtorch 2 made the transports Backends under a ProcessGroup; 1.13's are ProcessGroups.
#if TORCH_VERSION_MAJOR >= 2
using Transport = c10d::Backend;
#else
using Transport = c10d::ProcessGroup;
#endif

const char *env(const char *name)
{
    const char *v = std::getenv(name);
    return v && *v ? v : nullptr;
}

// A whole number from the environment; `fallback` when unset. Throws ConfigError naming it.
int envInt(const char *name, int fallback, int low, int high)
{
    const char *text = env(name);
    if (!text)
        return fallback;
    char *end = nullptr;
    const long v = std::strtol(text, &end, 10);
    // SLURM writes counts per node as "2(x3)": the number is what comes first.
    const bool slurmCount = end != text && *end == '(' && std::string(name).rfind("SLURM_", 0) == 0;
    if (end == text || (*end != '\0' && !slurmCount) || v < low || v > high)
        throw ConfigError(std::string(name) + ": '" + text + "' is not a whole number from " + std::to_string(low) +
                          " to " + std::to_string(high));
    return static_cast<int>(v);
}

bool loopback(const std::string &host)
{
    return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
}

} // namespace

std::string ProcessPlace::describe() const
{
    return "rank " + std::to_string(rank) + " of " + std::to_string(worldSize) + " (local " +
           std::to_string(localRank) + " of " + std::to_string(localWorldSize) + "), meeting at " + masterAddr + ":" +
           std::to_string(masterPort);
}

ProcessPlace processPlaceFromEnvironment()
{
    ProcessPlace p;
    const bool slurm = !env("RANK") && env("SLURM_PROCID") && env("SLURM_NTASKS");
    const char *rankName = slurm ? "SLURM_PROCID" : "RANK";
    const char *sizeName = slurm ? "SLURM_NTASKS" : "WORLD_SIZE";
    p.worldSize = envInt(sizeName, 1, 1, 65536);
    if (!slurm && env("RANK") && !env("WORLD_SIZE"))
        throw ConfigError("WORLD_SIZE: not set, while RANK is; a launcher sets both (torchrun, or ganvas-cli train --nproc N)");
    if (p.worldSize == 1)
        return p;
    if (!env(rankName))
        throw ConfigError(std::string(rankName) + ": not set, while " + sizeName + " is " + env(sizeName) +
                          "; each process needs its own rank");
    p.rank = envInt(rankName, 0, 0, p.worldSize - 1);
    p.localRank = envInt(slurm ? "SLURM_LOCALID" : "LOCAL_RANK", 0, 0, p.worldSize - 1);
    p.localWorldSize = envInt(slurm ? "SLURM_NTASKS_PER_NODE" : "LOCAL_WORLD_SIZE", 1, 1, p.worldSize);
    if (p.localRank >= p.localWorldSize)
        p.localWorldSize = p.localRank + 1; // LOCAL_WORLD_SIZE unset: at least this many here
    const char *addr = env("MASTER_ADDR");
    if (!addr)
        throw ConfigError(slurm ? "MASTER_ADDR: not set; under SLURM set it to the job's first node, for example "
                                  "export MASTER_ADDR=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n 1)"
                                : "MASTER_ADDR: not set; give the address of the machine of rank 0 (127.0.0.1 on one machine)");
    p.masterAddr = addr;
    p.masterPort = envInt("MASTER_PORT", 29500, 1, 65535);
    return p;
}

std::chrono::milliseconds distributedTimeout()
{
    return std::chrono::seconds(envInt("GANVAS_DIST_TIMEOUT", 300, 1, 86400));
}

struct ProcessGroup::Impl
{
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<Transport> transport;
};

ProcessGroup::ProcessGroup(const ProcessPlace &place, const torch::Device &device, std::chrono::milliseconds timeout)
    : m_place(place), m_device(device), m_impl(std::make_unique<Impl>())
{
    try {
        c10d::TCPStoreOptions options;
        options.port = static_cast<std::uint16_t>(place.masterPort);
        // torchrun's agent may keep the store itself (and says so): then every rank is its client.
        const char *agentStore = env("TORCHELASTIC_USE_AGENT_STORE");
        options.isServer = place.rank == 0 && !(agentStore && std::string(agentStore) == "True");
        options.numWorkers = static_cast<std::size_t>(place.worldSize);
        options.waitWorkers = true;
        options.timeout = timeout;
        m_impl->store = c10::make_intrusive<c10d::TCPStore>(place.masterAddr, options);
    } catch (const std::exception &e) {
        throw DistributedError("could not meet the other processes at " + place.masterAddr + ":" +
                               std::to_string(place.masterPort) + " (" + place.describe() +
                               "; all must start within " + std::to_string(timeout.count() / 1000) +
                               " s, and rank 0 must be able to listen on that port): " + e.what());
    }
    try {
        if (device.is_cuda()) {
#ifdef USE_C10D_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            m_impl->transport = c10::make_intrusive<c10d::ProcessGroupNCCL>(m_impl->store, place.rank, place.worldSize, options);
            m_backend = "nccl";
#else
            throw ConfigError("device " + device.str() + ": training on several CUDA processes needs NCCL, and this "
                              "build has none (build against a CUDA libtorch with nccl.h installed)");
#endif
        } else {
#ifdef USE_C10D_GLOO
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            // Over loopback when everyone is on this machine; else this host's address, or the
            // interface GLOO_SOCKET_IFNAME names (as PyTorch does).
            if (const char *iface = env("GLOO_SOCKET_IFNAME"))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(iface));
            else if (loopback(place.masterAddr))
                options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
            else
                options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
            m_impl->transport = c10::make_intrusive<c10d::ProcessGroupGloo>(m_impl->store, place.rank, place.worldSize, options);
            m_backend = "gloo";
#else
            throw ConfigError("training on several processes needs c10d's Gloo, and this build has none");
#endif
        }
    } catch (const ConfigError &) {
        throw;
    } catch (const std::exception &e) {
        lost("forming the process group", e);
    }
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::lost(const std::string &what, const std::exception &e) const
{
    const auto *c10 = dynamic_cast<const c10::Error *>(&e);
    throw DistributedError("lost contact with the other processes of this run while " + what + " (this is rank " +
                           std::to_string(m_place.rank) + " of " + std::to_string(m_place.worldSize) +
                           "; one of them died or stopped answering): " +
                           (c10 ? c10->what_without_backtrace() : e.what()));
}

void ProcessGroup::collective(torch::Tensor &tensor, bool sum)
{
    // The transport takes contiguous tensors on its own device (NCCL: CUDA only); others go
    // through a copy.
    const bool direct = tensor.device() == m_device && tensor.is_contiguous();
    std::vector<at::Tensor> tensors{direct ? tensor : tensor.to(m_device).contiguous()};
    try {
        if (sum)
            m_impl->transport->allreduce(tensors)->wait();
        else
            m_impl->transport->broadcast(tensors)->wait();
    } catch (const std::exception &e) {
        lost(sum ? "adding up results" : "receiving rank 0's state", e);
    }
    if (!direct)
        tensor.copy_(tensors[0]);
}

void ProcessGroup::allreduceSum(torch::Tensor &tensor)
{
    collective(tensor, true);
}

void ProcessGroup::broadcastFromRankZero(torch::Tensor &tensor)
{
    collective(tensor, false);
}

std::string ProcessGroup::textFromRankZero(const std::string &key, const std::string &text)
{
    try {
        const std::string k = "ganvas/" + key;
        if (m_place.rank == 0) {
            m_impl->store->set(k, std::vector<uint8_t>(text.begin(), text.end()));
            return text;
        }
        const auto bytes = m_impl->store->get(k);
        return std::string(bytes.begin(), bytes.end());
    } catch (const std::exception &e) {
        lost("reading rank 0's " + key, e);
    }
}

void ProcessGroup::finish()
{
    try {
        m_impl->store->add("ganvas/finished", 1);
        if (m_place.rank != 0)
            return;
        const auto deadline = std::chrono::steady_clock::now() + distributedTimeout();
        while (m_impl->store->add("ganvas/finished", 0) < m_place.worldSize) {
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("not every process reached the end");
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    } catch (const std::exception &e) {
        lost("finishing", e);
    }
}

} // namespace ganvas
