#pragma once

#include "media/image8.h"

#include <functional>
#include <string>
#include <vector>

namespace ganvas {

struct GifOptions
{
    int fps = 4;       // frames per second, 1..50 (GIF delays are in hundredths of a second)
    int scale = 1;     // nearest-neighbour enlargement, 1..16
    bool loop = true;  // NETSCAPE2.0 extension: loop forever
};

// Writes an animated GIF with giflib: one frame per image (all the same size and channel
// count), each with its own palette from quantize(). Written to a temporary file and renamed.
// `progress(done, total)` is called after each frame; returning false cancels (no file is left).
// Throws MediaError naming the file; returns false when cancelled.
bool writeGif(const std::string &path, const std::vector<Image8> &frames, const GifOptions &options,
              const std::function<bool(int, int)> &progress = {});

// Decodes a GIF (for tests and for checking exports): its frames as RGB images of the
// logical screen size. Throws MediaError naming the file.
std::vector<Image8> readGif(const std::string &path, int *loopCount = nullptr);

} // namespace ganvas
