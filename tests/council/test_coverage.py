"""`profkarta coverage`: approved, draft, missing and unlisted told apart, as a table, a spreadsheet and JSON."""

from __future__ import annotations

import csv
import datetime as dt
import json

from profkarta import coverage as cov
from tests.council.councilkit import DRAFT, SITE_URL, UNLISTED, mixed_project
from tests.util import run_cli as run
from tests.util import CLUSTER, MAP, check, edit

EXPECTED = {  # code → (status, protocol, date, file)
    "15.02.16": ("утверждена", "7", "2026-06-15", MAP),
    "15.02.09": ("проект", "", "", DRAFT),
    "15.01.38": ("нет карты", "", "", ""),
    "15.02.06": ("не в перечне колледжа", "8/2026", "2026-07-01", UNLISTED),
}


def test_core_rows_tell_every_status_apart(tmp_path):
    root = mixed_project(tmp_path)
    regions = cov.coverage(check(root).project, SITE_URL)
    assert [g.name for g in regions] == ["Свердловская область"]
    rows = {r.code: r for r in cov.flat(regions)}
    assert {c: (cov.STATUS_RU[r.status], r.protocol or "", r.date.isoformat() if r.date else "", r.file or "")
            for c, r in rows.items()} == EXPECTED
    assert rows["15.02.16"].url == SITE_URL + "maps/demo-mashinostroenie/tehnolog/"
    assert rows["15.02.09"].url is None and rows["15.02.09"].map_status == "draft"  # drafts are not on the site
    assert rows["15.01.38"].title == "Оператор-наладчик металлообрабатывающих станков"  # from the SPO list
    assert rows["15.02.06"].date == dt.date(2026, 7, 1) and rows["15.02.06"].map_status == "approved"
    t = cov.totals(regions[0].rows)
    assert t == {"approved": 1, "draft": 1, "missing": 1, "unlisted": 1, "listed": 3}


def test_csv_opens_as_a_russian_spreadsheet(tmp_path, capsys):
    root = mixed_project(tmp_path)
    out = tmp_path / "pokrytie.csv"
    code, _, err = run(["coverage", "--format", "csv", "-o", str(out)], root, capsys)
    assert code == 0 and str(out) in err
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM: Excel then reads UTF-8, not cp1251
    with out.open(encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == ["регион", "кластер", "колледж", "код", "название", "статус", "протокол", "дата", "файл",
                        "адрес"]
    body = [dict(zip(table[0], r, strict=True)) for r in table[1:]]
    assert len(body) == 4
    for r in body:
        status, protocol, date, file = EXPECTED[r["код"]]
        assert (r["статус"], r["протокол"], r["дата"], r["файл"]) == (status, protocol, date, file)
        assert r["регион"] == "Свердловская область" and r["колледж"] == "ДПК" and "Демо" in r["кластер"]
    unlisted = next(r for r in body if r["код"] == "15.02.06")
    assert unlisted["название"].startswith("Монтаж, техническая") and "(по отраслям)" in unlisted["название"]
    assert next(r for r in body if r["код"] == "15.02.16")["адрес"] == SITE_URL + "maps/demo-mashinostroenie/tehnolog/"


def test_json_has_totals_at_every_level(tmp_path, capsys):
    code, out, _ = run(["coverage", "--format", "json"], mixed_project(tmp_path), capsys)
    assert code == 0
    data = json.loads(out)
    region = data["regions"][0]
    cluster = region["clusters"][0]
    college = cluster["colleges"][0]
    for level in (data, region, cluster, college):
        assert level["totals"] == {"approved": 1, "draft": 1, "missing": 1, "unlisted": 1, "listed": 3}
    assert cluster["id"] == "demo-mashinostroenie" and cluster["developer"].startswith("Управляющий совет")
    assert {r["code"]: r["status"] for r in college["rows"]} == {
        "15.02.16": "approved", "15.02.09": "draft", "15.01.38": "missing", "15.02.06": "unlisted"}


def test_table_shows_statuses_protocols_and_totals(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")  # a wide terminal: no cell wraps
    code, out, _ = run(["coverage"], mixed_project(tmp_path), capsys)
    assert code == 0
    flat = " ".join(out.split())
    for word in ("утверждена", "проект", "нет карты", "не в перечне", "№ 7 от 15.06.2026", "№ 8/2026 от 01.07.2026",
                 "15.01.38", "Свердловская область"):
        assert word in flat, word
    assert "Итого: утверждено 1 из 3, проектов 1, нет карты 1, не в перечне 1" in flat


def test_table_to_file_is_plain_text(tmp_path, capsys):
    out = tmp_path / "pokrytie.txt"
    code, _, _ = run(["coverage", "-o", str(out)], mixed_project(tmp_path), capsys)
    text = out.read_text(encoding="utf-8")
    assert code == 0 and "\x1b[" not in text and "нет карты" in text


def test_project_with_errors_exits_1_with_the_findings(tmp_path, capsys):
    root = mixed_project(tmp_path)
    line = edit(root, MAP, "salary: {min: 28000", "salary: {min: 99000")
    code, out, err = run(["coverage", "--format", "csv"], root, capsys)
    assert code == 1 and out == ""
    assert f"{MAP}:{line}:" in err and "ошибка [R2.4]" in err


def test_empty_programs_list_is_reported_not_guessed(tmp_path, capsys):
    root = mixed_project(tmp_path)
    edit(root, CLUSTER, 'programs: ["15.02.16", "15.02.09", "15.01.38"]', "programs: []")
    code, out, _ = run(["coverage", "--format", "json"], root, capsys)
    college = json.loads(out)["regions"][0]["clusters"][0]["colleges"][0]
    assert code == 0 and college["programs_listed"] is False
    assert {r["status"] for r in college["rows"]} == {"unlisted"}  # every map, none counted as covering


def test_a_cluster_folder_limits_the_report_to_that_cluster(tmp_path, capsys):
    import shutil

    root = mixed_project(tmp_path)
    other = root / "career_maps" / "vtoroj"
    shutil.copytree(root / "career_maps" / "demo-mashinostroenie", other)
    code, out, _ = run(["coverage", "--format", "json"], root, capsys)
    assert code == 0 and len(json.loads(out)["regions"][0]["clusters"]) == 2
    code, out, _ = run(["coverage", "career_maps/vtoroj", "--format", "json"], root, capsys)
    clusters = json.loads(out)["regions"][0]["clusters"]
    assert code == 0 and [c["id"] for c in clusters] == ["vtoroj"]
