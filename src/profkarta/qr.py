"""QR codes as one vector path (runs of dark modules) — shared by the site and print renderers."""

from __future__ import annotations

import re
from functools import lru_cache

QUIET = 4  # modules of quiet zone on each side (ISO/IEC 18004)
_DARK = re.compile(b"\x00+")  # zxing-cpp draws dark modules as 0, light ones as 255


@lru_cache(maxsize=8192)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(size in modules including the quiet zone, runs of dark modules as (row, first column, length)), level M.

    zxing-cpp's C++ encoder, not the pure-Python qrcode: a national build draws tens of thousands of codes
    (print sizes them, share images, slides and map pages show them) and this one is 5–8 times faster."""
    import zxingcpp

    code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    side = len(image)  # square: rows of `side` bytes
    pixels = image.tobytes()
    runs = tuple((y + QUIET, m.start() - y * side + QUIET, m.end() - m.start())  # columns from the row's start
                 for y in range(side) for m in _DARK.finditer(pixels, y * side, (y + 1) * side))
    return side + 2 * QUIET, runs


def qr_path(text: str) -> tuple[int, str]:
    """(size in modules including the quiet zone, SVG path data of the dark modules) — one path, for HTML/SVG."""
    n, runs = qr_runs(text)
    return n, "".join(f"M{x} {y}h{w}v1h-{w}z" for y, x, w in runs)
