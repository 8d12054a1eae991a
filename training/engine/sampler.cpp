#include "engine/sampler.h"

#include "checkpoint/checkpoint.h"
#include "engine/checkpointpreview.h"
#include "engine/trainer.h"

#include <ATen/CPUGeneratorImpl.h>

namespace ganvas {

torch::Tensor generateImages(Generator &g, const torch::Tensor &noise)
{
    torch::NoGradGuard noGrad;
    const bool wasTraining = g->is_training();
    g->eval();
    auto images = g->forward(noise);
    if (wasTraining)
        g->train();
    return images.add(1.0).mul(127.5).round().clamp(0, 255).to(torch::kUInt8).cpu().contiguous();
}

Image8 sampleGrid(Generator &g, const torch::Tensor &noise, int columns)
{
    const auto images = generateImages(g, noise);
    return tileGrid(images.data_ptr<uint8_t>(), static_cast<int>(images.size(0)),
                    static_cast<int>(images.size(1)), static_cast<int>(images.size(2)),
                    static_cast<int>(images.size(3)), columns);
}

LoadedGenerator loadGenerator(const std::string &path)
{
    torch::serialize::InputArchive archive;
    readCheckpoint(path, archive);
    LoadedGenerator out;
    try {
        c10::IValue config;
        archive.read("config", config);
        out.config = TrainingConfig::fromJson(config.toStringRef(), path + " (config)");
        torch::Tensor shape, epochs;
        archive.read("image_shape", shape);
        archive.read("epochs_done", epochs);
        out.shape = {shape[0].item<int64_t>(), shape[1].item<int64_t>(), shape[2].item<int64_t>()};
        out.epochsDone = static_cast<int>(epochs.item<int64_t>());
        out.generator = makeGenerator(out.config.model, out.shape, out.config.latentSize,
                                      at::make_generator<at::CPUGeneratorImpl>(0));
        torch::serialize::InputArchive g;
        archive.read("generator", g);
        out.generator->load(g);
    } catch (const c10::Error &e) {
        const std::string what = e.what_without_backtrace();
        throw CheckpointError(path + ": damaged or from another program: " + what.substr(0, what.find('\n')));
    } catch (const std::exception &e) {
        throw CheckpointError(path + ": " + e.what());
    }
    return out;
}

} // namespace ganvas

namespace ganvas {

TrainingConfig checkpointSettings(const std::string &checkpointPath)
{
    return Trainer::checkpointConfig(checkpointPath);
}

CheckpointGrid sampleCheckpointGrid(const std::string &checkpointPath, uint64_t seed)
{
    auto loaded = loadGenerator(checkpointPath);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(seed);
    const auto noise = torch::randn({16, loaded.config.latentSize}, gen);
    return {sampleGrid(loaded.generator, noise, 4), loaded.epochsDone};
}

} // namespace ganvas
