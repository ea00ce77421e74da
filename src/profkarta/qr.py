"""QR codes as one vector path (runs of dark modules) — shared by the site and print renderers."""

from __future__ import annotations

import re
from functools import lru_cache

QUIET = 4  # modules of quiet zone on each side (ISO/IEC 18004)
# All eight masks are valid; a fixed one skips qrcode's pure-Python penalty scoring (most of its time).
MASK = 4
LEVEL_M = 0  # qrcode.constants.ERROR_CORRECT_M


class _Bits:
    """qrcode's BitBuffer with the same put(), one integer instead of a list of bits (qrcode puts bit by bit)."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def __len__(self) -> int:
        return self.length


@lru_cache(maxsize=64)
def _products(ec_count: int) -> tuple[int, ...]:
    """For each byte f: the Reed–Solomon generator (after its leading 1) times f, as one big-endian integer
    (GF(256) with qrcode's tables) — the division then costs one shift and one XOR per data byte."""
    from qrcode import LUT, base

    if ec_count in LUT.rsPoly_LUT:
        poly = list(LUT.rsPoly_LUT[ec_count])
    else:
        poly = [1]
        for i in range(ec_count):
            nxt = [0] * (len(poly) + 1)
            for j, c in enumerate(poly):
                nxt[j] ^= c
                if c:
                    nxt[j + 1] ^= base.gexp(base.glog(c) + i)
            poly = nxt
    gen = poly[1:]

    def times(f: int) -> int:
        if not f:
            return 0
        lf = base.glog(f)
        return int.from_bytes(bytes(base.gexp(base.glog(g) + lf) if g else 0 for g in gen), "big")

    return tuple(times(f) for f in range(256))


def _ec(data: bytes, ec_count: int) -> list[int]:
    """The remainder of data·x^ec_count divided by the generator: the block's error-correction codewords."""
    table = _products(ec_count)
    shift = 8 * (ec_count - 1)
    keep = (1 << (8 * ec_count)) - 1
    rem = 0
    for b in data:
        rem = ((rem << 8) & keep) ^ table[b ^ (rem >> shift)]
    return list(rem.to_bytes(ec_count, "big"))


def _codewords(segments: list, version: int) -> list[int]:
    """qrcode.util.create_data for level M, without its bit-by-bit buffer and polynomial objects."""
    from qrcode import base, util

    buf = _Bits()
    for seg in segments:
        buf.put(seg.mode, 4)
        buf.put(len(seg), util.length_in_bits(seg.mode, version))
        seg.write(buf)
    blocks = base.rs_blocks(version, LEVEL_M)
    limit = sum(b.data_count for b in blocks) * 8
    buf.put(0, min(limit - buf.length, 4))
    buf.put(0, -buf.length % 8)
    pad = (limit - buf.length) // 8
    for i in range(pad):
        buf.put(util.PAD0 if i % 2 == 0 else util.PAD1, 8)
    raw = buf.value.to_bytes(limit // 8, "big")
    dc, ec, offset = [], [], 0
    for b in blocks:
        part = raw[offset:offset + b.data_count]
        offset += b.data_count
        dc.append(list(part))
        ec.append(_ec(part, b.total_count - b.data_count))
    out = [d[i] for i in range(max(map(len, dc))) for d in dc if i < len(d)]
    out += [e[i] for i in range(max(map(len, ec))) for e in ec if i < len(e)]
    return out


def _segments(text: str) -> list:
    import qrcode

    qr = qrcode.QRCode()
    qr.add_data(text)  # qrcode's own split into numeric, alphanumeric and byte parts
    return qr.data_list


def _version(segments: list) -> int:
    """The smallest version at level M the text fits: qrcode's best_fit, counted without its bit buffer."""
    from bisect import bisect_left

    from qrcode import util

    start = 1
    while True:
        sizes = util.mode_sizes_for_version(start)
        needed = sum(4 + sizes[s.mode] + _bit_length(s) for s in segments)
        version = bisect_left(util.BIT_LIMIT_TABLE[LEVEL_M], needed, start)
        if version == 41:
            from qrcode.exceptions import DataOverflowError

            raise DataOverflowError()
        if util.mode_sizes_for_version(version) is sizes:
            return version
        start = version


def _bit_length(segment) -> int:
    buf = _Bits()
    segment.write(buf)
    return buf.length


@lru_cache(maxsize=48)
def _layout(version: int) -> tuple[str, int, tuple[int, ...], int]:
    """(function patterns and format information of a version as "0"/"1", its side, where the data bits go in
    order as flat indices, the mask at those places as a number) — the same for every code of that version."""
    import qrcode
    from qrcode import util

    qr = qrcode.QRCode(version=version, error_correction=LEVEL_M, border=0, mask_pattern=MASK)
    places: list[tuple[int, int]] = []
    qr.data_cache = []
    template: list[str] = []

    def record(data, mask_pattern) -> None:  # qrcode's map_data walk, recording the free places
        template.extend("1" if v else "0" for row in qr.modules for v in row)
        n = qr.modules_count
        row, inc = n - 1, -1
        for col in range(n - 1, 0, -2):
            if col <= 6:
                col -= 1
            while True:
                for c in (col, col - 1):
                    if qr.modules[row][c] is None:
                        places.append((row, c))
                row += inc
                if row < 0 or n <= row:
                    row -= inc
                    inc = -inc
                    break

    qr.map_data = record
    qr.makeImpl(False, MASK)
    flip = util.mask_func(MASK)
    n = qr.modules_count
    mask = int("".join("1" if flip(r, c) else "0" for r, c in places), 2)
    return "".join(template), n, tuple(r * n + c for r, c in places), mask


def qr_matrix(text: str) -> list[str]:
    """The rows of the text's QR code as "0"/"1" (level M, mask 4, no quiet zone): exactly qrcode's matrix,
    several times faster (qrcode writes bit by bit and divides polynomial objects)."""
    segments = _segments(text)
    version = _version(segments)
    template, n, places, mask = _layout(version)
    data = _codewords(segments, version)
    free = len(places)
    bits = int.from_bytes(bytes(data), "big") << (free - len(data) * 8)  # the remainder bits are 0
    cells = list(template)
    for i, ch in zip(places, format(bits ^ mask, f"0{free}b"), strict=True):
        cells[i] = ch
    flat = "".join(cells)
    return [flat[i:i + n] for i in range(0, n * n, n)]


_RUN = re.compile("1+")


@lru_cache(maxsize=8192)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(size in modules including the quiet zone, runs of dark modules as (row, first column, length)), level M."""
    inner = qr_matrix(text)
    runs = tuple((y, m.start() + QUIET, m.end() - m.start()) for y, row in enumerate(inner, QUIET)
                 for m in _RUN.finditer(row))
    return len(inner) + 2 * QUIET, runs


def qr_path(text: str) -> tuple[int, str]:
    """(size in modules including the quiet zone, SVG path data of the dark modules) — one path, for HTML/SVG."""
    n, runs = qr_runs(text)
    return n, "".join(f"M{x} {y}h{w}v1h-{w}z" for y, x, w in runs)
