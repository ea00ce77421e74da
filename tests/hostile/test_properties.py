"""Property-based: arbitrary YAML and mutated valid projects give findings, never exceptions."""

from __future__ import annotations

import copy
import datetime as dt
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profkarta.errors import LoadError
from profkarta.load.yamlfile import parse_yaml
from profkarta.load.project import load_project
from profkarta.rules import check_project
from tests.util import tree_paths, tree_set, CLUSTER, MAP, PROJECTS, TEAM, TODAY

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.sampled_from(["15.02.16", "draft", "approved", "opc", "education", "logos/dpk.png", "../x", "/etc/passwd",
                     "https://vk.com/x", "javascript:alert(1)", "<script>alert(1)</script>", "28 000"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)), max_leaves=25)


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_is_a_document_or_a_refusal(text):
    try:
        parse_yaml(text, "x.yaml", Path("x.yaml"))
    except LoadError as exc:
        assert exc.finding.rule.startswith("Y") and exc.finding.line >= 1


@SETTINGS
@given(values)
def test_any_yaml_value_is_a_document(value):
    text = yaml.safe_dump(value, allow_unicode=True)
    try:
        doc = parse_yaml(text, "x.yaml", Path("x.yaml"))
    except LoadError as exc:
        assert exc.finding.rule.startswith("Y")
        return
    for loc in doc.marks:
        line, col = doc.pos(loc)
        assert line >= 1 and col >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_projects_give_only_findings(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("p") / "proj"
    shutil.copytree(PROJECTS / "valid_minimal", root)
    target = data.draw(st.sampled_from([MAP, CLUSTER, TEAM]))
    path = root / target
    text = path.read_text(encoding="utf-8")
    if target.endswith(".md"):
        _head, front, body = text.split("---", 2)
        original = yaml.safe_load(front)
    else:
        original = yaml.safe_load(text)
    mutated = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(1, 3))):
        locs = [loc for loc in tree_paths(mutated) if loc]
        loc = data.draw(st.sampled_from(locs))
        action = data.draw(st.sampled_from(["replace", "delete"]))
        if action == "delete":
            parent = mutated
            for part in loc[:-1]:
                parent = parent[part]
            del parent[loc[-1]]
        else:
            tree_set(mutated, loc, data.draw(values))
    dumped = yaml.safe_dump(mutated, allow_unicode=True)
    path.write_text(f"---\n{dumped}---\n{body}" if target.endswith(".md") else dumped, encoding="utf-8")
    project = load_project(root)
    report = check_project(project, TODAY)
    for f in report.findings:
        assert f.rule != "INTERNAL", f.format()
        assert f.rule and f.message and f.line >= 1 and f.file
