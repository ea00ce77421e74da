"""The one content-addressed cache: keys cover code and inputs; bad entries are rebuilt, never served."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from profkarta import cache as cache_mod
from profkarta.cache import Cache, make_key

REPO = Path(__file__).resolve().parents[2]


def test_store_and_load_round_trip(tmp_path):
    c = Cache(tmp_path)
    key = make_key("test", "a", {"b": 1})
    assert c.load(key, ["x.bin"]) is None
    c.store(key, {"x.bin": b"\x00\x01data"})
    assert c.load(key, ["x.bin"]) == {"x.bin": b"\x00\x01data"}


def test_a_stored_file_is_linked_not_copied_and_a_redated_entry_is_hashed_once(tmp_path, monkeypatch):
    written = tmp_path / "site" / "a4.pdf"
    written.parent.mkdir()
    written.write_bytes(b"%PDF-1.7 map")
    c = Cache(tmp_path / "cache")
    key = make_key("test", "a4")
    c.store(key, {"a4.pdf": written})
    entry = tmp_path / "cache" / key[:2] / key / "a4.pdf"
    assert entry.stat().st_ino == written.stat().st_ino  # the next build finds the very same file
    os.utime(entry, ns=(1, 1))  # a build dated its linked copy (publishing keeps old dates)
    hashed = []
    real = cache_mod.file_digest
    monkeypatch.setattr(cache_mod, "file_digest", lambda p: hashed.append(p) or real(p))
    assert c.link(key, ["a4.pdf"], [tmp_path / "again" / "a4.pdf"])
    assert len(hashed) == 1  # the date moved: the bytes are checked once …
    assert c.link(key, ["a4.pdf"], [tmp_path / "third" / "a4.pdf"])
    assert len(hashed) == 1  # … and the entry re-dated, so the next build does not hash it again
    entry.write_bytes(b"%PDF-1.7 damaged")  # changed in place: same size, new date, other bytes
    assert not c.link(key, ["a4.pdf"], [tmp_path / "fourth" / "a4.pdf"])


def test_a_redated_tree_is_noted_with_one_manifest_write(tmp_path, monkeypatch):
    """mkdocs' output (thousands of files) dated by a build that kept the old site's dates: the tree's manifest
    is written once, not once per file (that was quadratic: minutes at national scale)."""
    c = Cache(tmp_path / "cache")
    folder = c.tmp_dir()
    for i in range(50):
        (folder / "p" / str(i)).mkdir(parents=True)
        (folder / "p" / str(i) / "index.html").write_text(f"page {i}", encoding="utf-8")
    key = make_key("test", "tree")
    assert c.store_tree(key, folder)
    for path in (tmp_path / "cache" / key[:2] / key).rglob("index.html"):
        os.utime(path, ns=(1, 1))
    writes = []
    real = cache_mod._write_manifest
    monkeypatch.setattr(cache_mod, "_write_manifest", lambda f, m: writes.append(f) or real(f, m))
    hashed = []
    digest = cache_mod.file_digest
    monkeypatch.setattr(cache_mod, "file_digest", lambda p: hashed.append(p) or digest(p))
    assert c.link_tree(key, tmp_path / "site")
    assert len(writes) == 1 and len(hashed) == 50
    assert (tmp_path / "site" / "p" / "7" / "index.html").read_text(encoding="utf-8") == "page 7"
    assert c.link_tree(key, tmp_path / "site2")
    assert len(writes) == 1 and len(hashed) == 50  # re-dated: nothing hashed or written again


def test_keys_differ_by_every_part_and_by_code(monkeypatch):
    base = make_key("page", "a", [1, 2])
    assert base != make_key("page", "a", [1, 3]) != make_key("pdf", "a", [1, 2])
    assert make_key("page", "ab", "c") != make_key("page", "a", "bc")  # parts are length-prefixed
    monkeypatch.setattr(cache_mod, "code_hash", lambda: "other code")
    assert make_key("page", "a", [1, 2]) != base


@pytest.mark.parametrize("damage", ["truncate", "flip", "manifest", "missing"])
def test_a_corrupt_entry_is_dropped_not_served(tmp_path, damage):
    c = Cache(tmp_path)
    key = make_key("test", damage)
    c.store(key, {"f.pdf": b"%PDF-1.7 good bytes"})
    folder = tmp_path / key[:2] / key
    if damage == "truncate":
        (folder / "f.pdf").write_bytes(b"%PDF")
    elif damage == "flip":
        (folder / "f.pdf").write_bytes(b"%PDF-1.7 g00d bytes")
    elif damage == "manifest":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    else:
        (folder / "manifest.json").unlink()
    assert c.load(key, ["f.pdf"]) is None
    assert not folder.exists()  # removed, so the next build stores a good one
    data, made = c.get_or_make(key, "f.pdf", lambda: b"%PDF-1.7 good bytes")
    assert made and data == b"%PDF-1.7 good bytes"


def test_no_temporary_folders_are_left_and_no_cache_means_no_files(tmp_path):
    c = Cache(tmp_path)
    for i in range(5):
        c.store(make_key("t", i), {"a": b"1", "b": b"2"})
    assert not [p for p in tmp_path.rglob(".tmp-*")]
    assert Cache(None).load("0" * 64, ["a"]) is None
    Cache(None).store("0" * 64, {"a": b"1"})  # does nothing, raises nothing


def test_a_changed_python_formatter_reaches_every_map_page(tmp_path):
    """Upgrade scenario: the same project and cache, profkarta's money formatter changed in its source."""
    from tests.util import copy_project

    root = copy_project(tmp_path / "proj")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "profkarta", "build", "--no-print", "-d", "site", "--site-url",
             "https://karty.example.test/"]
    subprocess.run(build, cwd=root, env=env, check=True, capture_output=True)
    page = next((root / "site" / "maps").rglob("index.html"))
    assert "₽" in page.read_text(encoding="utf-8")
    assert "РУБЛЕЙ" not in page.read_text(encoding="utf-8")
    # a copy of the package whose formatter writes roubles differently
    pkg = tmp_path / "pkg"
    shutil.copytree(REPO / "src" / "profkarta", pkg / "profkarta", ignore=shutil.ignore_patterns("__pycache__"))
    text = pkg / "profkarta" / "labels.py"  # the one money formatter of pages and print
    src = text.read_text(encoding="utf-8")
    assert "₽" in src
    text.write_text(src.replace("₽", "РУБЛЕЙ"), encoding="utf-8")
    env["PYTHONPATH"] = str(pkg)
    subprocess.run(build, cwd=root, env=env, check=True, capture_output=True)
    pages = list((root / "site" / "maps").rglob("index.html"))
    assert pages and all("РУБЛЕЙ" in p.read_text(encoding="utf-8") for p in pages)


def test_folder_hash_follows_names_and_bytes_of_nested_files(tmp_path):
    from profkarta.cache import folder_hash

    (tmp_path / "t" / "a" / "b").mkdir(parents=True)
    (tmp_path / "t" / "a" / "b" / "x.html").write_text("x", encoding="utf-8")
    (tmp_path / "t" / "y.css").write_text("y", encoding="utf-8")
    first = folder_hash(tmp_path / "t", tmp_path / "missing")
    assert folder_hash(tmp_path / "t", tmp_path / "missing") == first
    (tmp_path / "t" / "a" / "b" / "x.html").write_text("z", encoding="utf-8")  # deep file, other bytes
    second = folder_hash(tmp_path / "t", tmp_path / "missing")
    assert second != first
    (tmp_path / "t" / "a" / "b" / "x.html").rename(tmp_path / "t" / "a" / "b" / "w.html")  # same bytes, new name
    third = folder_hash(tmp_path / "t", tmp_path / "missing")
    assert third not in (first, second)
    (tmp_path / "missing").mkdir()  # a missing folder and an empty one are told apart
    assert folder_hash(tmp_path / "t", tmp_path / "missing") != third
