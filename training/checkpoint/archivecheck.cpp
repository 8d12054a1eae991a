#include "checkpoint/archivecheck.h"

#include <cstdint>
#include <cstring>

namespace ganvas {

namespace {

// How an opcode's argument is laid out (Python's pickletools, protocols 0 to 5).
enum class Arg { None, Fixed, Len1, Len4, Len8, Line, TwoLines };

struct Layout
{
    Arg arg = Arg::None;
    int bytes = 0; // Fixed: the argument's size
    bool known = false;
};

Layout layoutOf(unsigned char op)
{
    switch (op) {
    // no argument
    case '(': case '.': case '0': case '1': case '2': case 'N': case 0x88: case 0x89: case '}':
    case ']': case ')': case 't': case 0x85: case 0x86: case 0x87: case 'a': case 'e': case 'd':
    case 'l': case 's': case 'u': case 'b': case 'R': case 0x81: case 'Q': case 0x94: case 0x8f:
    case 0x90: case 0x91: case 0x92: case 0x93: case 'o': case 0x97: case 0x98:
        return {Arg::None, 0, true};
    // fixed-size arguments
    case 0x80: case 'K': case 'h': case 'q': case 0x82:
        return {Arg::Fixed, 1, true};
    case 'M': case 0x83:
        return {Arg::Fixed, 2, true};
    case 'J': case 'j': case 'r': case 0x84:
        return {Arg::Fixed, 4, true};
    case 'G': case 0x95:
        return {Arg::Fixed, 8, true};
    // a length, then that many bytes
    case 0x8a: case 'U': case 0x8c: case 'C':
        return {Arg::Len1, 1, true};
    case 'T': case 'X': case 'B': case 0x8b:
        return {Arg::Len4, 4, true};
    case 0x8d: case 0x8e: case 0x96:
        return {Arg::Len8, 8, true};
    // text up to a newline (GLOBAL and INST: two lines)
    case 'I': case 'L': case 'S': case 'V': case 'F': case 'P': case 'g': case 'p':
        return {Arg::Line, 0, true};
    case 'c': case 'i':
        return {Arg::TwoLines, 0, true};
    default:
        return {};
    }
}

uint64_t littleEndian(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

std::string at(size_t pos) { return " at byte " + std::to_string(pos); }

} // namespace

std::string pickleProblem(const unsigned char *data, size_t size)
{
    size_t pos = 0;
    while (pos < size) {
        const size_t start = pos;
        const unsigned char op = data[pos++];
        if (op == '.')
            return ""; // STOP: what follows is not read
        const Layout l = layoutOf(op);
        if (!l.known)
            return "unknown pickle opcode " + std::to_string(op) + at(start);
        const size_t left = size - pos;
        switch (l.arg) {
        case Arg::None:
            break;
        case Arg::Fixed:
            if (left < size_t(l.bytes))
                return "truncated pickle opcode" + at(start);
            // A memo index: libtorch grows its memo table to it (16 bytes an entry), and a pickle
            // cannot memoize more objects than it has bytes.
            if ((op == 'q' || op == 'r') && littleEndian(data + pos, l.bytes) > size)
                return "a pickle memo index " + std::to_string(littleEndian(data + pos, l.bytes)) + at(start) +
                       " is beyond the pickle's " + std::to_string(size) + " bytes";
            // FRAME announces the length of what follows; libtorch reserves it.
            if (op == 0x95 && littleEndian(data + pos, 8) > left - 8)
                return "a pickle frame claims " + std::to_string(littleEndian(data + pos, 8)) + " bytes" +
                       at(start) + ", but only " + std::to_string(left - 8) + " follow";
            pos += size_t(l.bytes);
            break;
        case Arg::Len1:
        case Arg::Len4:
        case Arg::Len8: {
            if (left < size_t(l.bytes))
                return "truncated pickle length" + at(start);
            const uint64_t n = littleEndian(data + pos, l.bytes);
            pos += size_t(l.bytes);
            if (n > size - pos)
                return "a pickle value claims " + std::to_string(n) + " bytes" + at(start) + ", but only " +
                       std::to_string(size - pos) + " follow";
            pos += size_t(n);
            break;
        }
        case Arg::Line:
        case Arg::TwoLines:
            for (int lines = l.arg == Arg::Line ? 1 : 2; lines > 0; --lines) {
                const void *nl = std::memchr(data + pos, '\n', size - pos);
                if (!nl)
                    return "unterminated pickle text" + at(start);
                pos = size_t(static_cast<const unsigned char *>(nl) - data) + 1;
            }
            break;
        }
    }
    return "the pickle has no STOP opcode";
}

std::string zipProblem(const unsigned char *data, size_t size)
{
    // The end-of-central-directory record: 22 bytes and a comment of up to 65535, at the end.
    constexpr size_t kEnd = 22;
    if (size < kEnd)
        return "too short for a zip archive";
    size_t end = size - kEnd + 1;
    const size_t lowest = size > kEnd + 65535 ? size - kEnd - 65535 : 0;
    bool found = false;
    while (end-- > lowest) {
        if (littleEndian(data + end, 4) == 0x06054b50u) {
            found = true;
            break;
        }
    }
    if (!found)
        return "no zip directory at the end";
    uint64_t entries = littleEndian(data + end + 10, 2);
    uint64_t dirOffset = littleEndian(data + end + 16, 4);
    if ((entries == 0xffff || dirOffset == 0xffffffffu) && end >= 20 &&
        littleEndian(data + end - 20, 4) == 0x07064b50u) {
        // zip64: its locator points at the zip64 end record, which holds the 8-byte values.
        const uint64_t record = littleEndian(data + end - 20 + 8, 8);
        if (record > size || size - record < 56 || littleEndian(data + record, 4) != 0x06064b50u)
            return "a damaged zip64 directory record";
        entries = littleEndian(data + record + 32, 8);
        dirOffset = littleEndian(data + record + 48, 8);
    }
    if (dirOffset > size)
        return "the zip directory lies beyond the archive";
    size_t pos = size_t(dirOffset);
    for (uint64_t i = 0; i < entries; ++i) {
        if (size - pos < 46 || littleEndian(data + pos, 4) != 0x02014b50u)
            return "zip directory entry " + std::to_string(i) + " is damaged";
        const uint64_t method = littleEndian(data + pos + 10, 2);
        uint64_t packed = littleEndian(data + pos + 20, 4);
        uint64_t unpacked = littleEndian(data + pos + 24, 4);
        const size_t nameLen = size_t(littleEndian(data + pos + 28, 2));
        const size_t extraLen = size_t(littleEndian(data + pos + 30, 2));
        const size_t commentLen = size_t(littleEndian(data + pos + 32, 2));
        if (size - pos - 46 < nameLen + extraLen + commentLen)
            return "zip directory entry " + std::to_string(i) + " runs past the archive";
        // zip64 sizes: in the extra field 0x0001, in order, for the fields that hold 0xffffffff.
        size_t extra = pos + 46 + nameLen;
        const size_t extraEnd = extra + extraLen;
        while (extraEnd - extra >= 4) {
            const uint64_t id = littleEndian(data + extra, 2);
            const size_t len = size_t(littleEndian(data + extra + 2, 2));
            if (extraEnd - extra - 4 < len)
                break;
            if (id == 1) {
                size_t at64 = extra + 4;
                if (unpacked == 0xffffffffu && extra + 4 + len - at64 >= 8) {
                    unpacked = littleEndian(data + at64, 8);
                    at64 += 8;
                }
                if (packed == 0xffffffffu && extra + 4 + len - at64 >= 8)
                    packed = littleEndian(data + at64, 8);
            }
            extra += 4 + len;
        }
        const std::string name(reinterpret_cast<const char *>(data + pos + 46), nameLen);
        if (packed > size)
            return name + " claims " + std::to_string(packed) + " bytes in an archive of " + std::to_string(size);
        const uint64_t most = method == 0 ? packed : packed * 1032 + 1024; // deflate expands at most ~1032x
        if (unpacked > most)
            return name + " claims " + std::to_string(unpacked) + " bytes, more than its " + std::to_string(packed) +
                   " stored bytes can hold";
        pos += 46 + nameLen + extraLen + commentLen;
    }
    return "";
}

} // namespace ganvas
