"""The command line: exit codes, message format, --strict, --format json, init/new/schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from tests.util import CLUSTER, MAP, copy_project, edit
from tests.util import run_cli as run

REPO = Path(__file__).resolve().parents[2]


def test_valid_project_exits_0(tmp_path, capsys):
    code, out, _ = run(["validate"], copy_project(tmp_path), capsys)
    assert code == 0 and "ошибок: 0" in out


def test_demo_project_has_only_its_deliberate_warnings(capsys):
    """The demo ships the placeholder logo and an example address on purpose: exactly those two warnings."""
    code, out, _ = run(["validate", "--format", "json"], REPO, capsys)
    assert code == 0, out
    assert sorted(f["rule"] for f in json.loads(out)) == ["R1.1", "S2"], out


def test_spec_example_validates(capsys):
    example = REPO / "tests" / "projects" / "spec_example"  # a copy of the spec's annotated example
    code, out, _ = run(["validate", str(example)], REPO, capsys)
    assert code == 0, out


def test_error_exits_1_with_editor_format(tmp_path, capsys):
    root = copy_project(tmp_path)
    line = edit(root, MAP, "salary: {min: 28000", "salary: {min: 99000")
    code, out, _ = run(["validate"], root, capsys)
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{MAP}:{line}:") and ": ошибка [R2.4] ladder[0].salary.min: " in first


def test_warning_passes_but_strict_fails(tmp_path, capsys):
    root = copy_project(tmp_path)
    edit(root, MAP, "salary: {min: 28000", "salary: {min: 20000")
    code, out, _ = run(["validate"], root, capsys)
    assert code == 0 and "предупреждение [R2.4]" in out and "МРОТ" in out
    code, out, _ = run(["validate", "--strict"], root, capsys)
    assert code == 1


def test_json_format(tmp_path, capsys):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, "kind: opc ", "kind: education ")
    code, out, _ = run(["validate", "--format", "json"], root, capsys)
    assert code == 1
    (item,) = json.loads(out)
    assert item["rule"] == "C1" and item["severity"] == "error" and item["file"] == CLUSTER
    assert item["line"] == 4 and item["field"] == "kind" and item["message"]


def test_paths_limit_the_report(tmp_path, capsys):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, "region: Свердловская область", "region: Марс")
    code, out, _ = run(["validate", str(root / MAP)], tmp_path, capsys)
    assert code == 0, out  # the map itself is fine; the cluster's error is not about it
    code, out, _ = run(["validate", str(root / "career_maps/demo-mashinostroenie")], tmp_path, capsys)
    assert code == 1 and "[R1.4]" in out


def test_usage_errors_exit_2(tmp_path, capsys):
    code, _, err = run(["validate", "--format", "xml"], tmp_path, capsys)
    assert code == 2 and "ошибка" in err
    code, _, err = run(["validate", str(tmp_path / "nope")], tmp_path, capsys)
    assert code == 2 and "не существует" in err
    code, _, err = run(["validate"], tmp_path, capsys)
    assert code == 2 and "profkarta init" in err


def test_init_then_validate_in_empty_folder(tmp_path, capsys):
    code, _, _ = run(["init", "novyj"], tmp_path, capsys)
    assert code == 0
    code, out, _ = run(["validate"], tmp_path / "novyj", capsys)
    assert code == 0 and "ошибок: 0" in out, out  # the example is valid; its scaffold text only warns (S1)
    code, out, _ = run(["validate", "--strict"], tmp_path / "novyj", capsys)
    assert code == 1 and "[S1]" in out and "[S2]" in out and "[R1.1]" in out
    code, _, err = run(["init", "novyj"], tmp_path, capsys)
    assert code == 1 and "не пуста" in err


def test_new_never_overwrites_and_starts_with_schema_line(tmp_path, capsys):
    run(["init", "p"], tmp_path, capsys)
    root = tmp_path / "p"
    code, out, _ = run(["new", "cluster", "vtoroj"], root, capsys)
    assert code == 0
    code, out, _ = run(["new", "map", "vtoroj", "tokar", "--code", "15.01.38"], root, capsys)
    assert code == 0
    path = root / "career_maps/vtoroj/tokar.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=") and (path.parent / first.split("=", 1)[1]).is_file()
    before = path.read_bytes()
    code, _, err = run(["new", "map", "vtoroj", "tokar"], root, capsys)
    assert code == 1 and "уже существует" in err and path.read_bytes() == before
    code, _, _ = run(["new", "team", "komanda"], root, capsys)
    assert code == 0
    team = (root / "content/ambassadors/komanda.md").read_text(encoding="utf-8").splitlines()
    assert team[0] == "---" and team[1].startswith("# yaml-language-server: $schema=")
    code, out, _ = run(["validate"], root, capsys)
    assert code == 0, out
    code, _, err = run(["new", "map", "vtoroj", "Tokar_2"], root, capsys)
    assert code == 2 and "латинские" in err


def test_schema_has_russian_titles(tmp_path, capsys):
    code, out, _ = run(["schema"], tmp_path, capsys)
    schema = json.loads(out)
    assert code == 0 and "$defs" in schema
    code, out, _ = run(["schema", "map"], tmp_path, capsys)
    s = json.loads(out)
    assert s["title"] == "Карьерная карта выпускника"
    assert "R2.4" in json.dumps(s, ensure_ascii=False) and set(s["required"]) >= {"program", "ladder", "support"}


def test_help_is_russian():
    out = subprocess.run([sys.executable, "-m", "profkarta", "--help"], capture_output=True, text=True).stdout
    assert "использование" in out and "команды" in out and "проверить" in out
    out = subprocess.run([sys.executable, "-m", "profkarta", "validate", "--help"], capture_output=True,
                         text=True).stdout
    assert "предупреждения" in out and "show this help" not in out


def test_readme_documents_every_rule_and_opens_with_two_commands():
    from profkarta.rules import RULES

    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert block == ["bash scripts/setup.sh && .venv/bin/profkarta build", "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for rule in RULES:
        if rule[0] in "RAUCKTP":
            assert f"| {rule} |" in text or f"| {rule}–" in text or f"–{rule} |" in text, rule


def test_new_programme_and_plan(tmp_path, capsys):
    run(["init", "p"], tmp_path, capsys)
    root = tmp_path / "p"
    code, _, err = run(["new", "plan", "tver-2026", "2026"], root, capsys)
    assert code == 2 and "profkarta new programme tver-2026" in err
    code, out, _ = run(["new", "programme", "tver-2026"], root, capsys)
    assert code == 0 and "content/popularization/tver-2026.yaml" in out
    code, out, _ = run(["new", "plan", "tver-2026", "2026"], root, capsys)
    assert code == 0 and "content/popularization/tver-2026/2026.yaml" in out
    for rel in ("content/popularization/tver-2026.yaml", "content/popularization/tver-2026/2026.yaml"):
        path = root / rel
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=") and (path.parent / first.split("=", 1)[1]).is_file()
    plan = root / "content/popularization/tver-2026/2026.yaml"
    before = plan.read_bytes()
    code, _, err = run(["new", "plan", "tver-2026", "2026"], root, capsys)
    assert code == 1 and "уже существует" in err and plan.read_bytes() == before
    code, _, err = run(["new", "plan", "tver-2026", "26"], root, capsys)
    assert code == 2 and "четырьмя цифрами" in err
    code, out, _ = run(["validate", "--format", "json"], root, capsys)
    findings = json.loads(out)
    assert code == 0 and not [f for f in findings if f["severity"] == "error"], out
    # the scaffolds are drafts that already meet the guide's sizes and groups: only P6 (draft) and P7 (no results)
    # (the init example's own warnings — placeholder logo, example texts — are not about these files)
    ours = {f["rule"] for f in findings if f["file"].startswith("content/popularization/")}
    assert ours <= {"P6", "P7"} and {"P6"} <= ours


def test_schema_offers_programme_and_plan(tmp_path, capsys):
    code, out, _ = run(["schema", "plan"], tmp_path, capsys)
    s = json.loads(out)
    assert code == 0 and set(s["required"]) == {"events", "campaign"}
    code, out, _ = run(["schema", "programme"], tmp_path, capsys)
    s = json.loads(out)
    assert code == 0 and {"period", "developer", "expected_results", "participants"} <= set(s["required"])
    assert "kcp_fulfilled" in json.dumps(s)
