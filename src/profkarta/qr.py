"""QR codes as one vector path (runs of dark modules) — shared by the site and print renderers."""

from __future__ import annotations

from functools import lru_cache

QUIET = 4  # modules of quiet zone on each side (ISO/IEC 18004)
# All eight masks are valid; a fixed one skips qrcode's pure-Python penalty scoring (most of its time).
MASK = 4


@lru_cache(maxsize=8192)
def qr_runs(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(size in modules including the quiet zone, runs of dark modules as (row, first column, length)), level M."""
    import qrcode
    from qrcode.constants import ERROR_CORRECT_M

    qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET, box_size=1, mask_pattern=MASK)
    qr.add_data(text)
    qr.make(fit=True)
    matrix = qr.get_matrix()  # includes the border
    n = len(matrix)
    runs: list[tuple[int, int, int]] = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                runs.append((y, start, x - start))
            else:
                x += 1
    return n, tuple(runs)


def qr_path(text: str) -> tuple[int, str]:
    """(size in modules including the quiet zone, SVG path data of the dark modules) — one path, for HTML/SVG."""
    n, runs = qr_runs(text)
    return n, "".join(f"M{x} {y}h{w}v1h-{w}z" for y, x, w in runs)
