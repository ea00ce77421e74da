"""QR codes as one vector path (runs of dark modules) — shared by the site and print renderers."""

from __future__ import annotations

from functools import lru_cache

QUIET = 4  # modules of quiet zone on each side (ISO/IEC 18004)
# All eight masks are valid; a fixed one skips qrcode's pure-Python penalty scoring (most of its time).
MASK = 4


@lru_cache(maxsize=8192)
def qr_path(text: str) -> tuple[int, str]:
    """(size in modules including the quiet zone, SVG path data of the dark modules), error level M."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET, box_size=1, mask_pattern=MASK)
    qr.add_data(text)
    qr.make(fit=True)
    matrix = qr.get_matrix()  # includes the border
    n = len(matrix)
    parts: list[str] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                parts.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return n, "".join(parts)
