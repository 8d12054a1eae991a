// The Trainer on several processes (data parallel through c10d); the rest of Trainer is in
// trainer.cpp. Every function here is collective: all ranks call it at the same point.
#include "checkpoint/rundirectory.h"
#include "distributed/processgroup.h"
#include "engine/trainer.h"
#include "models/syncbatchnorm.h"

#include <nlohmann/json.hpp>

namespace ganvas {

int Trainer::processes() const
{
    return m_group ? m_group->size() : 1;
}

torch::Tensor Trainer::mine(const torch::Tensor &wholeBatch) const
{
    return m_group ? wholeBatch.narrow(0, m_rank * m_localBatch, m_localBatch) : wholeBatch;
}

void Trainer::joinGroup(std::shared_ptr<ProcessGroup> group)
{
    if (!group || group->size() <= 1)
        return;
    const int n = group->size();
    m_group = std::move(group);
    m_rank = m_group->rank();
    checkSameSettings();
    if (m_config.batchSize % n != 0)
        throw ConfigError("batch_size: " + std::to_string(m_config.batchSize) + " does not split evenly among " +
                          std::to_string(n) + " processes (each trains on an equal share of every batch); give a "
                          "multiple of " + std::to_string(n));
    m_localBatch = m_config.batchSize / n;
    // Rank 0's state on every rank: weights (and batch-norm statistics), the optimisers' moments,
    // the preview noise (the random state came with checkSameSettings()).
    {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> state;
        for (torch::nn::Module *m : {static_cast<torch::nn::Module *>(m_g.ptr().get()),
                                     static_cast<torch::nn::Module *>(m_d.ptr().get())}) {
            for (auto &p : m->parameters())
                state.push_back(p);
            for (auto &b : m->buffers())
                state.push_back(b);
        }
        for (const FusedAdam *opt : {m_optG.get(), m_optD.get()})
            for (auto &t : opt->stateTensors())
                state.push_back(t);
        state.push_back(m_fixedNoise);
        for (auto &t : state)
            m_group->broadcastFromRankZero(t);
    }
    setBatchNormGroup(*m_g, m_group.get());
    setBatchNormGroup(*m_d, m_group.get());
    if (m_rank != 0) {
        m_runDir.reset(); // rank 0 alone writes the run directory and the checkpoints
        m_config.scoreEvery = 0;
    }
}

void Trainer::checkSameSettings()
{
    // Everything but the threads and the device (each process its own) must be rank 0's.
    auto mineJson = nlohmann::json::parse(m_config.toJson());
    mineJson.erase("threads");
    mineJson.erase("device");
    const auto rank0 = nlohmann::json::parse(m_group->textFromRankZero("settings", mineJson.dump()));
    std::string differs;
    for (auto it = rank0.begin(); it != rank0.end() && differs.empty(); ++it)
        if (!mineJson.contains(it.key()) || mineJson[it.key()] != it.value())
            differs = it.key() + " is " + (mineJson.contains(it.key()) ? mineJson[it.key()].dump() : "missing") +
                      " here and " + it.value().dump() + " on rank 0";
    auto state = m_cpuGen.get_state();
    auto rank0State = state.clone();
    m_group->broadcastFromRankZero(rank0State);
    if (differs.empty() && (m_epochsDone != 0 || m_globalStep != 0) && !rank0State.equal(state))
        differs = "the checkpoint's state (resume every rank from the same checkpoint)";
    // Every rank learns whether any differs, so that all stop with the reason, not only one.
    auto bad = torch::full({1}, differs.empty() ? 0.0f : 1.0f);
    m_group->allreduceSum(bad);
    if (!differs.empty())
        throw ConfigError("rank " + std::to_string(m_rank) + "'s settings differ from rank 0's: " + differs);
    if (bad.item<float>() > 0)
        throw ConfigError("the processes of this run were started with different settings (the rank that differs "
                          "names the setting)");
    m_cpuGen.set_state(rank0State); // the random state that shuffles the epochs and draws the noise
}

void Trainer::averageGradients(torch::nn::Module &m)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> grads;
    for (auto &p : m.parameters())
        if (p.grad().defined())
            grads.push_back(p.grad());
    if (grads.empty())
        return;
    std::vector<torch::Tensor> flat;
    for (auto &g : grads)
        flat.push_back(g.reshape({-1}));
    auto all = torch::cat(flat);
    m_group->allreduceSum(all);
    all.div_(m_group->size());
    int64_t offset = 0;
    for (auto &g : grads) {
        g.view({-1}).copy_(all.narrow(0, offset, g.numel()));
        offset += g.numel();
    }
}

void Trainer::agreeOnReport()
{
    // The losses and scores are every rank's mean; a stop asked of any rank is agreed by all here.
    auto sums = torch::cat({m_statSum, torch::full({1}, m_stopAsked.exchange(false) ? 1.0f : 0.0f,
                                                   m_statSum.options())});
    m_group->allreduceSum(sums);
    m_statSum.copy_(sums.narrow(0, 0, m_statSum.numel()).div(m_group->size()));
    if (sums[m_statSum.numel()].item<float>() > 0)
        m_stopRequested = true;
}

} // namespace ganvas
