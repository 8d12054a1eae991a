#include "data/datasetlocator.h"

#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "data/idxreader.h"
#include "data/imagefolder.h"
#include "engine/trainingconfig.h"

#include <zlib.h>

#include <algorithm>

namespace ganvas {

namespace {

// The record count in an IDX header. The readers have already checked the file; this is only
// needed because a limit hides the full count from their results. gzread reads plain files too.
uint32_t idxHeaderCount(const std::string &path)
{
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file)
        throw DataError(path, "cannot open");
    unsigned char header[8] = {};
    const int got = gzread(file, header, sizeof header);
    gzclose(file);
    if (got != static_cast<int>(sizeof header))
        throw DataError(path, "cannot read the IDX header");
    return uint32_t(header[4]) << 24 | uint32_t(header[5]) << 16 | uint32_t(header[6]) << 8
        | uint32_t(header[7]);
}

// Reads located files; `labels`, when given, receives the labels (left empty when there are none).
ImageSet readFiles(const DatasetFiles &files, const ImageFolderOptions &options,
                   std::vector<uint8_t> *labels)
{
    const int64_t limit = options.limit;
    ImageSet set;
    if (files.format == "images") {
        set = readImageFolder(files.folder, options);
    } else if (files.format == "cifar10") {
        set = readCifarBatches(files.batches, limit, labels);
    } else {
        set = readIdxImages(files.images, limit);
        if (!files.labels.empty()) {
            // Read (and so validate) the labels too: a count mismatch means the two files do
            // not belong together.
            std::vector<uint8_t> read = readIdxLabels(files.labels, limit);
            const uint32_t images = idxHeaderCount(files.images);
            const uint32_t labelCount = idxHeaderCount(files.labels);
            if (images != labelCount)
                throw DataError(files.labels, "image and label counts disagree: "
                                                  + std::to_string(images) + " images in "
                                                  + files.images + ", " + std::to_string(labelCount)
                                                  + " labels in " + files.labels);
            if (labels)
                *labels = std::move(read);
        }
    }
    set.source = files.folder;
    return set;
}

ImageSet load(const std::string &nameOrPath, const std::string &dataDir,
              const ImageFolderOptions &options)
{
    return readFiles(locateDataset(nameOrPath, dataDir), options, nullptr);
}

ImageFolderOptions folderOptions(const TrainingConfig &config, int64_t limit)
{
    ImageFolderOptions options;
    options.size = config.imageSize;
    options.channels = config.imageChannels;
    options.limit = limit;
    return options;
}

LabelledImages loadLabelled(const DatasetFiles &files, const TrainingConfig &config, int64_t limit)
{
    LabelledImages out;
    out.images = readFiles(files, folderOptions(config, limit), &out.labels);
    if (out.labels.size() != static_cast<size_t>(out.images.count))
        throw DataError(files.format == "idx" ? files.images : files.folder,
                        "has no labels (needed to train the quality classifier)");
    return out;
}

// Every tenth image (the 10th, 20th, ...) of a set, for an image folder's held-out part.
ImageSet everyTenth(ImageSet all)
{
    ImageSet set = std::move(all);
    const size_t bytes = static_cast<size_t>(set.imageBytes());
    int64_t kept = 0;
    for (int64_t i = 9; i < set.count; i += 10, ++kept)
        std::copy_n(set.pixels.begin() + i * bytes, bytes, set.pixels.begin() + kept * bytes);
    if (kept == 0)
        throw DataError(set.source, "too few images for a held-out tenth (" + std::to_string(set.count)
                                        + " readable, at least 10 are needed)");
    set.count = kept;
    set.pixels.resize(kept * bytes);
    set.pixels.shrink_to_fit();
    return set;
}

} // namespace

ImageSet loadDataset(const std::string &nameOrPath, const std::string &dataDir, int64_t limit)
{
    ImageFolderOptions options;
    options.limit = limit;
    return load(nameOrPath, dataDir, options);
}

ImageSet loadDataset(const TrainingConfig &config)
{
    return load(config.dataset, config.dataDir, folderOptions(config, config.limit));
}

LabelledImages loadLabelledDataset(const TrainingConfig &config)
{
    return loadLabelled(locateDataset(config.dataset, config.dataDir), config, config.limit);
}

LabelledImages loadLabelledTestSplit(const TrainingConfig &config)
{
    return loadLabelled(testSplitFiles(locateDataset(config.dataset, config.dataDir)), config, -1);
}

ImageSet loadTestSplit(const TrainingConfig &config)
{
    const DatasetFiles files = locateDataset(config.dataset, config.dataDir);
    if (files.format == "images")
        return everyTenth(readFiles(files, folderOptions(config, -1), nullptr));
    return readFiles(testSplitFiles(files), folderOptions(config, -1), nullptr);
}

} // namespace ganvas
