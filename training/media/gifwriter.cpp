#include "media/gifwriter.h"

#include "checkpoint/atomicfile.h"
#include "data/readlimits.h"
#include "media/palette.h"

#include <gif_lib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>

namespace ganvas {

namespace {

// Decoding refuses logical screens larger than this many pixels (a GIF header may claim
// 65535 x 65535), so a hostile file cannot make us allocate gigabytes per frame.
constexpr long long kMaxScreenPixels = static_cast<long long>(limits::kMaxGifScreenPixels);

// The encoder's output goes into a std::string (UserData); the file is written whole at the
// end, so a cancelled or failed export never touches the disk. A short count makes giflib
// report a write error; an exception must not cross its C frames.
int appendToString(GifFileType *gif, const GifByteType *data, int length)
{
    try {
        static_cast<std::string *>(gif->UserData)
                ->append(reinterpret_cast<const char *>(data), static_cast<std::size_t>(length));
    } catch (const std::bad_alloc &) {
        return 0;
    }
    return length;
}

int readFromFile(GifFileType *gif, GifByteType *data, int length)
{
    return static_cast<int>(std::fread(data, 1, static_cast<std::size_t>(length),
                                       static_cast<FILE *>(gif->UserData)));
}

struct EncoderCloser
{
    void operator()(GifFileType *gif) const
    {
        int error = 0;
        EGifCloseFile(gif, &error);
    }
};
struct DecoderCloser
{
    void operator()(GifFileType *gif) const
    {
        int error = 0;
        DGifCloseFile(gif, &error);
    }
};
struct MapFreer
{
    void operator()(ColorMapObject *map) const { GifFreeMapObject(map); }
};
struct FileCloser
{
    void operator()(FILE *file) const { std::fclose(file); }
};

std::string errorText(int code)
{
    const char *text = GifErrorString(code);
    return text ? text : "unknown giflib error " + std::to_string(code);
}

void validate(const std::string &path, const std::vector<Image8> &frames, const GifOptions &options)
{
    const std::string prefix = path + ": cannot write GIF: ";
    if (frames.empty())
        throw MediaError(prefix + "no frames");
    if (options.fps < 1 || options.fps > 50)
        throw MediaError(prefix + "fps must be 1..50, not " + std::to_string(options.fps));
    if (options.scale < 1 || options.scale > 16)
        throw MediaError(prefix + "scale must be 1..16, not " + std::to_string(options.scale));
    const Image8 &first = frames.front();
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const Image8 &f = frames[i];
        const std::string which = "frame " + std::to_string(i + 1) + " ";
        if (f.isNull() || (f.channels != 1 && f.channels != 3))
            throw MediaError(prefix + which + "is empty or has " + std::to_string(f.channels)
                             + " channels (need 1 or 3)");
        if (f.pixels.size() != static_cast<std::size_t>(f.width) * f.height * f.channels)
            throw MediaError(prefix + which + "has a pixel buffer that does not match its size");
        if (f.width != first.width || f.height != first.height || f.channels != first.channels)
            throw MediaError(prefix + which + "is " + std::to_string(f.width) + "x"
                             + std::to_string(f.height) + "x" + std::to_string(f.channels)
                             + " but frame 1 is " + std::to_string(first.width) + "x"
                             + std::to_string(first.height) + "x" + std::to_string(first.channels));
    }
    // The GIF header holds 16-bit sizes.
    if (1LL * first.width * options.scale > 65535 || 1LL * first.height * options.scale > 65535)
        throw MediaError(prefix + "the scaled frames would exceed GIF's 65535 pixel limit");
}

// Reads the NETSCAPE2.0 (or ANIMEXTS1.0) application extension: the sub-block after it is
// {1, count low, count high}; 0 means forever.
bool findLoopCount(const ExtensionBlock *blocks, int count, int *loopCount)
{
    for (int i = 0; i + 1 < count; ++i) {
        const ExtensionBlock &b = blocks[i];
        if (b.Function != APPLICATION_EXT_FUNC_CODE || b.ByteCount != 11 || !b.Bytes)
            continue;
        if (std::memcmp(b.Bytes, "NETSCAPE2.0", 11) != 0
            && std::memcmp(b.Bytes, "ANIMEXTS1.0", 11) != 0)
            continue;
        const ExtensionBlock &sub = blocks[i + 1];
        if (sub.Function == CONTINUE_EXT_FUNC_CODE && sub.ByteCount >= 3 && sub.Bytes
            && sub.Bytes[0] == 1) {
            *loopCount = sub.Bytes[1] | (sub.Bytes[2] << 8);
            return true;
        }
    }
    return false;
}

// giflib's status codes become MediaErrors that name the file and the step.
void check(GifFileType *gif, int result, const std::string &path, const char *step)
{
    if (result != GIF_ERROR)
        return;
    std::string why = errorText(gif->Error);
    if (gif->Error == E_GIF_ERR_WRITE_FAILED)
        why += " (out of memory for the encoded GIF)";
    throw MediaError(path + ": cannot write GIF (" + step + "): " + why);
}

void putLoopExtension(GifFileType *gif, const std::string &path)
{
    static const GifByteType loopForever[3] = {1, 0, 0}; // sub-block id 1, count 0
    check(gif, EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE), path, "loop extension");
    check(gif, EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0"), path, "loop extension");
    check(gif, EGifPutExtensionBlock(gif, 3, loopForever), path, "loop extension");
    check(gif, EGifPutExtensionTrailer(gif), path, "loop extension");
}

std::unique_ptr<ColorMapObject, MapFreer> makeColourMap(const IndexedImage &indexed,
                                                        const std::string &path)
{
    // GIF colour tables have a power-of-two size, at least 2; unused entries stay black.
    int mapSize = 2;
    while (mapSize < static_cast<int>(indexed.palette.size()))
        mapSize *= 2;
    std::vector<GifColorType> colours(static_cast<std::size_t>(mapSize), GifColorType{0, 0, 0});
    for (std::size_t c = 0; c < indexed.palette.size(); ++c)
        colours[c] = {indexed.palette[c][0], indexed.palette[c][1], indexed.palette[c][2]};
    std::unique_ptr<ColorMapObject, MapFreer> map(GifMakeMapObject(mapSize, colours.data()));
    if (!map)
        throw MediaError(path + ": cannot write GIF: out of memory for a colour table");
    return map;
}

// One frame: its own palette, its delay, then its pixels scaled up `scale` times; `row` is a
// buffer of one scaled row, kept across frames.
void putFrame(GifFileType *gif, const Image8 &source, int scale, int delay,
              std::vector<GifPixelType> &row, const std::string &path)
{
    const int srcWidth = source.width;
    const int width = srcWidth * scale;
    // Quantising before scaling gives the same palette (every colour's count grows by
    // scale^2) at a fraction of the cost.
    const IndexedImage indexed = quantize(source);
    const auto map = makeColourMap(indexed, path);

    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT; // every frame covers the whole screen
    gcb.UserInputFlag = false;
    gcb.DelayTime = delay;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const std::size_t extensionLength = EGifGCBToExtension(&gcb, extension);
    check(gif,
          EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(extensionLength), extension),
          path, "frame delay");
    check(gif, EGifPutImageDesc(gif, 0, 0, width, source.height * scale, false, map.get()), path,
          "image descriptor");

    for (int y = 0; y < indexed.height; ++y) {
        const uint8_t *src = indexed.indices.data() + static_cast<std::size_t>(y) * srcWidth;
        GifPixelType *out = row.data();
        for (int x = 0; x < srcWidth; ++x)
            for (int k = 0; k < scale; ++k)
                *out++ = src[x];
        for (int k = 0; k < scale; ++k)
            check(gif, EGifPutLine(gif, row.data(), width), path, "pixels");
    }
}

// Opens the file and checks its stamp: giflib says only "Failed to read" for a short file,
// the stamp gives a clearer answer.
std::unique_ptr<FILE, FileCloser> openGifFile(const std::string &path)
{
    std::unique_ptr<FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file)
        throw MediaError(path + ": cannot open: " + std::strerror(errno));
    char stamp[6] = {};
    if (std::fread(stamp, 1, sizeof stamp, file.get()) != sizeof stamp
        || (std::memcmp(stamp, "GIF87a", 6) != 0 && std::memcmp(stamp, "GIF89a", 6) != 0))
        throw MediaError(path + ": not a GIF file");
    std::rewind(file.get());
    return file;
}

unsigned le16(const std::string &bytes, std::size_t at)
{
    return unsigned(uint8_t(bytes[at])) | unsigned(uint8_t(bytes[at + 1])) << 8;
}

// Walks the GIF's blocks without decoding them, so that giflib (whose DGifSlurp allocates each
// frame's rectangle as its descriptor says, and keeps them all) is never asked for more than
// GANvas reads: the frames' number, each one's rectangle, all their rectangles together and the
// RGB pictures they become (data/readlimits.h). A damaged or truncated stream just ends the
// walk: giflib words those faults.
void checkGifClaims(FILE *file, const std::string &path)
{
    std::string bytes;
    char chunk[1 << 16];
    for (std::size_t got; (got = std::fread(chunk, 1, sizeof chunk, file)) > 0;) {
        bytes.append(chunk, got);
        if (bytes.size() > limits::kMaxFileBytes)
            throw MediaError(path + ": is larger than " + limits::bytes(limits::kMaxFileBytes)
                             + "; GANvas reads GIFs of at most that size");
    }
    std::rewind(file);
    if (bytes.size() < 13)
        return;
    const uint64_t screen = uint64_t(le16(bytes, 6)) * le16(bytes, 8);
    std::size_t at = 13;
    if (uint8_t(bytes[10]) & 0x80)
        at += std::size_t(3) << ((uint8_t(bytes[10]) & 7) + 1);
    // Data sub-blocks: a length byte, that many bytes, ..., a 0. False when the file ends first.
    const auto skipSubBlocks = [&] {
        while (at < bytes.size()) {
            const std::size_t n = uint8_t(bytes[at++]);
            if (n == 0)
                return true;
            at += n;
        }
        return false;
    };
    uint64_t frames = 0;
    uint64_t rasters = 0;
    while (at < bytes.size()) {
        const uint8_t kind = uint8_t(bytes[at++]);
        if (kind == 0x21) { // an extension: its label, then sub-blocks
            ++at;
            if (!skipSubBlocks())
                return;
            continue;
        }
        if (kind != 0x2c || bytes.size() - at < 9) // the trailer, or something giflib refuses
            return;
        const uint64_t width = le16(bytes, at + 4);
        const uint64_t height = le16(bytes, at + 6);
        const uint8_t flags = uint8_t(bytes[at + 8]);
        at += 9;
        if (flags & 0x80)
            at += std::size_t(3) << ((flags & 7) + 1);
        ++frames;
        rasters += width * height;
        const std::string frame = "frame " + std::to_string(frames) + " ";
        if (frames > limits::kMaxGifFrames)
            throw MediaError(path + ": holds more than " + limits::count(limits::kMaxGifFrames)
                             + " frames; GANvas reads at most " + limits::count(limits::kMaxGifFrames));
        if (width * height > limits::kMaxGifScreenPixels)
            throw MediaError(path + ": " + frame + "claims " + std::to_string(width) + "x"
                             + std::to_string(height) + " pixels; GANvas reads at most "
                             + limits::count(limits::kMaxGifScreenPixels));
        if (rasters > limits::kMaxGifDecodedBytes || frames * screen * 3 > limits::kMaxGifDecodedBytes)
            throw MediaError(path + ": " + std::to_string(frames) + " frames of "
                             + std::to_string(le16(bytes, 6)) + "x" + std::to_string(le16(bytes, 8))
                             + " would take more than " + limits::bytes(limits::kMaxGifDecodedBytes)
                             + " decoded; GANvas reads at most that much of a GIF");
        ++at; // LZW minimum code size
        if (!skipSubBlocks())
            return;
    }
}

// The whole file decoded into giflib's structures; `file` must outlive the result.
std::unique_ptr<GifFileType, DecoderCloser> decodeGif(FILE *file, const std::string &path)
{
    checkGifClaims(file, path);
    int openError = 0;
    std::unique_ptr<GifFileType, DecoderCloser> gif(DGifOpen(file, readFromFile, &openError));
    if (!gif) {
        if (openError == D_GIF_ERR_NOT_GIF_FILE)
            throw MediaError(path + ": not a GIF file");
        throw MediaError(path + ": cannot read GIF: " + errorText(openError));
    }
    if (1LL * gif->SWidth * gif->SHeight > kMaxScreenPixels || gif->SWidth <= 0 || gif->SHeight <= 0)
        throw MediaError(path + ": unsupported GIF screen size " + std::to_string(gif->SWidth) + "x"
                         + std::to_string(gif->SHeight));
    if (DGifSlurp(gif.get()) == GIF_ERROR)
        throw MediaError(path + ": corrupt or truncated GIF: " + errorText(gif->Error));
    return gif;
}

// The loop extension may follow the screen descriptor or sit with any frame; -1 when there
// is none (the animation plays once).
int loopCountOf(const GifFileType &gif)
{
    int loopCount = -1;
    if (!findLoopCount(gif.ExtensionBlocks, gif.ExtensionBlockCount, &loopCount))
        for (int i = 0; i < gif.ImageCount; ++i)
            if (findLoopCount(gif.SavedImages[i].ExtensionBlocks,
                              gif.SavedImages[i].ExtensionBlockCount, &loopCount))
                break;
    return loopCount;
}

// Frames draw onto a persistent canvas (RGB, the logical screen's size).
class Canvas
{
public:
    explicit Canvas(const GifFileType &gif)
        : m_width(gif.SWidth), m_height(gif.SHeight),
          m_pixels(static_cast<std::size_t>(m_width) * m_height * 3)
    {
        if (gif.SColorMap && gif.SBackGroundColor >= 0
            && gif.SBackGroundColor < gif.SColorMap->ColorCount) {
            const GifColorType &c = gif.SColorMap->Colors[gif.SBackGroundColor];
            m_background[0] = c.Red;
            m_background[1] = c.Green;
            m_background[2] = c.Blue;
        }
        fillBackground(0, 0, m_width, m_height);
    }

    void fillBackground(int left, int top, int w, int h)
    {
        for (int y = std::max(top, 0); y < std::min(top + h, m_height); ++y)
            for (int x = std::max(left, 0); x < std::min(left + w, m_width); ++x)
                std::memcpy(&m_pixels[(static_cast<std::size_t>(y) * m_width + x) * 3], m_background, 3);
    }

    // The frame's opaque pixels, clipped to the screen.
    void draw(const SavedImage &image, const ColorMapObject &map, int transparent)
    {
        const GifImageDesc &desc = image.ImageDesc;
        if (!image.RasterBits)
            return;
        for (int y = 0; y < desc.Height; ++y) {
            const int cy = desc.Top + y;
            if (cy < 0 || cy >= m_height)
                continue;
            const GifByteType *src = image.RasterBits + static_cast<std::size_t>(y) * desc.Width;
            for (int x = 0; x < desc.Width; ++x) {
                const int cx = desc.Left + x;
                const int index = src[x];
                if (cx < 0 || cx >= m_width || index == transparent)
                    continue;
                uint8_t *out = &m_pixels[(static_cast<std::size_t>(cy) * m_width + cx) * 3];
                if (index < map.ColorCount) {
                    out[0] = map.Colors[index].Red;
                    out[1] = map.Colors[index].Green;
                    out[2] = map.Colors[index].Blue;
                } else {
                    out[0] = out[1] = out[2] = 0; // out of the table: browsers show black
                }
            }
        }
    }

    Image8 snapshot() const
    {
        Image8 frame;
        frame.width = m_width;
        frame.height = m_height;
        frame.channels = 3;
        frame.pixels = m_pixels;
        return frame;
    }

    std::vector<uint8_t> &pixels() { return m_pixels; }

private:
    int m_width;
    int m_height;
    uint8_t m_background[3] = {0, 0, 0};
    std::vector<uint8_t> m_pixels;
};

} // namespace

bool writeGif(const std::string &path, const std::vector<Image8> &frames, const GifOptions &options,
              const std::function<bool(int, int)> &progress)
{
    validate(path, frames, options);
    const int scale = options.scale;
    const int width = frames.front().width * scale;
    const int height = frames.front().height * scale;
    const int total = static_cast<int>(frames.size());
    // GIF delays are hundredths of a second; round to the nearest.
    const int delay = (100 + options.fps / 2) / options.fps;

    std::string bytes;
    int openError = 0;
    std::unique_ptr<GifFileType, EncoderCloser> gif(EGifOpen(&bytes, appendToString, &openError));
    if (!gif)
        throw MediaError(path + ": cannot start GIF: " + errorText(openError));

    // GIF89a: the animation and delay extensions are not part of GIF87a.
    EGifSetGifVersion(gif.get(), true);
    // No global colour table: every frame carries its own palette.
    check(gif.get(), EGifPutScreenDesc(gif.get(), width, height, 8, 0, nullptr), path,
          "screen descriptor");
    if (options.loop)
        putLoopExtension(gif.get(), path);

    std::vector<GifPixelType> row(static_cast<std::size_t>(width));
    for (int i = 0; i < total; ++i) {
        putFrame(gif.get(), frames[i], scale, delay, row, path);
        if (progress && !progress(i + 1, total))
            return false; // nothing was written; the encoder and its bytes are freed
    }

    int closeError = 0;
    if (EGifCloseFile(gif.release(), &closeError) == GIF_ERROR)
        throw MediaError(path + ": cannot finish GIF: " + errorText(closeError));
    try {
        writeFileAtomically(path, bytes);
    } catch (const FileWriteError &e) {
        throw MediaError(e.what()); // already names the file
    }
    return true;
}

std::vector<Image8> readGif(const std::string &path, int *loopCount)
{
    const auto file = openGifFile(path);
    const auto gif = decodeGif(file.get(), path);
    if (loopCount)
        *loopCount = loopCountOf(*gif);

    // A frame's disposal mode says what happens to its rectangle before the next one is drawn.
    Canvas canvas(*gif);
    std::vector<Image8> frames;
    frames.reserve(static_cast<std::size_t>(gif->ImageCount));
    for (int i = 0; i < gif->ImageCount; ++i) {
        const SavedImage &image = gif->SavedImages[i];
        const GifImageDesc &desc = image.ImageDesc;
        const ColorMapObject *map = desc.ColorMap ? desc.ColorMap : gif->SColorMap;
        if (!map)
            throw MediaError(path + ": frame " + std::to_string(i + 1) + " has no colour table");
        GraphicsControlBlock gcb{DISPOSAL_UNSPECIFIED, false, 0, NO_TRANSPARENT_COLOR};
        DGifSavedExtensionToGCB(gif.get(), i, &gcb); // leaves the defaults when there is none

        std::vector<uint8_t> previous;
        if (gcb.DisposalMode == DISPOSE_PREVIOUS)
            previous = canvas.pixels();
        canvas.draw(image, *map, gcb.TransparentColor);
        frames.push_back(canvas.snapshot());

        if (gcb.DisposalMode == DISPOSE_BACKGROUND)
            canvas.fillBackground(desc.Left, desc.Top, desc.Width, desc.Height);
        else if (gcb.DisposalMode == DISPOSE_PREVIOUS)
            canvas.pixels().swap(previous);
    }
    return frames;
}

} // namespace ganvas
