#include "checkpoint/checkpoint.h"
#include "cli/commands.h"
#include "engine/cpuruntime.h"
#include "engine/cudagraphstep.h"
#include "engine/sampler.h"
#include "engine/trainer.h"
#include "media/gifwriter.h"
#include "media/pngio.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <regex>

namespace ganvas {

namespace fs = std::filesystem;

CommandAction addSampleCommand(CLI::App &app)
{
    struct Options { std::string checkpoint, out; int count = 16; uint64_t seed = 1; };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand("sample", "Draw a grid of new images from a checkpoint's generator");
    sub->add_option("checkpoint", o->checkpoint, "Checkpoint file (.ckpt)")->required();
    sub->add_option("--out", o->out, "PNG file to write")->required();
    sub->add_option("--count", o->count, "Number of images (1-10000), tiled in a square-ish grid");
    sub->add_option("--seed", o->seed, "Seed of the noise");
    return [o] {
        if (o->count < 1 || o->count > 10000)
            throw UsageError("--count: must be 1 to 10000 (got " + std::to_string(o->count) + ")");
        applyThreads(0);
        auto loaded = loadGenerator(o->checkpoint);
        auto gen = at::make_generator<at::CPUGeneratorImpl>(o->seed);
        const auto noise = torch::randn({o->count, loaded.config.latentSize}, gen);
        const int columns = static_cast<int>(std::ceil(std::sqrt(double(o->count))));
        writePng(o->out, sampleGrid(loaded.generator, noise, columns));
        std::printf("wrote %s: %d samples from %s (epoch %d)\n", o->out.c_str(), o->count,
                    o->checkpoint.c_str(), loaded.epochsDone);
        return kExitOk;
    };
}

CommandAction addGifCommand(CLI::App &app)
{
    struct Options { std::string runDir, out; int fps = 5; int scale = 2; bool noLoop = false; };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand("gif", "Animate a run's epoch frames into a looping GIF");
    sub->add_option("run_dir", o->runDir, "Run directory (holding frames/epoch-NNNN.png)")->required();
    sub->add_option("--out", o->out, "GIF file to write")->required();
    sub->add_option("--fps", o->fps, "Frames per second (1-50)");
    sub->add_option("--scale", o->scale, "Enlargement, nearest neighbour (1-16)");
    sub->add_flag("--no-loop", o->noLoop, "Play once instead of looping");
    return [o] {
        if (o->fps < 1 || o->fps > 50)
            throw UsageError("--fps: must be 1 to 50 (got " + std::to_string(o->fps) + ")");
        if (o->scale < 1 || o->scale > 16)
            throw UsageError("--scale: must be 1 to 16 (got " + std::to_string(o->scale) + ")");
        const fs::path frames = fs::path(o->runDir) / "frames";
        std::vector<std::string> files;
        std::error_code ec;
        static const std::regex name(R"(epoch-\d{4,}\.png)");
        for (const auto &e : fs::directory_iterator(frames, ec))
            if (e.is_regular_file() && std::regex_match(e.path().filename().string(), name))
                files.push_back(e.path().string());
        if (files.empty())
            throw UsageError(frames.string() + ": no frames/epoch-NNNN.png to animate");
        std::sort(files.begin(), files.end());
        std::vector<Image8> images;
        for (const auto &f : files)
            images.push_back(readPng(f));
        for (const auto &im : images)
            if (im.width != images.front().width || im.height != images.front().height ||
                im.channels != images.front().channels)
                throw UsageError(frames.string() + ": the frames differ in size or colour");
        GifOptions options;
        options.fps = o->fps;
        options.scale = o->scale;
        options.loop = !o->noLoop;
        writeGif(o->out, images, options);
        std::printf("wrote %s: %zu frames, %dx%d, %d fps\n", o->out.c_str(), images.size(),
                    images.front().width * o->scale, images.front().height * o->scale, o->fps);
        return kExitOk;
    };
}

CommandAction addBenchCommand(CLI::App &app)
{
    struct Options { TrainingConfig config; int steps = 50; int warmup = 5; int side = 28; int channels = 1; bool eager = false; };
    auto o = std::make_shared<Options>();
    auto *sub = app.add_subcommand("bench", "Train on random data and print images/s");
    for (const char *name : {"model", "loss", "batch_size"})
        addConfigOption(sub, o->config, name);
    sub->add_option("--steps", o->steps, "Timed steps");
    sub->add_option("--warmup", o->warmup, "Untimed steps first");
    for (const char *name : {"device", "threads", "precision"})
        addConfigOption(sub, o->config, name);
    sub->add_option("--image-size", o->side, "Side of the square images (28, 32, 64)");
    sub->add_option("--channels", o->channels, "1 (grey) or 3 (colour)");
    sub->add_flag("--eager", o->eager, "On a GPU: launch every kernel, no CUDA graph");
    return [o] {
        if (o->steps < 1 || o->warmup < 0)
            throw UsageError("--steps must be at least 1 and --warmup at least 0");
        if (o->channels != 1 && o->channels != 3)
            throw UsageError("--channels: must be 1 or 3");
        if (o->eager)
            setCudaGraphsEnabled(false);
        TrainingConfig &c = o->config;
        c.logEvery = 100000;
        c.epochs = 100000;
        c.checkpointEvery = 0;
        c.scoreEvery = 0; // speed only: the bench's epochs end on random data
        ImageSet data;
        data.count = std::max<int64_t>(4096, 2 * int64_t(c.batchSize));
        data.channels = o->channels;
        data.height = data.width = o->side;
        data.source = "random";
        data.format = "random";
        data.pixels.resize(size_t(data.count * data.imageBytes()));
        auto gen = at::make_generator<at::CPUGeneratorImpl>(7);
        auto bytes = torch::randint(0, 256, {int64_t(data.pixels.size())}, gen, torch::kUInt8);
        std::memcpy(data.pixels.data(), bytes.data_ptr<uint8_t>(), data.pixels.size());
        const auto problems = c.validate();
        if (!problems.empty())
            throw UsageError(problems.front().text());
        Trainer trainer(c, data);
        for (int i = 0; i < o->warmup; ++i)
            trainer.trainStep();
        trainer.generator()->parameters().front().cpu(); // wait for the device
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < o->steps; ++i)
            trainer.trainStep();
        trainer.generator()->parameters().front().cpu();
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("model %s loss %s batch %d steps %d device %s%s precision %s %s\n", c.model.c_str(),
                    c.loss.c_str(), c.batchSize, o->steps, c.device.c_str(),
                    trainer.stepInCudaGraph() ? " (CUDA graph)" : "", precisionName(trainer.precision()).c_str(),
                    cpuRuntimeSummary().c_str());
        const std::string warning = cpuRuntimeWarning();
        if (!warning.empty())
            std::printf("warning: %s\n", warning.c_str());
        std::printf("ms_per_step %.3f\n", 1000.0 * s / o->steps);
        std::printf("images_per_s %.1f\n", o->steps * c.batchSize / s);
        return kExitOk;
    };
}

} // namespace ganvas
