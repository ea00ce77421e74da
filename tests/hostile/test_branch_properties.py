"""Property-based: a map with branches and years, mutated at random, gives findings, never exceptions, and
whatever validates without errors can be laid out (time axis, salary bars, print-fit estimate)."""

from __future__ import annotations

import copy
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profkarta.findings import ERROR
from profkarta import measure as fit
from profkarta.render.site.view import salary_scale
from profkarta.stages import timeline
from profkarta.validate import validate
from tests.hostile.test_properties import values
from tests.util import tree_paths, tree_set
from tests.util import MAP, PROJECTS, TODAY

BRANCHES = [
    {"from": 2, "title": "Экспертная траектория", "stages": [
        {"title": "Наладчик-эксперт", "positions": ["Наладчик 6 разряда"], "when": "2–6 лет", "years": [2, 6],
         "activities": "Наладка.", "growth": "Сертификат эксперта.",
         "salary": {"min": 75000, "avg": 90000, "max": 115000}},
        {"title": "Главный эксперт", "positions": ["Эксперт"], "years": [6, None], "activities": "Экспертиза.",
         "salary": {"min": 100000, "avg": 120000, "max": 150000}}]},
    {"from": 4, "title": "Своё дело", "stages": [
        {"positions": ["Индивидуальный предприниматель"], "when": "от 8 лет", "activities": "Своя мастерская.",
         "salary": {"min": 120000, "avg": 160000, "max": 300000}}]},
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mutated_branches_give_only_findings_and_valid_ones_lay_out(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("b") / "proj"
    shutil.copytree(PROJECTS / "valid_minimal", root)
    path = root / MAP
    original = yaml.safe_load(path.read_text(encoding="utf-8"))
    original["branches"] = copy.deepcopy(BRANCHES)
    original["ladder"][0]["years"] = [-2, 0]
    mutated = copy.deepcopy(original)
    for _ in range(data.draw(st.integers(0, 2))):
        locs = [loc for loc in tree_paths(mutated) if loc and loc[0] in ("branches", "ladder")]
        loc = data.draw(st.sampled_from(locs))
        if data.draw(st.booleans()):
            parent = mutated
            for part in loc[:-1]:
                parent = parent[part]
            del parent[loc[-1]]
        else:
            tree_set(mutated, loc, data.draw(values))
    path.write_text(yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
    result = validate(root, today=TODAY)
    for f in result.report.findings:
        assert f.rule != "INTERNAL", f.format()
        assert f.rule and f.message and f.line >= 1 and f.file
    (entry,) = result.project.maps
    if entry.model is not None and not [f for f in result.report.findings if f.severity == ERROR]:
        axis = timeline(entry.model)
        for row in axis["rows"] if axis else []:
            assert all(0 <= s["left"] <= 100 for s in row["segments"])
        assert len(salary_scale(entry.model)[0]["branches"]) == len(entry.model.branches)
        assert fit.estimate(entry.model, 0)[0] > 0
