"""Search engines and sharing, brand colours, and the page weight rules (sizes, no blocking script, minified)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from profkarta.render.site import palette
from profkarta.render.site.text import clip

PAGES = ["index.html", "maps/demo-mashinostroenie/tehnolog/index.html", "clusters/demo-mashinostroenie/index.html",
         "ambassadors/dpk-metall/index.html", "popularization/sverdlovsk-2026/index.html", "about/index.html"]


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _head(html: str) -> str:
    return html[: html.index("</head>")]


def test_clip_ends_on_a_whole_word_with_an_ellipsis():
    text = "Два колледжа Казани и ИТ-компании республики готовят программистов со второго курса"
    short = clip(text, 40)
    assert short.endswith("…") and len(short) <= 41
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "  # cut right before a space
    assert clip("коротко", 40) == "коротко"


@pytest.mark.parametrize("name,expect_changed", [("indigo", False), ("#ffec3d", True), ("#f07d00", True)])
def test_brand_colours_are_darkened_only_as_far_as_reading_needs(name, expect_changed):
    css = palette.palette_css({"extra": {"brand": {"primary": name, "accent": name}}})
    primary = palette.parse(re.search(r"--md-primary-fg-color: (#[0-9a-f]{6})", css).group(1))
    accent = palette.parse(re.search(r"--md-accent-fg-color: (#[0-9a-f]{6})", css).group(1))
    for c in (primary, accent):
        assert palette.contrast(c, palette.WHITE) >= 4.5
    assert (primary != palette.parse(name)) is expect_changed
    tab = float(re.search(r"--pk-tab-opacity: ([\d.]+)", css).group(1))
    assert palette.contrast(palette.mix(primary, palette.WHITE, tab), primary) >= 4.5


def test_material_palette_name_in_mkdocs_yml_becomes_the_brand_colour():
    css = palette.palette_css({"theme": {"palette": {"primary": "deep purple", "accent": "amber"}}})
    assert "--md-primary-fg-color: #7e56c2" in css  # dark enough already: kept as it is


def test_generated_config_always_uses_the_custom_palette(built_site):
    html = _html(built_site.site, "index.html")
    assert 'data-md-color-primary="custom"' in html and 'data-md-color-accent="custom"' in html
    assert "stylesheets/palette." not in _head(html)  # nothing in it for custom colours


def test_home_title_does_not_repeat_the_site_name_and_others_end_with_it(built_site):
    site = built_site.site
    home = re.search(r"<title>(.*?)</title>", _html(site, "index.html")).group(1)
    assert home == "Карьерные карты — тест"
    about = re.search(r"<title>(.*?)</title>", _html(site, "about/index.html")).group(1)
    assert about == "О проекте — Карьерные карты — тест"


def test_descriptions_are_short_and_end_on_a_whole_word(built_site):
    for rel in PAGES:
        head = _head(_html(built_site.site, rel))
        for pattern in (r'<meta name="description" content="([^"]*)"',
                        r'<meta property="og:description" content="([^"]*)"'):
            desc = re.search(pattern, head).group(1)
            assert 0 < len(desc) <= 260, (rel, desc)  # escaped entities add a little
            if desc.endswith("…"):
                assert desc[-2] not in " ,;:", (rel, desc)


def test_robots_txt_names_the_sitemap(built_site):
    text = (built_site.site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in text and f"Sitemap: {built_site.site_url}sitemap.xml" in text


def test_sitemap_lastmod_comes_from_the_data(built_site):
    site = built_site.site
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    entries = dict(re.findall(r"<loc>(.*?)</loc>\s*(?:<lastmod>(.*?)</lastmod>)?", xml))
    tehnolog = yaml.safe_load((built_site.root / "career_maps/demo-mashinostroenie/tehnolog.yaml").read_text("utf-8"))
    page = built_site.site_url + "maps/demo-mashinostroenie/tehnolog/"
    assert entries[page] == tehnolog["approval"]["date"].isoformat()
    assert entries[built_site.site_url + "about/"] == ""  # a hand-written page: no date in its data
    assert dt.date.today().isoformat() not in set(entries.values()) - {tehnolog["approval"]["date"].isoformat()}
    import gzip

    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == xml


def test_images_are_sized_and_only_below_the_fold_lazy(built_site):
    for rel in PAGES:
        html = _html(built_site.site, rel)
        for tag in re.findall(r"<img\b[^>]*>", html):
            assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), (rel, tag)
            if "pk-logo--college" in tag or "pk-logo--brand" in tag or "pk-logo--industry" in tag:
                assert 'loading="lazy"' not in tag, (rel, tag)
        assert 'alt="logo"' not in html
        assert re.search(r'<img src="[^"]*assets/brand/logo\.[a-z]+" alt="Логотип', html), rel


def test_no_script_file_in_head_and_own_assets_are_minified(built_site):
    site = built_site.site
    for rel in PAGES:
        head = _head(_html(site, rel))
        assert not re.search(r"<script[^>]*\bsrc=", head), rel
        own = re.findall(r'href="([^"]*assets/profkarta/[^"]+\.css)"', head)
        assert own and all(u.endswith(".min.css") for u in own), (rel, own)
        assert "profkarta.min.js" in _html(site, rel) and "pk-search-ru.js" in _html(site, rel)
    css = (site / "assets/profkarta/site.min.css").read_text(encoding="utf-8")
    assert "\n  " not in css and "/* " not in css and "--md-primary-fg-color" in css
    src = (site / "assets/profkarta/profkarta.js").stat().st_size
    assert (site / "assets/profkarta/profkarta.min.js").stat().st_size < src * 0.9


def test_minified_assets_are_the_same_every_time(tmp_path):
    import shutil

    from profkarta.render.site.assets import bundle
    from profkarta.render.site.pages import theme_dir

    outs = []
    for i in range(2):
        folder = tmp_path / str(i)
        shutil.copytree(theme_dir() / "overrides", folder)
        bundle(folder, palette.palette_css({}))
        outs.append([(folder / "assets/profkarta" / n).read_bytes()
                     for n in ("site.min.css", "profkarta.min.js")])
    assert outs[0] == outs[1]


def test_share_image_fits_a_long_title_without_cutting_a_word(tmp_path):
    from PIL import Image, ImageDraw

    from profkarta.render.site import share

    title = ("Монтаж, техническое обслуживание и ремонт медицинской техники с применением информационно-"
             "коммуникационных технологий и систем искусственного интеллекта в условиях цифровой трансформации")
    college = "Государственное автономное профессиональное образовательное учреждение «Очень длинный колледж»"
    d = ImageDraw.Draw(Image.new("RGB", (share.W, share.H)))
    room = share.H - 160 - 242
    big, lines, step, _small, clines, cstep = share.title_block(d, title, college, room)
    assert " ".join(lines) == " ".join(title.split()) and " ".join(clines) == college
    assert all(d.textlength(line, font=big) <= share.W - 128 for line in lines)
    assert len(lines) * step + 8 + len(clines) * cstep <= room
    out = tmp_path / "s.png"
    share.draw_share(("«Профессионалитет»", "Специальность 12.02.06", title, college, "Зарплата: от 1 ₽",
                      "Машиностроение · Ханты-Мансийский автономный округ — Югра", ""), out)
    assert Image.open(out).size == (1200, 630)
