"""Share images (1200×630 JPEG) for social networks, drawn with Pillow from a map's data; cached by content."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from profkarta import parallel
from profkarta.cache import Cache, make_key
from profkarta.render.site.text import KIND_RU, money

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


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, max_lines: int) -> list[str]:
    words, lines, cur = text.split(), [], ""
    for w in words:
        cand = f"{cur} {w}".strip()
        if draw.textlength(cand, font=font) <= width or not cur:
            cur = cand
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip() + "…"
    return lines


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
    d.text((64, y), kind, font=_font(30), fill=ORANGE)
    y += 52
    big = _font(60, True)
    for line in _wrap(d, title, big, W - 128, 2):
        d.text((64, y), line, font=big, fill=WHITE)
        y += 74
    y += 8
    for line in _wrap(d, college, _font(28), W - 128, 2):
        d.text((64, y), line, font=_font(28), fill=PALE)
        y += 38
    d.rounded_rectangle([64, H - 150, 64 + d.textlength(salary, font=_font(34, True)) + 40, H - 86], radius=12,
                        fill=WHITE)
    d.text((84, H - 142), salary, font=_font(34, True), fill=NAVY)
    d.text((64, H - 66), where, font=_font(24), fill=PALE)
    if draft:
        d.rounded_rectangle([W - 260, 60, W - 64, 120], radius=10, outline=ORANGE, width=4)
        d.text((W - 236, 70), draft, font=_font(34, True), fill=ORANGE)
    _save(im, out)


def write_share(lines: tuple[str, ...], out: Path, cache_dir: Path | None) -> bool:
    """Draw (or take from the cache) one share image; True when it was drawn anew."""

    def draw() -> bytes:
        buf = io.BytesIO()
        draw_share(lines, buf)
        return buf.getvalue()

    cache = Cache(cache_dir)
    key = make_key("share", list(lines))
    if cache.link(key, ["share.jpg"], [out]):  # a hard link: no bytes copied, same file as the last build's
        return False
    data = draw()
    cache.store(key, {"share.jpg": data})
    if not cache.link(key, ["share.jpg"], [out]):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    return True


def _draw_chunk(jobs: list[tuple[tuple[str, ...], str, str | None]]) -> int:
    return sum(write_share(lines, Path(out), Path(cache) if cache else None) for lines, out, cache in jobs)


class ShareDrawer:
    """Draws the maps' share images into out_dir in worker processes while mkdocs builds (they do not meet)."""

    INLINE_BELOW = 40  # a pool costs more than it saves for a handful of images

    def __init__(self, jobs: list[tuple[tuple[str, ...], str, str | None]], workers: int | None = None,
                 out_dir: Path | None = None):
        self.jobs = [(lines, str(out_dir / out) if out_dir else out, cache) for lines, out, cache in jobs]
        self.workers = parallel.workers(workers)
        self._work: parallel.Background | None = None

    def start(self) -> None:
        self._work = parallel.Background(_draw_chunk, parallel.chunks(self.jobs, self.workers, least=20),
                                         self.workers, min_items=2 if len(self.jobs) >= self.INLINE_BELOW else 10**9)

    def wait(self) -> int:
        """How many images were drawn anew (the rest came from the cache)."""
        if self._work is None:
            return _draw_chunk(self.jobs)
        return sum(self._work.wait())

    def cancel(self) -> None:
        if self._work is not None:
            self._work.cancel()


def draw_default(site_name: str, brand: str, out: Path) -> None:
    """The share image of pages that are not maps: the brand and the site's name."""
    im, d = _canvas(brand, "Карьерные карты выпускников")
    y = 230
    for line in _wrap(d, site_name, _font(58, True), W - 128, 4):
        d.text((64, y), line, font=_font(58, True), fill=WHITE)
        y += 72
    _save(im, out)
