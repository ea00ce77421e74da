"""Brand colours from mkdocs.yml as mkdocs-material's `custom` palette, darkened where text would be hard to read."""

from __future__ import annotations

import re

DEFAULT_PRIMARY = "#14285a"  # «Профессионалитет» navy
DEFAULT_ACCENT = "#f07d00"  # «Профессионалитет» orange
MIN_CONTRAST = 4.5  # WCAG 2 AA for normal text
WHITE = (255, 255, 255)
# mkdocs-material's named palette colours, so that `palette.primary: indigo` keeps meaning what it meant
MATERIAL = {"red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep purple": "#7e56c2",
            "indigo": "#4051b5", "blue": "#2094f3", "light blue": "#02a6f2", "cyan": "#00bdd6",
            "teal": "#009485", "green": "#4cae4f", "light green": "#8bc34b", "lime": "#cbdc38",
            "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724", "deep orange": "#ff6e42",
            "brown": "#795649", "grey": "#757575", "blue grey": "#546d78", "black": "#000000", "white": "#ffffff"}
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")

RGB = tuple[int, int, int]


def parse(value: object) -> RGB | None:
    """#rgb, #rrggbb or a mkdocs-material colour name; anything else is not a colour we can check."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace("-", " ")
    text = MATERIAL.get(text, text)
    m = _HEX.fullmatch(text)
    if not m:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def hex_of(c: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*c)


def luminance(c: RGB) -> float:
    def chan(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (chan(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """a blended towards b by t (0 → a, 1 → b)."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def readable_on_white(c: RGB, target: float = MIN_CONTRAST) -> RGB:
    """The colour itself if white text on it (and it on white) reads at `target`; else darkened just enough."""
    t = 0.0
    while contrast(c if t == 0 else mix(c, (0, 0, 0), t), WHITE) < target and t < 1:
        t = round(t + 0.02, 2)
    return c if t == 0 else mix(c, (0, 0, 0), t)


def min_alpha(fg: RGB, bg: RGB, target: float = MIN_CONTRAST) -> float:
    """The least opacity of fg over bg that still reads at `target` (material dims inactive tabs to 0.7)."""
    for step in range(0, 101, 5):
        alpha = step / 100
        if contrast(mix(bg, fg, alpha), bg) >= target:
            return alpha
    return 1.0


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def brand_colours(user: dict) -> tuple[RGB, RGB]:
    """(primary, accent): extra.brand.primary/accent, else theme.palette.primary/accent, else the defaults."""
    brand = _dict(_dict(user.get("extra")).get("brand"))
    pal = _dict(user.get("theme")).get("palette")
    pal = _dict(pal[0] if isinstance(pal, list) and pal else pal)
    primary = parse(brand.get("primary")) or parse(pal.get("primary")) or parse(DEFAULT_PRIMARY)
    accent = parse(brand.get("accent")) or parse(pal.get("accent")) or parse(DEFAULT_ACCENT)
    assert primary is not None and accent is not None
    return primary, accent


def palette_css(user: dict) -> str:
    """CSS for material's `custom` palette and profkarta's own variables: every text colour ≥ 4.5:1."""
    primary_raw, accent_raw = brand_colours(user)
    primary = readable_on_white(primary_raw)  # header and tab bar (white text) and links on white
    accent = readable_on_white(accent_raw)  # hover links, button backgrounds with white text
    tab = max(0.7, min_alpha(WHITE, primary))
    light = mix(primary, WHITE, 0.18)
    dark = mix(primary, (0, 0, 0), 0.25)
    return (
        f":root {{ --pk-navy: {hex_of(primary)}; --pk-orange: {hex_of(accent_raw)}; "
        f"--pk-orange-text: {hex_of(readable_on_white(accent_raw, 5.0))}; --pk-tab-opacity: {tab:g}; }}\n"
        f'[data-md-color-primary="custom"] {{ --md-primary-fg-color: {hex_of(primary)}; '
        f"--md-primary-fg-color--light: {hex_of(light)}; --md-primary-fg-color--dark: {hex_of(dark)}; "
        f"--md-primary-bg-color: #ffffff; --md-primary-bg-color--light: rgba(255, 255, 255, {tab:g}); "
        f"--md-typeset-a-color: {hex_of(primary)}; }}\n"
        f'[data-md-color-accent="custom"] {{ --md-accent-fg-color: {hex_of(accent)}; '
        f"--md-accent-fg-color--transparent: {hex_of(accent_raw)}1a; "
        f"--md-accent-bg-color: #ffffff; --md-accent-bg-color--light: rgba(255, 255, 255, 0.7); }}\n")
