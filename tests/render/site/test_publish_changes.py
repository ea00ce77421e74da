"""Rebuilds keep unchanged files' dates (uploads send only what changed) and list what changed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from profkarta.render.site.output import Changes, staged_output
from tests.util import MAP, copy_project, edit

pytestmark = pytest.mark.slow


def _times(site):
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}


def _build(root, *args):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "profkarta", "build", "-d", "site", *args], cwd=root, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_a_one_map_edit_leaves_every_other_file_alone(tmp_path):
    root = copy_project(tmp_path)
    _build(root)
    site = root / "site"
    before = _times(site)
    for p in before:  # make every old date distinguishable from "now"
        os.utime(site / p, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    old = _times(site)
    edit(root, MAP, "max: 38000", "max: 39000")
    out = _build(root, "--changed-list", "changed.txt")
    after = _times(site)
    changed = (root / "changed.txt").read_text(encoding="utf-8").split()
    assert "maps/demo-mashinostroenie/tehnolog/index.html" in changed
    assert "print/demo-mashinostroenie/tehnolog-a4.pdf" in changed
    kept = [p for p in after if p not in changed]
    assert kept and all(after[p] == old[p] for p in kept), [p for p in kept if after[p] != old[p]]
    assert all(after[p] != old[p] for p in changed if p in old)
    assert "без изменений" in out and "Список изменившихся файлов" in out
    # the stylesheet, the fonts and the other pages were not touched
    assert any(p.endswith(".css") for p in kept) and any(p.endswith(".js") for p in kept)
    assert "ambassadors/dpk-metall/index.html" in kept


def test_changes_are_sorted_into_added_changed_removed(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "same.txt").write_text("a", encoding="utf-8")
    (site / "edit.txt").write_text("a", encoding="utf-8")
    (site / "gone.txt").write_text("a", encoding="utf-8")
    os.utime(site / "same.txt", ns=(10**18, 10**18))
    with staged_output(site) as (staging, changes):
        (staging / "same.txt").write_text("a", encoding="utf-8")
        (staging / "edit.txt").write_text("b", encoding="utf-8")
        (staging / "new.txt").write_text("c", encoding="utf-8")
    assert isinstance(changes, Changes)
    assert (changes.added, changes.changed, changes.removed, changes.unchanged) == (
        ["new.txt"], ["edit.txt"], ["gone.txt"], 1)
    assert (site / "same.txt").stat().st_mtime_ns == 10**18
    assert changes.atomic  # one renameat2 exchange on Linux
    assert not list(tmp_path.glob(".site.*"))  # nothing left beside the site


def test_a_failed_build_changes_nothing(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.txt").write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), staged_output(site) as (staging, _):
        (staging / "a.txt").write_text("new", encoding="utf-8")
        raise RuntimeError("сбой посреди сборки")
    assert (site / "a.txt").read_text(encoding="utf-8") == "old"
    assert not list(tmp_path.glob(".site.*"))
