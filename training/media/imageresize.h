#pragma once

#include "media/image8.h"

namespace ganvas {

// Helpers that turn arbitrary pictures into dataset-shaped ones (image-folder datasets).

// True when every pixel has equal red, green and blue (always for one channel).
bool isGreyImage(const Image8 &image);

// To 1 channel (BT.601 luma, 0.299 R + 0.587 G + 0.114 B) or 3 (grey replicated); a copy when
// the image already has that many. Throws std::invalid_argument for other counts.
Image8 convertChannels(const Image8 &image, int channels);

// The largest centred square, resized to size x size: area averaging when shrinking (every
// source pixel counts, so thin lines do not vanish), bilinear when enlarging.
Image8 squareResize(const Image8 &image, int size);

} // namespace ganvas
