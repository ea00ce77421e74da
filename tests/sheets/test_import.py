"""export → import: the demo comes back unchanged; a user's edits give validate's messages with sheet and cell."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import yaml

from profkarta.cli import main
from tests.sheets.conftest import assert_book_is_project, columns, edit_book, find_row, project_data

TEHNOLOG = "career_maps/demo-mashinostroenie/tehnolog.yaml"


def run(root: Path, *args: str, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.chdir(root)
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_demo_round_trip_is_lossless(demo, demo_book):
    assert_book_is_project(demo_book, demo)


def test_unchanged_import_writes_nothing_and_keeps_comments(demo, demo_book, monkeypatch, capsys):
    text = (demo / TEHNOLOG).read_text(encoding="utf-8")
    code, out = run(demo, "import", str(demo_book), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, out
    assert "Записано файлов: 0" in out and "без изменений: 18" in out
    assert (demo / TEHNOLOG).read_text(encoding="utf-8") == text


def _stage_cell(wb, map_id: str, title: str, key: str):
    ws = wb["Ступени"]
    return ws.cell(find_row(ws, **{"#map": map_id, "title": title}), columns(ws)[key])


def test_changed_data_needs_force_then_writes_commented_yaml(demo, demo_book, tmp_path, monkeypatch, capsys):
    def raise_salary(wb):
        _stage_cell(wb, "tehnolog", "Руководитель", "salary.max").value = 180000
        ws = wb["Карты"]
        ws.cell(find_row(ws, **{"#map": "tehnolog"}), columns(ws)["summary"]).value = "Строка 1\nСтрока 2"
    book = edit_book(demo_book, tmp_path / "edited.xlsx", raise_salary)
    before = (demo / TEHNOLOG).read_text(encoding="utf-8")
    code, out = run(demo, "import", str(book), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "--force" in out and TEHNOLOG in out
    assert (demo / TEHNOLOG).read_text(encoding="utf-8") == before
    code, out = run(demo, "import", str(book), "--force", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, out
    assert "Записано файлов: 1" in out
    text = (demo / TEHNOLOG).read_text(encoding="utf-8")
    assert "# код по перечню СПО, в кавычках (R2.1)" in text and 'code: "15.02.16"' in text
    data = yaml.safe_load(text)
    assert data["ladder"][3]["salary"]["max"] == 180000
    assert data["summary"] == "Строка 1\nСтрока 2"
    assert data["approval"]["protocol"] == "7" and data["approval"]["date"] == dt.date(2026, 6, 15)
    code, out = run(demo, "validate", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, out


def _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, edits) -> list[str]:
    book = edit_book(demo_book, tmp_path / "edited.xlsx", edits)
    before = project_data(demo)
    code, out = run(demo, "import", str(book), "--force", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1, out
    assert project_data(demo) == before  # nothing at all was written
    return [line for line in out.splitlines() if "ошибка" in line]


def test_text_in_a_number_cell(demo, demo_book, tmp_path, monkeypatch, capsys):
    wb = openpyxl.load_workbook(demo_book)
    cell = _stage_cell(wb, "tehnolog", "Специалист", "salary.min")
    ref = f"Ступени!{cell.coordinate}"
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys,
                           lambda wb: setattr(_stage_cell(wb, "tehnolog", "Специалист", "salary.min"), "value",
                                              "двадцать"))
    assert lines == [f"edited.xlsx:{ref}: ошибка [R2.4] ladder[2].salary.min: ступень 3 «Специалист»: "
                     "ожидается целое число без пробелов, "
                     "точек и букв, например 45000, а записано «двадцать»."], lines


def test_empty_required_cell(demo, demo_book, tmp_path, monkeypatch, capsys):
    def clear(wb):
        ws = wb["Карты"]
        ws.cell(find_row(ws, **{"#map": "tehnolog"}), columns(ws)["program.title"]).value = None
    wb = openpyxl.load_workbook(demo_book)
    ws = wb["Карты"]
    ref = f"Карты!{ws.cell(find_row(ws, **{'#map': 'tehnolog'}), columns(ws)['program.title']).coordinate}"
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, clear)
    assert lines == [f"edited.xlsx:{ref}: ошибка [R2.1] program.title: не заполнено обязательное поле «title». "
                     "Добавьте его."], lines


def test_duplicated_map_id(demo, demo_book, tmp_path, monkeypatch, capsys):
    def dup(wb):
        ws = wb["Карты"]
        ws.cell(find_row(ws, **{"#map": "additivnye-tehnologii"}), columns(ws)["#map"]).value = "tehnolog"
    wb = openpyxl.load_workbook(demo_book)
    ws = wb["Карты"]
    first, second = sorted([find_row(ws, **{"#map": "tehnolog"}), find_row(ws, **{"#map": "additivnye-tehnologii"})])
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, dup)
    assert f"edited.xlsx:Карты!B{second}: ошибка [XL] карта «tehnolog» кластера «demo-mashinostroenie» уже есть " \
           f"в строке {first}. У каждой карты свой id: исправьте один из них." in lines, lines


def test_unknown_college_and_orphan_rows(demo, demo_book, tmp_path, monkeypatch, capsys):
    def edits(wb):
        ws = wb["Карты"]
        ws.cell(find_row(ws, **{"#map": "tehnolog"}), columns(ws)["college"]).value = "dpx"
    wb = openpyxl.load_workbook(demo_book)
    ws = wb["Карты"]
    ref = f"Карты!{ws.cell(find_row(ws, **{'#map': 'tehnolog'}), columns(ws)['college']).coordinate}"
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, edits)
    assert any(line.startswith(f"edited.xlsx:{ref}: ошибка [R1.2] college: колледж «dpx» не описан в cluster.yaml")
               for line in lines), lines

    def orphan(wb):
        ws = wb["Ступени"]
        r = find_row(ws, **{"#map": "tehnolog", "title": "Практикант"})
        ws.cell(r, columns(ws)["#map"]).value = "net-takoy"
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, orphan)
    assert any("строка" in line and "«demo-mashinostroenie / net-takoy», которой нет на листе «Карты»" in line
               for line in lines), lines


def test_code_typed_as_number_says_how_to_fix_the_cell(demo, demo_book, tmp_path, monkeypatch, capsys):
    def number(wb):
        ws = wb["Карты"]
        ws.cell(find_row(ws, **{"#map": "tehnolog"}), columns(ws)["program.code"]).value = 15.02
    lines = _import_errors(demo, demo_book, tmp_path, monkeypatch, capsys, number)
    assert any("[R2.1] program.code" in line and "Формат ячеек → Текстовый" in line for line in lines), lines


def test_template_imports_into_a_new_project(tmp_path, monkeypatch, capsys):
    proj = tmp_path / "novyj"
    assert main(["init", str(proj)]) == 0
    code, out = run(proj, "export", "xlsx", "--template", "-o", str(tmp_path / "t.xlsx"),
                    monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, out
    wb = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert wb.sheetnames[0] == "Как заполнять"
    for name in ("Кластеры", "Колледжи", "Работодатели", "Карты", "Ступени", "Поддержка", "Команды", "Участники"):
        ws = wb[name]
        assert ws.freeze_panes and ws.max_row >= 4, name
        assert ws.cell(2, 1).value  # the hint row
    kinds = [dv.formula1 for dv in wb["Кластеры"].data_validations.dataValidation]
    assert '"opc,education"' in kinds and any("Списки" in f for f in kinds)
    assert wb["Кластеры"].max_row == 4 and wb["Карты"].max_row == 4  # one example row
    code, out = run(proj, "import", str(tmp_path / "t.xlsx"), monkeypatch=monkeypatch, capsys=capsys)
    assert " ошибка " not in out, out


def test_export_refuses_to_overwrite_and_knows_clusters(demo, tmp_path, monkeypatch, capsys):
    target = tmp_path / "k.xlsx"
    assert run(demo, "export", "xlsx", "kazan-it", "-o", str(target), monkeypatch=monkeypatch, capsys=capsys)[0] == 0
    wb = openpyxl.load_workbook(target)
    assert {wb["Карты"].cell(r, 1).value for r in range(4, wb["Карты"].max_row + 1)} == {"kazan-it"}
    code, out = run(demo, "export", "xlsx", "-o", str(target), monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "уже существует" in out
    code, out = run(demo, "export", "xlsx", "net", "-o", str(tmp_path / "x.xlsx"), monkeypatch=monkeypatch,
                    capsys=capsys)
    assert code == 2 and "нет кластера" in out


def test_salary_cells_are_numbers_and_codes_are_text(demo_book):
    wb = openpyxl.load_workbook(demo_book)
    cell = _stage_cell(wb, "tehnolog", "Практикант", "salary.min")
    assert cell.value == 28000 and cell.data_type == "n" and "₽" in cell.number_format
    ws = wb["Карты"]
    row = find_row(ws, **{"#map": "tehnolog"})
    code = ws.cell(row, columns(ws)["program.code"])
    assert code.value == "15.02.16" and code.data_type == "s"
    assert ws.cell(row, columns(ws)["approval.protocol"]).value == "7"
    assert ws.cell(row, columns(ws)["approval.date"]).is_date


def test_too_few_stages_points_at_the_stage_rows(demo, demo_book, tmp_path, monkeypatch, capsys):
    def drop(wb):
        ws = wb["Ступени"]
        for title in ("Специалист", "Руководитель", "Молодой специалист"):
            ws.delete_rows(find_row(ws, **{"#map": "tehnolog", "title": title}))
    book = edit_book(demo_book, tmp_path / "fewer.xlsx", drop)
    wb = openpyxl.load_workbook(book)
    first = find_row(wb["Ступени"], **{"#map": "tehnolog"})
    code, out = run(demo, "import", str(book), "--force", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1
    assert f"fewer.xlsx:Ступени!B{first}: ошибка [R2.2] ladder: ступеней в карьерной лестнице: 1" in out, out


def test_errors_elsewhere_in_the_project_do_not_stop_a_clean_workbook(demo, demo_book, tmp_path, monkeypatch,
                                                                      capsys):
    programme = demo / "content/popularization/sverdlovsk-2026.yaml"
    programme.write_text(programme.read_text(encoding="utf-8") + "oops: 1\n", encoding="utf-8")
    book = edit_book(demo_book, tmp_path / "e.xlsx",
                     lambda wb: setattr(_stage_cell(wb, "tehnolog", "Руководитель", "salary.max"), "value", 175000))
    code, out = run(demo, "import", str(book), "--force", monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and "Записано файлов: 1" in out and "В других файлах проекта ошибок: 1" in out, out
    assert "content/popularization/sverdlovsk-2026.yaml:" in out
    assert yaml.safe_load((demo / TEHNOLOG).read_text(encoding="utf-8"))["ladder"][3]["salary"]["max"] == 175000
