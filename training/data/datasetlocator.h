#pragma once

#include "data/imageset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

struct TrainingConfig;

// Where a dataset named on the command line lives, and which files make it up.
struct DatasetFiles
{
    std::string format;              // "idx", "cifar10" or "images" (PNG/JPEG files below folder)
    std::string folder;              // the folder that holds them
    std::string images;              // idx: train-images-idx3-ubyte[.gz]
    std::string labels;              // idx: train-labels-idx1-ubyte[.gz] ("" when absent)
    std::vector<std::string> batches; // cifar10: data_batch_1.bin ... data_batch_5.bin
};

// Images with their class labels (0-9), one per image: what a classifier trains on.
struct LabelledImages
{
    ImageSet images;
    std::vector<uint8_t> labels;
};

// Folders searched for a named dataset (fashion-mnist, mnist, cifar10), in order:
// dataDir/<name>, dataDir itself, $GANVAS_DATA_DIR/<name>, $XDG_DATA_HOME/ganvas/datasets/<name>
// (default ~/.local/share/...), /usr/share/datasets/<name>. CIFAR-10 is also found in a
// "cifar-10-batches-bin" subfolder of any of these.
std::vector<std::string> datasetSearchFolders(const std::string &name, const std::string &dataDir);

// Resolves a dataset name or a path (a folder holding IDX or CIFAR-10 files, else PNG/JPEG
// images anywhere below it; or an IDX image file). IDX and CIFAR-10 win over images, so a
// dataset folder with a stray picture in it stays what it was.
// Throws DataError: unknown name, nothing found (listing where it looked), empty folder.
DatasetFiles locateDataset(const std::string &nameOrPath, const std::string &dataDir);

// The test split beside a located training split: idx t10k-images-idx3-ubyte[.gz] (+ the
// t10k labels when present), cifar10 test_batch.bin; "images" folders are returned as they are
// (their held-out part is chosen when reading). Throws DataError naming the missing file.
DatasetFiles testSplitFiles(const DatasetFiles &train);

// Locates and reads the training images (first `limit` when limit >= 0); for IDX data also
// reads the labels file when present and checks that the counts agree. Image folders are read
// at the defaults of ImageFolderOptions (32x32, grey if every image is grey).
ImageSet loadDataset(const std::string &nameOrPath, const std::string &dataDir, int64_t limit = -1);

// The run's dataset: config.dataset, dataDir and limit, and for image folders imageSize and
// imageChannels. Unreadable pictures are skipped and reported in ImageSet::skipped/notes.
ImageSet loadDataset(const TrainingConfig &config);

// The run's training split (first config.limit images) or test split (all of it) with its
// labels. Throws DataError naming the dataset when it has no labels (an image folder, an IDX
// file without its labels file).
LabelledImages loadLabelledDataset(const TrainingConfig &config);
LabelledImages loadLabelledTestSplit(const TrainingConfig &config);

// The run's held-out images, all of them: the test split, or for an image folder every tenth
// image (the 10th, 20th, ... in path order). Throws DataError naming the missing file.
ImageSet loadTestSplit(const TrainingConfig &config);

} // namespace ganvas
