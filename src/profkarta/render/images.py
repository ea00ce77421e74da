"""Raster logos normalised for output: upright, no metadata, bounded size, PNG — for the web and for print."""

from __future__ import annotations

from pathlib import Path

from profkarta.cache import Cache, file_digest, make_key
from profkarta.load.images import RASTER

WEB_SIDE = 512  # px: a logo is shown at most ~200 CSS px wide, twice that for sharp screens
PRINT_SIDE = 1200  # px: 300 dpi for a logo of about 100 mm on the A3 poster


def is_raster(path: Path) -> bool:
    return path.suffix.lower() in RASTER


def normalize(src: Path, max_side: int) -> bytes:
    """The logo as PNG bytes: EXIF orientation applied, metadata dropped, longest side at most max_side."""
    from PIL import Image, ImageOps

    with Image.open(src) as opened:
        im = ImageOps.exif_transpose(opened)
        im = im.convert("RGBA" if im.mode in ("RGBA", "LA", "P", "PA") or "transparency" in im.info else "RGB")
        im.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
        from io import BytesIO

        buf = BytesIO()
        im.save(buf, "PNG", compress_level=6)
        return buf.getvalue()


def normalized_file(src: Path, max_side: int, cache: Cache) -> Path:
    """A normalised copy in the cache, keyed by the source's content (reused while the logo is unchanged)."""
    key = make_key("logo", file_digest(src), max_side)
    return cache.file(key, "logo.png", lambda: normalize(src, max_side))


def intrinsic_size(path: Path) -> tuple[int, int] | None:
    """Width and height for an <img> (so the page does not jump when it loads): pixels, or the SVG's viewBox."""
    import re

    try:
        if is_raster(path):
            from PIL import Image

            with Image.open(path) as im:
                return im.size
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
    except (OSError, ValueError):
        return None
    tag = re.search(r"<svg\b[^>]*>", head, re.S)
    if not tag:
        return None
    box = re.search(r'viewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', tag.group(0))
    if box:
        w, h = float(box.group(1)), float(box.group(2))
    else:
        dims = [re.search(rf'\b{k}\s*=\s*["\']\s*([\d.]+)(?:px)?\s*["\']', tag.group(0)) for k in ("width", "height")]
        if not all(dims):
            return None
        w, h = (float(d.group(1)) for d in dims if d)
    if w <= 0 or h <= 0:
        return None
    scale = 100 / max(w, h) if max(w, h) < 100 else 1  # tiny viewBoxes: keep the ratio, in whole numbers
    return max(1, round(w * scale)), max(1, round(h * scale))
