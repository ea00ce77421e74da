"""A rebuild does not even render the HTML of unchanged maps and booklets to find their cache keys."""

from __future__ import annotations

import pytest
from printkit import CLUSTER, SITE_URL, add_map, copy_examples, pdf_text

from profkarta.render.print import pipeline, render_print
from profkarta.validate import validate

pytestmark = pytest.mark.slow


def test_unchanged_maps_are_not_rendered_to_html(tmp_path, monkeypatch):
    root = copy_examples(tmp_path / "p")
    add_map(root, "vtoraya", {'code: "15.02.16"': 'code: "15.02.15"', "Технология машиностроения": "Вторая карта"})
    cache = tmp_path / "cache"
    rendered: list[str] = []
    real = pipeline.render_html

    def spy(template, ctx):
        rendered.append(template)
        return real(template, ctx)

    monkeypatch.setattr(pipeline, "render_html", spy)
    contexts: list[str] = []
    real_booklet = pipeline.booklet_context
    monkeypatch.setattr(pipeline, "booklet_context", lambda *a: contexts.append(a[1]) or real_booklet(*a))

    def build(n: int):
        rendered.clear()
        contexts.clear()
        return render_print(validate(root), tmp_path / f"site{n}", site_url=SITE_URL, cache_dir=cache, workers=1)

    first = build(1)
    assert rendered.count("map.html.j2") == 2 and len(contexts) == 2
    second = build(2)
    assert rendered.count("map.html.j2") == 0 and contexts == [] and second.reused == first.rendered
    for rel in [p for files in second.map_files.values() for p in files.values()] + second.booklets:
        assert (tmp_path / "site2" / rel).read_bytes() == (tmp_path / "site1" / rel).read_bytes()
    path = root / f"career_maps/{CLUSTER}/vtoraya.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("max: 38000", "max: 39000"), encoding="utf-8")
    third = build(3)
    assert rendered.count("map.html.j2") == 1 and len(contexts) == 2  # the map; both booklets hold it
    assert "39 000" in pdf_text(tmp_path / "site3" / third.map_files[(CLUSTER, "vtoraya")]["a4"]).replace(
        "\u202f", " ")
    logo = root / f"career_maps/{CLUSTER}/logos/sever-stanok.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- new --></svg>"), encoding="utf-8")
    build(4)
    assert rendered.count("map.html.j2") == 2  # a logo's bytes are an input of every map that shows it
