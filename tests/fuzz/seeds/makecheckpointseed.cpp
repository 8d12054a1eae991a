// Writes the seed checkpoints of tests/fuzz/corpus/checkpoint: real GANvas checkpoint files
// (header + CRC + libtorch archive, through encodeCheckpoint) holding the keys the Trainer
// writes, with tiny tensors. Built and run by hand (see docs/RELIABILITY.md):
//   g++ -std=c++17 -O1 -I training tests/fuzz/seeds/makecheckpointseed.cpp \
//       training/checkpoint/checkpoint.cpp training/checkpoint/atomicfile.cpp \
//       -I/usr/include/torch/csrc/api/include -ltorch -ltorch_cpu -lc10 -lz -o /tmp/makeseed
//   /tmp/makeseed tests/fuzz/corpus/checkpoint
#include "checkpoint/checkpoint.h"

#include <fstream>

namespace {

void write(const std::string &path, torch::serialize::OutputArchive &a)
{
    std::ofstream(path, std::ios::binary) << ganvas::encodeCheckpoint(a);
}

torch::serialize::OutputArchive module(int64_t in, int64_t out)
{
    torch::serialize::OutputArchive m;
    m.write("fc.weight", torch::full({out, in}, 0.5));
    m.write("fc.bias", torch::zeros({out}));
    return m;
}

} // namespace

int main(int argc, char **argv)
{
    const std::string dir = argc > 1 ? argv[1] : ".";
    torch::serialize::OutputArchive a;
    a.write("format", c10::IValue(std::string("ganvas-checkpoint")));
    a.write("app_version", c10::IValue(std::string("0.1.0")));
    a.write("config", c10::IValue(std::string(R"({"epochs": 2, "batch_size": 16, "model": "mlp"})")));
    a.write("image_shape", torch::tensor({int64_t(1), int64_t(4), int64_t(4)}, torch::kLong));
    auto g = module(4, 16);
    auto d = module(16, 1);
    torch::serialize::OutputArchive og, od;
    a.write("generator", g);
    a.write("discriminator", d);
    a.write("optimizer_g", og);
    a.write("optimizer_d", od);
    a.write("epochs_done", torch::tensor(int64_t(1)));
    a.write("global_step", torch::tensor(int64_t(20)));
    a.write("batch_in_epoch", torch::tensor(int64_t(0)));
    a.write("perm", torch::empty({0}, torch::kLong));
    a.write("fixed_noise", torch::zeros({2, 4}));
    a.write("stat_counts", torch::tensor({int64_t(3), int64_t(3)}, torch::kLong));
    a.write("seconds", torch::tensor({1.5, 0.5}, torch::kDouble));
    a.write("metrics", torch::zeros({2, 11}, torch::kDouble));
    a.write("quality", torch::zeros({1, 7}, torch::kDouble));
    a.write("quality_nets", c10::IValue(std::string("classifier-fashion-mnist")));
    write(dir + "/full.ckpt", a);

    torch::serialize::OutputArchive small;
    small.write("config", c10::IValue(std::string("{}")));
    small.write("image_shape", torch::tensor({int64_t(3), int64_t(8), int64_t(8)}, torch::kLong));
    write(dir + "/small.ckpt", small);

    torch::serialize::OutputArchive wrong;
    wrong.write("config", torch::ones({2})); // a config that is not text
    write(dir + "/config-not-text.ckpt", wrong);
    return 0;
}
