#include "engine/trainingconfig.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

namespace ganvas {

using nlohmann::json;

// One line per field: member, JSON name. Keeps toJson/fromJson from drifting apart.
#define GANVAS_CONFIG_FIELDS(X)                                                                    \
    X(dataset, "dataset") X(dataDir, "data_dir") X(limit, "limit") X(imageSize, "image_size")      \
    X(imageChannels, "image_channels") X(model, "model")                                            \
    X(latentSize, "latent_size") X(loss, "loss") X(gpWeight, "gp_weight") X(lrG, "lr_g")           \
    X(lrD, "lr_d") X(beta1G, "beta1_g") X(beta2G, "beta2_g") X(beta1D, "beta1_d")                  \
    X(beta2D, "beta2_d") X(lrDecay, "lr_decay") X(lrDecayGamma, "lr_decay_gamma")                  \
    X(dStepsPerG, "d_steps_per_g") X(labelSmoothing, "label_smoothing")                            \
    X(labelFlipProb, "label_flip_prob") X(instanceNoise, "instance_noise")                         \
    X(instanceNoiseAnnealEpochs, "instance_noise_anneal_epochs") X(epochs, "epochs")               \
    X(batchSize, "batch_size") X(seed, "seed") X(device, "device") X(threads, "threads")           \
    X(checkpointEvery, "checkpoint_every") X(logEvery, "log_every")

namespace {

template <typename T>
void readField(const json &j, const char *name, T &out, const std::string &origin)
{
    const json &v = j.at(name);
    bool ok = false;
    if constexpr (std::is_same_v<T, std::string>)
        ok = v.is_string();
    else if constexpr (std::is_floating_point_v<T>)
        ok = v.is_number();
    else if constexpr (std::is_unsigned_v<T>)
        ok = v.is_number_unsigned() || (v.is_number_integer() && v.get<int64_t>() >= 0);
    else
        ok = v.is_number_integer();
    if (!ok) {
        const char *want = std::is_same_v<T, std::string> ? "a string"
                           : std::is_floating_point_v<T>  ? "a number"
                           : std::is_unsigned_v<T>        ? "a non-negative integer"
                                                          : "an integer";
        throw ConfigError(origin + ": field '" + name + "' must be " + want + " (got " + v.dump() + ")");
    }
    out = v.get<T>();
}

template <typename T>
std::string show(const T &v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

} // namespace

std::vector<std::string> TrainingConfig::validate() const
{
    std::vector<std::string> errors;
    auto need = [&](bool ok, const char *field, const std::string &why, const std::string &got) {
        if (!ok)
            errors.push_back(std::string(field) + ": " + why + " (got " + got + ")");
    };
    need(!dataset.empty(), "dataset", "must name a dataset or a folder", "\"\"");
    need(limit == -1 || limit >= 1, "limit", "must be -1 (all images) or at least 1", show(limit));
    need(imageSize == 28 || imageSize == 32 || imageSize == 64, "image_size",
         "must be 28, 32 or 64 (the side of image-folder pictures after resizing)", show(imageSize));
    need(imageChannels == 0 || imageChannels == 1 || imageChannels == 3, "image_channels",
         "must be 1 (grey), 3 (colour) or 0 (grey if every image is grey)", show(imageChannels));
    need(model == "mlp" || model == "dcgan", "model", "must be mlp or dcgan", "\"" + model + "\"");
    need(latentSize >= 1 && latentSize <= 4096, "latent_size", "must be 1 to 4096", show(latentSize));
    need(loss == "bce" || loss == "lsgan" || loss == "hinge" || loss == "wgan-gp", "loss",
         "must be bce, lsgan, hinge or wgan-gp", "\"" + loss + "\"");
    need(gpWeight >= 0 && gpWeight <= 1e4, "gp_weight", "must be 0 to 10000", show(gpWeight));
    need(lrG > 0 && lrG < 1, "lr_g", "must be > 0 and < 1", show(lrG));
    need(lrD > 0 && lrD < 1, "lr_d", "must be > 0 and < 1", show(lrD));
    need(beta1G >= 0 && beta1G < 1, "beta1_g", "must be in [0, 1)", show(beta1G));
    need(beta2G >= 0 && beta2G < 1, "beta2_g", "must be in [0, 1)", show(beta2G));
    need(beta1D >= 0 && beta1D < 1, "beta1_d", "must be in [0, 1)", show(beta1D));
    need(beta2D >= 0 && beta2D < 1, "beta2_d", "must be in [0, 1)", show(beta2D));
    need(lrDecay == "none" || lrDecay == "linear" || lrDecay == "exponential", "lr_decay",
         "must be none, linear or exponential", "\"" + lrDecay + "\"");
    need(lrDecayGamma > 0 && lrDecayGamma <= 1, "lr_decay_gamma", "must be in (0, 1]", show(lrDecayGamma));
    need(dStepsPerG >= 1 && dStepsPerG <= 100, "d_steps_per_g", "must be 1 to 100", show(dStepsPerG));
    need(labelSmoothing >= 0 && labelSmoothing < 0.5, "label_smoothing", "must be in [0, 0.5)",
         show(labelSmoothing));
    need(labelFlipProb >= 0 && labelFlipProb < 0.5, "label_flip_prob", "must be in [0, 0.5)",
         show(labelFlipProb));
    if ((labelSmoothing > 0 || labelFlipProb > 0) && (loss == "hinge" || loss == "wgan-gp"))
        errors.push_back("label_smoothing/label_flip_prob: only apply to the bce and lsgan losses "
                         "(loss is " + loss + ")");
    need(instanceNoise >= 0 && instanceNoise <= 2, "instance_noise", "must be 0 to 2", show(instanceNoise));
    need(instanceNoiseAnnealEpochs >= 0, "instance_noise_anneal_epochs", "must be >= 0",
         show(instanceNoiseAnnealEpochs));
    need(epochs >= 1 && epochs <= 100000, "epochs", "must be 1 to 100000", show(epochs));
    need(batchSize >= 1 && batchSize <= 65536, "batch_size", "must be 1 to 65536", show(batchSize));
    if (limit >= 1 && batchSize > limit)
        errors.push_back("batch_size: is larger than the " + show(limit) +
                         " images that limit leaves (got " + show(batchSize) + ")");
    need(device == "cpu" || device == "cuda" || device.rfind("cuda:", 0) == 0, "device",
         "must be cpu, cuda or cuda:N", "\"" + device + "\"");
    need(threads >= 0 && threads <= 1024, "threads", "must be 0 (all cores) to 1024", show(threads));
    need(checkpointEvery >= 0, "checkpoint_every", "must be >= 0 (0 = only at the end)", show(checkpointEvery));
    need(logEvery >= 1 && logEvery <= 100000, "log_every", "must be 1 to 100000", show(logEvery));
    return errors;
}

std::string TrainingConfig::toJson() const
{
    json j;
#define GANVAS_WRITE(member, name) j[name] = member;
    GANVAS_CONFIG_FIELDS(GANVAS_WRITE)
#undef GANVAS_WRITE
    return j.dump(2);
}

void TrainingConfig::merge(const std::string &text, const std::string &origin)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error &e) {
        throw ConfigError(origin + ": not valid JSON: " + e.what());
    }
    if (!j.is_object())
        throw ConfigError(origin + ": must hold a JSON object of settings");
    static const std::set<std::string> known = {
#define GANVAS_NAME(member, name) name,
        GANVAS_CONFIG_FIELDS(GANVAS_NAME)
#undef GANVAS_NAME
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        // Files written by the run directory carry the app version; it is not a setting.
        if (it.key() == "app_version")
            continue;
        if (!known.count(it.key()))
            throw ConfigError(origin + ": unknown field '" + it.key() + "'");
    }
#define GANVAS_READ(member, name)                                                                  \
    if (j.contains(name))                                                                          \
        readField(j, name, member, origin);
    GANVAS_CONFIG_FIELDS(GANVAS_READ)
#undef GANVAS_READ
}

TrainingConfig TrainingConfig::fromJson(const std::string &text, const std::string &origin)
{
    TrainingConfig c;
    c.merge(text, origin);
    return c;
}

TrainingConfig TrainingConfig::fromJsonFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ConfigError(path + ": cannot open the config file");
    std::stringstream s;
    s << in.rdbuf();
    return fromJson(s.str(), path);
}

} // namespace ganvas
