#include "data/datasetverify.h"

#include "data/archiveextract.h"
#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "data/datasetlocator.h"
#include "data/digest.h"
#include "data/fetcherror.h"
#include "data/idxreader.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

bool isFile(const fs::path &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool endsWith(const std::string &text, const std::string &end)
{
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::string withoutGz(const std::string &name)
{
    return endsWith(name, ".gz") && !endsWith(name, ".tar.gz") ? name.substr(0, name.size() - 3) : name;
}

// The first folder of the locator's search order that holds this dataset in its format.
std::string locate(const DatasetSpec &spec, const std::string &dataDir, std::string *why)
{
    try {
        // Known names go through the locator itself, so that GANvas trains on what we check.
        if (const DatasetSpec *known = findDatasetSpec(spec.name); known && known->name == spec.name)
            return locateDataset(spec.name, dataDir).folder;
    } catch (const DataError &e) {
        if (why)
            *why = e.what();
        return "";
    }
    for (const auto &folder : datasetSearchFolders(spec.name, dataDir)) {
        std::error_code ec;
        if (!fs::is_directory(folder, ec))
            continue;
        try {
            const DatasetFiles files = locateDataset(folder, "");
            if (files.format == spec.format)
                return files.folder;
        } catch (const DataError &) {
            // Not this folder.
        }
    }
    if (why)
        *why = spec.name + ": dataset not found";
    return "";
}

void checkShape(const DatasetSpec &spec, const ImageSet &set, const std::string &path, bool training)
{
    if ((spec.channels && set.channels != spec.channels) || (spec.height && set.height != spec.height)
        || (spec.width && set.width != spec.width))
        throw FetchError(path + ": images are " + std::to_string(set.width) + "x"
                         + std::to_string(set.height) + "x" + std::to_string(set.channels) + ", "
                         + spec.title + " has " + std::to_string(spec.width) + "x"
                         + std::to_string(spec.height) + "x" + std::to_string(spec.channels));
    if (training && spec.images > 0 && set.count != spec.images)
        throw FetchError(path + ": " + std::to_string(set.count) + " training images, " + spec.title
                         + " has " + std::to_string(spec.images));
}

int64_t validateIdx(const DatasetSpec &spec, const std::string &folder)
{
    const DatasetFiles files = locateDataset(folder, "");
    if (files.format != "idx")
        throw FetchError(folder + ": no train-images-idx3-ubyte[.gz] in it");
    if (files.labels.empty())
        throw FetchError(folder + ": no train-labels-idx1-ubyte[.gz] beside the images");
    const ImageSet train = loadDataset(folder, ""); // images and labels, counts compared
    checkShape(spec, train, files.images, true);
    for (const char *suffix : {"", ".gz"}) {
        const fs::path images = fs::path(folder) / (std::string("t10k-images-idx3-ubyte") + suffix);
        const fs::path labels = fs::path(folder) / (std::string("t10k-labels-idx1-ubyte") + suffix);
        if (!isFile(images))
            continue;
        const ImageSet test = readIdxImages(images.string());
        checkShape(spec, test, images.string(), false);
        if (isFile(labels) && int64_t(readIdxLabels(labels.string()).size()) != test.count)
            throw FetchError(labels.string() + ": the label count differs from " + images.string() + "'s");
    }
    return train.count;
}

int64_t validateCifar(const DatasetSpec &spec, const std::string &folder)
{
    std::vector<std::string> batches;
    for (int i = 1; i <= 5; ++i)
        batches.push_back((fs::path(folder) / ("data_batch_" + std::to_string(i) + ".bin")).string());
    const std::string test = (fs::path(folder) / "test_batch.bin").string();
    for (const auto &path : batches)
        if (!isFile(path))
            throw FetchError(path + ": missing (CIFAR-10 needs data_batch_1.bin ... data_batch_5.bin and test_batch.bin)");
    if (!isFile(test))
        throw FetchError(test + ": missing (CIFAR-10 needs data_batch_1.bin ... data_batch_5.bin and test_batch.bin)");
    const ImageSet train = readCifarBatches(batches);
    checkShape(spec, train, folder, true);
    readCifarBatches({test});
    return train.count;
}

// Compares the stored files with the manifest's SHA-256s.
void checkManifest(const fs::path &folder, VerifyReport &report)
{
    const fs::path manifest = folder / kDatasetManifestName;
    nlohmann::json json;
    try {
        std::ifstream in(manifest);
        json = nlohmann::json::parse(in);
    } catch (const std::exception &e) {
        report.problems.push_back(manifest.string() + ": unreadable manifest: " + e.what());
        return;
    }
    report.checkedAgainst = "the SHA-256 digests in " + manifest.string();
    if (!json.contains("files") || !json["files"].is_object() || json["files"].empty()) {
        report.problems.push_back(manifest.string() + ": lists no files");
        return;
    }
    for (const auto &[name, digest] : json["files"].items()) {
        const fs::path path = folder / name;
        if (!isFile(path)) {
            report.problems.push_back(path.string() + ": missing (listed in the manifest)");
            continue;
        }
        const std::string actual = digestFile(path.string(), Digest::Algorithm::Sha256);
        if (!digest.is_string() || actual != digest.get<std::string>())
            report.problems.push_back(path.string() + ": SHA-256 " + actual
                                      + " differs from the manifest's: the file changed or is damaged");
    }
}

// Without a manifest: each file, raw or gzipped, against the catalog's digests.
void checkPublished(const DatasetSpec &spec, const fs::path &folder, VerifyReport &report)
{
    bool any = false;
    for (const auto &file : spec.files) {
        const std::string raw = withoutGz(file.name);
        const fs::path rawPath = folder / raw, gzPath = folder / file.name;
        if (raw == file.name && endsWith(file.name, ".tar.gz"))
            continue; // the archive itself is not kept
        if (isFile(rawPath) && raw != file.name) {
            if (file.contentSha256.empty())
                continue;
            any = true;
            const std::string sha = digestFile(rawPath.string(), Digest::Algorithm::Sha256);
            if (sha != file.contentSha256)
                report.problems.push_back(rawPath.string() + ": SHA-256 " + sha + ", expected "
                                          + file.contentSha256 + " (damaged or another version)");
        } else if (isFile(gzPath)) {
            if (file.md5.empty() && file.contentSha256.empty())
                continue;
            any = true;
            if (!file.md5.empty() && digestFile(gzPath.string(), Digest::Algorithm::Md5) == file.md5)
                continue;
            std::string sha;
            try {
                sha = gunzipDigest(gzPath.string());
            } catch (const FetchError &e) {
                report.problems.push_back(e.what());
                continue;
            }
            if (sha != file.contentSha256)
                report.problems.push_back(gzPath.string() + ": neither the published MD5 nor the "
                                          "content's SHA-256 matches (damaged or another version)");
        } else {
            report.problems.push_back((folder / raw).string() + ": missing (" + spec.title
                                      + " has " + file.name + ")");
        }
    }
    report.checkedAgainst = any ? "the published digests" : "no digests (none known for these files)";
}

} // namespace

DatasetStatus datasetStatus(const DatasetSpec &spec, const std::string &dataDir)
{
    DatasetStatus status;
    status.name = spec.name;
    status.title = spec.title;
    status.folder = locate(spec, dataDir, nullptr);
    status.available = !status.folder.empty();
    status.fetched = status.available && isFile(fs::path(status.folder) / kDatasetManifestName);
    return status;
}

int64_t validateDatasetFolder(const DatasetSpec &spec, const std::string &folder)
{
    try {
        return spec.format == "cifar10" ? validateCifar(spec, folder) : validateIdx(spec, folder);
    } catch (const DataError &e) {
        throw FetchError(e.what());
    }
}

VerifyReport verifyDatasetFolder(const DatasetSpec &spec, const std::string &folder)
{
    VerifyReport report;
    report.folder = folder;
    try {
        if (isFile(fs::path(folder) / kDatasetManifestName))
            checkManifest(folder, report);
        else
            checkPublished(spec, folder, report);
        report.images = validateDatasetFolder(spec, folder);
    } catch (const FetchError &e) {
        report.problems.push_back(e.what());
    }
    return report;
}

VerifyReport verifyDatasetReport(const DatasetSpec &spec, const std::string &dataDir)
{
    std::string why;
    const std::string folder = locate(spec, dataDir, &why);
    if (folder.empty()) {
        VerifyReport report;
        report.problems.push_back(why);
        return report;
    }
    return verifyDatasetFolder(spec, folder);
}

std::vector<std::string> verifyDataset(const DatasetSpec &spec, const std::string &dataDir,
                                       std::string *folder)
{
    VerifyReport report = verifyDatasetReport(spec, dataDir);
    if (folder)
        *folder = report.folder;
    return report.problems;
}

} // namespace ganvas
