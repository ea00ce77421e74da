"""Helpers for the workbook tests: the demo project copied, exported, and its data as loaded from YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from profkarta.load.project import load_project
from profkarta.sheets.export import build_workbook, save

REPO = Path(__file__).resolve().parents[2]


def copy_demo(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("career_maps", "content", "theme"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def project_data(root: Path) -> dict[str, object]:
    """Every cluster, map and team file's data (teams with their Markdown body)."""
    project = load_project(root)
    out: dict[str, object] = {}
    for e in [*project.clusters.values(), *project.maps]:
        out[e.doc.rel] = e.doc.data
    for e in project.teams:
        out[e.doc.rel] = (e.doc.data, e.doc.body)
    return out


def assert_book_is_project(book_path: Path, root: Path) -> None:
    """The workbook reads without findings and holds exactly the project's files, value for value."""
    from profkarta.sheets.assemble import read_book
    from profkarta.sheets.yamlout import equal

    before = project_data(root)
    book = read_book(book_path)
    assert book.findings == []
    assert set(book.files) == set(before)
    for rel, fd in book.files.items():
        got = (fd.data, fd.body) if fd.kind == "team" else fd.data
        assert equal(got, before[rel]), rel


def export(root: Path, path: Path, clusters: list[str] | None = None) -> Path:
    wb, notes = build_workbook(load_project(root), clusters)
    assert notes == []
    save(wb, path)
    return path


def columns(ws) -> dict[str, int]:
    return {ws.cell(3, j).value: j for j in range(1, ws.max_column + 1)}


def find_row(ws, **match) -> int:
    cols = columns(ws)
    for r in range(4, ws.max_row + 1):
        if all(ws.cell(r, cols[k]).value == v for k, v in match.items()):
            return r
    raise AssertionError(f"no row {match} on {ws.title}")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_demo(tmp_path / "proj")


@pytest.fixture
def demo_book(demo: Path, tmp_path: Path) -> Path:
    return export(demo, tmp_path / "karty.xlsx")


def edit_book(src: Path, dest: Path, edits) -> Path:
    wb = openpyxl.load_workbook(src)
    edits(wb)
    wb.save(dest)
    return dest
