#pragma once

#include <string>
#include <vector>

namespace ganvas {

// The folders GANvas's shipped files (configs/, lessons/, presets/, translations/) are looked up
// in, first to last: $GANVAS_DATA_DIR when set; <prefix>/share/ganvas beside the bin/ folder of
// the running program (/usr/share/ganvas for the packaged /usr/bin/ganvas-cli); and, only for a
// program still in its build folder, the source tree's resources/.
std::vector<std::string> sharedDataDirs();

// A config file as the user named it: the path itself when it exists; otherwise, for a bare name
// ("quick-demo.json" or "quick-demo"), the example config of that name in the first of
// sharedDataDirs() that has it in configs/. Returns `path` unchanged when nothing matches, so
// that the caller's error names what the user typed.
std::string findConfigFile(const std::string &path);

} // namespace ganvas
