"""S1's quick look at the whole file finds every starter text the value-by-value look finds, escapes included."""

from __future__ import annotations

import pytest
import yaml

from profkarta.rules.publish import maybe_scaffold, scaffold_hit
from tests.util import MAP, check, copy_project, edit


@pytest.mark.parametrize("written", [
    'title: "Новый\\x20кластер"',          # an escape: not in the file as written
    'title: "Новый\\u0020колледж"',
    "title: 'Новое ''предприятие'''",       # no fingerprint after all: nothing to find
    "title: Новый\n    кластер",            # a folded plain value
    "title: >\n    Что делает работник\n    на этой ступени",
    "title: \"(ЗАМЕНИТЕ)\"",
])
def test_quick_and_full_look_agree(tmp_path, written):
    root = copy_project(tmp_path)
    edit(root, MAP, "  - title: Практикант\n", "  - " + written.replace("\n", "\n  ") + "\n")
    findings = [f for f in check(root).report.findings if f.rule == "S1" and f.file == MAP]
    value = yaml.safe_load(written)["title"]
    assert bool(findings) == bool(scaffold_hit(value))


def test_prefilter_is_a_necessary_condition():
    texts = ["Обычный текст", "ещё\nодин (замените)\tздесь"]
    assert maybe_scaffold(texts)
    assert not maybe_scaffold(["Обычный текст", "без заготовки"])
    assert maybe_scaffold(["Имя Фамилия"]) and scaffold_hit("Имя  Фамилия")
    assert not maybe_scaffold(["Новый", "кластер"])  # two values never make one fingerprint
