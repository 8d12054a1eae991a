#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// One file of a dataset as its publishers serve it.
struct DatasetFileSpec
{
    std::string name;              // usual file name as served, e.g. "train-images-idx3-ubyte.gz"
    std::string md5;               // published MD5 of the file as served ("" = none)
    std::string contentSha256;     // SHA-256 of the decompressed content ("" = unknown); a match of either digest is accepted
    int64_t size = 0;              // expected bytes when known (progress only), 0 = unknown
    std::vector<std::string> urls; // usual public mirrors, tried in order
};

// A dataset GANvas knows how to fetch.
struct DatasetSpec
{
    std::string name;   // "mnist" | "fashion-mnist" | "cifar10"
    std::string title;  // "Fashion-MNIST"
    std::string format; // "idx" | "cifar10"
    int64_t images = 0; // training split
    int channels = 0, height = 0, width = 0;
    std::vector<DatasetFileSpec> files;
};

const std::vector<DatasetSpec> &knownDatasets();

// Accepts the spellings the locator accepts ("Fashion_MNIST", "cifar-10"); nullptr if unknown.
const DatasetSpec *findDatasetSpec(const std::string &name);

// $GANVAS_DATA_DIR, else $XDG_DATA_HOME/ganvas/datasets, else ~/.local/share/ganvas/datasets.
std::string defaultDataDir();

// A per-user folder the XDG way: $ownVariable when set, else $xdgVariable/<sub> (absolute
// values only, as the spec says), else ~/<homeDefault>/<sub>.
std::string userFolder(const char *ownVariable, const char *xdgVariable, const std::string &homeDefault,
                       const std::string &sub);

// $GANVAS_DATASET_MIRROR or "".
std::string mirrorFromEnvironment();

// The URLs a file is fetched from: its usual mirrors, or only mirror/<dataset>/<file> when a
// mirror is given (a trailing slash on it is ignored).
std::vector<std::string> fileUrls(const DatasetSpec &spec, const DatasetFileSpec &file,
                                  const std::string &mirror);

} // namespace ganvas
