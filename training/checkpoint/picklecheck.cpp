#include "checkpoint/picklecheck.h"

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

} // namespace ganvas
