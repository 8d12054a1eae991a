#pragma once

#include <torch/torch.h>

#include <vector>

namespace ganvas {

// Adam (Kingma & Ba, with PyTorch's update order) made for a training step that allocates
// nothing and never waits for the host:
// - on the CPU, one parallel pass per parameter updates m, v and the weight together
//   (torch::optim::Adam makes ~6 passes over memory with temporaries);
// - on other devices the step count and learning rate live in device tensors, so the bias
//   correction keeps working when the step is captured in a CUDA graph.
// zeroGrad() drops the gradients; parameters without one are left alone by step().
class FusedAdam
{
public:
    FusedAdam(std::vector<torch::Tensor> params, double lr, double beta1, double beta2, double eps = 1e-8);

    void zeroGrad();
    void step();

    void setLearningRate(double lr);
    double learningRate() const { return m_lr; }
    int64_t steps() const { return m_steps; }
    // m and v of every parameter (sharing their storage), for a group's ranks to start alike.
    std::vector<torch::Tensor> stateTensors() const;

    void save(torch::serialize::OutputArchive &archive) const;
    // Throws std::runtime_error when the archive's tensors do not match these parameters.
    void load(torch::serialize::InputArchive &archive);

private:
    void stepCpu();
    void stepDevice();

    std::vector<torch::Tensor> m_params;
    std::vector<torch::Tensor> m_expAvg;
    std::vector<torch::Tensor> m_expAvgSq;
    double m_lr;
    double m_beta1;
    double m_beta2;
    double m_eps;
    int64_t m_steps = 0;
    torch::Tensor m_stepTensor; // device path: the step count, as float
    torch::Tensor m_lrTensor;   // device path: the learning rate
};

} // namespace ganvas
