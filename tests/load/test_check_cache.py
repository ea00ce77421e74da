"""The check cache: a warm run reports exactly what a cold one does, and replays only files whose inputs held."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import pickle
from pathlib import Path

import pytest

from profkarta.findings import Finding
from profkarta.rules import checkcache, publish, r2
from profkarta.rules.checkcache import INDEX
from profkarta.validate import validate
from tests.util import CLUSTER, MAP, PROJECTS, TODAY, copy_project, edit

INDEX_PATH = f".profkarta-cache/{INDEX}"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_corpus.py"


@pytest.fixture
def scaffold_runs(monkeypatch) -> list[str]:
    """The files whose own checks ran (S1 runs for every file that is not replayed)."""
    seen: list[str] = []
    real = publish.check_scaffold

    def spy(ctx, entry):
        seen.append(entry.doc.rel)
        return real(ctx, entry)

    monkeypatch.setattr(publish, "check_scaffold", spy)
    return seen


def same_as_cold(root: Path, today: dt.date = TODAY, seen: list[str] | None = None):
    """Validate with the caches and without them (a cold run that leaves no trace): the same report, finding for
    finding and in the same order, and the same models. seen: keeps only the map and cluster files whose own
    checks the cached run did not replay."""
    if seen is not None:
        seen.clear()
    warm = validate(root, today=today)
    if seen is not None:
        seen[:] = sorted(r for r in seen if r.startswith("career_maps/"))
        mark = len(seen)
    cold = validate(root, today=today, cache=False)
    assert warm.report.findings == cold.report.findings
    assert [(e.doc.rel, e.model) for e in warm.project.entries()] == \
           [(e.doc.rel, e.model) for e in cold.project.entries()]
    if seen is not None:
        del seen[mark:]  # the cold comparison run's
    return warm


@pytest.mark.parametrize("name", ["spec_example", "valid_minimal"])
def test_warm_is_cold(tmp_path, name, scaffold_runs):
    root = copy_project(tmp_path, name)
    first = same_as_cold(root)
    assert (root / INDEX_PATH).is_file()
    second = same_as_cold(root, seen=scaffold_runs)
    assert second.report.findings == first.report.findings
    assert scaffold_runs == []  # no map or cluster was checked again
    assert any(e.kind == "map" for e in second.project.entries())


def _corpus(tmp_path: Path) -> Path:
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    root = tmp_path / "corpus"
    gen.generate(24, root, seed=3)
    return root


def _maps(root: Path) -> list[Path]:
    return sorted((root / "career_maps").glob("*/[!c]*.yaml"))


def test_corpus_with_problems(tmp_path, scaffold_runs):
    """Errors of every kind — shape, rule, blamed twice, cross-file — come back the same from the cache."""
    root = _corpus(tmp_path)
    maps = _maps(root)
    text = maps[0].read_text(encoding="utf-8")
    maps[0].write_text(text.replace("min: ", "min: много ", 1).replace("college: ", "colege: ", 1), encoding="utf-8")
    text = maps[1].read_text(encoding="utf-8")
    maps[1].write_text(text.replace("status: approved", "status: утверждена").replace("ladder:", "ladder:\n  - 7", 1),
                       encoding="utf-8")
    maps[2].write_text(maps[3].read_text(encoding="utf-8"), encoding="utf-8")  # U1 with its twin, if same cluster
    first = same_as_cold(root, seen=scaffold_runs)
    assert len(scaffold_runs) > 24  # the first run checked every map and cluster
    assert {f.rule for f in first.report.errors} >= {"R2.4", "Y4", "R2.2"}
    second = same_as_cold(root, seen=scaffold_runs)
    assert scaffold_runs == []
    assert second.report.findings == first.report.findings


def test_edited_map_only_that_map(tmp_path, scaffold_runs):
    root = copy_project(tmp_path, "spec_example")
    same_as_cold(root)
    edit(root, MAP, "salary: {min: 28000, avg: 32000, max: 38000}", "salary: {min: 38000, avg: 32000, max: 28000}")
    warm = same_as_cold(root, seen=scaffold_runs)
    assert any(f.rule == "R2.4" and f.file == MAP for f in warm.report.errors)
    assert scaffold_runs == [MAP]


def test_edited_cluster_checks_its_maps_again(tmp_path, scaffold_runs):
    root = copy_project(tmp_path, "spec_example")
    same_as_cold(root)
    edit(root, CLUSTER, "  - id: ural-privod", "  - id: ural-privod-2")
    warm = same_as_cold(root, seen=scaffold_runs)
    assert any(f.rule == "R1.3" and f.file == MAP and "ural-privod" in f.message for f in warm.report.errors)
    assert scaffold_runs == sorted([CLUSTER, MAP])


@pytest.mark.parametrize("change", ["replaced", "deleted", "folder"])
def test_logo_changes(tmp_path, change, scaffold_runs):
    root = copy_project(tmp_path, "spec_example")
    logo = root / "career_maps/demo-mashinostroenie/logos/dpk.png"
    same_as_cold(root)
    if change == "replaced":  # same name, not a picture any more
        logo.write_bytes(b"not a png at all, just some text")
    elif change == "deleted":
        logo.unlink()
    else:
        logo.unlink()
        logo.mkdir()
    warm = same_as_cold(root, seen=scaffold_runs)
    assert any(f.rule == "R1.2" and f.file == CLUSTER and "dpk.png" in f.message for f in warm.report.errors)
    assert scaffold_runs == [CLUSTER]  # its maps did not look at the logo
    if logo.is_dir():
        logo.rmdir()
    logo.write_bytes((PROJECTS / "spec_example" / logo.relative_to(root)).read_bytes())  # put back
    assert not same_as_cold(root).report.errors


def test_today_is_part_of_the_key(tmp_path):
    root = copy_project(tmp_path, "spec_example")
    assert not same_as_cold(root).report.errors
    early = same_as_cold(root, dt.date(2026, 1, 10))  # the approval date (2026-06-15) is now in the future
    assert any(f.rule == "A1" and f.file == MAP for f in early.report.errors)
    assert not same_as_cold(root).report.errors


def test_code_hash_is_part_of_the_key(tmp_path, monkeypatch):
    """A new version of the rules (a new code hash) checks every file again; the old one is trusted."""
    root = copy_project(tmp_path, "spec_example")
    same_as_cold(root)
    real = r2.check_ladder

    def stricter(ctx, entry):
        real(ctx, entry)
        ctx.warn(entry.doc, ("ladder",), "R2.2", "новое правило")

    monkeypatch.setattr(r2, "check_ladder", stricter)
    stale = validate(root, today=TODAY)
    assert not [f for f in stale.report.findings if f.message == "новое правило"]  # same code hash: replayed
    monkeypatch.setattr(checkcache, "code_hash", lambda: "another version")
    warm = same_as_cold(root)
    assert [f.file for f in warm.report.findings if f.message == "новое правило"] == [MAP]


class _Boom:
    def __reduce__(self):
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize("content", ["garbage", "foreign", "code", "shape"])
def test_damaged_or_foreign_index_is_a_cold_run(tmp_path, content, scaffold_runs):
    root = copy_project(tmp_path, "spec_example")
    edit(root, MAP, "salary: {min: 28000, avg: 32000, max: 38000}", "salary: {min: 38000, avg: 32000, max: 28000}")
    good = same_as_cold(root)
    index = root / INDEX_PATH
    stamp = pickle.loads(index.read_bytes())["stamp"]  # our own file: plain data
    payload = {
        "garbage": b"\x80\x05garbage" + os.urandom(64),
        "foreign": pickle.dumps({"stamp": stamp, "files": {MAP: _Boom()}}),
        "code": pickle.dumps(_Boom()),
        "shape": pickle.dumps({"stamp": stamp, "files": {MAP: ("short",), CLUSTER: None}}),
    }[content]
    index.write_bytes(payload)
    warm = same_as_cold(root, seen=scaffold_runs)
    assert warm.report.findings == good.report.findings
    assert not (root / "pwned").exists() and not Path("pwned").exists()
    assert MAP in scaffold_runs
    assert pickle.loads(index.read_bytes())["stamp"] == stamp  # rewritten as our own


def test_forged_record_is_replayed_only_for_its_own_text(tmp_path):
    """The index is trusted as much as the parse cache: a record keyed by another text is never used."""
    root = copy_project(tmp_path, "spec_example")
    same_as_cold(root)
    index = root / INDEX_PATH
    data = pickle.loads(index.read_bytes())
    key, *rest = data["files"][MAP]
    fake = ("x", 1, 1, "error", "R2.1", "", "подложено")
    data["files"][MAP] = ((*key[:3], "0" * 64, key[4]), rest[0], (fake,), *rest[2:])
    index.write_bytes(pickle.dumps(data))
    warm = same_as_cold(root)
    assert not [f for f in warm.report.findings if f.message == "подложено"]


def test_partial_run_keeps_other_records(tmp_path, scaffold_runs):
    root = copy_project(tmp_path, "spec_example")
    same_as_cold(root)
    before = set(pickle.loads((root / INDEX_PATH).read_bytes())["files"])
    validate(root, [root / "career_maps/demo-mashinostroenie"], today=TODAY)
    assert set(pickle.loads((root / INDEX_PATH).read_bytes())["files"]) == before


def test_replayed_findings_are_findings():
    row = ("a.yaml", 3, 5, "error", "R2.4", "ladder[0].salary.min", "текст")
    assert checkcache.replay((None, True, (row,), (), (), (), ()), checkcache.SHAPE) == [Finding(*row)]


def test_probe_sees_a_changed_image(tmp_path):
    root = copy_project(tmp_path, "spec_example")
    folder = root / "career_maps/demo-mashinostroenie"
    from profkarta.rules.context import image_probe

    probe, path = image_probe("logos/dpk.png", folder, root)
    assert path is not None and probe[0] == str(path)
    assert image_probe("logos/none.png", folder, root)[0][0] == "!"
    (folder / "logos/dpk.png").write_bytes(b"x")
    assert image_probe("logos/dpk.png", folder, root)[0] != probe


def test_parse_workers_check_what_they_parse(tmp_path, monkeypatch):
    """A large project's files are checked where they are parsed: the records they hand back give the report a
    cold run in one process gives (here every project is "large", and chunks are small)."""
    from profkarta.load import reading as project_module

    monkeypatch.setattr(project_module, "PARALLEL_FROM", 0)
    real_chunks = project_module._chunks
    monkeypatch.setattr(project_module, "_chunks", lambda tasks, n: real_chunks(tasks, n, least=5))
    root = _corpus(tmp_path)
    maps = _maps(root)
    text = maps[0].read_text(encoding="utf-8")
    maps[0].write_text(text.replace("min: ", "min: много ", 1).replace("college: ", "colege: ", 1), encoding="utf-8")
    (root / "career_maps").joinpath(maps[5].parent.name, "logos").mkdir(exist_ok=True)
    for logo in maps[5].parent.glob("logos/*"):
        logo.unlink()
    maps[2].write_text(maps[2].read_text(encoding="utf-8").replace("status: approved", "status: утверждена"),
                       encoding="utf-8")
    warm = same_as_cold(root)
    assert len(warm.project.prechecked) > 24  # maps and clusters came checked from the parse
    parsed = pickle.loads((root / ".profkarta-cache/parsed.pickle").read_bytes())["files"]
    rel = maps[2].relative_to(root).as_posix()
    assert pickle.loads(parsed[rel][2])["status"] == "утверждена"  # cached as written, not as normalised
    assert next(m for m in warm.project.maps if m.doc.rel == rel).model.status == "approved"
    assert {f.rule for f in warm.report.errors} >= {"R2.4", "Y4", "R1.2"}
    assert same_as_cold(root).report.findings == warm.report.findings
    chunks = real_chunks([("cluster", "a", "a", root)] + [("map", str(i), "a", root) for i in range(60)] +
                         [("cluster", "b", "b", root), ("map", "x", "b", root)], 2, least=50)
    assert [len(c) for c in chunks] == [61, 2]  # a cluster's maps stay with it up to twice the chunk size
