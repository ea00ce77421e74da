"""Share images (1200×630 JPEG) for social networks, drawn with Pillow from a map's data; cached by content."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from profkarta.cache import Cache, make_key
from profkarta.labels import KIND_RU
from profkarta.render.site.text import money
from profkarta.render.writes import write_file

W, H = 1200, 630
NAVY, ORANGE, WHITE, PALE = (20, 40, 90), (240, 125, 0), (255, 255, 255), (200, 212, 235)
QUALITY = 85


def _font_dir() -> Path:
    from profkarta.render.site.pages import theme_dir

    return theme_dir() / "overrides" / "assets" / "profkarta" / "fonts"


@lru_cache(maxsize=32)
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.woff2" if bold else "DejaVuSans.woff2"
    return ImageFont.truetype(str(_font_dir() / name), size)


@lru_cache(maxsize=8192)
def _length(text: str, font: ImageFont.FreeTypeFont) -> float:
    """What ImageDraw.textlength gives on an RGB image; titles and words repeat from map to map."""
    return font.getlength(text, "L")


@lru_cache(maxsize=256)
def _mask(text: str, font: ImageFont.FreeTypeFont, ink: int) -> tuple[Image.core.ImagingCore, tuple[int, int]]:
    """The glyphs of one line as ImageDraw.text renders them at a whole-pixel position; a title, a college or a
    region is drawn on many maps' images (maps come in title order, so a small cache keeps what is reused)."""
    return font.getmask2(text, "L", None, None, None, 0, "la", ink, (0.0, 0.0), stroke_filled=True)


def _text(d: ImageDraw.ImageDraw, xy: tuple[int, int], text: str, font: ImageFont.FreeTypeFont,
          fill: tuple[int, int, int]) -> None:
    """d.text(xy, text, font=font, fill=fill) for one line at whole pixels, with the glyphs cached."""
    ink = d._getink(fill)[0]
    assert ink is not None and d.fontmode == "L" and "\n" not in text
    mask, (dx, dy) = _mask(text, font, ink)
    d.draw.draw_bitmap((xy[0] + dx, xy[1] + dy), mask, ink)


def _wrap(draw: ImageDraw.ImageDraw | None, text: str, font, width: int) -> list[str] | None:
    """Whole words on lines no wider than width; None when a single word is wider than that."""
    lines: list[str] = []
    cur = ""
    for w in text.split():
        if _length(w, font) > width:
            return None
        cand = f"{cur} {w}".strip()
        if _length(cand, font) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def fit_text(draw: ImageDraw.ImageDraw | None, text: str, sizes: tuple[int, ...], width: int, max_lines: int,
             bold: bool = False, shrink: bool = True) -> tuple[ImageFont.FreeTypeFont, list[str], int] | None:
    """(font, lines, line height): the largest size at which the whole text fits in max_lines — shrunk, never cut.

    With shrink, past the given sizes the type keeps getting smaller (a very long title is small rather than
    truncated); without it, None says the text does not fit at the given sizes."""
    size = sizes[0]
    candidates = [*sizes, *range(sizes[-1] - 2, 11, -2)] if shrink else list(sizes)
    for size in candidates:
        font = _font(size, bold)
        lines = _wrap(draw, text, font, width)
        if lines is not None and len(lines) <= max_lines:
            return font, lines, round(size * 1.22)
    if not shrink:
        return None
    font = _font(size, bold)
    return font, _wrap(draw, text, font, width) or [text], round(size * 1.22)


def title_block(d: ImageDraw.ImageDraw | None, title: str, college: str, room: int) -> tuple:
    """Fonts, lines and line heights of the title and the college that fit `room` pixels of height."""
    return _title_block(title, college, room)


@lru_cache(maxsize=1024)
def _title_block(title: str, college: str, room: int) -> tuple:
    d = None
    for title_lines, college_lines in ((2, 2), (3, 2), (3, 3), (4, 3)):
        t = fit_text(d, title, (60, 54, 48, 42, 36), W - 128, title_lines, bold=True, shrink=False)
        c = fit_text(d, college, (28, 26, 24, 22), W - 128, college_lines, shrink=False)
        if t and c and len(t[1]) * t[2] + 8 + len(c[1]) * c[2] <= room:
            return (*t, *c)
    for size in range(34, 11, -2):  # a very long title: smaller type, never a cut word
        t = fit_text(d, title, (size,), W - 128, 99, bold=True)
        c = fit_text(d, college, (min(size, 22),), W - 128, 99)
        assert t and c
        if len(t[1]) * t[2] + 8 + len(c[1]) * c[2] <= room or size == 12:
            return (*t, *c)
    raise AssertionError("unreachable")


def share_lines(m, brand: str) -> tuple[str, ...]:
    lo, hi = m.salary_range
    return (brand, f"{KIND_RU[m.program.kind].capitalize()} {m.program.code}", m.program.title,
            m.college.name, f"Зарплата: от {money(lo)} до {money(hi)} в месяц",
            m.cluster.industry.capitalize() + " · " + m.cluster.region, "ПРОЕКТ" if m.draft else "")


def _canvas(brand: str, subtitle: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    """The navy card with the orange rules, the brand and a subtitle: the same on every share image."""
    im = _background(brand, subtitle).copy()  # drawn once per process, copied per image
    return im, ImageDraw.Draw(im)


@lru_cache(maxsize=4)
def _background(brand: str, subtitle: str) -> Image.Image:
    im = Image.new("RGB", (W, H), NAVY)
    d = ImageDraw.Draw(im)
    d.rectangle([0, H - 18, W, H], fill=ORANGE)
    d.rectangle([64, 64, 84, 134], fill=ORANGE)
    d.text((104, 62), brand, font=_font(34, True), fill=WHITE)
    d.text((104, 108), subtitle, font=_font(26), fill=PALE)
    return im


def _save(im: Image.Image, out: Path | io.BytesIO) -> None:
    """JPEG at quality 85: ≈1 ms to encode against ≈14 ms for PNG at zlib level 1 (the cold build's
    bottleneck at national scale); flat colours and large type stay clean, and VK, Telegram and OK accept it."""
    if isinstance(out, Path):
        out.parent.mkdir(parents=True, exist_ok=True)
    im.save(out, "JPEG", quality=QUALITY)


def draw_share(lines: tuple[str, ...], out: Path | io.BytesIO) -> None:
    brand, kind, title, college, salary, where, draft = lines
    im, d = _canvas(brand, "Карьерная карта выпускника")
    y = 190
    _text(d, (64, y), kind, _font(30), ORANGE)
    y += 52
    big, lines, step, small, clines, cstep = title_block(d, title, college, H - 160 - y)  # badge at H - 150
    for line in lines:
        _text(d, (64, y), line, big, WHITE)
        y += step
    y += 8
    for line in clines:
        _text(d, (64, y), line, small, PALE)
        y += cstep
    d.rounded_rectangle([64, H - 150, 64 + _length(salary, _font(34, True)) + 40, H - 86], radius=12, fill=WHITE)
    _text(d, (84, H - 142), salary, _font(34, True), NAVY)
    wfont, wlines, _ = _fit_where(where)
    _text(d, (64, H - 66), wlines[0], wfont, PALE)
    if draft:
        d.rounded_rectangle([W - 260, 60, W - 64, 120], radius=10, outline=ORANGE, width=4)
        _text(d, (W - 236, 70), draft, _font(34, True), ORANGE)
    _save(im, out)


@lru_cache(maxsize=256)
def _fit_where(where: str) -> tuple:
    return fit_text(None, where, (24, 22, 20, 18), W - 128, 1) or (_font(18), [where], 0)


def write_share(lines: tuple[str, ...], out: Path, cache_dir: Path | None) -> bool:
    """Draw (or take from the cache) one share image; True when it was drawn anew."""

    def draw() -> bytes:
        buf = io.BytesIO()
        draw_share(lines, buf)
        return buf.getvalue()

    if cache_dir is None:
        write_file(out, draw())
        return True
    cache = Cache(cache_dir)
    key = make_key("share", list(lines))
    if cache.link(key, ["share.jpg"], [out]):  # a hard link: no bytes copied, same file as the last build's
        return False
    data = draw()
    cache.store(key, {"share.jpg": data})
    if not cache.link(key, ["share.jpg"], [out]):
        write_file(out, data)
    return True


def draw_default(site_name: str, brand: str, out: Path) -> None:
    """The share image of pages that are not maps: the brand and the site's name."""
    im, d = _canvas(brand, "Карьерные карты выпускников")
    y = 230
    font, lines, step = (fit_text(d, site_name, (58, 52, 46, 40), W - 128, 4, bold=True)
                         or (_font(40, True), [site_name], 0))
    for line in lines:
        d.text((64, y), line, font=font, fill=WHITE)
        y += step
    _save(im, out)
