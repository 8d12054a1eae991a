#pragma once

#include "media/image8.h"

#include <string>

namespace ganvas {

// JPEG through libjpeg(-turbo): grey files give 1 channel, colour (YCbCr, RGB, CMYK, YCCK)
// 3 channels of RGB. A truncated file is an error rather than a picture with a grey bottom.
// With minSide > 0 the decoder may scale by 1/2, 1/4 or 1/8 (nearly free inside the IDCT)
// as long as both sides stay at least minSide: a photo bound for 64x64 need not be decoded
// at full size. Throws MediaError naming the file.
Image8 readJpeg(const std::string &path, int minSide = 0);

} // namespace ganvas
