#include "media/pngio.h"

#include "checkpoint/atomicfile.h"
#include "data/readlimits.h"

#include <png.h>
#include <sys/stat.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <new>

namespace ganvas {

namespace {

// Decoding refuses pictures larger than this many pixels, so a hostile header cannot make us
// allocate gigabytes.
constexpr unsigned long long kMaxPixels = limits::kMaxImagePixels;

std::string errnoText(int error)
{
    return std::strerror(error);
}

// libpng reports errors through a callback that must not return; we record the text and
// longjmp back to the setjmp in encodePng/decodePng (throwing through libpng's C frames
// would not be safe).
struct PngErrorSink
{
    char message[256] = {};
    bool refused = false; // the header claims more than GANvas reads (message says what)
};

// Refuses a header that claims more pixels than GANvas reads, or more than the file's bytes
// could hold even at deflate's best ratio (when its size is known: `fileBytes` > 0), before
// the rows are allocated.
void checkClaim(png_structp png, png_infop info, unsigned long long fileBytes, PngErrorSink &sink)
{
    const unsigned long long width = png_get_image_width(png, info);
    const unsigned long long height = png_get_image_height(png, info);
    const unsigned long long bits = 1ULL * png_get_bit_depth(png, info) * png_get_channels(png, info);
    char text[200];
    if (width * height > kMaxPixels) {
        std::snprintf(text, sizeof text, "claims %llux%llu pixels; GANvas reads at most %llu",
                      width, height, kMaxPixels);
        sink.refused = true;
        png_error(png, text);
    }
    const unsigned long long rawBytes = height * ((width * bits + 7) / 8);
    if (fileBytes > 0 && rawBytes > fileBytes * limits::kMaxDeflateRatio + 4096) {
        std::snprintf(text, sizeof text,
                      "claims %llux%llu pixels (%llu bytes of rows), more than its %llu bytes "
                      "can hold; it is truncated or damaged",
                      width, height, rawBytes, fileBytes);
        sink.refused = true;
        png_error(png, text);
    }
}

void pngError(png_structp png, png_const_charp message)
{
    auto *sink = static_cast<PngErrorSink *>(png_get_error_ptr(png));
    std::snprintf(sink->message, sizeof sink->message, "%s", message ? message : "unknown error");
    png_longjmp(png, 1);
}

// Warnings (odd ancillary chunks, sRGB profile quibbles) are not worth a word on stderr.
void pngWarning(png_structp, png_const_charp) {}

// The encoder's output goes into a std::string (the io pointer). png_error longjmps, so it is
// called only after the try block has ended.
void appendToString(png_structp png, png_bytep data, size_t length)
{
    bool appended = true;
    try {
        static_cast<std::string *>(png_get_io_ptr(png))
                ->append(reinterpret_cast<const char *>(data), length);
    } catch (const std::bad_alloc &) {
        appended = false;
    }
    if (!appended)
        png_error(png, "out of memory for the encoded PNG");
}

void flushNothing(png_structp) {}

// No C++ object with a destructor may live in these functions or the helpers they call after
// setjmp: a longjmp skips them.
bool encodePng(std::string *out, const Image8 &image, PngErrorSink &sink)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, pngError, pngWarning);
    if (!png) {
        std::snprintf(sink.message, sizeof sink.message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(sink.message, sizeof sink.message, "out of memory");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, out, appendToString, flushNothing);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
                 static_cast<png_uint_32>(image.height), 8,
                 image.channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    const std::size_t stride = static_cast<std::size_t>(image.width) * image.channels;
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, image.pixels.data() + y * stride);
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return true;
}

struct DecodedPng
{
    int width = 0;
    int height = 0;
    int channels = 0;
    bool greyPalette = false; // a palette whose entries are all grey: returned as grey
    std::vector<uint8_t> pixels;
};

// A palette whose entries are all grey.
bool hasGreyPalette(png_structp png, png_infop info)
{
    png_colorp entries = nullptr;
    int count = 0;
    if (!png_get_PLTE(png, info, &entries, &count) || count <= 0)
        return false;
    bool grey = true;
    for (int i = 0; i < count && grey; ++i)
        grey = entries[i].red == entries[i].green && entries[i].green == entries[i].blue;
    return grey;
}

// Everything becomes 8-bit grey or 8-bit RGB: palettes expand to RGB, small grey depths
// to 8 bits, 16 bits scale down, alpha (and tRNS) is dropped like PIL's convert("RGB") or
// composited over black.
void requestGreyOrRgb8(png_structp png, png_infop info, bool alphaOverBlack, DecodedPng &out)
{
    const int colorType = png_get_color_type(png, info);
    const int bitDepth = png_get_bit_depth(png, info);
    if (colorType == PNG_COLOR_TYPE_PALETTE) {
        out.greyPalette = hasGreyPalette(png, info);
        png_set_palette_to_rgb(png);
    }
    if (colorType == PNG_COLOR_TYPE_GRAY && bitDepth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (bitDepth == 16) {
#ifdef PNG_READ_SCALE_16_TO_8_SUPPORTED
        png_set_scale_16(png);
#else
        png_set_strip_16(png);
#endif
    }
    if (alphaOverBlack
        && ((colorType & PNG_COLOR_MASK_ALPHA) || png_get_valid(png, info, PNG_INFO_tRNS))) {
        // Transparent pixels become black: a cut-out shape keeps its outline instead of
        // showing whatever colour the hidden pixels happen to hold.
        if (colorType != PNG_COLOR_TYPE_PALETTE && png_get_valid(png, info, PNG_INFO_tRNS))
            png_set_tRNS_to_alpha(png);
        png_color_16 black;
        std::memset(&black, 0, sizeof black);
        png_set_background(png, &black, PNG_BACKGROUND_GAMMA_SCREEN, 0, 1.0);
    } else {
        png_set_strip_alpha(png);
    }
}

// Reads the pixels into out.pixels, once the transformations are set.
void readPixels(png_structp png, png_infop info, DecodedPng &out)
{
    const png_uint_32 width = png_get_image_width(png, info);
    const png_uint_32 height = png_get_image_height(png, info);
    const int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);

    const int channels = png_get_channels(png, info);
    const std::size_t stride = png_get_rowbytes(png, info);
    if ((channels != 1 && channels != 3) || png_get_bit_depth(png, info) != 8
        || stride != static_cast<std::size_t>(width) * channels)
        png_error(png, "unsupported pixel format");

    bool allocated = true;
    try {
        out.pixels.resize(stride * height);
    } catch (const std::bad_alloc &) {
        allocated = false;
    }
    if (!allocated)
        png_error(png, "not enough memory for the image");

    // With interlace handling each pass refines the rows already in the buffer.
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y)
            png_read_row(png, out.pixels.data() + y * stride, nullptr);
    png_read_end(png, nullptr);

    out.width = static_cast<int>(width);
    out.height = static_cast<int>(height);
    out.channels = channels;
}

bool decodePng(FILE *file, unsigned long long fileBytes, bool alphaOverBlack, DecodedPng &out,
               PngErrorSink &sink)
{
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &sink, pngError, pngWarning);
    if (!png) {
        std::snprintf(sink.message, sizeof sink.message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        std::snprintf(sink.message, sizeof sink.message, "out of memory");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_init_io(png, file);
    png_set_sig_bytes(png, 8); // the caller has read and checked the signature
    png_read_info(png, info);
    checkClaim(png, info, fileBytes, sink);
    requestGreyOrRgb8(png, info, alphaOverBlack, out);
    readPixels(png, info, out);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

} // namespace

void writePng(const std::string &path, const Image8 &image)
{
    if (image.isNull() || (image.channels != 1 && image.channels != 3))
        throw MediaError(path + ": cannot write a PNG from an empty image or one with "
                         + std::to_string(image.channels) + " channels (need 1 or 3)");
    if (image.pixels.size()
        != static_cast<std::size_t>(image.width) * image.height * image.channels)
        throw MediaError(path + ": cannot write a PNG: the pixel buffer does not match "
                         + std::to_string(image.width) + "x" + std::to_string(image.height));

    std::string bytes;
    PngErrorSink sink;
    if (!encodePng(&bytes, image, sink))
        throw MediaError(path + ": cannot write PNG: " + sink.message);
    try {
        writeFileAtomically(path, bytes);
    } catch (const FileWriteError &e) {
        throw MediaError(e.what()); // already names the file
    }
}

Image8 readPng(const std::string &path, bool alphaOverBlack)
{
    FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw MediaError(path + ": cannot open: " + errnoText(errno));
    // Closes the file however we leave.
    struct Closer
    {
        FILE *file;
        ~Closer() { std::fclose(file); }
    } closer{file};

    png_byte signature[8] = {};
    const std::size_t got = std::fread(signature, 1, sizeof signature, file);
    if (got != sizeof signature || png_sig_cmp(signature, 0, sizeof signature) != 0)
        throw MediaError(path + ": not a PNG file");

    struct stat info {};
    const unsigned long long fileBytes =
            fstat(fileno(file), &info) == 0 && info.st_size > 0 ? info.st_size : 0;
    DecodedPng decoded;
    PngErrorSink sink;
    if (!decodePng(file, fileBytes, alphaOverBlack, decoded, sink)) {
        if (sink.refused)
            throw MediaError(path + ": " + sink.message);
        // libpng says only "Read Error" when the data runs out.
        if (std::feof(file))
            throw MediaError(path + ": the PNG is truncated (" + sink.message + ")");
        throw MediaError(path + ": corrupt PNG: " + sink.message);
    }

    Image8 image;
    image.width = decoded.width;
    image.height = decoded.height;
    if (decoded.greyPalette && decoded.channels == 3) {
        // A palette of greys is a grey picture stored compactly (Qt writes Indexed8 greys so).
        const std::size_t count = static_cast<std::size_t>(decoded.width) * decoded.height;
        image.channels = 1;
        image.pixels.resize(count);
        for (std::size_t i = 0; i < count; ++i)
            image.pixels[i] = decoded.pixels[3 * i];
    } else {
        image.channels = decoded.channels;
        image.pixels = std::move(decoded.pixels);
    }
    return image;
}

} // namespace ganvas
