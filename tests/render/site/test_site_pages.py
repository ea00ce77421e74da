"""Structural tests of the generated site: catalog.json, nav, map/team/programme pages, escaping, offline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from htmlscan import scan
from PIL import Image

from profkarta import urls

pytestmark = pytest.mark.slow
CL = "demo-mashinostroenie"


def page(site: Path, rel: str) -> Path:
    return site / rel / "index.html"


def test_catalog_json_lists_published_maps_with_absolute_urls_and_pdfs(built_site):
    data = json.loads((built_site.site / "catalog.json").read_text(encoding="utf-8"))
    maps = {m["id"]: m for m in data}
    assert set(maps) == {"tehnolog", "operator"}  # the draft is left out
    m = maps["tehnolog"]
    assert m["cluster"] == CL and m["college"] == "dpk"
    assert m["program"] == {"code": "15.02.16", "title": "Технология машиностроения", "kind": "specialty",
                            "qualification": "Техник-технолог",
                            "group": {"code": "15.00.00", "title": "Машиностроение"}}
    assert m["url"] == built_site.site_url + "maps/demo-mashinostroenie/tehnolog/"
    assert set(m["pdf"]) == {"a4", "a3"}
    for rel in m["pdf"].values():
        assert not rel.startswith("/") and (built_site.site / rel).is_file()


def test_nav_holds_only_top_sections_never_maps(built_site):
    html = (built_site.site / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a [^>]*class="md-(?:nav|tabs)__link[^"]*"[^>]*>\s*([^<]*)', html)
    anchors = re.findall(r'<a [^>]*class="md-(?:nav|tabs)__link[^"]*"[^>]*>', html)
    assert anchors, "navigation not found"
    assert not [a for a in anchors if "maps/" in a]
    labels = " ".join(links) + html
    for label in ("Главная", "Кластеры", "Амбассадоры", "Популяризация", "О проекте"):
        assert label in labels
    # every map page is built all the same
    assert page(built_site.site, urls.map_page(CL, "operator")).is_file()


def test_map_page_has_every_part_of_the_guideline(built_site):
    s = scan(page(built_site.site, urls.map_page(CL, "tehnolog")))
    text = s.text
    assert "Технология машиностроения" in text and "15.02.16" in text and "Техник-технолог" in text
    assert "3 года 10 месяцев" in text
    for position in ("Техник-технолог", "Наладчик станков с ЧПУ", "Мастер участка"):
        assert position in text
    assert len(s.find("li", cls="pk-step")) == 4
    assert len(s.find("div", cls="pk-bar")) == 4
    raw = page(built_site.site, urls.map_page(CL, "tehnolog")).read_text(encoding="utf-8")
    assert "28\u00a0000\u00a0₽" in raw and "170\u00a0000\u00a0₽" in raw
    for head in ("Колледж поддерживает студента", "Социальные проекты работодателя", "Меры поддержки региона"):
        assert head in text
    assert "АО «Северная станкостроительная компания»" in text and "ООО «Уральские приводы»" in text
    assert s.find("a", href="tel:+73432174001") and s.find("a", href="mailto:priem@dpk.example.ru")
    assert "протокол № 7 от 15\u00a0июня 2026\u00a0г." in raw
    hrefs = [a.get("href", "") for _, a in s.tags if _ == "a"]
    assert any(h.endswith("print/demo-mashinostroenie/tehnolog-a4.pdf") for h in hrefs)
    assert any(h.endswith("print/demo-mashinostroenie/tehnolog-a3.pdf") for h in hrefs)
    for host in ("https://vk.com/share.php", "https://connect.ok.ru/offer", "https://t.me/share/url",
                 "https://max.ru/:share"):
        assert any(h.startswith(host) for h in hrefs), host
    assert s.find("summary", cls="pk-qr-open") and s.find("svg", cls="pk-qr-svg")
    alts = [a for t, a in s.tags if t == "img"]
    assert alts and all(a.get("alt", "").strip() for a in alts)
    assert any("Профессионалитет" in a["alt"] for a in alts) and any("машиностроение" in a["alt"] for a in alts)


def test_yaml_text_is_escaped_and_json_ld_cannot_close_its_script(built_site):
    html = page(built_site.site, urls.map_page(CL, "tehnolog")).read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(" in html
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert ld and "<" not in ld.group(1) and "\\u003c/script\\u003e" in ld.group(1)
    data = json.loads(ld.group(1))
    kinds = [n["@type"] for n in data["@graph"]]
    assert kinds[0] == "EducationalOccupationalProgram" and "Occupation" in kinds
    assert data["@graph"][0]["provider"]["name"].startswith("ГАПОУ СО")


def test_meta_tags_and_share_image(built_site):
    s = scan(page(built_site.site, urls.map_page(CL, "tehnolog")))
    og = {a["property"]: a["content"] for t, a in s.tags if t == "meta" and "property" in a}
    assert og["og:url"] == built_site.site_url + "maps/demo-mashinostroenie/tehnolog/"
    assert og["og:image"] == built_site.site_url + urls.share_image(CL, "tehnolog")
    assert og["og:title"] and og["og:description"] and og["og:locale"] == "ru_RU"
    assert s.find("meta", name="description")
    with Image.open(built_site.site / urls.share_image(CL, "tehnolog")) as im:
        assert im.size == (1200, 630) and im.format == "JPEG"


def test_team_page_applies_consent_and_sanitises_the_body(built_site):
    html = page(built_site.site, urls.team_page("dpk-metall")).read_text(encoding="utf-8")
    text = scan(page(built_site.site, urls.team_page("dpk-metall"))).text
    assert "Алексей Смирнов" in text  # consent: true
    assert "Дарья К." in text and "Кузнецова" not in html
    assert "Илья П." in text and "Попов" not in html
    assert "Иванова Мария Петровна" in text and "преподаватель специальных дисциплин" in text
    assert "alert(1)" not in html and "javascript:" not in html
    assert 'href="https://example.ru/"' in html and 'href="https://vk.com/dpk_metall_example"' in html
    assert "Технология машиностроения" in text  # the maps of its college


def test_programme_page_and_calendar_feed(built_site):
    text = scan(page(built_site.site, urls.programme_page("sverdlovsk-2026"))).text
    assert "федеральный минимум — 70 %" in text and "федеральный минимум — 60 %" in text
    assert "федеральный показатель — 100 %" in text  # students and the КЦП: all, not «at least»
    plan = scan(page(built_site.site, urls.plan_page("sverdlovsk-2026", 2026))).text
    assert "План мероприятий" in plan and "План информационной кампании" in plan
    assert "Обязательных мероприятий: 15, по выбору: 14." in plan
    ics = (built_site.site / urls.programme_page("sverdlovsk-2026") / "events.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR\r\n") and ics.endswith(b"END:VCALENDAR\r\n")
    lines = ics.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    unfolded = ics.decode("utf-8").replace("\r\n ", "")
    dated = sum(1 for i in range(29) if i % 3) + sum(1 for i in range(14) if i % 3)
    assert unfolded.count("BEGIN:VEVENT") == dated
    assert "«день открытых дверей»\\; тест" in unfolded and "Мероприятие № 1\\," in unfolded
    cal = scan(page(built_site.site, urls.programme_page("sverdlovsk-2026") + "calendar/")).text
    assert "Календарь мероприятий" in cal and "Добавить в календарь" in cal


def _hrefs(site, rel):
    return [a.get("href", "") for t, a in scan(page(site, rel)).tags if t == "a"]


def test_programme_plan_and_report_link_each_other(built_site):
    pid, site = "sverdlovsk-2026", built_site.site
    prog = _hrefs(site, urls.programme_page(pid))
    assert any(h.endswith(urls.plan_page(pid, 2026)) for h in prog)
    assert any(h.endswith(urls.report_page(pid, 2026)) for h in prog)
    assert any(h.endswith(urls.programme_pdf(pid)) for h in prog)
    plan = _hrefs(site, urls.plan_page(pid, 2026))
    assert any(h.endswith(urls.programme_page(pid)) for h in plan)
    assert any(h.endswith(urls.report_page(pid, 2026)) for h in plan) and any(h.endswith(urls.plan_pdf(pid, 2026))
                                                                            for h in plan)
    report = _hrefs(site, urls.report_page(pid, 2026))
    assert any(h.endswith(urls.report_csv(pid, 2026)) for h in report)
    assert any(h.endswith(urls.report_pdf(pid, 2026)) for h in report)
    assert any(h.endswith(urls.plan_page(pid, 2026)) for h in _hrefs(site, urls.programme_page(pid) + "calendar/"))
    for rel in (urls.programme_pdf(pid), urls.plan_pdf(pid, 2026), urls.report_pdf(pid, 2026),
                urls.report_csv(pid, 2026)):
        assert (site / rel).is_file() and (site / rel).stat().st_size > 500, rel
    text = scan(page(site, urls.report_page(pid, 2026))).text
    assert "итог не внесён" in text and "не выполнен" in text


def test_cluster_page_lists_its_maps_colleges_and_employers(built_site):
    s = scan(page(built_site.site, urls.cluster_page(CL)))
    assert "Образовательно-производственный центр (кластер)" in s.text and "Свердловская область" in s.text
    assert "Демонстрационный политехнический колледж" in s.text and "Уральские приводы" in s.text
    hrefs = [a.get("href", "") for t, a in s.tags if t == "a"]
    assert any(h.endswith("maps/demo-mashinostroenie/operator/") for h in hrefs)
    assert any(h.endswith(urls.college_booklet(CL, "dpk")) for h in hrefs)


def test_home_catalog_works_as_plain_lists(built_site):
    s = scan(built_site.site / "index.html")
    cards = s.find("li", cls="pk-card")
    assert len(cards) == 2
    assert {c["data-program"] for c in cards} == {"15.02.16", "15.01.38"}
    assert s.find("form", cls="pk-filters")  # the filters, shown by the script
    assert [o for t, o in s.tags if t == "select"] and "Профессии" in (built_site.site / "index.html").read_text()


def test_nothing_is_loaded_from_outside_the_site(built_site):
    for html_file in built_site.site.rglob("*.html"):
        s = scan(html_file)
        for tag, attrs in s.tags:
            fetched = tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload",
                                                             "manifest")
            for key in ("src",) + (("href",) if fetched else ()):
                value = attrs.get(key, "")
                assert not re.match(r"^(https?:)?//", value), f"{html_file}: <{tag} {key}={value}>"
        raw = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in raw and "unpkg.com" not in raw and "fonts.gstatic" not in raw
    css = (built_site.site / "assets/profkarta/site.min.css").read_text(encoding="utf-8")
    assert "@font-face" not in css  # the reader's system font: nothing to fetch, from here or elsewhere


def test_search_index_is_russian_small_and_has_the_maps(built_site):
    index = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "ru" in index["config"]["lang"]
    docs = {d["location"]: d for d in index["docs"]}
    entry = docs["maps/demo-mashinostroenie/tehnolog/"]
    words = entry["text"].split()  # each word once: lunr matches words, not phrases
    assert {"15.02.16", "Наладчик", "станков", "ЧПУ"} <= set(words) and len(words) == len(set(words))
    assert "ДПК" in entry["title"]  # the college (its full name is in the cluster's entry)
    cluster = docs["clusters/demo-mashinostroenie/"]
    assert "Свердловская" in cluster["text"] and "Уральские" in cluster["text"]
    assert "Демонстрационный экзамен" not in entry["text"]  # growth texts are not indexed
    home = [d for loc, d in docs.items() if loc in ("", "index.html")]
    assert all("pk-card" not in d["text"] and "15.01.38" not in d["text"] for d in home)
    assert len(json.dumps(index, ensure_ascii=False)) < 40_000


def test_sitemap_has_absolute_urls(built_site):
    sitemap = (built_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{built_site.site_url}maps/demo-mashinostroenie/tehnolog/</loc>" in sitemap
