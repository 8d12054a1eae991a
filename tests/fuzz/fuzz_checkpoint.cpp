// The checkpoint reader (checkpoint/checkpoint.h), built with GANVAS_FUZZING so that the
// CRC-32 does not stop the fuzzer's mutations: the header checks, then libtorch's archive,
// then what ganvas reads from it first (Trainer::checkpointConfig and loadGenerator): the
// config as JSON, the image shape, the epochs done, the metric history.
#include "checkpoint/checkpoint.h"
#include "engine/trainingconfig.h"
#include "fuzzcommon.h"

namespace {

void readContents(torch::serialize::InputArchive &a, const std::string &path)
{
    c10::IValue config;
    if (a.try_read("config", config) && config.isString()) {
        try {
            ganvas::TrainingConfig::fromJson(config.toStringRef(), path + " (config)");
        } catch (const ganvas::ConfigError &) {
        }
    }
    for (const char *key : {"image_shape", "epochs_done", "metrics", "quality"}) {
        torch::Tensor t;
        try {
            if (a.try_read(key, t) && t.defined() && t.numel() > 0 && t.numel() < (1 << 20))
                (void)t.to(torch::kDouble).sum().item<double>();
        } catch (const c10::Error &) {
        }
    }
    try {
        torch::serialize::InputArchive g;
        a.read("generator", g);
        for (const auto &key : g.keys())
            (void)key;
    } catch (const c10::Error &) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string path = ganvas::fuzz::writeInput("in.ckpt", data, size);
    try {
        torch::serialize::InputArchive archive;
        ganvas::readCheckpoint(path, archive);
        readContents(archive, path);
    } catch (const ganvas::CheckpointError &) {
    }
    return 0;
}
