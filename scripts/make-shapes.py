#!/usr/bin/env python3
"""Writes a small colour image dataset for demos and screenshots: COUNT PNGs (32x32) of a
coloured disc, square or triangle on a soft two-colour background, in nested folders.

    scripts/make-shapes.py OUT_DIR [COUNT]

Only the standard library (zlib + struct write the PNGs), so it runs on a bare machine."""
import os
import random
import struct
import sys
import zlib


def write_png(path, width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def inside(kind, x, y, cx, cy, r):
    if kind == 0:
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
    if kind == 1:
        return abs(x - cx) <= r * 0.85 and abs(y - cy) <= r * 0.85
    # a triangle pointing up
    top, bottom = cy - r, cy + r * 0.8
    if y < top or y > bottom:
        return False
    half = (y - top) / (bottom - top) * r
    return abs(x - cx) <= half


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rng = random.Random(7)
    palette = [(230, 57, 70), (244, 162, 97), (233, 196, 106), (42, 157, 143), (38, 70, 83),
               (69, 123, 157), (168, 218, 220), (131, 56, 236), (255, 190, 11), (58, 134, 255)]
    for i in range(count):
        folder = os.path.join(out, "set-%d" % (i % 4))
        os.makedirs(folder, exist_ok=True)
        top = rng.choice(palette)
        bottom = rng.choice(palette)
        shape = rng.choice(palette)
        while shape in (top, bottom):
            shape = rng.choice(palette)
        kind = rng.randrange(3)
        cx, cy = rng.uniform(11, 21), rng.uniform(11, 21)
        r = rng.uniform(6, 11)
        rows = []
        for y in range(32):
            t = y / 31
            bg = [int((1 - t) * a * 0.55 + t * b * 0.55) for a, b in zip(top, bottom)]
            row = []
            for x in range(32):
                row.extend(shape if inside(kind, x + 0.5, y + 0.5, cx, cy, r) else bg)
            rows.append(row)
        write_png(os.path.join(folder, "shape-%05d.png" % i), 32, 32, rows)


if __name__ == "__main__":
    main()
