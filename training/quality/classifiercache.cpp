// The trained classifier, cached: one file per dataset, training data and architecture.
#include "quality/classifier.h"

#include "checkpoint/checkpoint.h"
#include "data/digest.h"
#include "engine/trainingconfig.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

namespace ganvas::quality {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char *const kMetaKey = "ganvas_meta";

// A file-name-safe dataset name: a known name as given (lower case), a path's last part.
std::string datasetLabel(const std::string &dataset)
{
    std::string label = fs::path(dataset).lexically_normal().filename().string();
    if (label.empty())
        label = fs::path(dataset).lexically_normal().parent_path().filename().string();
    for (char &c : label) {
        const auto u = static_cast<unsigned char>(c);
        c = std::isalnum(u) || c == '-' || c == '_' ? static_cast<char>(std::tolower(u)) : '_';
    }
    return label.empty() ? "dataset" : label;
}

// SHA-256 of the shape, pixels and labels: a changed file, limit or dataset gives a new key.
std::string trainingDigest(const LabelledImages &train)
{
    const ImageSet &s = train.images;
    const std::string shape = std::to_string(s.count) + "x" + std::to_string(s.channels) + "x"
        + std::to_string(s.height) + "x" + std::to_string(s.width) + ";";
    Digest digest(Digest::Algorithm::Sha256);
    digest.update(shape.data(), shape.size());
    digest.update(s.pixels.data(), s.pixels.size());
    digest.update(train.labels.data(), train.labels.size());
    return digest.hex();
}

std::string networkName(const json &meta)
{
    char accuracy[32];
    std::snprintf(accuracy, sizeof accuracy, "%.1f", 100.0 * meta.at("test_accuracy").get<double>());
    return "ganvas-classifier " + meta.at("dataset").get<std::string>() + " "
        + meta.at("digest").get<std::string>().substr(0, 8) + " (test accuracy " + accuracy + " %)";
}

// The cached network if the file is sound and made for `key`; otherwise a note and nothing.
std::unique_ptr<FeatureNetwork> loadCached(const std::string &path, const json &key, int64_t channels)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return nullptr;
    try {
        torch::serialize::InputArchive archive;
        readCheckpoint(path, archive);
        c10::IValue stored;
        archive.read(kMetaKey, stored);
        const json meta = json::parse(stored.toStringRef());
        for (const auto &item : key.items())
            if (!meta.contains(item.key()) || meta.at(item.key()) != item.value())
                throw std::runtime_error(path + ": made for other data (" + item.key() + " differs)");
        ConvNet net(channels);
        net->load(archive);
        return convNetFeatures(net, networkName(meta));
    } catch (const std::exception &e) {
        std::string why = e.what();
        why = why.substr(0, why.find('\n'));
        if (why.rfind(path, 0) != 0)
            why = path + ": " + why;
        std::cerr << "GANvas: note: not using the cached classifier (" << why << "); training it again\n";
        return nullptr;
    }
}

void saveCached(const std::string &path, const TrainedClassifier &trained, json meta)
{
    meta["test_accuracy"] = trained.accuracy;
    meta["train_seconds"] = trained.seconds;
    meta["train_images"] = trained.trainImages;
    meta["test_images"] = trained.testImages;
    meta["epochs"] = trained.epochs;
    try {
        std::error_code ec;
        fs::create_directories(fs::path(path).parent_path(), ec);
        torch::serialize::OutputArchive archive;
        trained.net->save(archive);
        archive.write(kMetaKey, c10::IValue(meta.dump()));
        writeCheckpoint(path, archive);
    } catch (const std::exception &e) {
        // The network is still good for this run; only the next one pays for training again.
        std::cerr << "GANvas: note: cannot cache the classifier: " << e.what() << "\n";
    }
}

} // namespace

std::unique_ptr<FeatureNetwork> cachedClassifier(const TrainingConfig &config, const FeatureNetProgress &progress)
{
    const LabelledImages train = loadLabelledDataset(config);
    const std::string label = datasetLabel(config.dataset);
    const std::string digest = trainingDigest(train);
    const json key = {{"kind", "ganvas-classifier"}, {"architecture", kClassifierArchitecture},
                      {"dataset", label},            {"digest", digest},
                      {"channels", train.images.channels}};
    const std::string path = (fs::path(qualityCacheDir()) / ("classifier-" + label + "-" + digest.substr(0, 16) + "-a"
                                                             + std::to_string(kClassifierArchitecture) + ".pt"))
                                 .string();
    if (auto cached = loadCached(path, key, train.images.channels))
        return cached;
    const LabelledImages test = loadLabelledTestSplit(config);
    TrainedClassifier trained = trainClassifier(train, test, progress);
    json meta = key;
    meta["test_accuracy"] = trained.accuracy;
    saveCached(path, trained, meta);
    trained.net->eval();
    return convNetFeatures(trained.net, networkName(meta));
}

} // namespace ganvas::quality
