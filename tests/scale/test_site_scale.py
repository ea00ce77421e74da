"""Scale design, not timed: maps stay out of the navigation, map pages come from one shell, nothing leaks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from profkarta.render.site import render_site
from profkarta.validate import validate

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus") / "c"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), "30", str(root), "--seed", "3"],
                   check=True, capture_output=True)
    v = validate(root)
    out = tmp_path_factory.mktemp("site")
    result = render_site(v, out, site_url="https://karty.example.ru/", drafts=True, pdf_links=False)
    return v, out, result


def test_every_map_page_is_built_from_the_shell(corpus_site):
    v, out, _ = corpus_site
    maps = v.published(drafts=True)
    assert len(maps) == 30
    for m in maps:
        html = (out / "maps" / m.cluster_id / m.id / "index.html").read_text(encoding="utf-8")
        assert m.model.program.title.split()[0] in html
        assert f'href="https://karty.example.ru/maps/{m.cluster_id}/{m.id}/"' in html  # canonical
        assert ("pk-watermark" in html) == (m.model.status == "draft")
        assert "PKTITLE" not in html and "PKBODY" not in html and "_pkshell_" not in html
        assert html.count("<h1") == 1  # the page's own title, not a second one from the theme
    for cid in v.project.clusters:
        html = (out / "clusters" / cid / "index.html").read_text(encoding="utf-8")
        assert html.count("<h1") == 1 and "PKTITLE" not in html and v.project.clusters[cid].model.region in html
    assert not (out / "maps" / "_pkshell_").exists() and not (out / "clusters" / "_pkshell_").exists()


def test_navigation_lists_no_individual_map(corpus_site):
    _, out, _ = corpus_site
    for page in [out / "index.html", *list((out / "maps").glob("*/*/index.html"))[:5]]:
        html = page.read_text(encoding="utf-8")
        tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
        start = html.index('<nav class="md-nav md-nav--primary')
        sidebar = html[start:html.index('class="md-content"', start)]  # the whole primary navigation
        assert tabs is not None and "maps/" not in tabs.group(0), page
        assert "Главная" in sidebar and "maps/" not in sidebar, page


def test_sitemap_and_search_list_public_maps_once(corpus_site):
    v, out, _ = corpus_site
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    for m in v.published(drafts=True):
        page = f"maps/{m.cluster_id}/{m.id}/"
        assert locations.count(page) == 1
        assert (f"<loc>https://karty.example.ru/{page}</loc>" in sitemap) == (m.model.status != "draft")
    assert "_pkshell_" not in sitemap and not any("_pkshell_" in loc for loc in locations)


def test_a_one_map_edit_renders_only_that_map_page_and_image(tmp_path):
    root = tmp_path / "c"
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_corpus.py"), "12", str(root), "--seed", "5"],
                   check=True, capture_output=True)
    cache = tmp_path / "cache"

    def build():
        out = tmp_path / f"site{len(list(tmp_path.glob('site*')))}"
        out.mkdir()
        return render_site(validate(root), out, site_url="https://karty.example.ru/", pdf_links=False,
                          cache_dir=cache)

    first = build()
    assert first.map_pages_rendered == 12 and first.map_pages_reused == 0
    again = build()
    assert (again.map_pages_rendered, again.map_pages_reused, again.share_drawn) == (0, 12, 0)
    path = sorted(p for p in (root / "career_maps").glob("*/*.yaml") if p.name != "cluster.yaml")[0]
    text = path.read_text(encoding="utf-8")
    last = list(re.finditer(r"max: (\d+)", text))[-1]  # the top of the ladder: the share image shows it
    path.write_text(text[:last.start()] + f"max: {int(last.group(1)) + 500}" + text[last.end():], encoding="utf-8")
    edited = build()
    assert (edited.map_pages_rendered, edited.map_pages_reused, edited.share_drawn) == (1, 11, 1)
