#include "models/dcgan.h"

#include "models/syncbatchnorm.h"
#include "models/upconv.h"

#include <stdexcept>

namespace ganvas {

namespace nn = torch::nn;

namespace {

constexpr int64_t kBaseChannels = 64;

// Number of stride-2 stages, and the side the first/last feature map has.
int stages(ImageShape shape, int64_t *start)
{
    if (shape.height != shape.width)
        throw std::invalid_argument("dcgan needs square images (got " + std::to_string(shape.height) +
                                    "x" + std::to_string(shape.width) + ")");
    int64_t s = shape.height;
    int k = 0;
    while (s % 2 == 0 && s / 2 >= 4) {
        s /= 2;
        ++k;
    }
    if (k < 2 || k > 5)
        throw std::invalid_argument("dcgan supports image sides such as 28, 32 and 64 (got " +
                                    std::to_string(shape.height) + ")");
    *start = s;
    return k;
}

} // namespace

nn::Sequential dcganGeneratorBody(ImageShape shape, int latentSize)
{
    int64_t s = 0;
    const int k = stages(shape, &s);
    int64_t ch = kBaseChannels << (k - 1);
    nn::Sequential body(nn::Linear(nn::LinearOptions(latentSize, ch * s * s).bias(false)),
                        nn::Unflatten(nn::UnflattenOptions(1, {ch, s, s})), SyncBatchNorm(ch),
                        nn::ReLU());
    for (int i = 1; i <= k; ++i) {
        const bool last = i == k;
        const int64_t out = last ? shape.channels : ch / 2;
        body->push_back(UpConv(ch, out, /*bias=*/last)); // ConvTranspose2d(ch, out, 4, stride 2, padding 1)
        if (!last) {
            body->push_back(SyncBatchNorm(out));
            body->push_back(nn::ReLU());
        }
        ch = out;
    }
    body->push_back(nn::Tanh());
    return body;
}

nn::Sequential dcganDiscriminatorBody(ImageShape shape, bool batchNorm)
{
    int64_t s = 0;
    const int k = stages(shape, &s);
    nn::Sequential body;
    int64_t in = shape.channels;
    for (int i = 0; i < k; ++i) {
        const int64_t out = kBaseChannels << i;
        const bool norm = batchNorm && i > 0;
        body->push_back(nn::Conv2d(nn::Conv2dOptions(in, out, 4).stride(2).padding(1).bias(!norm)));
        if (norm)
            body->push_back(SyncBatchNorm(out));
        body->push_back(nn::LeakyReLU(nn::LeakyReLUOptions().negative_slope(0.2)));
        in = out;
    }
    body->push_back(nn::Flatten());
    body->push_back(nn::Linear(in * s * s, 1));
    return body;
}

} // namespace ganvas
