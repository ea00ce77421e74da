"""Branches, the time axis and employers' places through every output: map page, catalog, JSON-LD, A4/A3 PDF."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from profkarta import urls
from tests.util import CLUSTER as CLUSTER_FILE
from tests.util import MAP, copy_project, edit

pytestmark = pytest.mark.slow
SITE_URL = "https://karty.example.test/"
CLUSTER = "demo-mashinostroenie"
BRANCHES = """
branches:
  - from: 2
    title: Экспертная траектория
    stages:
      - title: Наладчик-эксперт
        positions: [Наладчик станков с ЧПУ 6 разряда]
        when: 2–6 лет после выпуска
        years: [2, 6]
        activities: Наладка сложного пятикоординатного оборудования.
        growth: Сертификат эксперта демонстрационного экзамена.
        salary: {min: 75000, avg: 90000, max: 115000}
      - title: Главный эксперт
        positions: [Главный эксперт чемпионата]
        years: [6, null]
        activities: Подготовка сборной предприятия к чемпионатам.
        salary: {min: 100000, avg: 120000, max: 150000}
  - from: 3
    title: Через высшее образование
    stages:
      - title: Инженер-конструктор
        positions: [Инженер-конструктор оснастки]
        when: после вуза, 5–8 лет
        activities: Проектирование станочных приспособлений.
        salary: {min: 95000, avg: 115000, max: 140000}

# Мотивационные"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from profkarta.commands.build import build
    from profkarta.validate import validate

    root = copy_project(tmp_path_factory.mktemp("branches"))
    edit(root, MAP, "\n# Мотивационные", BRANCHES)
    edit(root, MAP, "    when: 2–5 лет\n", "    when: 2–5 лет\n    years: [2, 5]\n")
    edit(root, CLUSTER_FILE, "    logo: logos/sever-stanok.svg\n",
         "    logo: logos/sever-stanok.svg\n    city: Екатеринбург\n    address: ул. Фронтовых бригад, д. 18\n")
    validated = validate(root)
    assert not validated.report.findings, [f.format() for f in validated.report.findings]
    out = tmp_path_factory.mktemp("site") / "site"
    build(root, out, site_url=SITE_URL, workers=1)  # the real pipeline, print included
    return out


class Tree(HTMLParser):
    """The children of <ol class="pk-ladder"> and of every <ol class="pk-branch">, with their classes and text."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "source", "path", "rect"})

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set]] = []
        self.items: list[dict] = []  # top-level <li> of the ladder, in order
        self.current: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = set((a.get("class") or "").split())
        if tag == "li" and self.stack and self.stack[-1][0] == "ol" and "pk-ladder" in self.stack[-1][1]:
            self.current = {"class": cls, "style": a.get("style", ""), "label": a.get("aria-label", ""),
                            "text": [], "branch_steps": 0, "depth": len(self.stack)}
            self.items.append(self.current)
        elif tag == "li" and self.current is not None and "pk-step--branch" in cls:
            self.current["branch_steps"] += 1
        if tag not in self.VOID:
            self.stack.append((tag, cls))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if self.current is not None and len(self.stack) < self.current["depth"]:
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current["text"].append(data)


def test_map_page_draws_each_branch_as_a_fork_right_after_its_stage(site):
    html = (site / urls.map_page(CLUSTER, "tehnolog") / "index.html").read_text(encoding="utf-8")
    items = Tree(html).items
    kinds = ["fork" if "pk-fork" in i["class"] else "step" for i in items]
    assert kinds == ["step", "step", "fork", "step", "fork", "step"]
    expert, higher = items[2], items[4]
    assert "--pk-from: 2" in expert["style"] and "--pk-from: 3" in higher["style"]
    assert expert["branch_steps"] == 2 and higher["branch_steps"] == 1
    text = " ".join(" ".join(expert["text"]).split())
    assert "Ветка после ступени 2 «Молодой специалист»" in text and "Экспертная траектория" in text
    assert "Наладчик станков с ЧПУ 6 разряда" in text and "Главный эксперт чемпионата" in text
    assert "от 6 лет после выпуска" in text  # `years` alone answers «when»
    assert expert["label"] == "Ветка после ступени 2: Экспертная траектория"
    # the branch's salary bar is on the map's scale
    assert re.search(r'class="pk-bar-range" style="left: \d', html)


def test_map_page_time_axis_has_a_track_per_branch_with_years(site):
    html = (site / urls.map_page(CLUSTER, "tehnolog") / "index.html").read_text(encoding="utf-8")
    assert 'class="pk-timeline"' in html
    rows = re.findall(r'<div class="pk-tl-row( pk-tl-row--branch)?">', html)
    assert len(rows) == 2 and rows[1]  # the ladder and the one branch that gives years
    segs = re.findall(r'class="pk-tl-seg[^"]*" style="left: ([\d.]+)%; width: ([\d.]+)%"', html)
    assert len(segs) == 3  # ladder stage 3, branch stages 2.1 and 2.2
    assert all(0 <= float(left) <= 100 and float(left) + float(width) <= 100.01 for left, width in segs)


def test_map_page_shows_the_employer_place(site):
    html = (site / urls.map_page(CLUSTER, "tehnolog") / "index.html").read_text(encoding="utf-8")
    assert '<span class="pk-org-place" data-search-exclude>Екатеринбург, ул. Фронтовых бригад, д. 18</span>' in html


def test_catalog_json_has_branches_and_the_group(site):
    data = {m["id"]: m for m in json.loads((site / "catalog.json").read_text(encoding="utf-8"))}
    m = data["tehnolog"]
    assert m["branches"] == [
        {"title": "Экспертная траектория", "from": 2, "stages": ["Наладчик-эксперт", "Главный эксперт"]},
        {"title": "Через высшее образование", "from": 3, "stages": ["Инженер-конструктор"]}]
    assert m["program"]["group"] == {"code": "15.00.00", "title": "Машиностроение"}


def test_json_ld_has_occupations_of_branch_stages(site):
    html = (site / urls.map_page(CLUSTER, "tehnolog") / "index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    graph = json.loads(raw)["@graph"]
    occ = {o["name"]: o for o in graph if o["@type"] == "Occupation"}
    expert = occ["Главный эксперт чемпионата"]
    assert expert["description"].startswith("Траектория «Экспертная траектория» (после ступени 2): ")
    assert expert["experienceRequirements"] == "от 6 лет после выпуска"
    assert expert["estimatedSalary"][0]["median"] == 120000
    assert "Инженер-конструктор оснастки" in graph[0]["occupationalCategory"]


def test_catalog_page_filters_by_group(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<select id="pk-f-group" name="group">' in html
    assert '<option value="15.00.00">15.00.00 Машиностроение</option>' in html
    assert 'data-group="15.00.00"' in html


@pytest.mark.parametrize("fmt", ["a4", "a3"])
def test_pdf_is_one_page_with_the_branches(site, fmt):
    from pypdf import PdfReader

    pdf = site / urls.map_pdf(CLUSTER, "tehnolog", fmt)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 1
    text = re.sub(r"[\u2010\u00ad]\n", "", reader.pages[0].extract_text())
    text = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)
    for words in ("После ступени 2: Экспертная траектория", "После ступени 3: Через высшее образование",
                  "2.1 Наладчик-эксперт — 2–6 лет после выпуска: Наладчик станков с ЧПУ 6 разряда",
                  "2.2 Главный эксперт — от 6 лет после выпуска", "Главный эксперт чемпионата",
                  "3.1 Инженер-конструктор", "в среднем 120 000 ₽", "Екатеринбург"):
        assert words in text, words


def test_search_index_and_catalog_text_know_branch_positions(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (entry,) = [d for d in index["docs"] if d["location"] == urls.map_page(CLUSTER, "tehnolog")]
    assert "Инженер-конструктор оснастки" in entry["text"] and "Экспертная траектория" in entry["text"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "главный эксперт чемпионата" in re.search(r'data-text="([^"]*)"', home).group(1)
