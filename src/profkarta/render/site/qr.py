"""QR codes of page URLs as inline SVG (one path, drawn at build time; no JavaScript library)."""

from __future__ import annotations

import re
from functools import lru_cache

import qrcode
import qrcode.constants
import qrcode.image.svg


@lru_cache(maxsize=4096)
def qr_svg(url: str, label: str = "QR-код адреса этой страницы") -> str:
    """An <svg> that scales to its box, black modules on white with the quiet zone, labelled for screen readers."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4,
                       image_factory=qrcode.image.svg.SvgPathImage)
    qr.add_data(url)
    qr.make(fit=True)
    svg = qr.make_image().to_string(encoding="unicode")
    svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
    size = qr.modules_count + 8
    head = (f'<svg class="pk-qr-svg" viewBox="0 0 {size} {size}" xmlns="http://www.w3.org/2000/svg" '
            f'role="img" aria-label="{label}" shape-rendering="crispEdges">'
            f'<rect width="{size}" height="{size}" fill="#fff"/>')
    path = re.search(r"<path [^>]*/>", svg)
    if path is None:  # pragma: no cover - qrcode always draws one path
        raise RuntimeError("qrcode did not produce a path")
    body = re.sub(r'\sid="[^"]*"', "", path.group(0))
    body = re.sub(r'fill="[^"]*"', 'fill="#000"', body)
    return head + body + "</svg>"
