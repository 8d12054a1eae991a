#include "quality/featurenet.h"

#include "data/dataerror.h"
#include "data/datasetcatalog.h"
#include "data/datasetlocator.h"
#include "engine/cpuruntime.h"
#include "quality/classifier.h"
#include "quality/featureparts.h"

#include <torch/script.h>

#include <filesystem>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

constexpr uint64_t kRandomNetworkSeed = 1234567;

class TorchScriptNetwork : public FeatureNetwork
{
public:
    explicit TorchScriptNetwork(const std::string &path) : m_path(path)
    {
        try {
            m_module = torch::jit::load(path, torch::kCPU);
        } catch (const std::exception &e) {
            const std::string what = e.what();
            throw DataError(path, "cannot load a TorchScript module: " + what.substr(0, what.find('\n')));
        }
        m_module.eval();
        // The first 4-D weight is the first convolution's: its input channels are the module's.
        for (const auto &p : m_module.parameters())
            if (p.dim() == 4) {
                m_channels = p.size(1);
                break;
            }
    }

    torch::Tensor features(const torch::Tensor &images) override
    {
        const torch::Tensor input = quality::matchChannels(images, m_channels, m_path);
        return quality::batchedFeatures(input, [this](const torch::Tensor &x) {
            try {
                const c10::IValue out = m_module.forward({x});
                if (!out.isTensor())
                    throw std::runtime_error("forward returned a " + out.tagKind() + ", not a tensor");
                return out.toTensor();
            } catch (const std::exception &e) {
                const std::string what = e.what();
                throw std::runtime_error(m_path + ": " + what.substr(0, what.find('\n')));
            }
        });
    }

    std::string name() const override { return "torchscript " + fs::path(m_path).filename().string(); }

private:
    std::string m_path;
    torch::jit::Module m_module;
    int64_t m_channels = 0; // 0: unknown, images go in as they are
};

} // namespace

std::unique_ptr<FeatureNetwork> torchScriptFeatureNetwork(const std::string &path)
{
    return std::make_unique<TorchScriptNetwork>(path);
}

std::unique_ptr<FeatureNetwork> randomFeatureNetwork()
{
    // Colour input: grey images are repeated, so one network serves every folder.
    return quality::convNetFeatures(quality::seededConvNet(3, kRandomNetworkSeed),
                                    "random-convnet seed " + std::to_string(kRandomNetworkSeed)
                                        + " (untrained: its scores have a scale of their own, "
                                          "comparable only with scores from this network)");
}

std::unique_ptr<FeatureNetwork> featureNetworkFor(const TrainingConfig &config, const std::string &torchScriptPath,
                                                  const FeatureNetProgress &progress)
{
    if (!torchScriptPath.empty())
        return torchScriptFeatureNetwork(torchScriptPath);
    const DatasetFiles files = locateDataset(config.dataset, config.dataDir);
    if (files.format == "images" || (files.format == "idx" && files.labels.empty()))
        return randomFeatureNetwork();
    // libtorch may start with one thread; training the classifier should use the run's cores.
    applyThreads(config.threads);
    return quality::cachedClassifier(config, progress);
}

std::string qualityCacheDir()
{
    return userFolder("GANVAS_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "ganvas");
}

ImageSet heldOutImages(const TrainingConfig &config)
{
    return loadTestSplit(config);
}

} // namespace ganvas
