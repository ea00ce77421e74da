"""The fit estimate against WeasyPrint: the first layout's level, fit_map's choice and its move policy."""

from __future__ import annotations

import pytest
from printkit import SITE_URL, add_map, copy_examples
from test_print_fit_cache import _long_map

from profkarta import measure
from profkarta.render.print import engine
from profkarta.render.print.context import THEME, Logos, map_context, print_text
from profkarta.render.print.templates import base_url, render_html
from profkarta.validate import validate

pytestmark = pytest.mark.slow
MARK = 'class="map fit-0"'


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> tuple[list[str], list[tuple[str, object, dict, str]]]:
    """A fixed set of maps from short to long: the spec's example, a two-step one, and long generated ones
    that need smaller type: the folders the layout may read, and (map id, model, print context, HTML) each."""
    root = copy_examples(tmp_path_factory.mktemp("fit") / "p")
    # (stages, text repeats, support items): maps at fit-0, fit-1, fit-3 and fit-4 (the example is at fit-2),
    # and three the estimate starts off by a level: m221 and m312 a level too small (fit_map steps up for m221;
    # m312 has the 1.2 pt of room the growth factor misses and stays), m313 a level too large (a step down)
    for map_id, shape in {"m211": (2, 1, 1), "m213": (2, 1, 3), "m312": (3, 1, 2), "m223": (2, 2, 3),
                          "m322": (3, 2, 2), "m221": (2, 2, 1), "m313": (3, 1, 3)}.items():
        add_map(root, map_id, text=_long_map(*shape))
    validated = validate(root, cache=False)
    logos = Logos(validated.project)
    out = []
    for e in validated.published():
        ctx = map_context(e, validated.project, SITE_URL, logos)
        out.append((e.id, e.model, ctx, render_html("map.html.j2", ctx)))
    assert len(out) == 8
    return [str(root), str(THEME)], out


def test_first_layout_is_the_true_level_and_fit_map_keeps_the_largest_that_fits(pages):
    """Every level is laid out for real: fit_map returns the largest that fits (at most one map a level smaller),
    and the estimate's start is that level for most maps, never further than one level off."""
    allowed, maps = pages
    exact, truths, chosen = 0, set(), 0
    for map_id, model, ctx, html in maps:
        fits = [len(engine.layout(html.replace(MARK, f'class="map fit-{lv}"', 1), base_url(), allowed).pages) == 1
                for lv in range(engine.FIT_LEVELS)]
        truth = fits.index(True) if True in fits else engine.FIT_LEVELS - 1
        truths.add(truth)
        start = measure.start_level(model, print_text(ctx))
        assert abs(start - truth) <= 1, (map_id, start, truth)
        exact += start == truth
        doc, level, tries = engine.fit_map(html, base_url(), allowed, start)
        assert len(doc.pages) == 1 and level in (truth, truth + 1), (map_id, level, truth)
        chosen += level == truth
        assert tries <= 2, (map_id, tries)
    assert truths == set(range(engine.FIT_LEVELS))  # the set spans every type size
    assert chosen >= len(maps) - 1, chosen
    assert exact >= len(maps) - 3, exact


def test_measured_height_of_a_fitting_page_decides_whether_to_try_larger_type(pages):
    """used_height is WeasyPrint's own: the page's content ends where the footer ends, under 281 mm."""
    allowed, maps = pages
    html = maps[0][3]
    doc = engine.layout(html.replace(MARK, 'class="map fit-4"', 1), base_url(), allowed)
    assert len(doc.pages) == 1
    used = engine.used_height(doc)
    assert 150 < used <= measure.PAGE_H
    bigger = engine.layout(html.replace(MARK, 'class="map fit-3"', 1), base_url(), allowed)
    assert engine.used_height(bigger) > used  # larger type, taller page


def test_next_try_never_repeats_a_level_and_stops():
    last = len(measure.LEVELS) - 1
    # overflowing by far: straight past the levels that cannot fit
    assert measure.next_try(0, 340.0, {0: False}) > 1
    # a small overflow: the next level down
    assert measure.next_try(1, 283.0, {1: False}) == 2
    # fits with plenty of room: try one level larger, unless it was tried already
    assert measure.next_try(2, 240.0, {2: True}) == 1
    assert measure.next_try(2, 240.0, {2: True, 1: False}) is None
    # fits, full page: stay
    assert measure.next_try(2, 279.0, {2: True}) is None
    # overflow whose next level already fitted: stop there; at the floor: stop
    assert measure.next_try(1, 300.0, {2: True, 1: False}) is None
    assert measure.next_try(last, 300.0, {last: False}) is None
    # each overflow goes strictly down, so a loop ends after at most every level once
    tried: dict[int, bool] = {}
    level: int | None = 0
    while level is not None:
        tried[level] = False
        level = measure.next_try(level, 400.0, tried)
    assert max(tried) == last and len(tried) <= len(measure.LEVELS)


def test_print_starts_from_the_page_as_printed_not_only_the_map_file(tmp_path):
    """A long college name and address make the header taller than the map file alone suggests: the print
    pipeline (and the packet) estimate from the page's texts, and that start is a level the page can take."""
    from printkit import CLUSTER

    from profkarta.render.print.pipeline import _map_job

    root = copy_examples(tmp_path / "p")
    cluster = root / f"career_maps/{CLUSTER}/cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    for old, new in {
        "name: ГАПОУ СО «Демонстрационный политехнический колледж»":
            "name: ГАПОУ СО «Демонстрационный политехнический колледж имени выдающегося инженера и изобретателя "
            "Ивана Ивановича Ползунова, лауреата многочисленных премий»",
        "  address: 620000, г. Екатеринбург, ул. Примерная, д. 1, приёмная комиссия":
            "  address: 620000, Свердловская область, г. Екатеринбург, Верх-Исетский район, ул. Примерная, д. 1, "
            "корпус 2, строение 3, приёмная комиссия, кабинет 101 (второй этаж, вход со двора)"}.items():
        assert old in text
        text = text.replace(old, new)
    cluster.write_text(text, encoding="utf-8")
    add_map(root, "m212", text=_long_map(2, 1, 2))
    validated = validate(root, cache=False)
    entry = next(e for e in validated.published() if e.id == "m212")
    logos = Logos(validated.project)
    allowed = [str(root), str(THEME)]
    job = _map_job(entry, validated.project, SITE_URL, logos, "key", [tmp_path / "a4.pdf"] * 3,
                   {"base_url": base_url(), "allowed": allowed})
    ctx = map_context(entry, validated.project, SITE_URL, logos)
    file_only = measure.start_level(entry.model)
    assert job["start"] == measure.start_level(entry.model, print_text(ctx)) > file_only
    html = job["html"]
    assert len(engine.layout(html.replace(MARK, f'class="map fit-{file_only}"', 1), base_url(), allowed).pages) > 1
    assert len(engine.layout(html.replace(MARK, f'class="map fit-{job["start"]}"', 1), base_url(), allowed).pages) == 1
