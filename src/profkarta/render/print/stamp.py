"""The QR code as PDF drawing operators, for the empty box a map's layout leaves for it.

The map's HTML leaves an empty square with `id="pk-qr"`; WeasyPrint writes it as a named
destination (its top-left corner in PDF points). Each product (A4, A3, booklet) gets its own
payload (`utm_medium`) drawn there as vector rectangles (products.py), without a second layout.
"""

from __future__ import annotations

ANCHOR = "pk-qr"


def qr_ops(text: str, left: float, top: float, size: float) -> bytes:
    """PDF drawing operators of the QR (quiet zone included) filling a size×size square at (left, top)."""
    from profkarta.qr import qr_runs

    n, runs = qr_runs(text)
    s = size / n
    ops = [f"q 1 g {left:.3f} {top - size:.3f} {size:.3f} {size:.3f} re f 0 g"]
    ops += [f"{left + x * s:.3f} {top - (y + 1) * s:.3f} {w * s:.3f} {s:.3f} re" for y, x, w in runs]
    ops.append("f Q")
    return "\n".join(ops).encode("ascii")


def mm_to_pt(mm: float) -> float:
    return mm * 72 / 25.4
