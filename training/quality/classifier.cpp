#include "quality/classifier.h"

#include "quality/featureparts.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>

namespace ganvas::quality {

namespace {

namespace F = torch::nn::functional;

constexpr uint64_t kTrainingSeed = 20240611;
constexpr int64_t kBatch = 64;
constexpr double kLearningRate = 1e-3;
// Images seen in training: one pass over Fashion-MNIST (about a minute on 2 cores); a subset
// gets more passes, up to kMaxEpochs, so that it still learns but stays quicker.
constexpr int64_t kTrainingImageBudget = 60000;
constexpr int kMaxEpochs = 4;

class ConvNetFeatures : public FeatureNetwork
{
public:
    ConvNetFeatures(ConvNet net, std::string name) : m_net(std::move(net)), m_name(std::move(name))
    {
        m_net->eval();
    }

    torch::Tensor features(const torch::Tensor &images) override
    {
        const torch::Tensor input = matchChannels(images, m_net->channels, m_name);
        return batchedFeatures(input, [this](const torch::Tensor &x) { return m_net->features(x); });
    }

    std::string name() const override { return m_name; }

private:
    ConvNet m_net;
    std::string m_name;
};

} // namespace

ConvNetImpl::ConvNetImpl(int64_t channels_) : channels(channels_)
{
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 16, 3).padding(1)));
    conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(16, 32, 3).padding(1)));
    fc1 = register_module("fc1", torch::nn::Linear(32 * 4 * 4, kFeatureSize));
    fc2 = register_module("fc2", torch::nn::Linear(kFeatureSize, kClasses));
}

torch::Tensor ConvNetImpl::features(const torch::Tensor &images)
{
    torch::Tensor x = F::max_pool2d(torch::relu(conv1(images)), F::MaxPool2dFuncOptions(2));
    x = F::max_pool2d(torch::relu(conv2(x)), F::MaxPool2dFuncOptions(2));
    x = F::adaptive_avg_pool2d(x, F::AdaptiveAvgPool2dFuncOptions({4, 4}));
    return torch::relu(fc1(x.flatten(1)));
}

torch::Tensor ConvNetImpl::forward(const torch::Tensor &images)
{
    return fc2(features(images));
}

ConvNet seededConvNet(int64_t channels, uint64_t seed)
{
    ConvNet net(channels);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    torch::NoGradGuard noGrad;
    for (auto &item : net->named_parameters()) {
        torch::Tensor &p = item.value();
        if (p.dim() == 1) {
            p.zero_();
            continue;
        }
        const double fanIn = static_cast<double>(p.numel() / p.size(0));
        const double bound = std::sqrt(6.0 / fanIn);
        p.copy_(torch::rand(p.sizes(), generator, torch::kFloat32).mul(2 * bound).sub(bound));
    }
    return net;
}

int classifierEpochs(int64_t images)
{
    if (images <= 0)
        return 1;
    const int64_t epochs = (kTrainingImageBudget + images - 1) / images;
    return static_cast<int>(std::clamp<int64_t>(epochs, 1, kMaxEpochs));
}

double classifierAccuracy(ConvNet &net, const LabelledImages &test)
{
    net->eval();
    const torch::Tensor images = toUnitRange(pixelTensor(test.images));
    const torch::Tensor predicted =
        batchedFeatures(images, [&net](const torch::Tensor &x) { return net->forward(x); }).argmax(1);
    const torch::Tensor labels =
        torch::from_blob(const_cast<uint8_t *>(test.labels.data()), {int64_t(test.labels.size())}, torch::kUInt8)
            .to(torch::kLong);
    if (labels.numel() == 0)
        return 0;
    return predicted.eq(labels).to(torch::kFloat64).mean().item<double>();
}

TrainedClassifier trainClassifier(const LabelledImages &train, const LabelledImages &test,
                                  const FeatureNetProgress &progress)
{
    const auto start = std::chrono::steady_clock::now();
    TrainedClassifier out;
    out.net = seededConvNet(train.images.channels, kTrainingSeed);
    out.trainImages = train.images.count;
    out.testImages = test.images.count;
    out.epochs = classifierEpochs(train.images.count);
    // Pixels stay 8-bit; each batch is scaled as it is taken (CIFAR-10 as floats is 600 MB).
    const torch::Tensor pixels = pixelTensor(train.images);
    const torch::Tensor labels = torch::tensor(std::vector<int64_t>(train.labels.begin(), train.labels.end()));
    auto generator = at::make_generator<at::CPUGeneratorImpl>(kTrainingSeed + 1);
    torch::optim::Adam optimiser(out.net->parameters(), torch::optim::AdamOptions(kLearningRate));
    for (int epoch = 1; epoch <= out.epochs; ++epoch) {
        out.net->train();
        const torch::Tensor order = torch::randperm(train.images.count, generator, torch::kLong);
        for (int64_t begin = 0; begin < train.images.count; begin += kBatch) {
            const torch::Tensor index = order.slice(0, begin, std::min(train.images.count, begin + kBatch));
            optimiser.zero_grad();
            const torch::Tensor loss =
                F::cross_entropy(out.net->forward(toUnitRange(pixels.index_select(0, index))),
                                 labels.index_select(0, index));
            loss.backward();
            optimiser.step();
        }
        if (progress)
            progress(epoch, out.epochs, -1);
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.accuracy = classifierAccuracy(out.net, test);
    if (progress)
        progress(out.epochs, out.epochs, out.accuracy);
    return out;
}

std::unique_ptr<FeatureNetwork> convNetFeatures(ConvNet net, std::string name)
{
    return std::make_unique<ConvNetFeatures>(std::move(net), std::move(name));
}

} // namespace ganvas::quality
