#pragma once

#include "data/imageset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ganvas {

// A dataset made of one's own pictures: every PNG and JPEG below a folder.
struct ImageFolderOptions
{
    int size = 32;      // side length after centre-cropping and resizing (28, 32, 64 in practice)
    int channels = 0;   // 1 grey, 3 colour, 0 = grey if every readable image is grey, else colour
    int64_t limit = -1; // keep the first K readable images in path order (-1 = all)
};

// How many skipped files ImageSet::notes names ("path: reason"); the count covers them all.
constexpr int kImageFolderNotes = 5;

// Files ending .png, .jpg or .jpeg (any case) below `folder`, recursively, sorted by path so
// the order (and so a run) does not depend on the file system. Hidden files and folders
// (names starting with '.') are skipped; folder symlinks are not followed.
std::vector<std::string> findImageFiles(const std::string &folder);

// True as soon as one such file is found (cheaper than findImageFiles for a yes/no).
bool hasImageFiles(const std::string &folder);

// Decodes, converts and resizes every image (in parallel; the order stays the path order).
// Unreadable files (corrupt, truncated, empty, unsupported) are skipped: counted in `skipped`,
// the first few named in `notes`. Result: format "images", source = folder. Throws DataError
// naming the folder when it holds no PNG/JPEG files or none of them can be read.
ImageSet readImageFolder(const std::string &folder, const ImageFolderOptions &options = {});

} // namespace ganvas
