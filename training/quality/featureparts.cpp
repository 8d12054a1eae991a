#include "quality/featureparts.h"

#include <stdexcept>

namespace ganvas::quality {

torch::Tensor pixelTensor(const ImageSet &set)
{
    return torch::from_blob(const_cast<uint8_t *>(set.pixels.data()),
                            {set.count, set.channels, set.height, set.width}, torch::kUInt8)
        .clone();
}

torch::Tensor toUnitRange(const torch::Tensor &pixels)
{
    return pixels.to(torch::kFloat32).div(127.5).sub(1.0);
}

torch::Tensor matchChannels(const torch::Tensor &images, int64_t channels, const std::string &network)
{
    if (images.dim() != 4)
        throw std::invalid_argument(network + ": expected N x C x H x W images, got "
                                    + std::to_string(images.dim()) + " dimensions");
    const int64_t given = images.size(1);
    torch::Tensor out = images.to(torch::kFloat32);
    if (channels <= 0 || given == channels)
        return out;
    if (given == 1)
        return out.expand({out.size(0), channels, out.size(2), out.size(3)}).contiguous();
    throw std::invalid_argument(network + ": takes " + std::to_string(channels)
                                + "-channel images, got " + std::to_string(given) + " channels");
}

torch::Tensor batchedFeatures(const torch::Tensor &images,
                              const std::function<torch::Tensor(const torch::Tensor &)> &forward)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> parts;
    const int64_t n = images.size(0);
    for (int64_t begin = 0; begin < n; begin += kFeatureBatch) {
        const int64_t end = std::min(n, begin + kFeatureBatch);
        parts.push_back(forward(images.slice(0, begin, end)).flatten(1).to(torch::kFloat32));
    }
    if (parts.empty())
        return torch::empty({0, 0});
    return torch::cat(parts, 0);
}

} // namespace ganvas::quality
