"""Test helpers: copy a fixture project, edit one of its files, validate with a fixed date."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from profkarta.validate import validate
from profkarta.validated import Validated

PROJECTS = Path(__file__).parent / "projects"
TODAY = dt.date(2026, 11, 26)
CLUSTER = "career_maps/demo-mashinostroenie/cluster.yaml"
MAP = "career_maps/demo-mashinostroenie/tehnolog.yaml"
TEAM = "content/ambassadors/dpk-metall.md"
PROGRAMME = "content/popularization/sverdlovsk-2026.yaml"
PLAN = "content/popularization/sverdlovsk-2026/2026.yaml"


def copy_project(tmp_path: Path, name: str = "valid_minimal") -> Path:
    dest = tmp_path / name
    shutil.copytree(PROJECTS / name, dest)
    return dest


def edit(root: Path, file: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a project file; return the 1-based line where the new text starts."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    text = text.replace(old, new, count)
    path.write_text(text, encoding="utf-8")
    at = text.index(new) if new else text.index(old) if old in text else 0
    return text[:at].count("\n") + 1


def line_of(root: Path, file: str, needle: str) -> int:
    text = (root / file).read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {file}"
    return text[: text.index(needle)].count("\n") + 1


def check(root: Path) -> Validated:
    return validate(root, today=TODAY)


def run_cli(argv: list[str], cwd: Path, capsys) -> tuple[int, str, str]:
    """profkarta's CLI in this process, from cwd: (exit code, stdout, stderr)."""
    import os

    from profkarta.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return code, out, err


def tree_paths(data, prefix: tuple = ()):
    """Every location in a YAML value, the root's () first: ("ladder", 0, "salary", "min") …"""
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from tree_paths(v, (*prefix, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from tree_paths(v, (*prefix, i))


def tree_get(data, loc: tuple):
    for part in loc:
        data = data[part]
    return data


def tree_set(data, loc: tuple, value) -> None:
    tree_get(data, loc[:-1])[loc[-1]] = value
