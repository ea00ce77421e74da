"""Two clean builds of the same project with the same SOURCE_DATE_EPOCH give the same bytes, file for file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.util import PROJECTS

pytestmark = pytest.mark.slow


def _build(src: Path, where: Path, epoch: str) -> dict[str, str]:
    root = where / "project"
    shutil.copytree(src, root)
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "profkarta", "build", "-d", "site", "--drafts"], cwd=root,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    site = root / "site"
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_clean_builds_are_byte_identical(tmp_path):
    # different folders, caches and temporary build folders: only the sources are the same
    first = _build(PROJECTS / "valid_minimal", tmp_path / "a", "1767225600")
    second = _build(PROJECTS / "valid_minimal", tmp_path / "b-longer-path", "1767225600")
    assert first.keys() == second.keys()
    kinds = {Path(name).suffix for name in first}
    assert {".html", ".pdf", ".png", ".json", ".xml", ".gz", ".ics", ".js", ".css"} <= kinds
    differ = sorted(name for name in first if first[name] != second[name])
    assert not differ, differ
