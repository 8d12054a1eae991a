// Archive extraction (data/archiveextract.h: tar, tar.gz and whatever else libarchive reads).
// The input is the archive; it is extracted into a folder two levels down in the scratch
// folder, and after every run the scratch folder must hold nothing but the archive and that
// folder, which must hold only regular files: an entry that escaped (.., an absolute path, a
// link) would show there, or would have been refused. The folder is emptied for the next run.
#include "data/archiveextract.h"
#include "data/fetcherror.h"
#include "fuzzcommon.h"

#include <set>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const fs::path &root = ganvas::fuzz::scratch();
    const std::string archive = ganvas::fuzz::writeInput("in.tar.gz", data, size);
    const fs::path jail = root / "jail";
    const fs::path out = jail / "out";
    fs::remove_all(jail);
    fs::create_directories(out);
    try {
        ganvas::extractArchive(archive, out.string());
    } catch (const ganvas::FetchError &) {
    }
    std::set<std::string> top, middle;
    for (const auto &e : fs::directory_iterator(root))
        top.insert(e.path().filename().string());
    for (const auto &e : fs::directory_iterator(jail))
        middle.insert(e.path().filename().string());
    if (top != std::set<std::string>{"in.tar.gz", "jail"} || middle != std::set<std::string>{"out"})
        __builtin_trap(); // something was written outside the extraction folder
    for (const auto &e : fs::directory_iterator(out))
        if (!e.is_regular_file() || e.is_symlink())
            __builtin_trap(); // a folder, link or device was created
    return 0;
}
