"""QR codes as one vector SVG path (runs of dark modules), with a white quiet zone."""

from __future__ import annotations

import math

from profkarta.qr import QUIET, qr_path, qr_runs

A4_SYMBOL_MM = 32.5  # the symbol itself; ×√2 on the A3 poster gives 46 mm (≥ 45 mm)


def qr_svg(text: str) -> str:
    """A standalone SVG document of the QR code for text (error level M, 4-module quiet zone)."""
    n, d = qr_path(text)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" width="{n}" height="{n}" '
            f'shape-rendering="crispEdges"><rect width="{n}" height="{n}" fill="#fff"/>'
            f'<path fill="#000" d="{d}"/></svg>')


def image_mm(text: str, symbol_mm: float) -> float:
    """Printed width of the QR image (quiet zone included) whose symbol is at least symbol_mm wide."""
    n, _ = qr_runs(text)
    return math.ceil(symbol_mm * n / (n - 2 * QUIET) * 2) / 2


def qr_data_url(text: str) -> str:
    """The QR as a data:image/svg+xml URL for an <img> (stays vector in the PDF)."""
    from profkarta.render.print.fetcher import data_url

    return data_url("image/svg+xml", qr_svg(text).encode("ascii"))


def short_address(url: str) -> str:
    """The address to type by hand: no scheme, no channel marker, no trailing slash."""
    bare = url.split("?", 1)[0].split("#", 1)[0]
    for scheme in ("https://", "http://"):
        if bare.startswith(scheme):
            bare = bare[len(scheme):]
    return bare.rstrip("/")
