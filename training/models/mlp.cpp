#include "models/mlp.h"

#include "models/fastlinear.h"
#include "models/syncbatchnorm.h"

namespace ganvas {

namespace nn = torch::nn;

nn::Sequential mlpGeneratorBody(ImageShape shape, int latentSize)
{
    // In place: one activation buffer fewer per layer (its backward needs only the output).
    const auto lrelu = nn::LeakyReLUOptions().negative_slope(0.2).inplace(true);
    return nn::Sequential(FastLinear(latentSize, 256), nn::LeakyReLU(lrelu),
                          FastLinear(256, 512), SyncBatchNorm(512), nn::LeakyReLU(lrelu),
                          FastLinear(512, 1024), SyncBatchNorm(1024), nn::LeakyReLU(lrelu),
                          FastLinear(1024, shape.pixels()), nn::Tanh());
}

nn::Sequential mlpDiscriminatorBody(ImageShape shape)
{
    const auto lrelu = nn::LeakyReLUOptions().negative_slope(0.2).inplace(true);
    return nn::Sequential(nn::Flatten(), FastLinear(shape.pixels(), 1024), nn::LeakyReLU(lrelu),
                          FastLinear(1024, 512), nn::LeakyReLU(lrelu),
                          FastLinear(512, 256), nn::LeakyReLU(lrelu),
                          FastLinear(256, 1));
}

} // namespace ganvas
