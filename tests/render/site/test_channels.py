"""Slides, embeds, the offline kit, the plan sheet, team activity, hotlines and opt-in analytics in a built site."""

from __future__ import annotations

import json
import re

import pytest
from htmlscan import scan
from PIL import Image

from profkarta import urls

pytestmark = pytest.mark.slow
CL, MAP = "demo-mashinostroenie", "tehnolog"


def test_map_page_offers_slides_plan_sheet_and_embed_code(built_site):
    s = scan(built_site.site / urls.map_page(CL, MAP) / "index.html")
    hrefs = [a.get("href", "") for a in s.find("a")]
    assert any(h.endswith(urls.map_slides(CL, MAP)) for h in hrefs) and "Показать на уроке" in s.text
    assert any(h.endswith(urls.map_plan_pdf(CL, MAP)) for h in hrefs) and "Мой карьерный план" in s.text
    assert (built_site.site / urls.map_plan_pdf(CL, MAP)).is_file()
    code = (built_site.site / urls.map_page(CL, MAP) / "index.html").read_text(encoding="utf-8")
    area = re.search(r'<textarea id="pk-embed-code"[^>]*>(.*?)</textarea>', code, re.S).group(1)
    assert "&lt;iframe src=&#34;" + built_site.site_url + urls.embed_map(CL, MAP) in area.replace("&quot;", "&#34;")
    assert s.find("button", data_pk_copy="pk-embed-code")


def test_slides_are_one_standalone_file(built_site):
    html = (built_site.site / urls.map_slides(CL, MAP) / "index.html").read_text(encoding="utf-8")
    s = scan(built_site.site / urls.map_slides(CL, MAP) / "index.html")
    kinds = [a["data-kind"] for a in s.find("section", cls="slide")]
    assert kinds[0] == "title" and kinds[-1] == "qr" and kinds.count("stage") == 4
    assert kinds.count("branch") == 0 and "support" in kinds and "study" in kinds
    assert not s.find("link", rel="stylesheet") and not [a for t, a in s.tags if t == "script" and a.get("src")]
    assert "data:font/woff2;base64," in html  # the site's own fonts, inside the file
    assert not re.search(r'(src|href)="(https?:)?//', html.replace(f'href="{built_site.site_url}', ""))
    assert "Как подняться выше" in s.text and "Где учиться" in s.text and "в среднем" in s.text
    assert "mc.yandex" not in html and "matomo" not in html


def test_embeds_have_no_site_chrome_and_open_the_site_in_a_new_tab(built_site):
    for rel in (urls.embed_map(CL, MAP), urls.embed_college(CL, "dpk")):
        path = built_site.site / rel / "index.html"
        s = scan(path)
        html = path.read_text(encoding="utf-8")
        assert "md-header" not in html and "md-footer" not in html and "md-nav" not in html
        links = s.find("a")
        assert links and all(a["target"] == "_blank" and "noopener" in a["rel"] for a in links)
        assert all(a["href"].startswith(built_site.site_url) and "utm_source=embed" in a["href"] for a in links)
        assert "document.cookie" not in html and "localStorage" not in html and "profkarta:height" in html
        assert not re.search(r'(src|href)="(https?:)?//', html.replace(f'href="{built_site.site_url}', ""))
    college = scan(built_site.site / urls.embed_college(CL, "dpk") / "index.html")
    assert len(college.find("a")) == 2  # the college's two published maps (the draft is not published)


def test_offline_kit_manifest_icons_worker_and_lists(built_site):
    site = built_site.site
    manifest = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["start_url"] == "./" and manifest["scope"] == "./" and manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        with Image.open(site / icon["src"]) as im:
            assert f"{im.width}x{im.height}" == icon["sizes"] and im.format == "PNG"
    assert {i["purpose"] for i in manifest["icons"]} == {"any", "maskable"}
    sw = (site / "sw.js").read_text(encoding="utf-8")
    assert "__PK_BUILD__" not in sw and "http" not in sw.replace("https://", "").split("*/", 1)[1]
    assert 'request.method !== "GET"' in sw and "self.location.origin" in sw and "response.ok" in sw
    home = scan(site / "index.html")
    assert home.find("link", rel="manifest")[0]["href"] == "manifest.webmanifest"
    listed = json.loads((site / "offline" / f"{CL}.json").read_text(encoding="utf-8"))
    for rel in listed["files"]:
        assert (site / rel / "index.html").is_file() or (site / rel).is_file(), rel
        assert not rel.startswith(("/", "http")) and ".." not in rel
    files = set(listed["files"])
    assert {urls.map_page(CL, MAP), urls.map_slides(CL, MAP), urls.cluster_page(CL)} <= files
    assert "assets/profkarta/site.min.css" in files and any(f.startswith(f"assets/logos/{CL}/") for f in files)
    assert urls.map_page(CL, "chernovik") not in files  # a draft is not published, so not saved either
    for rel in (urls.cluster_page(CL), urls.team_page("dpk-metall")):
        box = scan(site / rel / "index.html").find("section", cls="pk-offline")
        assert box and box[0]["data-pk-offline"].endswith(f"offline/{CL}.json")
    help_page = scan(site / "offline" / "index.html").text
    assert "Android" in help_page and "iPhone" in help_page and "На экран" in help_page


def test_team_page_shows_activity(site_project):
    from profkarta.commands.build import build

    team = site_project / "content" / "ambassadors" / "dpk-metall.md"
    head, rest = team.read_text(encoding="utf-8").split("\n---", 1)
    team.write_text(head + "\nactivity:\n  - date: 2026-04-08\n    title: Урок в школе № 5 <b>жирно</b>\n"
                    "    place: СОШ № 5\n    audience: 8 классы\n    reached: 54\n"
                    "  - date: 2026-05-20\n    title: Экскурсия\n    reached: 1200\n---" + rest, encoding="utf-8")
    site = site_project / "site"
    build(site_project, site, site_url="https://karty.example.test/", with_print=False, workers=1)
    html = (site / urls.team_page("dpk-metall") / "index.html").read_text(encoding="utf-8")
    s = scan(site / urls.team_page("dpk-metall") / "index.html")
    assert "Что мы сделали" in s.text and "Мероприятий: 2, охвачено человек: 1 254" in s.text
    assert s.text.index("Экскурсия") < s.text.index("Урок в школе")  # the newest first
    assert "&lt;b&gt;жирно&lt;/b&gt;" in html and "20 мая 2026" in s.text


def test_hotlines_are_shown_only_when_the_data_has_them(built_site, monkeypatch):
    from profkarta.refdata import hotlines

    assert hotlines.hotlines("ambassadors") == []  # the package ships no number it cannot source
    assert "Горячие линии" not in scan(built_site.site / urls.team_page("dpk-metall") / "index.html").text
    monkeypatch.setattr(hotlines, "_all", lambda: (hotlines.Hotline("ambassadors", "Линия для проверки", None,
                                                                    "test@example.ru", None, "тест"),))
    from profkarta.render.site.pages import make_env

    html = make_env().get_template("_hotlines.html").render(hotline_topic="ambassadors")
    assert "Линия для проверки" in html and "mailto:test@example.ru" in html


def test_analytics_is_opt_in_and_stays_out_of_slides_and_embeds(site_project):
    from profkarta.commands.build import build

    site = site_project / "site0"
    build(site_project, site, site_url="https://karty.example.test/", with_print=False, workers=1)
    assert not [p for p in site.rglob("*.html") if "mc.yandex" in p.read_text(encoding="utf-8")]
    cfg = site_project / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("extra:\n", "extra:\n  analytics:\n    provider: yandex\n"
                                                           "    counter: 12345678\n", 1), encoding="utf-8")
    site = site_project / "site1"
    r = build(site_project, site, site_url="https://karty.example.test/", with_print=False, workers=1)
    counted = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if "mc.yandex" in p.read_text("utf-8")}
    assert "index.html" in counted and urls.map_page(CL, MAP) + "index.html" in counted
    assert not [p for p in counted if p.startswith(("embed/", "q/")) or "/slides/" in p]
    assert "ym(12345678" in (site / "index.html").read_text(encoding="utf-8")
    assert not r.notes or all("analytics" not in n for n in r.notes)


def test_unknown_analytics_is_left_out_with_a_warning():
    from profkarta.render.site.config import analytics_setting

    warnings: list[str] = []
    assert analytics_setting({"provider": "google", "property": "G-XXXX"}, warnings) is None and warnings
    assert analytics_setting({"provider": "matomo", "url": "https://stats.college.ru", "site_id": 3}, []) == {
        "provider": "matomo", "url": "https://stats.college.ru/", "site_id": 3}
    assert analytics_setting(None, []) is None


def test_plan_sheet_is_one_a4_page_with_stages_and_a_plan_qr(built_site):
    import subprocess

    import zxingcpp
    from pypdf import PdfReader

    path = built_site.site / urls.map_plan_pdf(CL, MAP)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = reader.pages[0].extract_text()
    assert "Мой карьерный план" in text and "Практикант" in text and "Руководитель" in text
    png = path.with_suffix(".png")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(path), str(path.with_suffix(""))], check=True)
    with Image.open(png) as im:
        [code] = [b.text for b in zxingcpp.read_barcodes(im.convert("L"))]
    png.unlink()
    target = (built_site.site / code[len(built_site.site_url):] / "index.html").read_text(encoding="utf-8")
    assert f"../../{urls.map_page(CL, MAP)}?utm_source=plan&amp;utm_medium=plan" in target


def test_slides_and_embeds_come_from_the_cache_when_nothing_changed(site_project):
    from profkarta.commands.build import build

    first = build(site_project, site_project / "s1", site_url="https://karty.example.test/", with_print=False,
                  workers=1)
    assert first.site.channels_rendered == first.site.maps and first.site.channels_reused == 0
    second = build(site_project, site_project / "s2", site_url="https://karty.example.test/", with_print=False,
                   workers=1)
    assert second.site.channels_rendered == 0 and second.site.channels_reused == second.site.maps
    rel = urls.map_slides(CL, MAP) + "index.html"
    assert (site_project / "s1" / rel).read_bytes() == (site_project / "s2" / rel).read_bytes()
    path = site_project / "career_maps" / CL / f"{MAP}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("max: 38000", "max: 39000"), encoding="utf-8")
    third = build(site_project, site_project / "s3", site_url="https://karty.example.test/", with_print=False,
                  workers=1)
    assert third.site.channels_rendered == 1
    assert "39\u00a0000" in (site_project / "s3" / rel).read_text(encoding="utf-8")
