#include "media/jpegio.h"

#include "data/readlimits.h"

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <new>
#include <system_error>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>
#include <jerror.h>

namespace ganvas {

namespace {

// Like pngio: refuse headers that would make us allocate gigabytes.
constexpr unsigned long long kMaxPixels = limits::kMaxImagePixels;

// libjpeg's error_exit must not return. It longjmps back to decodeJpeg's setjmp; throwing
// through libjpeg's C frames would not be safe. Plain data only: the jump skips destructors.
struct JpegErrorSink
{
    jpeg_error_mgr manager; // first, so the j_common_ptr's err can be cast back to the sink
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX + 64];
    int code; // libjpeg's message code of the error
    bool truncated;
    bool refused; // the header claims more than GANvas reads (message says what)
};

void jpegErrorExit(j_common_ptr info)
{
    auto *sink = reinterpret_cast<JpegErrorSink *>(info->err);
    char text[JMSG_LENGTH_MAX] = {};
    (*info->err->format_message)(info, text);
    std::snprintf(sink->message, sizeof sink->message, "%s", text);
    sink->code = info->err->msg_code;
    std::longjmp(sink->jump, 1);
}

// Warnings (level -1) are mostly harmless ("extraneous bytes before marker"); running out of
// data is not: libjpeg pads the rest with grey and carries on, which would train on junk.
void jpegMessage(j_common_ptr info, int level)
{
    auto *sink = reinterpret_cast<JpegErrorSink *>(info->err);
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF)
        sink->truncated = true;
}

struct DecodedJpeg
{
    int width = 0;
    int height = 0;
    int channels = 0;    // 1 grey, 3 RGB, 4 CMYK (converted by the caller)
    bool inverted = false; // Adobe CMYK files store the inks inverted
    std::vector<uint8_t> pixels;
};

// No C++ object with a destructor may live in this function: a longjmp skips it.
bool decodeJpeg(FILE *file, int minSide, DecodedJpeg &out, JpegErrorSink &sink)
{
    jpeg_decompress_struct info;
    info.err = jpeg_std_error(&sink.manager);
    sink.manager.error_exit = jpegErrorExit;
    sink.manager.emit_message = jpegMessage;
    sink.truncated = false;
    if (setjmp(sink.jump)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_create_decompress(&info);
    jpeg_stdio_src(&info, file);
    jpeg_read_header(&info, TRUE);

    if (1ULL * info.image_width * info.image_height > kMaxPixels) {
        std::snprintf(sink.message, sizeof sink.message, "claims %ux%u pixels; GANvas reads at most %llu",
                      info.image_width, info.image_height, kMaxPixels);
        sink.refused = true;
        jpeg_destroy_decompress(&info);
        return false;
    }
    switch (info.jpeg_color_space) {
    case JCS_GRAYSCALE:
        info.out_color_space = JCS_GRAYSCALE;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        info.out_color_space = JCS_CMYK; // libjpeg turns YCCK into CMYK; we turn that into RGB
        out.inverted = info.saw_Adobe_marker;
        break;
    default:
        info.out_color_space = JCS_RGB;
        break;
    }
    if (minSide > 0) {
        unsigned denom = 8;
        while (denom > 1
               && (info.image_width / denom < unsigned(minSide)
                   || info.image_height / denom < unsigned(minSide)))
            denom /= 2;
        info.scale_num = 1;
        info.scale_denom = denom;
    }
    jpeg_start_decompress(&info);

    const std::size_t stride = std::size_t(info.output_width) * info.output_components;
    bool allocated = true;
    try {
        out.pixels.resize(stride * info.output_height);
    } catch (const std::bad_alloc &) {
        allocated = false;
    }
    if (!allocated) {
        std::snprintf(sink.message, sizeof sink.message, "not enough memory for the image");
        jpeg_destroy_decompress(&info);
        return false;
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = out.pixels.data() + stride * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    out.width = int(info.output_width);
    out.height = int(info.output_height);
    out.channels = info.output_components;
    jpeg_destroy_decompress(&info);
    return true;
}

} // namespace

Image8 readJpeg(const std::string &path, int minSide)
{
    FILE *file = std::fopen(path.c_str(), "rb");
    if (!file)
        throw MediaError(path + ": cannot open: " + std::generic_category().message(errno));
    struct Closer
    {
        FILE *file;
        ~Closer() { std::fclose(file); }
    } closer{file};

    DecodedJpeg decoded;
    JpegErrorSink sink;
    std::memset(&sink, 0, sizeof sink);
    if (!decodeJpeg(file, minSide, decoded, sink)) {
        if (sink.refused)
            throw MediaError(path + ": " + sink.message);
        if (sink.code == JERR_INPUT_EMPTY)
            throw MediaError(path + ": empty file");
        if (sink.truncated || std::feof(file))
            throw MediaError(path + ": the JPEG is truncated (" + sink.message + ")");
        throw MediaError(path + ": corrupt JPEG: " + sink.message);
    }
    if (sink.truncated)
        throw MediaError(path + ": the JPEG is truncated (premature end of data)");
    if (decoded.channels != 1 && decoded.channels != 3 && decoded.channels != 4)
        throw MediaError(path + ": unsupported JPEG with " + std::to_string(decoded.channels)
                         + " colour components");

    Image8 image;
    image.width = decoded.width;
    image.height = decoded.height;
    if (decoded.channels == 4) {
        // Naive CMYK -> RGB without a colour profile (as Qt and PIL do): good enough to train on.
        const std::size_t count = std::size_t(decoded.width) * decoded.height;
        image.channels = 3;
        image.pixels.resize(count * 3);
        const uint8_t *in = decoded.pixels.data();
        for (std::size_t i = 0; i < count; ++i, in += 4) {
            const int k = decoded.inverted ? in[3] : 255 - in[3];
            for (int c = 0; c < 3; ++c) {
                const int ink = decoded.inverted ? in[c] : 255 - in[c];
                image.pixels[3 * i + c] = uint8_t((ink * k + 127) / 255);
            }
        }
    } else {
        image.channels = decoded.channels;
        image.pixels = std::move(decoded.pixels);
    }
    return image;
}

} // namespace ganvas
