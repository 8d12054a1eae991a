#include "checkpoint/rundirectory.h"
#include "cli/commands.h"
#include "engine/cpuruntime.h"
#include "data/idxreader.h"
#include "engine/sampler.h"
#include "quality/qualityscorer.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace ganvas {

namespace {

void printProgress(int epoch, int epochs, double accuracy)
{
    if (accuracy >= 0)
        std::fprintf(stderr, "training the feature network: epoch %d/%d, test accuracy %.1f %%\n", epoch, epochs,
                     accuracy * 100);
    else
        std::fprintf(stderr, "training the feature network: epoch %d/%d\n", epoch, epochs);
}

void printNetwork(const QualityScorer &scorer)
{
    std::fprintf(stderr, "feature network: %s; %lld held-out images\n", scorer.featureNetName().c_str(),
                 (long long)scorer.realCount());
}

bool isCheckpointFile(const std::string &path)
{
    return path.size() >= 5 && path.compare(path.size() - 5, 5, ".ckpt") == 0;
}

// Images made elsewhere (for example by bench/quality_peer.py), as an IDX file of uint8
// images, scored against `dataset`'s held-out images.
QualityScore scoreImageFile(const std::string &path, const std::string &dataset, const std::string &featureNet)
{
    const ImageSet images = readIdxImages(path);
    if (images.count < 10)
        throw UsageError(path + ": " + std::to_string(images.count) + " images; at least 10 are needed to score");
    TrainingConfig config;
    config.dataset = dataset;
    QualityScorer scorer(config, featureNet, printProgress);
    printNetwork(scorer);
    auto pixels = torch::from_blob(const_cast<uint8_t *>(images.pixels.data()),
                                   {images.count, images.channels, images.height, images.width}, torch::kUInt8);
    return scorer.scoreFeatures(scorer.features(pixels.to(torch::kFloat).div(127.5).sub(1.0)));
}

void printScore(const QualityScore &s)
{
    std::printf("fd %.4f kid %.6f precision %.4f recall %.4f\n", s.fd, s.kid, s.precision, s.recall);
    std::fflush(stdout);
}

} // namespace

CommandAction addScoreCommand(CLI::App &app)
{
    struct Options { std::string target, featureNet, dataset = "fashion-mnist"; int samples = 2000; uint64_t seed = 1; };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand("score", "Score a checkpoint's (or every checkpoint of a run's) samples: "
                                            "Fréchet distance, KID, precision and recall");
    sub->add_option("checkpoint_or_run_dir", o->target,
                    "Checkpoint file (.ckpt), run directory, or an IDX file of images made elsewhere")
        ->required();
    sub->add_option("--samples", o->samples, "Generated images per score (100-50000)");
    sub->add_option("--feature-net", o->featureNet,
                    "TorchScript module mapping images to features (default: GANvas's classifier for the dataset)");
    sub->add_option("--seed", o->seed, "Seed of the noise");
    sub->add_option("--dataset", o->dataset, "For an IDX file of images: the dataset to compare them with");
    return [o] {
        if (o->samples < 100 || o->samples > 50000)
            throw UsageError("--samples: must be 100 to 50000 (got " + std::to_string(o->samples) + ")");
        applyThreads(0);
        std::vector<std::pair<int, std::string>> checkpoints; // epochs done, path
        std::error_code ec;
        if (std::filesystem::is_regular_file(o->target, ec) && !isCheckpointFile(o->target)) {
            printScore(scoreImageFile(o->target, o->dataset, o->featureNet));
            return kExitOk;
        }
        if (std::filesystem::is_directory(o->target, ec)) {
            for (const auto &entry : RunDirectory::listCheckpoints(o->target))
                checkpoints.emplace_back(entry.epochsDone, entry.path);
            if (checkpoints.empty())
                throw UsageError(o->target + ": no checkpoints to score");
        } else {
            checkpoints.emplace_back(-1, o->target);
        }
        auto first = loadGenerator(checkpoints.front().second);
        // The run's own feature network unless another is asked for.
        const std::string net = o->featureNet.empty() ? first.config.featureNet : o->featureNet;
        QualityScorer scorer(first.config, net, printProgress);
        printNetwork(scorer);
        for (const auto &[epochs, path] : checkpoints) {
            auto loaded = loadGenerator(path);
            if (epochs >= 0)
                std::printf("epoch %d ", epochs);
            printScore(scorer.score(loaded.generator, loaded.config.latentSize, o->samples, o->seed));
        }
        return kExitOk;
    };
}

} // namespace ganvas
