"""A rebuild after an edit gives byte for byte the site a clean build of the edited project gives; the files
it did not change keep their dates; mkdocs runs only when a page it builds changed."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from profkarta import urls
from profkarta.commands.build import build
from tests.util import TODAY

REPO = Path(__file__).resolve().parents[3]
DEMO_MAP = "career_maps/demo-mashinostroenie/tehnolog.yaml"
URL = "https://karty.example.ru/"


def _demo(where: Path) -> Path:
    where.mkdir(parents=True)
    for name in ("career_maps", "content", "theme", "mkdocs.yml"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, where / name)
        elif src.is_file():
            shutil.copy2(src, where / name)
    return where


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _dates(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def _build(root: Path, site: Path):
    return build(root, site, site_url=URL, with_print=False, today=TODAY)


def _raise_top_salary(root: Path) -> None:
    path = root / DEMO_MAP
    text = path.read_text(encoding="utf-8")
    ladder_end = text.index("\nbranches:") if "\nbranches:" in text else len(text)
    # the top of the ladder (not of a branch): cards and the share image show it
    last = list(re.finditer(r"max: (\d+)", text[:ladder_end]))[-1]
    path.write_text(text[:last.start()] + f"max: {int(last.group(1)) + 5000}" + text[last.end():], encoding="utf-8")


def _edit_handwritten_page(root: Path) -> None:
    page = next(p for p in sorted((root / "content").rglob("*.md")) if "ambassadors" not in p.parts)
    page.write_text(page.read_text(encoding="utf-8") + "\n\nНовый абзац для проверки пересборки.\n", encoding="utf-8")


def _rename_college(root: Path) -> None:
    """A college's short name is on every card of its maps (catalog, team page): cached card runs must notice."""
    path = root / "career_maps" / "demo-mashinostroenie" / "cluster.yaml"
    text = path.read_text(encoding="utf-8")
    assert "short_name: ДПК" in text
    path.write_text(text.replace("short_name: ДПК", "short_name: ДПК имени Новикова"), encoding="utf-8")


def _edit_team_page(root: Path) -> None:
    path = root / "content" / "ambassadors" / "dpk-metall.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nМы приезжаем в школы по пятницам.\n", encoding="utf-8")


@pytest.mark.parametrize(("change", "mkdocs_reused"), [(_raise_top_salary, True), (_edit_handwritten_page, False),
                                                       (_rename_college, False), (_edit_team_page, False)])
def test_a_rebuild_after_an_edit_equals_a_clean_build(tmp_path, change, mkdocs_reused):
    root = _demo(tmp_path / "project")
    site = tmp_path / "site"
    first = _build(root, site)
    assert not first.site.mkdocs_reused
    before, dates = _tree(site), _dates(site)

    change(root)
    again = _build(root, site)
    assert again.site.mkdocs_reused is mkdocs_reused

    clean_root = tmp_path / "clean" / "project"
    shutil.copytree(root, clean_root, ignore=shutil.ignore_patterns(".profkarta-cache"))
    clean = _build(clean_root, tmp_path / "clean" / "site")
    assert not clean.site.mkdocs_reused
    after = _tree(site)
    assert after == _tree(tmp_path / "clean" / "site")  # byte for byte, file for file

    changed = {rel for rel in after if before.get(rel) != after[rel]}
    assert changed and changed == set(again.changes.changed) | set(again.changes.added)
    now = _dates(site)
    for rel in after:
        if rel not in changed:
            assert now[rel] == dates[rel], f"{rel} is unchanged but got a new date"
    if change is _raise_top_salary:
        page = urls.map_page("demo-mashinostroenie", "tehnolog") + "index.html"
        assert {page, urls.share_image("demo-mashinostroenie", "tehnolog"), "index.html", "catalog.json"} <= changed


def test_linked_files_are_never_written_in_place(tmp_path):
    """Rebuilds link files from the cache and from the old site: rewriting the sitemap, the search index or a
    page must not reach the cache entry or the old site through the link."""
    root = _demo(tmp_path / "project")
    _build(root, tmp_path / "a")
    first = _tree(tmp_path / "a")
    _build(root, tmp_path / "b")  # everything comes from the cache now, mostly as hard links
    linked = [p for p in (tmp_path / "b").rglob("*") if p.is_file() and p.stat().st_nlink > 1]
    assert linked, "nothing was hard-linked"
    _raise_top_salary(root)
    _build(root, tmp_path / "b")
    _build(root, tmp_path / "c")
    assert _tree(tmp_path / "b") == _tree(tmp_path / "c")
    clean_root = tmp_path / "clean"
    shutil.copytree(root, clean_root, ignore=shutil.ignore_patterns(".profkarta-cache"))
    assert _tree(tmp_path / "c") == _tree(_build(clean_root, tmp_path / "d").site_dir)
    assert _tree(tmp_path / "a") == first  # shares inodes with b and c, yet nothing reached it
    assert os.path.samefile(tmp_path / "b" / "404.html", tmp_path / "c" / "404.html")  # mkdocs output reused, linked


def test_catalog_filters_with_equal_labels_keep_one_order():
    """Two colleges called «БКПТ» in different clusters: sorted by value too, not by set order (which changes
    from process to process and made the catalog page, hence mkdocs' input, differ between two builds)."""
    from types import SimpleNamespace as NS

    from profkarta.render.site.view import facets

    def view(cluster: str, college: str) -> NS:
        return NS(cluster_id=cluster, cluster=NS(industry="химическая", region="Пермский край", name=cluster),
                  college=NS(id=college, short_name="БКПТ", name="Колледж"),
                  program=NS(code="18.02.12", title="Технология", kind="specialty"))

    maps = [view(f"c{i}", f"k{i}") for i in (3, 1, 2)]
    assert [v for v, _ in facets(maps)["college"]] == ["c1/k1", "c2/k2", "c3/k3"]
    assert [v for v, _ in facets(maps[::-1])["college"]] == ["c1/k1", "c2/k2", "c3/k3"]



def test_a_large_old_folder_is_deleted_in_the_background(tmp_path):
    import time

    from profkarta.render.site.output import remove_later

    old = tmp_path / "old"
    (old / "a" / "b").mkdir(parents=True)
    (old / "a" / "b" / "page.html").write_text("x", encoding="utf-8")
    trash = tmp_path / ".site.trash-1"
    remove_later(old, trash, files=10**6)
    assert not old.exists()  # gone from its place at once …
    deadline = time.monotonic() + 30
    while trash.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not trash.exists()  # … and deleted by the detached process


def _ino(path: Path) -> int:
    return path.stat().st_ino


def test_an_edit_relinks_what_it_did_not_change_and_a_removed_map_disappears(tmp_path):
    """The very first rebuild after a cold build finds the cold build's own files in the cache (slides and embeds
    are stored as the files the site got): same inode, so nothing is written or compared again."""
    import json

    root = _demo(tmp_path / "project")
    site = tmp_path / "site"
    _build(root, site)
    other, edited = ("demo-mashinostroenie", "operator-naladchik"), ("demo-mashinostroenie", "tehnolog")
    kept = [urls.map_slides(*other) + "index.html", urls.embed_map(*other) + "index.html",
            urls.share_image(*other), urls.map_page(*other) + "index.html"]
    inodes = {rel: _ino(site / rel) for rel in kept}
    college_embed = urls.embed_college("kazan-it", "kit") + "index.html"  # another cluster: not touched by the edit
    embed_inode = _ino(site / college_embed)
    edited_slides = (site / urls.map_slides(*edited) / "index.html").read_bytes()

    _raise_top_salary(root)
    again = _build(root, site)
    assert {rel: _ino(site / rel) for rel in kept} == inodes  # linked, not written: not in `changed` either
    assert not set(kept) & set(again.changes.changed)
    assert _ino(site / college_embed) == embed_inode
    assert (site / urls.map_slides(*edited) / "index.html").read_bytes() != edited_slides  # the edit is there
    assert urls.map_slides(*edited) + "index.html" in again.changes.changed

    (root / "career_maps" / other[0] / f"{other[1]}.yaml").unlink()
    gone = _build(root, site)
    for rel in kept:
        assert not (site / rel).exists() and rel in gone.changes.removed
    offline = json.loads((site / "offline" / f"{other[0]}.json").read_text(encoding="utf-8"))
    assert urls.map_page(*other) not in offline["files"] and urls.map_page(*edited) in offline["files"]
    assert offline["bytes"] == sum((site / f / "index.html").stat().st_size if (site / f / "index.html").is_file()
                                   else (site / f).stat().st_size for f in offline["files"])


def test_logo_sizes_are_remembered_until_the_logo_changes(tmp_path, monkeypatch):
    from profkarta.render.site import generate
    from profkarta.render.site.generate import logo_sizes

    docs, cache = tmp_path / "docs", tmp_path / "cache"
    (docs / "a").mkdir(parents=True)
    cache.mkdir()
    logo = docs / "a" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"></svg>', encoding="utf-8")
    first = generate.intrinsic_size(logo)
    assert first is not None and first[0] == 2 * first[1]
    assert logo_sizes(docs, {"a/logo.svg", "a/missing.svg"}, cache) == {"a/logo.svg": first, "a/missing.svg": None}
    assert (cache / "logo-sizes.json").is_file()
    measure = generate.intrinsic_size
    monkeypatch.setattr(generate, "intrinsic_size", lambda path: pytest.fail(f"{path} measured again"))
    assert logo_sizes(docs, {"a/logo.svg"}, cache) == {"a/logo.svg": first}  # from the memo
    monkeypatch.setattr(generate, "intrinsic_size", measure)
    logo.unlink()  # a new file (new inode, other size): measured again
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"></svg>', encoding="utf-8")
    second = generate.intrinsic_size(logo)
    assert second is not None and second[0] == 3 * second[1]
    assert logo_sizes(docs, {"a/logo.svg"}, cache) == {"a/logo.svg": second}
    assert logo_sizes(docs, {"a/logo.svg"}, None) == {"a/logo.svg": second}
