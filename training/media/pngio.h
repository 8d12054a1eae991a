#pragma once

#include "media/image8.h"

#include <string>

namespace ganvas {

// PNG through libpng: 8-bit grey (1 channel) or RGB (3 channels). writePng writes a temporary
// file beside `path` and renames it into place, so a reader never sees half a PNG.
// Both throw MediaError naming the file. readPng drops alpha like PIL's convert("RGB"), or with
// alphaOverBlack composites the picture over black (how image-folder datasets read cut-outs).
void writePng(const std::string &path, const Image8 &image);
Image8 readPng(const std::string &path, bool alphaOverBlack = false);

} // namespace ganvas
