#include "media/palette.h"

#include <algorithm>
#include <climits>
#include <cstddef>

namespace ganvas {

namespace {

constexpr int kMaxColours = 256;

uint32_t pack(const uint8_t *rgb)
{
    return (uint32_t(rgb[0]) << 16) | (uint32_t(rgb[1]) << 8) | uint32_t(rgb[2]);
}

// The image's distinct colours with their pixel counts: an open-addressing hash table keyed
// by the packed colour. Sample grids repeat colours a lot (nearest-neighbour scaling, flat
// backgrounds), so this is far smaller and faster than a 2^24 histogram.
class ColourTable
{
public:
    ColourTable() { rehash(4096); }

    // Returns the slot of `rgb`, inserting it with count 0 if new.
    std::size_t slotOf(uint32_t rgb)
    {
        const uint32_t key = rgb + 1; // 0 marks an empty slot
        std::size_t slot = hash(key);
        while (m_keys[slot] != 0) {
            if (m_keys[slot] == key)
                return slot;
            slot = (slot + 1) & m_mask;
        }
        if ((m_size + 1) * 2 > m_keys.size()) {
            rehash(m_keys.size() * 2);
            return slotOf(rgb);
        }
        m_keys[slot] = key;
        ++m_size;
        return slot;
    }

    std::size_t capacity() const { return m_keys.size(); }
    std::size_t size() const { return m_size; }
    bool occupied(std::size_t slot) const { return m_keys[slot] != 0; }
    uint32_t colour(std::size_t slot) const { return m_keys[slot] - 1; }
    uint32_t &count(std::size_t slot) { return m_counts[slot]; }
    uint8_t &index(std::size_t slot) { return m_indices[slot]; }

private:
    std::size_t hash(uint32_t key) const
    {
        // Multiplicative hashing; folding the high half down lets the mask see every channel.
        uint32_t h = key * 0x9E3779B1u;
        h ^= h >> 16;
        return h & m_mask;
    }

    void rehash(std::size_t capacity)
    {
        std::vector<uint32_t> keys(capacity, 0), counts(capacity, 0);
        m_mask = capacity - 1;
        for (std::size_t i = 0; i < m_keys.size(); ++i) {
            if (m_keys[i] == 0)
                continue;
            std::size_t slot = hash(m_keys[i]);
            while (keys[slot] != 0)
                slot = (slot + 1) & m_mask;
            keys[slot] = m_keys[i];
            counts[slot] = m_counts[i];
        }
        m_keys.swap(keys);
        m_counts.swap(counts);
        m_indices.assign(capacity, 0);
    }

    std::vector<uint32_t> m_keys;
    std::vector<uint32_t> m_counts;
    std::vector<uint8_t> m_indices; // palette index, filled once the palette is known
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

struct Entry
{
    uint8_t c[3];
    uint32_t count;
};

struct Box
{
    std::size_t begin;
    std::size_t end;
    uint64_t count;
    int widest; // channel with the largest range
    int range;  // that range
};

Box makeBox(const std::vector<Entry> &entries, std::size_t begin, std::size_t end)
{
    uint8_t lo[3] = {255, 255, 255}, hi[3] = {0, 0, 0};
    uint64_t count = 0;
    for (std::size_t i = begin; i < end; ++i) {
        for (int k = 0; k < 3; ++k) {
            lo[k] = std::min(lo[k], entries[i].c[k]);
            hi[k] = std::max(hi[k], entries[i].c[k]);
        }
        count += entries[i].count;
    }
    Box box{begin, end, count, 0, hi[0] - lo[0]};
    for (int k = 1; k < 3; ++k)
        if (hi[k] - lo[k] > box.range) {
            box.widest = k;
            box.range = hi[k] - lo[k];
        }
    return box;
}

// Heckbert's median cut over the distinct colours, weighted by pixel count: repeatedly split
// the box with the largest range * count along its widest channel at the weighted median.
// Weighting by count spends palette entries where the pixels are, not on rare outliers.
std::vector<std::array<uint8_t, 3>> medianCut(std::vector<Entry> &entries)
{
    std::vector<Box> boxes{makeBox(entries, 0, entries.size())};
    while (boxes.size() < std::size_t(kMaxColours)) {
        int chosen = -1;
        uint64_t bestScore = 0;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const Box &b = boxes[i];
            const uint64_t score = uint64_t(b.range) * b.count;
            if (b.end - b.begin > 1 && score > bestScore) {
                bestScore = score;
                chosen = static_cast<int>(i);
            }
        }
        if (chosen < 0)
            break; // every box holds a single colour
        const Box box = boxes[chosen];
        const int k = box.widest;
        std::sort(entries.begin() + box.begin, entries.begin() + box.end,
                  [k](const Entry &a, const Entry &b) { return a.c[k] < b.c[k]; });
        const uint64_t half = box.count / 2;
        uint64_t running = 0;
        std::size_t split = box.begin + 1;
        for (std::size_t i = box.begin; i < box.end; ++i) {
            running += entries[i].count;
            if (running >= half) {
                split = i + 1;
                break;
            }
        }
        split = std::clamp(split, box.begin + 1, box.end - 1);
        boxes[chosen] = makeBox(entries, box.begin, split);
        boxes.push_back(makeBox(entries, split, box.end));
    }

    std::vector<std::array<uint8_t, 3>> palette;
    palette.reserve(boxes.size());
    for (const Box &b : boxes) {
        uint64_t sum[3] = {0, 0, 0};
        for (std::size_t i = b.begin; i < b.end; ++i)
            for (int k = 0; k < 3; ++k)
                sum[k] += uint64_t(entries[i].c[k]) * entries[i].count;
        std::array<uint8_t, 3> mean{};
        for (int k = 0; k < 3; ++k)
            mean[k] = static_cast<uint8_t>((sum[k] + b.count / 2) / b.count);
        palette.push_back(mean);
    }
    return palette;
}

// Exact nearest palette entry (squared RGB distance). The palette is sorted by red, so the
// search walks outwards from the pixel's red value and stops once red alone is too far.
class NearestSearch
{
public:
    explicit NearestSearch(const std::vector<std::array<uint8_t, 3>> &palette) : m_palette(palette)
    {
        std::size_t i = 0;
        for (int r = 0; r < 256; ++r) {
            while (i < palette.size() && palette[i][0] < r)
                ++i;
            m_firstWithRed[r] = static_cast<int>(i);
        }
    }

    int operator()(const uint8_t *c) const
    {
        const int n = static_cast<int>(m_palette.size());
        const int start = m_firstWithRed[c[0]];
        int best = INT_MAX;
        int bestIndex = 0;
        auto consider = [&](int i) {
            const int dr = m_palette[i][0] - c[0];
            const int dg = m_palette[i][1] - c[1];
            const int db = m_palette[i][2] - c[2];
            const int d = dr * dr + dg * dg + db * db;
            if (d < best) {
                best = d;
                bestIndex = i;
            }
        };
        for (int i = start; i < n; ++i) {
            const int dr = m_palette[i][0] - c[0];
            if (dr * dr >= best)
                break;
            consider(i);
        }
        for (int i = start - 1; i >= 0; --i) {
            const int dr = c[0] - m_palette[i][0];
            if (dr * dr >= best)
                break;
            consider(i);
        }
        return bestIndex;
    }

private:
    const std::vector<std::array<uint8_t, 3>> &m_palette;
    int m_firstWithRed[256];
};

} // namespace

IndexedImage quantize(const Image8 &image)
{
    if (image.isNull() || (image.channels != 1 && image.channels != 3))
        throw std::invalid_argument("quantize: need a non-empty grey or RGB image");
    const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
    if (image.pixels.size() != count * image.channels)
        throw std::invalid_argument("quantize: the pixel buffer does not match the image size");

    IndexedImage out;
    out.width = image.width;
    out.height = image.height;
    if (image.channels == 1) {
        out.palette.resize(256);
        for (int v = 0; v < 256; ++v)
            out.palette[v] = {uint8_t(v), uint8_t(v), uint8_t(v)};
        out.indices = image.pixels;
        return out;
    }

    // Pass 1: count the distinct colours. Runs of one colour (scaled pixels, padding) skip
    // the hash lookup (the cached slot stays valid: the table only grows inside slotOf).
    ColourTable table;
    const uint8_t *p = image.pixels.data();
    uint32_t previous = UINT32_MAX;
    std::size_t previousSlot = 0;
    for (std::size_t i = 0; i < count; ++i, p += 3) {
        const uint32_t rgb = pack(p);
        if (rgb != previous) {
            previousSlot = table.slotOf(rgb);
            previous = rgb;
        }
        ++table.count(previousSlot);
    }

    std::vector<Entry> entries;
    entries.reserve(table.size());
    for (std::size_t s = 0; s < table.capacity(); ++s) {
        if (!table.occupied(s))
            continue;
        const uint32_t rgb = table.colour(s);
        entries.push_back({{uint8_t(rgb >> 16), uint8_t(rgb >> 8), uint8_t(rgb)}, table.count(s)});
    }
    // Hash order depends on the table's history; sorting makes the palette depend only on
    // the image.
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return pack(a.c) < pack(b.c); });

    if (entries.size() <= std::size_t(kMaxColours)) {
        for (const Entry &e : entries)
            out.palette.push_back({e.c[0], e.c[1], e.c[2]});
    } else {
        out.palette = medianCut(entries);
        std::sort(out.palette.begin(), out.palette.end());
    }

    // Each distinct colour is matched once; the pixels then read their colour's answer.
    NearestSearch nearest(out.palette);
    for (std::size_t s = 0; s < table.capacity(); ++s) {
        if (!table.occupied(s))
            continue;
        const uint32_t rgb = table.colour(s);
        const uint8_t c[3] = {uint8_t(rgb >> 16), uint8_t(rgb >> 8), uint8_t(rgb)};
        table.index(s) = static_cast<uint8_t>(nearest(c));
    }
    // Pass 2: each pixel reads its colour's answer.
    out.indices.resize(count);
    p = image.pixels.data();
    previous = UINT32_MAX;
    uint8_t previousIndex = 0;
    for (std::size_t i = 0; i < count; ++i, p += 3) {
        const uint32_t rgb = pack(p);
        if (rgb != previous) {
            previousIndex = table.index(table.slotOf(rgb));
            previous = rgb;
        }
        out.indices[i] = previousIndex;
    }
    return out;
}

} // namespace ganvas
