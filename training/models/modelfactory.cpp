#include "models/modelfactory.h"

#include "models/dcgan.h"
#include "models/fastlinear.h"
#include "models/mlp.h"
#include "models/syncbatchnorm.h"
#include "models/upconv.h"

#include <cmath>
#include <stdexcept>

namespace ganvas {

GeneratorImpl::GeneratorImpl(torch::nn::Sequential body, ImageShape shape)
    : m_body(register_module("body", body)), m_shape(shape)
{
}

torch::Tensor GeneratorImpl::forward(const torch::Tensor &z)
{
    return m_body->forward(z).view({z.size(0), m_shape.channels, m_shape.height, m_shape.width});
}

DiscriminatorImpl::DiscriminatorImpl(torch::nn::Sequential body, bool hasBatchNorm)
    : m_body(register_module("body", body)), m_hasBatchNorm(hasBatchNorm)
{
}

torch::Tensor DiscriminatorImpl::forward(const torch::Tensor &x)
{
    return m_body->forward(x).view({-1});
}

namespace {

// Initialisation drawn from the run's generator (torch::nn::init has no generator argument).
// mlp: PyTorch's default bounds U(-1/sqrt(fan_in), 1/sqrt(fan_in)); dcgan: N(0, 0.02) as in
// the DCGAN paper, BN scales N(1, 0.02).
void initialise(torch::nn::Module &net, bool dcgan, at::Generator gen)
{
    torch::NoGradGuard noGrad;
    for (auto &m : net.modules(/*include_self=*/false)) {
        torch::Tensor w, b;
        bool norm = false;
        if (auto *l = m->as<torch::nn::Linear>()) {
            w = l->weight, b = l->bias;
        } else if (auto *f = m->as<FastLinear>()) {
            w = f->weight, b = f->bias;
        } else if (auto *c = m->as<torch::nn::Conv2d>()) {
            w = c->weight, b = c->bias;
        } else if (auto *t = m->as<torch::nn::ConvTranspose2d>()) {
            w = t->weight, b = t->bias;
        } else if (auto *u = m->as<UpConv>()) {
            w = u->weight, b = u->bias;
        } else if (auto *n = m->as<SyncBatchNorm>()) {
            w = n->weight, b = n->bias, norm = true;
        } else {
            continue;
        }
        if (norm) {
            if (dcgan)
                w.normal_(1.0, 0.02, gen);
            else
                w.fill_(1.0);
            b.zero_();
        } else if (dcgan) {
            w.normal_(0.0, 0.02, gen);
            if (b.defined())
                b.zero_();
        } else {
            const double bound = 1.0 / std::sqrt(static_cast<double>(w.size(1)));
            w.uniform_(-bound, bound, gen);
            if (b.defined())
                b.uniform_(-bound, bound, gen);
        }
    }
}

void checkFamily(const std::string &family)
{
    if (family != "mlp" && family != "dcgan")
        throw std::invalid_argument("unknown model '" + family + "' (use mlp or dcgan)");
}

} // namespace

Generator makeGenerator(const std::string &family, ImageShape shape, int latentSize, at::Generator gen)
{
    checkFamily(family);
    const bool dcgan = family == "dcgan";
    Generator g(dcgan ? dcganGeneratorBody(shape, latentSize) : mlpGeneratorBody(shape, latentSize), shape);
    initialise(*g, dcgan, gen);
    return g;
}

Discriminator makeDiscriminator(const std::string &family, ImageShape shape, const std::string &loss,
                                at::Generator gen)
{
    checkFamily(family);
    const bool dcgan = family == "dcgan";
    const bool batchNorm = dcgan && loss != "wgan-gp";
    Discriminator d(dcgan ? dcganDiscriminatorBody(shape, batchNorm) : mlpDiscriminatorBody(shape), batchNorm);
    initialise(*d, dcgan, gen);
    return d;
}

} // namespace ganvas
