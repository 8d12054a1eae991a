#pragma once

#include "engine/trainingconfig.h"

#include <string>
#include <vector>

namespace ganvas {

// Named recipes of settings (resources/presets/*.json, compiled into the engine so that every
// binary has them wherever it is installed): model, loss, optimisers, batch, tricks, epochs.
// A preset leaves the data, the device and what a run writes as they are.
struct Preset
{
    std::string name;        // "mlp": what --preset and "preset" in a config file take
    std::string title;       // "Fully connected, tuned"
    std::string description; // one or two sentences
    std::string settingsJson; // the fields it sets, as in config.json
};

// Every preset, the default first.
const std::vector<Preset> &presets();
// nullptr when there is none of that name.
const Preset *findPreset(const std::string &name);
// The preset TrainingConfig's defaults are: the one that shows recognisable images soonest.
const char *defaultPresetName();
// "seed, mlp, dcgan, ...": for help texts and messages.
std::string presetNames();

// Sets every recipe field of `config` (the fields any preset sets) to the preset's value, or
// to the default where the preset does not say. Throws ConfigError for an unknown name.
void applyPreset(const std::string &name, TrainingConfig &config);
// The preset whose recipe `config` follows (any number of epochs), or "" (custom settings).
std::string matchingPreset(const TrainingConfig &config);

} // namespace ganvas
