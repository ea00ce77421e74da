"""The JSON Schemas (what an editor checks while typing) against a standard validator and the rule table."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from profkarta.schema import CONSTRAINTS, KINDS, applied_constraints, schema_of, write_schemas
from tests.rules.test_rules_table import CASES
from tests.util import copy_project, edit

jsonschema = pytest.importorskip("jsonschema")
REPO = Path(__file__).resolve().parents[1]
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")

# Rule-table cases whose breakage is a matter of shape, so the schema must catch it too. The rest need
# other files (an unknown college id), arithmetic across fields (min ≤ avg), reference data (regions,
# industries, SPO titles), dates relative to today, or they are warnings.
SCHEMA_CATCHES = {
    "r2_4_words", "r2_4_fraction", "r2_4_spaces", "r2_4_zero", "r2_4_negative", "r2_4_missing_max",
    "r2_4_no_salary", "y4_unknown_stage_field", "r2_2_no_positions", "r2_2_positions_missing",
    "r2_3_no_activities", "r2_3_empty_activities", "r2_1_bad_code", "r2_1_unknown_kind", "r2_1_code_as_number",
    "r2_1_no_title", "r1_2_no_college", "r1_3_no_employers", "a1_no_approval", "a1_no_protocol", "a1_bad_date",
    "a1_bad_status", "r3_1_empty", "r3_2_missing", "r3_3_missing", "y4_misspelt_key", "c1_bad_kind",
    "r1_4_email", "r1_4_website", "r1_1_industry_logo_url", "r1_2_logo_outside", "r1_2_logo_absolute",
    "r1_2_college_name", "r1_3_employer_logo", "t_three_members", "t_eight_members", "t_no_curator",
    "t_two_curators", "t_bad_link", "p1_no_goal", "p1_no_developer", "p1_no_kcp", "p2_low_pupils",
    "p2_students_not_all", "p2_schools", "p2_kcp", "p4_no_date", "p4_bad_month", "p5_few_mandatory",
    "p5_few_optional", "p5_mandatory_not_written", "p5_no_channel", "p5_few_campaign", "p6_no_protocol",
}


def kind_of(file: str) -> str | None:
    if file.endswith("cluster.yaml"):
        return "cluster"
    if file.startswith("career_maps/") and file.endswith((".yaml", ".yml")):
        return "map"
    if file.startswith("content/ambassadors/") and file.endswith(".md"):
        return "team"
    if re.fullmatch(r"content/popularization/[^/]+\.ya?ml", file):
        return "programme"
    if re.fullmatch(r"content/popularization/[^/]+/\d{4}\.ya?ml", file):  # a yearly plan
        return "plan"
    return None


def as_json(value):
    """What an editor's YAML server hands to the schema: dates are text, as they are written."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def load(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n", 2)[1]
    return as_json(yaml.safe_load(text))


def validator(kind: str):
    cls = jsonschema.Draft202012Validator
    schema = schema_of(kind)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_errors(path: Path, kind: str) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator(kind).iter_errors(load(path))]


def test_every_table_entry_reaches_its_model_field():
    found = set()
    for kind, (_, model) in KINDS.items():
        found |= applied_constraints(schema_of(kind), model.__name__)
    assert set(CONSTRAINTS) - found == set(), "поле переименовано в модели — поправьте CONSTRAINTS в schema.py"


def test_the_valid_fixture_passes_the_schemas(tmp_path):
    root = copy_project(tmp_path)
    checked = 0
    for path in sorted(root.rglob("*")):
        kind = kind_of(path.relative_to(root).as_posix())
        if kind and path.is_file():
            assert schema_errors(path, kind) == [], path
            checked += 1
    assert checked >= 4


@pytest.mark.parametrize("case", [c for c in CASES if c[0] in SCHEMA_CATCHES], ids=lambda c: c[0])
def test_a_shape_breakage_is_caught_by_the_schema_too(tmp_path, case):
    name, file, old, new, rule, _, _ = case
    root = copy_project(tmp_path)
    every = rule == "P5" and old.strip().startswith("mandatory")  # flip every mandatory flag, not the first
    edit(root, file, old, new, -1 if every else 1)
    kind = kind_of(file)
    assert kind is not None
    assert schema_errors(root / file, kind), f"{name}: схема пропускает то, что ловит правило {rule}"


def test_schema_catches_name_existing_cases():
    assert not SCHEMA_CATCHES - {c[0] for c in CASES}


def test_demo_project_files_pass_and_point_at_their_schemas():
    checked = 0
    for folder in ("career_maps", "content"):
        for path in sorted((REPO / folder).rglob("*")):
            rel = path.relative_to(REPO).as_posix()
            kind = kind_of(rel)
            if not kind or not path.is_file() or (kind == "team" and path.name == "index.md"):
                continue
            first = path.read_text(encoding="utf-8").splitlines()[1 if path.suffix == ".md" else 0]
            m = SCHEMA_LINE.match(first)
            assert m, f"{rel}: первая строка должна быть «# yaml-language-server: $schema=…»"
            target = (path.parent / m.group(1)).resolve()
            assert target == (REPO / "schemas" / KINDS[kind][0]).resolve(), rel
            assert schema_errors(path, kind) == [], rel
            checked += 1
    assert checked >= 10


def test_committed_demo_schemas_are_current(tmp_path):
    fresh = write_schemas(tmp_path)
    for path in fresh:
        committed = REPO / "schemas" / path.name
        assert committed.is_file() and committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"schemas/{path.name} устарела: обновите её командой «profkarta schema -o .»")


def test_every_scaffold_starts_with_its_schema_line_and_init_writes_the_schemas(tmp_path):
    from profkarta.scaffold import init_project

    scaffolds = sorted(p for p in (REPO / "src" / "profkarta" / "scaffold").glob("*")
                       if p.suffix in (".yaml", ".yml", ".md") and p.name not in ("mkdocs.yml", "index.md"))
    assert scaffolds
    for path in scaffolds:
        lines = path.read_text(encoding="utf-8").splitlines()
        first = lines[1] if lines[0] == "---" else lines[0]
        assert SCHEMA_LINE.match(first), path.name
    root = tmp_path / "proj"
    init_project(root)
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        kind = kind_of(rel)
        if kind and path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            m = SCHEMA_LINE.match(lines[1] if lines[0] == "---" else lines[0])
            assert m and (path.parent / m.group(1)).resolve().is_file(), rel
            assert schema_errors(path, kind) == [], rel
    assert json.loads((root / "schemas" / "career-map.schema.json").read_text(encoding="utf-8"))["properties"]
