#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// Images kept as 8-bit pixels in memory, N x C x H x W (each image's channel planes one after
// another, as CIFAR-10 stores them). Scaling to [-1, 1] happens per batch on the device.
struct ImageSet
{
    int64_t count = 0;
    int64_t channels = 0;
    int64_t height = 0;
    int64_t width = 0;
    std::vector<uint8_t> pixels; // count * channels * height * width bytes
    std::string source;          // the folder or file the images came from
    std::string format;          // "idx", "cifar10" or "images" (a folder of PNG/JPEG files)
    int64_t skipped = 0;         // images: unreadable files left out
    std::vector<std::string> notes; // images: the first few of those, "path: reason"

    int64_t imageBytes() const { return channels * height * width; }
};

} // namespace ganvas
