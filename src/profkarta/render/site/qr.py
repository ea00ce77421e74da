"""QR codes of page URLs as inline SVG (one path, drawn at build time; no JavaScript library)."""

from __future__ import annotations

from html import escape

from profkarta.qr import qr_path


def qr_svg(url: str, label: str = "QR-код адреса этой страницы") -> str:
    """An <svg> that scales to its box, black modules on white with the quiet zone, labelled for screen readers."""
    n, d = qr_path(url)
    return (f'<svg class="pk-qr-svg" viewBox="0 0 {n} {n}" xmlns="http://www.w3.org/2000/svg" '
            f'role="img" aria-label="{escape(label)}" shape-rendering="crispEdges">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{d}"/></svg>')
