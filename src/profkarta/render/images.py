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

    with Image.open(src) as im:
        im = ImageOps.exif_transpose(im)
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
