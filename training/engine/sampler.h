#pragma once

#include "engine/trainingconfig.h"
#include "media/image8.h"
#include "models/modelfactory.h"

#include <torch/torch.h>

#include <string>

namespace ganvas {

// G in eval mode on `noise` -> uint8 images N x C x H x W on the CPU ([-1, 1] -> [0, 255]).
torch::Tensor generateImages(Generator &g, const torch::Tensor &noise);

// The images tiled `columns` wide (4 for the 4x4 preview), grey or RGB like the data.
Image8 sampleGrid(Generator &g, const torch::Tensor &noise, int columns);

// A generator restored from a checkpoint, for `ganvas-cli sample` and the GUI's browser.
struct LoadedGenerator
{
    Generator generator{nullptr};
    TrainingConfig config;
    ImageShape shape;
    int epochsDone = 0;
};
// Throws CheckpointError naming the file.
LoadedGenerator loadGenerator(const std::string &checkpointPath);

} // namespace ganvas
