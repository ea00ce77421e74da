"""The synthetic corpus generator (scripts/gen_corpus.py): valid, varied, deterministic, careful with OUT."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from profkarta import refdata
from profkarta.validate import validate

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_corpus.py"
# Approval dates are drawn from 2026-01..2026-10; fix "today" after them so A1 never sees the future.
TODAY = dt.date(2026, 11, 26)
N = 60


def _load_script():
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gen = _load_script()


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "out"
    gen.generate(N, out, seed=7)
    return out


def test_corpus_validates_without_errors(corpus):
    report = validate(corpus, today=TODAY).report
    assert report.errors == [], "\n".join(f.format() for f in report.errors[:20])
    # the corpus keeps a placeholder logo and an example address on purpose (R1.1, S2 in mkdocs.yml)
    warnings = [f for f in report.warnings if f.file != "mkdocs.yml"]
    assert len(warnings) <= max(3, N // 20), "\n".join(f.format() for f in warnings)


def test_corpus_shape(corpus):
    clusters = [yaml.safe_load(p.read_text(encoding="utf-8"))
                for p in sorted(corpus.glob("career_maps/*/cluster.yaml"))]
    maps = [p for p in corpus.glob("career_maps/*/*.yaml") if p.name != "cluster.yaml"]
    assert len(clusters) == -(-N // 10) and len(maps) == N
    assert {c["kind"] for c in clusters} == {"opc", "education"}
    assert len({c["region"] for c in clusters}) >= min(N / 10, 89)
    for c in clusters:
        assert refdata.find_region(c["region"]) and c["kind"] in refdata.industry_kinds(c["industry"])
        assert 1 <= len(c["colleges"]) <= 3 and 2 <= len(c["employers"]) <= 4
    # both kinds of image occur, and logos are per cluster, not per map
    assert list(corpus.glob("career_maps/*/logos/*.png")) and list(corpus.glob("career_maps/*/logos/*.svg"))
    assert len(list(corpus.glob("career_maps/*/logos/*"))) <= 8 * len(clusters)
    assert (corpus / "theme/brand/professionalitet-placeholder.svg").is_file()
    assert (corpus / "content/index.md").is_file()
    teams = list(corpus.glob("content/ambassadors/*.md"))
    assert len(teams) == min(N // 50, 200)


def test_drafts_are_not_listed_as_programs(corpus):
    drafts = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in corpus.glob("career_maps/*/*.yaml")
              if p.name != "cluster.yaml" and "status: draft" in p.read_text(encoding="utf-8")]
    assert drafts, "about 2 % of maps should be drafts"
    programs = {(c.parent.name, col["id"], code)
                for c in corpus.glob("career_maps/*/cluster.yaml")
                for col in yaml.safe_load(c.read_text(encoding="utf-8"))["colleges"] for code in col["programs"]}
    for p in corpus.glob("career_maps/*/*.yaml"):
        if p.name == "cluster.yaml":
            continue
        m = yaml.safe_load(p.read_text(encoding="utf-8"))
        listed = (p.parent.name, m["college"], m["program"]["code"]) in programs
        assert listed == (m["status"] == "approved"), p


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    gen.generate(N, tmp_path / "a", seed=3)
    gen.generate(N, tmp_path / "b", seed=3)
    gen.generate(N, tmp_path / "c", seed=4)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_refuses_non_empty_out(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("не трогать", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), "10", str(out)], capture_output=True, text=True)
    assert run.returncode != 0 and "не пуста" in run.stderr
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_empty_out_is_accepted(tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    run = subprocess.run([sys.executable, str(SCRIPT), "12", str(out), "--seed", "1", "--teams", "2"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "2 кластера" in run.stdout and "12 карт" in run.stdout
    assert len(list(out.glob("content/ambassadors/*.md"))) == 2


def test_synthetic_codes_are_well_formed():
    import random

    rng, used = random.Random(1), set()
    for industry in refdata.industry_names():
        code, kind, title = gen.synthetic(rng, industry, used)
        assert re.fullmatch(r"\d{2}\.0[12]\.\d{2}", code) and code not in used and title
        assert kind == ("profession" if code[3:5] == "01" else "specialty")
        used.add(code)


@pytest.mark.parametrize("text", ["15.02.16", "yes", "a: b", "x #y", "- x", "«Q» w", "2026-01-01", "a\tb",
                                  "Техник: ведущий", "null", "@x", "ok:"])
def test_yaml_safe_scalars_round_trip(text):
    assert yaml.safe_load(f"k: {gen.ys(text)}\n")["k"] == text
