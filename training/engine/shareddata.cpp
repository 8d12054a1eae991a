#include "engine/shareddata.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace ganvas {

std::vector<std::string> sharedDataDirs()
{
    std::vector<std::string> dirs;
    if (const char *env = std::getenv("GANVAS_DATA_DIR"); env && *env)
        dirs.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
        dirs.push_back((exe.parent_path().parent_path() / "share" / "ganvas").string());
#if defined(GANVAS_SOURCE_RESOURCES) && defined(GANVAS_BUILD_DIR)
    // Only a program still in its build folder; an installed one never looks at the sources.
    if (!ec && exe.string().rfind(GANVAS_BUILD_DIR "/", 0) == 0)
        dirs.emplace_back(GANVAS_SOURCE_RESOURCES);
#endif
    return dirs;
}

std::string findConfigFile(const std::string &path)
{
    std::error_code ec;
    if (path.empty() || fs::exists(path, ec))
        return path;
    const fs::path given(path);
    if (given.has_parent_path())
        return path; // a path that does not exist: its own error
    for (const std::string &dir : sharedDataDirs())
        for (const std::string &name : {path, path + ".json"}) {
            const fs::path candidate = fs::path(dir) / "configs" / name;
            if (fs::is_regular_file(candidate, ec))
                return candidate.string();
        }
    return path;
}

} // namespace ganvas
