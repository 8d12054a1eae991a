#pragma once

#include <torch/torch.h>

namespace ganvas {

class ProcessGroup;

// Batch norm over the channels (dimension 1) of N×C or N×C×H×W inputs, as torch's
// BatchNorm1d/2d (the same parameters and buffers under the same names, so checkpoints are
// unchanged; momentum 0.1, eps 1e-5). While a run trains on several processes it normalises with
// the statistics of the whole batch across all of them, what one process with the combined batch
// computes: the per-channel sums are all-reduced in the forward pass (the mean, then the squares
// about it) and in the backward pass. Without a group, or in eval mode, it is torch's batch_norm.
// (A module of our own rather than a subclass: libtorch 1.13 does not export what a subclass of
// its BatchNorm1dImpl needs.)
class SyncBatchNormImpl : public torch::nn::Cloneable<SyncBatchNormImpl>
{
public:
    explicit SyncBatchNormImpl(int64_t features, double eps = 1e-5, double momentum = 0.1);
    void reset() override;
    void pretty_print(std::ostream &stream) const override;
    torch::Tensor forward(const torch::Tensor &input);
    void setGroup(ProcessGroup *group) { m_group = group; }

    torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;

private:
    torch::Tensor forwardAcrossProcesses(const torch::Tensor &input);

    int64_t m_features;
    double m_eps;
    double m_momentum;
    ProcessGroup *m_group = nullptr;
};
TORCH_MODULE(SyncBatchNorm);

// Gives every SyncBatchNorm in `module` the group (nullptr: each process its own statistics
// again). Returns how many it found.
int setBatchNormGroup(torch::nn::Module &module, ProcessGroup *group);

} // namespace ganvas
