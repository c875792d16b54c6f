#!/usr/bin/env python3
"""Checks that a PNG screenshot is not blank and shows the report's charts.

usage: png_check.py SHOT.png MIN_BAR_PIXELS
Decodes the PNG with zlib (8-bit greyscale/RGB/RGBA, not interlaced, as
Chromium writes them), then requires: many distinct colours, a good share of
non-white pixels, and at least MIN_BAR_PIXELS pixels of the chart bar colour
#2f5d8a (solid bar interiors keep their exact colour).
"""
import struct
import sys
import zlib

BAR = (0x2F, 0x5D, 0x8A)


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if ctype == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace or colour not in (0, 2, 6):
                raise ValueError("unsupported PNG format %d/%d/%d" % (depth, colour, interlace))
            channels = {0: 1, 2: 3, 6: 4}[colour]
        elif ctype == b"IDAT":
            idat += body
        elif ctype == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def main():
    path, min_bar = sys.argv[1], int(sys.argv[2])
    width, height, channels, rows = decode(path)
    colours, non_white, bar = set(), 0, 0
    for row in rows[::2]:
        for x in range(0, width * channels, channels * 2):
            px = tuple(row[x:x + 3]) if channels >= 3 else (row[x],) * 3
            colours.add(px)
            if px != (255, 255, 255):
                non_white += 1
            if px == BAR:
                bar += 1
    sampled = ((height + 1) // 2) * ((width + 1) // 2)
    share = non_white / sampled
    print("png %dx%d: %d colours, %.1f%% non-white, %d bar pixels (sampled)"
          % (width, height, len(colours), 100 * share, bar))
    ok = len(colours) >= 50 and share >= 0.03 and bar >= min_bar
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
