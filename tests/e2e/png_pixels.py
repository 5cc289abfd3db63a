"""Reads the pixels of an 8-bit RGB or RGBA PNG (what creditlens writes) with zlib alone, so that the
end-to-end tests can check colours without an imaging library."""
import struct
import zlib


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


class Image:
    """width, height, and pixel(x, y) -> (r, g, b)."""

    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        if data[:8] != b"\x89PNG\r\n\x1a\n":
            raise ValueError(f"{path}: not a PNG file")
        pos, idat = 8, []
        while pos < len(data):
            length, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b"IHDR":
                self.width, self.height, depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
                if depth != 8 or color_type not in (2, 6) or interlace:
                    raise ValueError(f"{path}: only 8-bit RGB(A) PNGs without interlacing are read")
                self.channels = 3 if color_type == 2 else 4
            elif kind == b"IDAT":
                idat.append(body)
            pos += 12 + length
        raw = zlib.decompress(b"".join(idat))
        self._rows = self._unfilter(raw)

    def _unfilter(self, raw):
        bpp, stride = self.channels, self.width * self.channels
        rows, previous = [], bytearray(stride)
        for y in range(self.height):
            start = y * (stride + 1)
            kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
            if kind == 1:
                for i in range(bpp, stride):
                    line[i] = (line[i] + line[i - bpp]) & 0xff
            elif kind == 2:
                for i in range(stride):
                    line[i] = (line[i] + previous[i]) & 0xff
            elif kind == 3:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xff
            elif kind == 4:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    upper_left = previous[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + _paeth(left, previous[i], upper_left)) & 0xff
            elif kind != 0:
                raise ValueError(f"unknown PNG filter {kind}")
            rows.append(line)
            previous = line
        return rows

    def pixel(self, x, y):
        at = x * self.channels
        return tuple(self._rows[y][at:at + 3])
