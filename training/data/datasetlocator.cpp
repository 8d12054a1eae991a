#include "data/datasetlocator.h"

#include "data/dataerror.h"
#include "data/imagefolder.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <system_error>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

constexpr int kCifarBatches = 5;
const char *const kCifarSubfolder = "cifar-10-batches-bin";

// Official names first; the dotted spelling is how some mirrors (and Kaggle) ship them.
const char *const kImageNames[] = {"train-images-idx3-ubyte", "train-images-idx3-ubyte.gz",
                                   "train-images.idx3-ubyte", "train-images.idx3-ubyte.gz"};
const char *const kLabelNames[] = {"train-labels-idx1-ubyte", "train-labels-idx1-ubyte.gz",
                                   "train-labels.idx1-ubyte", "train-labels.idx1-ubyte.gz"};
const char *const kTestImageNames[] = {"t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte.gz",
                                       "t10k-images.idx3-ubyte", "t10k-images.idx3-ubyte.gz"};
const char *const kTestLabelNames[] = {"t10k-labels-idx1-ubyte", "t10k-labels-idx1-ubyte.gz",
                                       "t10k-labels.idx1-ubyte", "t10k-labels.idx1-ubyte.gz"};
const char *const kCifarTestBatch = "test_batch.bin";

std::string join(const std::string &folder, const std::string &child)
{
    return (fs::path(folder) / child).string();
}

bool isFile(const std::string &path)
{
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

bool isFolder(const std::string &path)
{
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool exists(const std::string &path)
{
    std::error_code ec;
    return fs::exists(path, ec);
}

// "" for a name that is not one of ours.
std::string canonicalName(const std::string &name)
{
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "fashion-mnist" || lower == "fashion_mnist")
        return "fashion-mnist";
    if (lower == "mnist")
        return "mnist";
    if (lower == "cifar10" || lower == "cifar-10")
        return "cifar10";
    return "";
}

std::string firstFile(const std::string &folder, const char *const *names, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        const std::string path = join(folder, names[i]);
        if (isFile(path))
            return path;
    }
    return "";
}

bool findIdx(const std::string &folder, DatasetFiles &files)
{
    const std::string images = firstFile(folder, kImageNames, std::size(kImageNames));
    if (images.empty())
        return false;
    files.format = "idx";
    files.folder = folder;
    files.images = images;
    files.labels = firstFile(folder, kLabelNames, std::size(kLabelNames));
    return true;
}

std::string batchName(int i)
{
    return "data_batch_" + std::to_string(i) + ".bin";
}

// Takes data_batch_1.bin onwards; a gap would silently drop a fifth of the data, so it is an error.
bool findCifarIn(const std::string &folder, DatasetFiles &files)
{
    int last = 0;
    for (int i = 1; i <= kCifarBatches; ++i)
        if (isFile(join(folder, batchName(i))))
            last = i;
    if (last == 0)
        return false;
    std::vector<std::string> batches;
    for (int i = 1; i <= last; ++i) {
        const std::string path = join(folder, batchName(i));
        if (!isFile(path))
            throw DataError(path, "missing: " + batchName(last) + " is there but " + batchName(i)
                                      + " is not (CIFAR-10 batches are read in order)");
        batches.push_back(path);
    }
    files.format = "cifar10";
    files.folder = folder;
    files.batches = std::move(batches);
    return true;
}

bool findCifar(const std::string &folder, DatasetFiles &files)
{
    return findCifarIn(folder, files) || findCifarIn(join(folder, kCifarSubfolder), files);
}

// For a direct image file: its labels file beside it, by the same naming scheme.
std::string labelsBeside(const std::string &imagePath)
{
    std::string name = fs::path(imagePath).filename().string();
    const auto images = name.find("images");
    if (images == std::string::npos)
        return "";
    name.replace(images, 6, "labels");
    const auto idx3 = name.find("idx3");
    if (idx3 != std::string::npos)
        name.replace(idx3, 4, "idx1");
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0)
        name.resize(name.size() - 3);
    const std::string folder = fs::path(imagePath).parent_path().string();
    for (const std::string &candidate : {name, name + ".gz"}) {
        const std::string path = folder.empty() ? candidate : join(folder, candidate);
        if (isFile(path))
            return path;
    }
    return "";
}

DatasetFiles locatePath(const std::string &path)
{
    DatasetFiles files;
    if (isFolder(path)) {
        if (findIdx(path, files) || findCifar(path, files))
            return files;
        if (hasImageFiles(path)) {
            files.format = "images";
            files.folder = path;
            return files;
        }
        throw DataError(path, "no dataset found: expected train-images-idx3-ubyte[.gz] "
                              "(MNIST/Fashion-MNIST) or data_batch_1.bin ... data_batch_5.bin "
                              "(CIFAR-10), or PNG/JPEG images in it or its subfolders");
    }
    files.format = "idx";
    files.folder = fs::path(path).parent_path().string();
    if (files.folder.empty())
        files.folder = ".";
    files.images = path;
    files.labels = labelsBeside(path);
    return files;
}

DatasetFiles locateName(const std::string &given, const std::string &name,
                        const std::string &dataDir)
{
    const auto folders = datasetSearchFolders(name, dataDir);
    DatasetFiles files;
    for (const auto &folder : folders) {
        if (!isFolder(folder))
            continue;
        const bool found = name == "cifar10" ? findCifar(folder, files) : findIdx(folder, files);
        if (found)
            return files;
    }
    std::string searched;
    for (const auto &folder : folders)
        searched += (searched.empty() ? "" : ", ") + folder;
    if (name == "cifar10")
        searched += std::string(" (and their ") + kCifarSubfolder + " subfolders)";
    throw DataError(given, "dataset not found; searched " + searched
                               + ". Put the files in one of these folders, or give the folder that holds "
                                 "them as the data folder (--data-dir); File → Datasets… in the window, or "
                                 "ganvas-cli datasets fetch, downloads them");
}

} // namespace

DatasetFiles testSplitFiles(const DatasetFiles &train)
{
    DatasetFiles test = train;
    if (train.format == "cifar10") {
        // Beside the training batches, wherever those were found (maybe the subfolder).
        const std::string folder = fs::path(train.batches.front()).parent_path().string();
        const std::string path = join(folder, kCifarTestBatch);
        if (!isFile(path))
            throw DataError(path, "missing: the CIFAR-10 test split is needed for held-out images");
        test.batches = {path};
        return test;
    }
    if (train.format != "idx")
        return test;
    const std::string folder = fs::path(train.images).parent_path().string();
    const std::string base = folder.empty() ? "." : folder;
    test.images = firstFile(base, kTestImageNames, std::size(kTestImageNames));
    if (test.images.empty())
        throw DataError(join(base, "t10k-images-idx3-ubyte[.gz]"),
                        "missing: the test split is needed for held-out images");
    test.labels = firstFile(base, kTestLabelNames, std::size(kTestLabelNames));
    return test;
}

std::vector<std::string> datasetSearchFolders(const std::string &name, const std::string &dataDir)
{
    const std::string canonical = canonicalName(name);
    const std::string folderName = canonical.empty() ? name : canonical;
    std::vector<std::string> folders;
    const auto add = [&folders](const std::string &folder) {
        if (std::find(folders.begin(), folders.end(), folder) == folders.end())
            folders.push_back(folder);
    };
    if (!dataDir.empty()) {
        add(join(dataDir, folderName));
        add(dataDir);
    }
    const char *ganvasDir = std::getenv("GANVAS_DATA_DIR");
    if (ganvasDir && *ganvasDir)
        add(join(ganvasDir, folderName));
    // The XDG spec says to ignore a relative $XDG_DATA_HOME.
    const char *xdg = std::getenv("XDG_DATA_HOME");
    const char *home = std::getenv("HOME");
    std::string dataHome;
    if (xdg && xdg[0] == '/')
        dataHome = xdg;
    else if (home && *home)
        dataHome = join(home, ".local/share");
    if (!dataHome.empty())
        add(join(join(dataHome, "ganvas/datasets"), folderName));
    add(join("/usr/share/datasets", folderName));
    return folders;
}

DatasetFiles locateDataset(const std::string &nameOrPath, const std::string &dataDir)
{
    const char *const unknown =
        "unknown dataset: use fashion-mnist, mnist, cifar10 or a folder path";
    if (nameOrPath.empty())
        throw DataError("\"\"", unknown);
    const std::string canonical = canonicalName(nameOrPath);
    // A bare known name is searched for, even if the working folder happens to hold one of
    // that name; "./mnist" reaches that.
    if (!canonical.empty())
        return locateName(nameOrPath, canonical, dataDir);
    if (exists(nameOrPath))
        return locatePath(nameOrPath);
    if (nameOrPath.find('/') == std::string::npos)
        throw DataError(nameOrPath, unknown);
    throw DataError(nameOrPath, "no such file or folder");
}

} // namespace ganvas
