#include "data/imagefolder.h"

#include "data/dataerror.h"
#include "media/imageresize.h"
#include "media/jpegio.h"
#include "media/pngio.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <thread>

namespace ganvas {

namespace {

namespace fs = std::filesystem;

// Chunks keep a small limit from decoding a whole large folder, yet give each thread plenty.
constexpr std::size_t kChunk = 256;
constexpr unsigned kMaxThreads = 8;

bool isImageName(const fs::path &path)
{
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

bool isHidden(const fs::path &path)
{
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

void checkFolder(const std::string &folder)
{
    std::error_code ec;
    if (!fs::exists(folder, ec))
        throw DataError(folder, "no such folder");
    if (!fs::is_directory(folder, ec))
        throw DataError(folder, "is not a folder");
}

// Calls `found` for each image file until it returns false.
template <typename Found>
void walkImages(const std::string &folder, Found found)
{
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    if (ec)
        throw DataError(folder, "cannot list the folder: " + ec.message());
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            throw DataError(folder, "cannot list the folder: " + ec.message());
        const fs::directory_entry &entry = *it;
        if (isHidden(entry.path())) {
            if (entry.is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (isImageName(entry.path()) && entry.is_regular_file(ec) && !found(entry.path().string()))
            return;
    }
    if (ec)
        throw DataError(folder, "cannot list the folder: " + ec.message());
}

// Decodes by content rather than by name: a .png that is really a JPEG still works.
Image8 readImageFile(const std::string &path, int minSide)
{
    unsigned char magic[8] = {};
    std::size_t got = 0;
    if (FILE *file = std::fopen(path.c_str(), "rb")) {
        got = std::fread(magic, 1, sizeof magic, file);
        std::fclose(file);
    } else {
        throw MediaError(path + ": cannot open: " + std::generic_category().message(errno));
    }
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (got == sizeof magic && std::memcmp(magic, png, sizeof png) == 0)
        return readPng(path, /*alphaOverBlack=*/true);
    if (got >= 3 && magic[0] == 0xff && magic[1] == 0xd8 && magic[2] == 0xff)
        return readJpeg(path, minSide);
    if (got == 0)
        throw MediaError(path + ": empty file");
    const std::string ext = fs::path(path).extension().string();
    const bool pngName = ext.size() == 4 && std::tolower((unsigned char)ext[1]) == 'p';
    throw MediaError(path + (pngName ? ": not a PNG file" : ": not a JPEG file"));
}

// One file's outcome: the resized image (1 or 3 channels, interleaved) or why it was skipped.
struct Slot
{
    Image8 image;
    std::string error;
};

void decodeOne(const std::string &path, const ImageFolderOptions &options, Slot &slot)
{
    try {
        Image8 image = readImageFile(path, options.size);
        // Grey content in an RGB file (a scan saved as colour) counts as grey for "auto".
        if (image.channels == 3 && options.channels != 3 && isGreyImage(image))
            image = convertChannels(image, 1);
        // Reducing channels before resizing and adding them after keeps the resize cheap.
        if (options.channels == 1)
            image = convertChannels(image, 1);
        image = squareResize(image, options.size);
        if (options.channels == 3)
            image = convertChannels(image, 3);
        slot.image = std::move(image);
    } catch (const MediaError &e) {
        slot.error = e.what(); // already "path: reason"
    } catch (const std::exception &e) {
        slot.error = path + ": " + e.what();
    }
}

void decodeRange(const std::vector<std::string> &files, std::size_t begin, std::size_t end,
                 const ImageFolderOptions &options, std::vector<Slot> &slots)
{
    std::atomic<std::size_t> next{begin};
    const auto work = [&] {
        for (std::size_t i = next++; i < end; i = next++)
            decodeOne(files[i], options, slots[i - begin]);
    };
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned threads = unsigned(std::min<std::size_t>({cores, kMaxThreads, end - begin}));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto &thread : pool)
        thread.join();
}

} // namespace

std::vector<std::string> findImageFiles(const std::string &folder)
{
    checkFolder(folder);
    std::vector<std::string> files;
    walkImages(folder, [&files](const std::string &path) {
        files.push_back(path);
        return true;
    });
    std::sort(files.begin(), files.end());
    return files;
}

bool hasImageFiles(const std::string &folder)
{
    bool any = false;
    walkImages(folder, [&any](const std::string &) {
        any = true;
        return false;
    });
    return any;
}

ImageSet readImageFolder(const std::string &folder, const ImageFolderOptions &options)
{
    if (options.size < 1 || options.size > 1024)
        throw DataError(folder, "image size must be 1 to 1024 (got " + std::to_string(options.size) + ")");
    if (options.channels != 0 && options.channels != 1 && options.channels != 3)
        throw DataError(folder, "image channels must be 0 (auto), 1 or 3 (got "
                                    + std::to_string(options.channels) + ")");
    if (options.limit == 0 || options.limit < -1)
        throw DataError(folder, "limit must be -1 (all images) or at least 1 (got "
                                    + std::to_string(options.limit) + ")");
    const std::vector<std::string> files = findImageFiles(folder);
    if (files.empty())
        throw DataError(folder, "no PNG or JPEG images found (searched recursively)");

    const std::size_t wanted = options.limit >= 0 ? std::size_t(options.limit) : files.size();
    std::vector<Image8> images;
    ImageSet set;
    std::string firstError;
    for (std::size_t begin = 0; begin < files.size() && images.size() < wanted; begin += kChunk) {
        const std::size_t end = std::min(files.size(), begin + kChunk);
        std::vector<Slot> slots(end - begin);
        decodeRange(files, begin, end, options, slots);
        for (Slot &slot : slots) {
            if (images.size() >= wanted)
                break;
            if (!slot.error.empty()) {
                ++set.skipped;
                if (set.notes.size() < std::size_t(kImageFolderNotes))
                    set.notes.push_back(slot.error);
                if (firstError.empty())
                    firstError = slot.error;
            } else {
                images.push_back(std::move(slot.image));
            }
        }
    }
    if (images.empty())
        throw DataError(folder, "none of the " + std::to_string(set.skipped)
                                    + " PNG/JPEG files could be read; the first: " + firstError);

    int channels = options.channels;
    if (channels == 0) {
        channels = 1;
        for (const Image8 &image : images)
            if (image.channels != 1)
                channels = 3;
    }
    const std::size_t plane = std::size_t(options.size) * options.size;
    set.count = int64_t(images.size());
    set.channels = channels;
    set.height = set.width = options.size;
    set.pixels.resize(images.size() * plane * channels);
    for (std::size_t n = 0; n < images.size(); ++n) {
        if (images[n].channels != channels)
            images[n] = convertChannels(images[n], channels);
        // Interleaved to planar (N x C x H x W).
        const uint8_t *in = images[n].pixels.data();
        uint8_t *out = set.pixels.data() + n * plane * channels;
        for (std::size_t i = 0; i < plane; ++i)
            for (int c = 0; c < channels; ++c)
                out[c * plane + i] = in[i * channels + c];
        images[n] = Image8(); // free as we go: the decoded copies would double the memory
    }
    set.source = folder;
    set.format = "images";
    return set;
}

} // namespace ganvas
