"""Loading: every value keeps file:line:col; broken or hostile files are refused with a Russian message."""

from __future__ import annotations

import pytest

from profkarta.errors import LoadError
from profkarta.load.yamlfile import load_yaml, parse_yaml, split_front_matter
from tests.util import MAP, check, copy_project


def _load(tmp_path, content: bytes | str, name: str = "x.yaml"):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_yaml(path, name)


def _refusal(tmp_path, content, name="x.yaml"):
    with pytest.raises(LoadError) as exc:
        _load(tmp_path, content, name)
    return exc.value.finding


def test_positions_of_values_and_keys(tmp_path):
    doc = _load(tmp_path, "a: 1\nb:\n  c: [x, y]\n  d:\n    - e: 2\n")
    assert doc.pos(("a",)) == (1, 4)
    assert doc.pos(("b", "c", 1)) == (3, 10)
    assert doc.pos(("b", "d", 0, "e")) == (5, 10)
    assert doc.pos(("b", "missing")) == (2, 1)  # a missing field points at its parent key
    assert doc.key_marks[("b", "c")] == (3, 3)


def test_front_matter_lines_are_file_lines(tmp_path):
    path = tmp_path / "t.md"
    path.write_text("---\nteam: A\nmembers:\n  - name: B\n---\nText\n", encoding="utf-8")
    doc = split_front_matter(path, "t.md")
    assert doc.pos(("members", 0, "name")) == (4, 11)
    assert doc.body == "Text\n" and doc.body_line == 6


REFUSALS = [
    # (case, content, rule, line, words that must be in the message)
    ("syntax_tab", "a: 1\n\tb: 2\n", "Y2", 2, "табуляц"),
    ("syntax_colon", "a: b: c\n", "Y2", 1, "двоеточие"),
    ("syntax_unclosed_quote", 'a: "abc\nb: 1\n', "Y2", 3, "YAML"),
    ("duplicate_key", "a: 1\nb: 2\na: 3\n", "Y3", 3, "повторяется"),
    ("duplicate_nested_key", "a:\n  x: 1\n  x: 2\n", "Y3", 3, "строке 2"),
    ("python_tag", 'a: !!python/object/apply:os.system ["echo hi"]\n', "Y5", 1, "тег"),
    ("custom_tag", "a: !include other.yaml\n", "Y5", 1, "тег"),
    ("binary_tag", "a: !!binary aGVsbG8=\n", "Y5", 1, "тег"),
    ("set_tag", "a: !!set {x, y}\n", "Y5", 1, "тег"),
    ("self_alias", "a: &x [1, *x]\n", "Y5", 1, "якор"),
    ("billion_laughs", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n", "Y5", None, "ссылки"),
    ("two_documents", "a: 1\n---\nb: 2\n", "Y2", 2, "несколько"),
]


@pytest.mark.parametrize("case", REFUSALS, ids=[c[0] for c in REFUSALS])
def test_refusals(tmp_path, case):
    _, content, rule, line, words = case
    finding = _refusal(tmp_path, content)
    assert finding.rule == rule, finding.format()
    if line is not None:
        assert finding.line == line, finding.format()
    assert words in finding.message, finding.format()
    assert finding.format().startswith(f"x.yaml:{finding.line}:{finding.col}: ошибка [{rule}]")


def test_cp1251_is_refused_with_how_to_resave(tmp_path):
    finding = _refusal(tmp_path, "name: Колледж\n".encode("cp1251"))
    assert finding.rule == "Y1" and finding.line == 1
    assert "UTF-8" in finding.message and "Windows-1251" in finding.message and "Сохранить" in finding.message


def test_bad_byte_line_is_reported(tmp_path):
    finding = _refusal(tmp_path, b"a: 1\nb: 2\nc: \xff\xfe\n")
    assert (finding.rule, finding.line, finding.col) == ("Y1", 3, 4)


def test_utf8_bom_is_accepted(tmp_path):
    assert _load(tmp_path, b"\xef\xbb\xbfa: 1\n").data == {"a": 1}


def test_file_over_one_megabyte_is_refused(tmp_path):
    finding = _refusal(tmp_path, "a: " + "x" * 1_000_100 + "\n")
    assert finding.rule == "Y1" and "слишком большой" in finding.message


def test_nul_bytes_are_refused(tmp_path):
    assert _refusal(tmp_path, b"a: 1\x00\n").rule == "Y1"


def test_merge_keys_work_and_explicit_keys_win(tmp_path):
    doc = _load(tmp_path, "base: &b {min: 1, avg: 2}\nsal:\n  <<: *b\n  avg: 5\n")
    assert doc.data["sal"] == {"min": 1, "avg": 5}


def test_small_aliases_are_fine(tmp_path):
    doc = _load(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}


def test_deep_nesting_is_refused(tmp_path):
    finding = _refusal(tmp_path, "a: " + "[" * 200 + "]" * 200 + "\n")
    assert finding.rule in ("Y5", "Y2")


def test_parse_keeps_dates_and_numbers():
    doc = parse_yaml("d: 2026-06-15\nn: 45000\ns: '15.02.16'\n", "x.yaml", None)
    assert str(doc.data["d"]) == "2026-06-15" and doc.data["n"] == 45000 and doc.data["s"] == "15.02.16"


def test_unknown_field_suggests_the_right_one(tmp_path):
    root = copy_project(tmp_path)
    text = (root / MAP).read_text(encoding="utf-8").replace("  qualification:", "  qualifcation:")
    (root / MAP).write_text(text, encoding="utf-8")
    (finding,) = check(root).report.findings
    assert finding.rule == "Y4" and "qualification" in finding.message and finding.line == 6 and finding.col == 3


def test_broken_file_does_not_hide_other_findings(tmp_path):
    """A file that cannot be read is one finding; every other file is still checked."""
    root = copy_project(tmp_path)
    (root / "career_maps/demo-mashinostroenie/broken.yaml").write_text("a: [\n", encoding="utf-8")
    cluster = root / "career_maps/demo-mashinostroenie/cluster.yaml"
    cluster.write_text(cluster.read_text(encoding="utf-8").replace("region: Свердловская область", "region: Марс"),
                       encoding="utf-8")
    rules = sorted(f.rule for f in check(root).report.findings)
    assert rules == ["R1.4", "Y2"]
