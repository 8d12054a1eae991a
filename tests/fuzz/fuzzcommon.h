#pragma once

// What every fuzz target shares: a scratch folder of its own process (under $TMPDIR, removed
// at exit) where the input becomes a file, since the readers take paths. A reader may throw
// only the error it documents; anything else escapes and libFuzzer reports it as a crash.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace ganvas::fuzz {

namespace fs = std::filesystem;

inline const fs::path &scratch()
{
    static const fs::path folder = [] {
        const char *tmp = std::getenv("TMPDIR");
        fs::path base = tmp && *tmp ? fs::path(tmp) : fs::path("/tmp");
        fs::path p = base / ("ganvas-fuzz-" + std::to_string(getpid()));
        fs::remove_all(p);
        fs::create_directories(p);
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(scratch(), ec);
        });
        return p;
    }();
    return folder;
}

// Writes `size` bytes to scratch()/name (folders created); returns its path.
inline std::string writeInput(const std::string &name, const uint8_t *data, size_t size)
{
    const fs::path path = scratch() / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(reinterpret_cast<const char *>(data), static_cast<std::streamsize>(size));
    return path.string();
}

} // namespace ganvas::fuzz
