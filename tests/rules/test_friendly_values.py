"""Values written the way people write them: Russian synonyms, kind from the code, phones, U1 and S1 details."""

from __future__ import annotations

import os

from profkarta import phones
from profkarta.findings import WARNING
from profkarta.schema import schema_of
from tests.util import CLUSTER, MAP, TEAM, check, copy_project, edit, line_of


def test_russian_synonyms_are_accepted_and_normalised(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "status: approved", "status: Утверждена")
    edit(root, MAP, "kind: specialty", "kind: специальность")
    edit(root, CLUSTER, "kind: opc ", "kind: ОПЦ ")
    result = check(root)
    assert result.report.findings == [], [f.format() for f in result.report.findings]
    (m,) = result.project.maps
    assert m.model.status == "approved" and m.model.program.kind == "specialty"
    assert result.project.clusters["demo-mashinostroenie"].model.kind == "opc"
    assert [e.id for e in result.published()] == ["tehnolog"]  # «утверждена» is published like approved


def test_draft_synonym_and_education_cluster(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "status: approved", "status: проект")
    edit(root, CLUSTER, "kind: opc ", "kind: образовательный ")
    result = check(root)
    assert result.project.maps[0].model.status == "draft"
    # education does not serve машиностроение: C1 compares the normalised value
    assert [f.rule for f in result.report.errors] == ["C1"]


def test_kind_is_derived_from_the_code(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "  kind: specialty", "  # kind left out")
    result = check(root)
    assert result.report.findings == []
    assert result.project.maps[0].model.program.kind == "specialty"


def test_kind_against_code_still_checked_for_a_synonym(tmp_path):
    root = copy_project(tmp_path)
    line = edit(root, MAP, "kind: specialty", "kind: профессия")
    (f,) = check(root).report.errors
    assert (f.rule, f.line) == ("R2.1", line) and "специальность" in f.message


def test_schema_accepts_the_synonyms():
    text = str(schema_of("map"))
    for word in ("утверждена", "проект", "профессия", "специальность", "approved", "specialty"):
        assert f"'{word}'" in text, word
    assert "'ОПЦ'" in str(schema_of("cluster")) or "'опц'" in str(schema_of("cluster"))


def test_phones_normalised_extension_kept_area_code_required():
    assert phones.display("8(831)123-45-67") == "+7 (831) 123-45-67"
    assert phones.tel_url("8(831)123-45-67") == "tel:+78311234567"
    assert phones.display("+7 343 217 40 01, доб. 105") == "+7 (343) 217-40-01, доб. 105"
    assert phones.tel_url("+7 343 217 40 01 доб.105") == "tel:+73432174001;ext=105"
    assert phones.problem("+7 (343) 217-40-01, доб. 105") is None
    assert "кода города" in phones.problem("295-12-35")
    assert phones.tel_url("295-12-35") is None  # never dialled as tel:2951235


def test_phone_forms_accepted_by_the_rules(tmp_path):
    root = copy_project(tmp_path)
    edit(root, CLUSTER, 'phone: "+7 (343) 217-40-01"', 'phone: "8(343)217-40-01, доб. 105"')
    assert check(root).report.findings == []


def test_phone_is_normalised_in_print_contacts(tmp_path):
    from profkarta.render.print.context import contacts_of

    root = copy_project(tmp_path)
    edit(root, CLUSTER, 'phone: "+7 (343) 217-40-01"', 'phone: "8(343)2174001 доб 7"')
    cluster = check(root).project.clusters["demo-mashinostroenie"].model
    assert contacts_of(cluster, cluster.colleges[0])["phone"] == "+7 (343) 217-40-01, доб. 7"


def test_u1_blames_the_newer_file_and_names_both(tmp_path):
    root = copy_project(tmp_path)
    older = root / "career_maps/demo-mashinostroenie/aa-old.yaml"
    older.write_text((root / MAP).read_text(encoding="utf-8"), encoding="utf-8")
    os.utime(older, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    os.utime(root / MAP, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    (hit,) = [f for f in check(root).report.findings if f.rule == "U1"]
    assert hit.file == MAP and hit.line == line_of(root, MAP, 'code: "15.02.16"')
    assert "aa-old.yaml" in hit.message and "tehnolog.yaml" in hit.message


def test_empty_code_is_no_collision(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, 'code: "15.02.16"', 'code: ""')
    copy = root / "career_maps/demo-mashinostroenie/second.yaml"
    copy.write_text((root / MAP).read_text(encoding="utf-8"), encoding="utf-8")
    rules = {f.rule for f in check(root).report.errors}
    assert "U1" not in rules and "R2.1" in rules
    assert all("не заполнен" in f.message for f in check(root).report.errors if f.field == "program.code")


def test_example_marker_keeps_a_chosen_example(tmp_path):
    root = copy_project(tmp_path)
    edit(root, TEAM, "name: Иванова Мария Петровна", "name: Фамилия Имя Отчество")
    assert [f.rule for f in check(root).report.findings] == ["S1"]
    edit(root, TEAM, "team:", "example: true\nteam:")
    assert check(root).report.findings == []


def test_s1_is_one_warning_per_file_naming_the_stage(tmp_path):
    root = copy_project(tmp_path)
    text = (root / MAP).read_text(encoding="utf-8")
    text = text.replace("activities: Разработка", "activities: Что делает работник на этой ступени. Разработка")
    text = text.replace("growth: Высшее", "growth: Как перейти на следующую ступень. Высшее")
    (root / MAP).write_text(text, encoding="utf-8")
    hits = [f for f in check(root).report.findings if f.rule == "S1"]
    assert len(hits) == 1 and hits[0].severity == WARNING
    assert hits[0].message.startswith("ступень ") and "Всего мест из заготовки в файле: " in hits[0].message


def test_shape_messages_name_the_stage(tmp_path):
    root = copy_project(tmp_path)
    edit(root, MAP, "salary: {min: 28000, avg: 32000, max: 38000}", "salary: {min: 28000, avg: 32000}")
    (f,) = check(root).report.errors
    assert f.field == "ladder[0].salary.max" and f.message.startswith("ступень 1 «")


def test_scaffold_fingerprints_come_from_the_scaffolds():
    from importlib import resources

    from profkarta.rules.publish import EXACT, FINGERPRINTS

    folder = resources.files("profkarta") / "scaffold"
    text = " ".join((folder / n).read_text(encoding="utf-8") for n in ("map.yaml", "cluster.yaml", "team.md"))
    for mark, _ in FINGERPRINTS + EXACT:
        assert mark in text, mark
