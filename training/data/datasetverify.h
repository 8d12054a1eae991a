#pragma once

#include "data/datasetcatalog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// Written into every folder fetchDataset installs: the dataset's name, its source URLs, the
// date, and the SHA-256 of each stored file.
inline constexpr const char *kDatasetManifestName = "ganvas-dataset.json";

struct DatasetStatus
{
    std::string name, title;
    bool available = false;
    std::string folder;   // where the locator finds it: dataDir, XDG or /usr/share/datasets
    bool fetched = false; // folder is a GANvas-fetched copy with a manifest
};

// Cheap: looks for the files, reads nothing.
DatasetStatus datasetStatus(const DatasetSpec &spec, const std::string &dataDir);

struct VerifyReport
{
    std::string folder;                // where it looked ("" when nothing was found)
    std::vector<std::string> problems; // empty = fine; each names the file and the fault
    int64_t images = 0;                // training images read back
    std::string checkedAgainst;        // which digests were compared, for a person to read
};

// Checks the copy the locator finds: digests against the manifest (fetched copies) or against
// contentSha256/md5 (e.g. the installed Fashion-MNIST), then reads it with the real readers.
VerifyReport verifyDatasetReport(const DatasetSpec &spec, const std::string &dataDir);

// The same for one given folder, searching nothing.
VerifyReport verifyDatasetFolder(const DatasetSpec &spec, const std::string &folder);

// verifyDatasetReport's problems (empty = fine); *folder gets where it looked.
std::vector<std::string> verifyDataset(const DatasetSpec &spec, const std::string &dataDir,
                                       std::string *folder = nullptr);

// Reads the dataset in `folder` with the real readers (all of it, the test split too) and
// checks the count and shape against spec (spec.images 0 = any count). Returns the number of
// training images. Throws FetchError naming the file and the fault, e.g. a missing batch.
int64_t validateDatasetFolder(const DatasetSpec &spec, const std::string &folder);

} // namespace ganvas
