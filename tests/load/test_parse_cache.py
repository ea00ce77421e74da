"""The parse cache: unchanged files are not parsed again; any edit — even one that keeps size and date — is."""

from __future__ import annotations

import os
import pickle

import pytest

from profkarta.load import yamlfile
from profkarta.load.parsecache import INDEX
from tests.util import MAP, check, copy_project, edit

INDEX_PATH = f".profkarta-cache/{INDEX}"


@pytest.fixture
def parsed(monkeypatch):
    """The project files parse_yaml was called for (team pages are Markdown and always parsed)."""
    seen: list[str] = []
    real = yamlfile.parse_yaml

    def spy(text, rel, path, line_offset=0):
        seen.append(rel)
        return real(text, rel, path, line_offset)

    monkeypatch.setattr(yamlfile, "parse_yaml", spy)
    return seen


def _yaml(seen: list[str]) -> list[str]:
    return [r for r in seen if not r.startswith("content/ambassadors/")]


def _maxes(result) -> list[int]:
    entry = next(m for m in result.project.maps if m.doc.rel == MAP)
    return [s.salary.max for s in entry.model.ladder]


def _age(root, rel: str, seconds: int = 3600) -> None:
    """Date a file back, as if it had been written long before the last run (not racily close to it)."""
    st = (root / rel).stat()
    os.utime(root / rel, ns=(st.st_atime_ns - seconds * 10**9, st.st_mtime_ns - seconds * 10**9))


def test_an_unchanged_project_is_not_parsed_again(tmp_path, parsed):
    root = copy_project(tmp_path)
    first = check(root)
    assert _yaml(parsed) and (root / INDEX_PATH).is_file()
    parsed.clear()
    again = check(root)
    assert _yaml(parsed) == []
    assert [m.model.model_dump() for m in again.project.maps] == [m.model.model_dump() for m in first.project.maps]
    assert again.report.sorted() == first.report.sorted()


def test_an_edit_is_parsed_again(tmp_path, parsed):
    root = copy_project(tmp_path)
    check(root)
    edit(root, MAP, "max: 120000", "max: 150000")
    parsed.clear()
    assert 150000 in _maxes(check(root))
    assert _yaml(parsed) == [MAP]


def test_a_touched_file_is_hashed_not_parsed(tmp_path, parsed):
    root = copy_project(tmp_path)
    check(root)
    (root / MAP).touch()
    parsed.clear()
    assert 120000 in _maxes(check(root))
    assert _yaml(parsed) == []


@pytest.mark.parametrize("restore_date", [False, True])
def test_a_same_size_edit_is_seen_even_with_the_old_date(tmp_path, parsed, restore_date):
    root = copy_project(tmp_path)
    for path in root.rglob("*.yaml"):
        _age(root, path.relative_to(root).as_posix())  # trusted by their dates from now on
    check(root)
    st = (root / MAP).stat()
    edit(root, MAP, "max: 120000", "max: 130000")  # same size
    assert (root / MAP).stat().st_size == st.st_size
    if restore_date:  # a tool that keeps dates (cp -p, unzip, git checkout of an old tree)
        os.utime(root / MAP, ns=(st.st_atime_ns, st.st_mtime_ns))
    parsed.clear()
    assert 130000 in _maxes(check(root))
    assert _yaml(parsed) == [MAP]


def test_findings_from_a_cached_file_keep_their_lines(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "salary: {min: 28000, avg: 32000, max: 38000}", "salary: {min: 0, avg: 32000, max: 38000}")
    _age(root, MAP)
    first = [(f.file, f.line, f.col, f.rule) for f in check(root).report.sorted()]
    again = [(f.file, f.line, f.col, f.rule) for f in check(root).report.sorted()]
    assert any(f[0] == MAP and f[3] == "R2.4" and f[1] > 1 for f in first)
    assert again == first


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps({"code": "x", "stamp": 0, "files": _Boom()})])
def test_a_damaged_or_hostile_index_is_ignored(tmp_path, parsed, content):
    root = copy_project(tmp_path)
    check(root)
    (root / INDEX_PATH).write_bytes(content)
    parsed.clear()
    check(root)
    assert MAP in parsed and not (root / "pwned").exists() and not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("blob", [b"\x80\x05garbage", pickle.dumps(_Boom())])
def test_a_damaged_or_hostile_entry_is_parsed_again(tmp_path, parsed, blob):
    """Each file's data is pickled on its own inside the index: one bad entry costs one parse, runs nothing."""
    root = copy_project(tmp_path)
    _age(root, MAP)
    good = check(root)
    index = pickle.loads((root / INDEX_PATH).read_bytes())
    sig, digest, _ = index["files"][MAP]
    index["files"][MAP] = (sig, digest, blob)
    (root / INDEX_PATH).write_bytes(pickle.dumps(index))
    parsed.clear()
    again = check(root)
    assert _yaml(parsed) == [MAP] and not (root / "pwned").exists() and not (tmp_path / "pwned").exists()
    assert again.report.findings == good.report.findings
