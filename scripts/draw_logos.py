#!/usr/bin/env python3
"""Рисует все логотипы демонстрационного проекта — простые абстрактные знаки с инициалами.

Скрипт читает каждый career_maps/<кластер>/cluster.yaml и рисует картинку для каждого пути,
на который там есть ссылка:
  * industry_logo — пиктограмма отрасли (шестерёнка для машиностроения, монитор для ИТ, …);
  * логотипы колледжей — квадратный знак 256×256 с краткими инициалами;
  * логотипы работодателей — знак с инициалами и названием 320×120.
Формат выбирается по расширению файла: .png (Pillow) или .svg (простой SVG-текст: только
прямоугольники, круги, многоугольники, линии и текст; без скриптов, DOCTYPE и внешних ссылок).
Кроме того, рисуется заглушка логотипа «Профессионалитета» theme/brand/professionalitet-placeholder.svg,
которую нужно заменить официальным логотипом.

Результат детерминирован: цвета выбираются по хешу id, а не случайно. Реальных товарных знаков
нет — все организации вымышленные.

Запуск из корня репозитория:  python scripts/draw_logos.py   (или с путём к проекту)
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import yaml
from PIL import Image, ImageDraw, ImageFont

# Палитра спокойных «корпоративных» цветов; цвет знака выбирается по хешу его id.
PALETTE = [
    "#1f4e9e", "#0b6e4f", "#8a3b12", "#5b2a86", "#0e7490", "#9f1239",
    "#3f6212", "#b45309", "#1e3a8a", "#7c2d12", "#115e59", "#6b21a8",
]
NAVY = "#14285a"
ORANGE = "#f07d00"
FONT_FAMILY = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]

# Инициалы, которые не выводятся из названия автоматически (ключ — id работодателя/колледжа).
INITIALS = {
    "sever-stanok": "ССК",
    "ural-privod": "УП",
    "demo-media": "ДМ",
    "piksel": "П",
    "gorbolnica": "ГБ1",
    "perinatal": "ПЦ",
    "skoraya": "03",
}


def color_for(key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]


def rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def quoted_name(name: str) -> str:
    """«Северная станкостроительная компания» из «АО «Северная …»»; без кавычек — всё название."""
    m = re.search(r"«(.+)»", name)
    inner = m.group(1) if m else name
    return inner.replace("„", "").replace("“", "").replace("«", "").replace("»", "").strip()


def initials(key: str, name: str, short: str | None = None) -> str:
    if key in INITIALS:
        return INITIALS[key]
    if short:
        return short[:4]
    words = [w for w in re.split(r"[\s\-]+", quoted_name(name)) if w and w[0].isalpha()]
    return "".join(w[0].upper() for w in words[:3]) or key[:2].upper()


# ---------------------------------------------------------------- шрифт и текст в PNG

_FONT_PATH: str | None = next((p for p in FONT_CANDIDATES if Path(p).is_file()), None)


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if _FONT_PATH:
        return ImageFont.truetype(_FONT_PATH, size)
    return ImageFont.load_default(size)


def fit_font(draw: ImageDraw.ImageDraw, text: str, max_w: int, start: int, smallest: int = 10):
    size = start
    while size > smallest:
        f = font(size)
        left, _, right, _ = draw.textbbox((0, 0), text, font=f)
        if right - left <= max_w:
            return f
        size -= 1
    return font(smallest)


def centred_text(draw, box, text, fill, start_size):
    x0, y0, x1, y1 = box
    f = fit_font(draw, text, int((x1 - x0) * 0.84), start_size)
    draw.text(((x0 + x1) / 2, (y0 + y1) / 2), text, font=f, fill=fill, anchor="mm")


def wrap(text: str, max_lines: int = 2) -> list[str]:
    words = text.split()
    if len(words) <= 1 or max_lines == 1:
        return [text]
    best = None
    for cut in range(1, len(words)):  # самый ровный перенос на две строки
        a, b = " ".join(words[:cut]), " ".join(words[cut:])
        score = max(len(a), len(b))
        if best is None or score < best[0]:
            best = (score, [a, b])
    return best[1]


# ---------------------------------------------------------------- SVG

def svg_doc(width: int, height: int, body: list[str], title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">\n'
        f"  <title>{escape(title)}</title>\n" + "".join(f"  {line}\n" for line in body) + "</svg>\n"
    )


def svg_text(x: float, y: float, text: str, size: float, fill: str = "#ffffff", weight: str = "bold",
             anchor: str = "middle") -> str:
    return (f'<text x="{x:g}" y="{y:g}" font-family="{FONT_FAMILY}" font-size="{size:g}" '
            f'font-weight="{weight}" fill="{fill}" text-anchor="{anchor}">{escape(text)}</text>')


def svg_font_size(text: str, max_w: float, start: float) -> float:
    # средняя ширина знака жирного DejaVu Sans: строчные ≈ 0,72 кегля, прописные ≈ 0,82
    # (кириллица шире латиницы); берём с запасом, чтобы текст не вылезал за знак
    per_char = 0.82 if text.upper() == text else 0.72
    return round(min(start, max_w / max(1, len(text)) / per_char), 1)


def pts(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


# ---------------------------------------------------------------- пиктограммы отраслей
# Каждая пиктограмма — список фигур в координатах квадрата 0…256; из него рисуются и SVG, и PNG.

def gear_points(cx, cy, r_out, r_in, teeth):
    out = []
    step = 2 * math.pi / teeth
    for i in range(teeth):
        a = i * step
        for da, r in ((-0.28, r_in), (-0.17, r_out), (0.17, r_out), (0.28, r_in)):
            out.append((cx + r * math.cos(a + da * step * 1.6), cy + r * math.sin(a + da * step * 1.6)))
    return out


def pictogram(industry: str) -> list[tuple]:
    """Фигуры: ("circle", cx, cy, r, fill) | ("rect", x, y, w, h, rx, fill) | ("poly", points, fill)
    | ("line", x1, y1, x2, y2, width, fill)."""
    w = "#ffffff"
    ind = industry.lower()
    if "машиностро" in ind or "металл" in ind:
        return [("poly", gear_points(128, 128, 88, 68, 10), w), ("circle", 128, 128, 30, None)]
    if "информацион" in ind or "радиоэлектр" in ind:
        return [("rect", 48, 62, 160, 104, 10, w), ("rect", 60, 74, 136, 80, 4, None),
                ("rect", 112, 166, 32, 20, 0, w), ("rect", 84, 184, 88, 12, 6, w),
                ("poly", [(86, 114), (104, 98), (104, 106), (95, 114), (104, 122), (104, 130)], w),
                ("poly", [(170, 114), (152, 98), (152, 106), (161, 114), (152, 122), (152, 130)], w),
                ("line", 136, 96, 120, 134, 6, w)]
    if "медицин" in ind:
        return [("rect", 104, 52, 48, 152, 8, w), ("rect", 52, 104, 152, 48, 8, w)]
    if "искусств" in ind or "креатив" in ind:
        return [("circle", 128, 128, 84, w), ("circle", 150, 166, 20, None),
                ("circle", 90, 110, 15, ORANGE), ("circle", 124, 82, 15, "#e11d48"),
                ("circle", 164, 100, 15, "#16a34a"), ("circle", 96, 154, 15, "#2563eb")]
    if "педагог" in ind:
        return [("poly", [(40, 84), (128, 60), (216, 84), (216, 188), (128, 212), (40, 188)], w),
                ("line", 128, 64, 128, 208, 8, None)]
    if "туризм" in ind or "сервис" in ind or "услуг" in ind:
        return [("rect", 64, 100, 128, 92, 12, w), ("rect", 100, 72, 56, 36, 10, w),
                ("rect", 112, 82, 32, 20, 4, None)]
    if "сельск" in ind or "лесн" in ind:
        return [("poly", [(128, 40), (196, 150), (148, 150), (148, 212), (108, 212), (108, 150), (60, 150)], w)]
    # прочие отрасли: ромб с кругом
    return [("poly", [(128, 44), (212, 128), (128, 212), (44, 128)], w), ("circle", 128, 128, 30, None)]


def industry_svg(industry: str, bg: str) -> str:
    body = [f'<circle cx="128" cy="128" r="124" fill="{bg}"/>']
    for shape in pictogram(industry):
        kind, *args = shape
        fill = args[-1] or bg
        if kind == "circle":
            cx, cy, r, _ = args
            body.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"/>')
        elif kind == "rect":
            x, y, wd, ht, rx, _ = args
            body.append(f'<rect x="{x}" y="{y}" width="{wd}" height="{ht}" rx="{rx}" fill="{fill}"/>')
        elif kind == "poly":
            points, _ = args
            body.append(f'<polygon points="{pts(points)}" fill="{fill}"/>')
        elif kind == "line":
            x1, y1, x2, y2, width, _ = args
            body.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{fill}" '
                        f'stroke-width="{width}" stroke-linecap="round"/>')
    return svg_doc(256, 256, body, f"Пиктограмма отрасли: {industry}")


def industry_png(industry: str, bg: str) -> Image.Image:
    scale = 4  # рисуем крупно и уменьшаем — края получаются гладкими
    im = Image.new("RGBA", (256 * scale, 256 * scale), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    d.ellipse([4 * scale, 4 * scale, 252 * scale, 252 * scale], fill=bg)
    for kind, *args in pictogram(industry):
        fill = args[-1] or bg
        if kind == "circle":
            cx, cy, r, _ = args
            d.ellipse([(cx - r) * scale, (cy - r) * scale, (cx + r) * scale, (cy + r) * scale], fill=fill)
        elif kind == "rect":
            x, y, wd, ht, rx, _ = args
            d.rounded_rectangle([x * scale, y * scale, (x + wd) * scale, (y + ht) * scale], rx * scale, fill=fill)
        elif kind == "poly":
            points, _ = args
            d.polygon([(x * scale, y * scale) for x, y in points], fill=fill)
        elif kind == "line":
            x1, y1, x2, y2, width, _ = args
            d.line([x1 * scale, y1 * scale, x2 * scale, y2 * scale], fill=fill, width=width * scale)
    return im.resize((256, 256), Image.LANCZOS)


# ---------------------------------------------------------------- колледжи (256×256)

def college_svg(text: str, name: str, bg: str) -> str:
    size = svg_font_size(text, 170, 84)
    body = [
        f'<rect x="8" y="8" width="240" height="240" rx="40" fill="{bg}"/>',
        '<rect x="28" y="28" width="200" height="200" rx="28" fill="none" stroke="#ffffff" stroke-width="6"/>',
        f'<rect x="28" y="180" width="200" height="14" fill="{ORANGE}"/>',
        svg_text(128, 128 + size * 0.36, text, size),
    ]
    return svg_doc(256, 256, body, name)


def college_png(text: str, bg: str) -> Image.Image:
    im = Image.new("RGB", (256, 256), "#ffffff")
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([8, 8, 248, 248], 40, fill=bg)
    d.rounded_rectangle([28, 28, 228, 228], 28, outline="#ffffff", width=6)
    d.rectangle([28, 180, 228, 194], fill=ORANGE)
    centred_text(d, (28, 60, 228, 170), text, "#ffffff", 84)
    return im


# ---------------------------------------------------------------- работодатели (320×120)

def employer_svg(text: str, name: str, bg: str) -> str:
    lines = wrap(quoted_name(name))
    size = min(svg_font_size(line, 196, 22) for line in lines)
    mark = svg_font_size(text, 72, 40)
    body = [
        '<rect x="0" y="0" width="320" height="120" rx="14" fill="#ffffff"/>',
        f'<rect x="10" y="10" width="100" height="100" rx="18" fill="{bg}"/>',
        f'<circle cx="92" cy="28" r="8" fill="{ORANGE}"/>',
        svg_text(60, 60 + mark * 0.36, text, mark),
    ]
    y0 = 60 - (len(lines) - 1) * size * 0.6 + size * 0.36
    for i, line in enumerate(lines):
        body.append(svg_text(122, round(y0 + i * size * 1.2, 1), line, size, fill=bg, anchor="start"))
    return svg_doc(320, 120, body, name)


def employer_png(text: str, name: str, bg: str) -> Image.Image:
    im = Image.new("RGB", (320, 120), "#ffffff")
    d = ImageDraw.Draw(im)
    d.rounded_rectangle([10, 10, 110, 110], 18, fill=bg)
    d.ellipse([84, 20, 100, 36], fill=ORANGE)
    centred_text(d, (10, 10, 110, 110), text, "#ffffff", 40)
    lines = wrap(quoted_name(name))
    f = min((fit_font(d, line, 190, 22) for line in lines), key=lambda x: x.size if hasattr(x, "size") else 0)
    line_h = (f.size if hasattr(f, "size") else 12) * 1.25
    y = 60 - (len(lines) - 1) * line_h / 2
    for i, line in enumerate(lines):
        d.text((122, y + i * line_h), line, font=f, fill=bg, anchor="lm")
    return im


# ---------------------------------------------------------------- заглушка логотипа «Профессионалитета»

def brand_placeholder() -> str:
    body = [
        '<rect x="4" y="4" width="552" height="152" rx="12" fill="#ffffff" stroke="#14285a" '
        'stroke-width="4" stroke-dasharray="14 8"/>',
        f'<rect x="20" y="20" width="120" height="120" rx="10" fill="{NAVY}"/>',
        f'<polygon points="80,36 124,80 80,124 36,80" fill="{ORANGE}"/>',
        '<line x1="36" y1="36" x2="124" y2="124" stroke="#ffffff" stroke-width="4"/>',
        '<line x1="124" y1="36" x2="36" y2="124" stroke="#ffffff" stroke-width="4"/>',
        svg_text(158, 62, "ЛОГОТИП", 26, fill=NAVY, anchor="start"),
        svg_text(158, 94, "ПРОФЕССИОНАЛИТЕТА", 26, fill=NAVY, anchor="start"),
        svg_text(158, 128, "— ЗАМЕНИТЕ —", 22, fill=ORANGE, anchor="start"),
        svg_text(544, 146, "заглушка: theme/brand/professionalitet-placeholder.svg", 9,
                 fill="#555555", weight="normal", anchor="end"),
    ]
    return svg_doc(560, 160, body, "Заглушка: сюда помещается официальный логотип «Профессионалитета»")


# ---------------------------------------------------------------- сборка

def write(path: Path, data: str | Image.Image) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="\n")
    else:
        data.save(path, format="PNG", optimize=True)
    here = Path.cwd().resolve()
    print(f"  {path.resolve().relative_to(here) if path.resolve().is_relative_to(here) else path}")


def draw_cluster(cdir: Path) -> int:
    cluster = yaml.safe_load((cdir / "cluster.yaml").read_text(encoding="utf-8")) or {}
    count = 0
    industry = str(cluster.get("industry", ""))
    if cluster.get("industry_logo"):
        path = cdir / cluster["industry_logo"]
        bg = NAVY
        write(path, industry_svg(industry, bg) if path.suffix == ".svg" else industry_png(industry, bg))
        count += 1
    for college in cluster.get("colleges") or []:
        key, name = college["id"], college.get("name", college["id"])
        text, bg = initials(key, name, college.get("short_name")), color_for(cdir.name + "/" + key)
        path = cdir / college["logo"]
        write(path, college_svg(text, name, bg) if path.suffix == ".svg" else college_png(text, bg))
        count += 1
    for employer in cluster.get("employers") or []:
        key, name = employer["id"], employer.get("name", employer["id"])
        text, bg = initials(key, name), color_for(cdir.name + "/" + key)
        path = cdir / employer["logo"]
        write(path, employer_svg(text, name, bg) if path.suffix == ".svg" else employer_png(text, name, bg))
        count += 1
    return count


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    maps = root / "career_maps"
    if not maps.is_dir():
        print(f"нет папки {maps}", file=sys.stderr)
        return 1
    total = 0
    for cdir in sorted(p for p in maps.iterdir() if (p / "cluster.yaml").is_file()):
        print(f"{cdir.name}:")
        total += draw_cluster(cdir)
    print("theme/brand:")
    write(root / "theme" / "brand" / "professionalitet-placeholder.svg", brand_placeholder())
    print(f"нарисовано логотипов: {total + 1}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
