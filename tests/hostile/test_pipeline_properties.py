"""Property-based, whole pipeline: odd but loadable projects are validated, and whatever validates is built —
site and print — without an exception. Strings of any script, empty lists, nulls, huge numbers, Windows files."""

from __future__ import annotations

import copy
import shutil

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from profkarta.commands.build import build
from profkarta.errors import ProfkartaError, ValidationFailed
from profkarta.validate import validate
from tests.util import CLUSTER, MAP, PROJECTS, TEAM, TODAY, tree_get, tree_paths, tree_set

pytestmark = pytest.mark.slow

ODD_TEXT = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=80),
    st.sampled_from(["‮перевёрнутый текст", "Сварщик\u200b\u200bневидимые", "👩‍🔧 Наладчица 🛠️", "Z̴̡a̷l̶g̵o",
                     "ٱلْعَرَبِيَّة", "中文职位", "ОЧЕНЬ " * 60, "«»„“‘’ — … №", "<b>жирный</b> & ampersand", "\t отступ"]),
)


# no shrinking: each example is a whole build, and the failing project itself is reported in full
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_odd_projects_validate_and_whatever_validates_builds(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("odd") / "proj"
    shutil.copytree(PROJECTS / "valid_minimal", root)
    for target in data.draw(st.lists(st.sampled_from([MAP, CLUSTER, TEAM]), min_size=1, max_size=3, unique=True)):
        path = root / target
        text = path.read_text(encoding="utf-8")
        body = ""
        if target.endswith(".md"):
            _, front, body = text.split("---", 2)
            original = yaml.safe_load(front)
        else:
            original = yaml.safe_load(text)
        doc = copy.deepcopy(original)
        for _ in range(data.draw(st.integers(1, 4))):
            # anew each time: a mutation may remove a subtree
            leaves = [(loc, tree_get(doc, loc)) for loc in tree_paths(doc) if loc]
            loc, value = data.draw(st.sampled_from(leaves))
            if isinstance(value, str):
                tree_set(doc, loc, data.draw(ODD_TEXT))
            elif isinstance(value, bool):
                tree_set(doc, loc, not value)
            elif isinstance(value, int):
                tree_set(doc, loc, data.draw(st.sampled_from([0, -1, 1, 10**9, 10**18, value * 3])))
            elif isinstance(value, list):
                tree_set(doc, loc, data.draw(st.sampled_from([[], value * 2, value[:1]])))
            elif isinstance(value, dict):
                tree_set(doc, loc, data.draw(st.sampled_from([{}, None, value])))
        dumped = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
        out = f"---\n{dumped}---\n{body}" if target.endswith(".md") else dumped
        if data.draw(st.booleans()):  # as Windows editors save it: BOM and CRLF line ends (accepted)
            out = "\ufeff" + out.replace("\n", "\r\n")
        path.write_bytes(out.encode("utf-8"))
    result = validate(root, today=TODAY)
    assert not [f for f in result.report.findings if f.rule == "INTERNAL"]
    assert all(f.line >= 1 and f.message for f in result.report.findings)
    try:
        built = build(root, root / "site", site_url="https://karty.example.test/", workers=1, today=TODAY)
    except ValidationFailed:
        return  # errors were found and reported: nothing was built, nothing crashed
    except ProfkartaError as exc:  # a build step refused something validate let through: that is a bug
        raise AssertionError(f"validate passed but build failed: {exc}") from None
    assert (root / "site" / "index.html").is_file() and built.site.maps >= 0
    assert all(p.stat().st_size > 0 for p in (root / "site" / "print").rglob("*.pdf"))


def test_an_empty_ladder_is_a_finding_not_a_crash(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(PROJECTS / "valid_minimal", root)
    text = (root / MAP).read_text(encoding="utf-8")
    head, rest = text.split("ladder:", 1)
    tail = rest[rest.index("\nsupport:"):]
    (root / MAP).write_text(head + "ladder: []" + tail, encoding="utf-8")
    found = validate(root, today=TODAY).report.findings
    assert any(f.rule == "R2.2" and f.severity == "error" for f in found)
    assert not [f for f in found if f.rule == "INTERNAL"]
