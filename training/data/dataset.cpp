#include "data/datasetlocator.h"

#include "data/cifarreader.h"
#include "data/dataerror.h"
#include "data/idxreader.h"
#include "data/imagefolder.h"
#include "engine/trainingconfig.h"

#include <zlib.h>

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

ImageSet load(const std::string &nameOrPath, const std::string &dataDir,
              const ImageFolderOptions &options)
{
    const DatasetFiles files = locateDataset(nameOrPath, dataDir);
    const int64_t limit = options.limit;
    ImageSet set;
    if (files.format == "images") {
        set = readImageFolder(files.folder, options);
    } else if (files.format == "cifar10") {
        set = readCifarBatches(files.batches, limit);
    } else {
        set = readIdxImages(files.images, limit);
        if (!files.labels.empty()) {
            // Read (and so validate) the labels too: a count mismatch means the two files do
            // not belong together.
            readIdxLabels(files.labels, limit);
            const uint32_t images = idxHeaderCount(files.images);
            const uint32_t labels = idxHeaderCount(files.labels);
            if (images != labels)
                throw DataError(files.labels, "image and label counts disagree: "
                                                  + std::to_string(images) + " images in "
                                                  + files.images + ", " + std::to_string(labels)
                                                  + " labels in " + files.labels);
        }
    }
    set.source = files.folder;
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
    ImageFolderOptions options;
    options.size = config.imageSize;
    options.channels = config.imageChannels;
    options.limit = config.limit;
    return load(config.dataset, config.dataDir, options);
}

} // namespace ganvas
