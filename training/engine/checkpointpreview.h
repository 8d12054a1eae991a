#pragma once

#include "engine/trainingconfig.h"
#include "media/image8.h"

#include <cstdint>
#include <string>

namespace ganvas {

// What a window needs of a checkpoint, without seeing libtorch (the GUI's windows, dialogs and
// panels include no torch header; see docs/ARCHITECTURE.md).

// The settings a checkpoint was trained with. Throws CheckpointError naming the file.
TrainingConfig checkpointSettings(const std::string &checkpointPath);

struct CheckpointGrid
{
    Image8 grid;        // the 4x4 grid, grey or RGB like the data
    int epochsDone = 0; // epochs the generator had trained
};

// A fresh 4x4 grid from the checkpoint's generator, on noise drawn from `seed`.
// Throws CheckpointError naming the file.
CheckpointGrid sampleCheckpointGrid(const std::string &checkpointPath, uint64_t seed);

} // namespace ganvas
