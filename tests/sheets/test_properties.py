"""Property-based: any generated project, with awkward values put anywhere, survives export → workbook → import."""

from __future__ import annotations

import copy
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profkarta.load.project import load_project
from profkarta.sheets.assemble import read_book
from profkarta.sheets.export import build_workbook
from profkarta.sheets.yamlout import dump, equal
from profkarta.load.yamlfile import parse_yaml
from tests.util import tree_get, tree_paths

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_corpus.py"
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _gen():
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus") / "proj"
    _gen().generate(12, root, seed=7, teams=2)
    return load_project(root)


awkward_text = st.one_of(
    st.sampled_from(["15.02.16", "09.02.07", "3", "0042", "=SUM(A1:A3)", "• пункт", "- пункт", "  отступ", "хвост  ",
                     "строка 1\nстрока 2", "абзац\n\nещё абзац\n", "", " ", "true", "null", "2026-06-15", "28 000",
                     "a: b", "# не комментарий", "\\• экранировано", "«кавычки» и 'апострофы'", "\t табуляция",
                     "опасный \x01 символ", "перевод\r\nстроки"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30),
)
scalars = st.one_of(
    awkward_text, st.none(), st.booleans(), st.integers(min_value=-10**18, max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=True), st.dates(min_value=dt.date(1800, 1, 1)),
    st.datetimes(min_value=dt.datetime(1800, 1, 1)),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(awkward_text, inner, max_size=4)), max_leaves=12)


def _mutate(data, draw) -> None:
    locs = [loc for loc in tree_paths(data) if loc]
    action = draw(st.sampled_from(["retext", "retext", "retext", "replace", "delete", "add"]))
    texts = [loc for loc in locs if isinstance(tree_get(data, loc), (str, int, dt.date))]
    loc = draw(st.sampled_from(texts if action == "retext" and texts else locs))
    parent = tree_get(data, loc[:-1])
    if action == "retext":  # most values are texts, numbers and dates in their own columns: aim there
        parent[loc[-1]] = draw(st.one_of(awkward_text, scalars))
    elif action == "delete":
        del parent[loc[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(awkward_text)] = draw(values)
    elif action == "add" and isinstance(parent, list):
        parent.insert(draw(st.integers(0, len(parent))), draw(values))
    else:
        parent[loc[-1]] = draw(values)


def _branches(data, draw) -> None:
    stages = copy.deepcopy(data.get("ladder") or [])
    data["branches"] = [{"from": draw(st.integers(1, 4)), "title": draw(awkward_text),
                         "stages": stages[: draw(st.integers(0, 2))]} for _ in range(draw(st.integers(1, 2)))]


def _files(project) -> dict:
    out = {e.doc.rel: e for e in [*project.clusters.values(), *project.maps, *project.teams]}
    return out


def _round_trip(project, tmp_path: Path) -> None:
    wb, notes = build_workbook(project)
    path = tmp_path / "book.xlsx"
    wb.save(path)
    book = read_book(path)
    assert book.findings == []
    for rel, entry in _files(project).items():
        if not isinstance(entry.doc.data, dict):
            assert rel not in book.files and any(rel in n for n in notes)
            continue
        fd = book.files[rel]
        assert equal(fd.data, entry.doc.data), (rel, fd.data, entry.doc.data)
        if entry.kind == "team":
            assert fd.body == entry.doc.body
        # the YAML written back reads as the same data
        text = dump(fd.kind, fd.data, fd.id, fd.body)
        if fd.kind == "team":
            text = text[4:text.index("\n---\n", 3) + 1]
        assert equal(parse_yaml(text, rel, Path(rel)).data, entry.doc.data), text


@SETTINGS
@given(st.data())
def test_generated_projects_round_trip(corpus, tmp_path_factory, data):
    originals = {rel: copy.deepcopy(e.doc.data) for rel, e in _files(corpus).items()}
    try:
        for _ in range(data.draw(st.integers(0, 6), label="mutations")):
            rel = data.draw(st.sampled_from(sorted(originals)))
            entry = _files(corpus)[rel]
            if entry.kind == "map" and isinstance(entry.doc.data, dict) and data.draw(st.booleans()):
                _branches(entry.doc.data, data.draw)
            elif isinstance(entry.doc.data, dict) and entry.doc.data:
                _mutate(entry.doc.data, data.draw)
        _round_trip(corpus, tmp_path_factory.mktemp("book"))
    finally:
        for rel, e in _files(corpus).items():
            e.doc.data = copy.deepcopy(originals[rel])


def test_branches_round_trip_with_their_order(corpus, tmp_path):
    entry = corpus.maps[0]
    saved = copy.deepcopy(entry.doc.data)
    try:
        ladder = entry.doc.data["ladder"]
        entry.doc.data["branches"] = [
            {"from": 2, "title": "Экспертная траектория", "stages": copy.deepcopy(ladder[1:3])},
            {"from": 3, "title": "Управленческая", "stages": copy.deepcopy(ladder[:1]), "note": {"x": [1, "2"]}},
            {"from": 1, "title": "Без ступеней"},
        ]
        wb, _ = build_workbook(corpus, [entry.cluster_id])
        wb.save(tmp_path / "b.xlsx")
        ws = wb["Ступени"]
        branch_col = [ws.cell(3, j).value for j in range(1, ws.max_column + 1)].index("#branch") + 1
        numbers = [ws.cell(r, branch_col).value for r in range(4, ws.max_row + 1)
                   if ws.cell(r, 2).value == entry.id]
        assert numbers == [None] * len(ladder) + [1, 1, 2, 3]
        book = read_book(tmp_path / "b.xlsx")
        assert book.findings == []
        assert equal(book.files[entry.doc.rel].data, entry.doc.data)
    finally:
        entry.doc.data = saved
