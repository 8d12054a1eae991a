#include "data/datasetcatalog.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace ganvas {

namespace {

const char *const kMnistMirrors[] = {"https://ossci-datasets.s3.amazonaws.com/mnist/",
                                     "http://yann.lecun.com/exdb/mnist/"};
const char *const kFashionMirror = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

DatasetFileSpec file(std::string name, std::string md5, std::string contentSha256, int64_t size,
                     std::vector<std::string> bases)
{
    DatasetFileSpec f;
    for (auto &base : bases)
        base += name;
    f.name = std::move(name);
    f.md5 = std::move(md5);
    f.contentSha256 = std::move(contentSha256);
    f.size = size;
    f.urls = std::move(bases);
    return f;
}

std::vector<DatasetSpec> makeCatalog()
{
    std::vector<DatasetSpec> all;

    DatasetSpec mnist{"mnist", "MNIST", "idx", 60000, 1, 28, 28, {}};
    const std::vector<std::string> mnistBases(std::begin(kMnistMirrors), std::end(kMnistMirrors));
    mnist.files = {
        file("train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873", "", 9912422, mnistBases),
        file("train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432", "", 28881, mnistBases),
        file("t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3", "", 1648877, mnistBases),
        file("t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c", "", 4542, mnistBases),
    };
    all.push_back(std::move(mnist));

    // The content digests come from Debian's dataset-fashion-mnist, whose .gz files are
    // recompressed (other MD5s) around the same bytes: either digest identifies the data. The
    // sizes are the publisher's files' (Debian's are a few bytes smaller); they drive progress only.
    DatasetSpec fashion{"fashion-mnist", "Fashion-MNIST", "idx", 60000, 1, 28, 28, {}};
    const std::vector<std::string> fashionBases{kFashionMirror};
    fashion.files = {
        file("train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
             "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888", 26421880, fashionBases),
        file("train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
             "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9", 29515, fashionBases),
        file("t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
             "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b", 4422102, fashionBases),
        file("t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310",
             "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34", 5148, fashionBases),
    };
    all.push_back(std::move(fashion));

    DatasetSpec cifar{"cifar10", "CIFAR-10", "cifar10", 50000, 3, 32, 32, {}};
    DatasetFileSpec tarball;
    tarball.name = "cifar-10-binary.tar.gz";
    tarball.md5 = "c32a1d4ab5d03f1284b67883e8d87530";
    tarball.size = 170052171;
    tarball.urls = {"https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"};
    cifar.files = {tarball};
    all.push_back(std::move(cifar));
    return all;
}

std::string canonicalName(const std::string &name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "fashion_mnist")
        return "fashion-mnist";
    if (lower == "cifar-10")
        return "cifar10";
    return lower;
}

} // namespace

const std::vector<DatasetSpec> &knownDatasets()
{
    static const std::vector<DatasetSpec> catalog = makeCatalog();
    return catalog;
}

const DatasetSpec *findDatasetSpec(const std::string &name)
{
    const std::string wanted = canonicalName(name);
    for (const auto &spec : knownDatasets())
        if (spec.name == wanted)
            return &spec;
    return nullptr;
}

std::string userFolder(const char *ownVariable, const char *xdgVariable, const std::string &homeDefault,
                       const std::string &sub)
{
    const char *own = std::getenv(ownVariable);
    if (own && *own)
        return own;
    const char *xdg = std::getenv(xdgVariable);
    if (xdg && xdg[0] == '/')
        return std::string(xdg) + "/" + sub;
    const char *home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/" + homeDefault + "/" + sub;
}

std::string defaultDataDir()
{
    return userFolder("GANVAS_DATA_DIR", "XDG_DATA_HOME", ".local/share", "ganvas/datasets");
}

std::string mirrorFromEnvironment()
{
    const char *mirror = std::getenv("GANVAS_DATASET_MIRROR");
    return mirror ? mirror : "";
}

std::vector<std::string> fileUrls(const DatasetSpec &spec, const DatasetFileSpec &file,
                                  const std::string &mirror)
{
    if (mirror.empty())
        return file.urls;
    std::string base = mirror;
    while (!base.empty() && base.back() == '/')
        base.pop_back();
    return {base + "/" + spec.name + "/" + file.name};
}

} // namespace ganvas
