"""Writing the workbook: header rows, drop-down lists, number formats, widths and the «Как заполнять» sheet."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from profkarta import refdata
from profkarta.sheets.layout import (BOOL, CHOICE, DATE, DICT, HEADER_ROWS, HOWTO, INT, LIST, LISTS, TEXT_OR_LIST,
                                     Column, Sheet)

HEAD_FILL = PatternFill("solid", fgColor="1F3A93")
HINT_FILL = PatternFill("solid", fgColor="E8EDF7")
KEY_FONT = Font(size=8, color="808080")
MONEY = '#,##0" ₽"'
DATE_FMT = "DD.MM.YYYY"
LAST_ROW = 2000  # drop-down lists and text formats reach this far down
WRAP = Alignment(wrap_text=True, vertical="top")


def list_values() -> dict[str, list[str]]:
    return {"regions": refdata.region_names(), "industries": refdata.industry_names()}


def _lists_sheet(wb: Workbook) -> dict[str, str]:
    """The hidden «Списки» sheet; returns the range formula of each list."""
    ws = wb.create_sheet(LISTS)
    refs = {}
    for i, (name, values) in enumerate(list_values().items(), 1):
        letter = get_column_letter(i)
        ws.cell(1, i, {"regions": "Субъекты РФ", "industries": "Отрасли"}[name]).font = Font(bold=True)
        for j, value in enumerate(values, 2):
            ws.cell(j, i, value)
        refs[name] = f"'{LISTS}'!${letter}$2:${letter}${len(values) + 1}"
        ws.column_dimensions[letter].width = 48
    ws.sheet_state = "hidden"
    return refs


def _validation(col: Column, refs: dict[str, str]) -> DataValidation | None:
    if col.list_name:
        formula = refs[col.list_name]
    elif col.kind == CHOICE and col.choices:
        formula = '"' + ",".join(col.choices) + '"'
    elif col.kind == BOOL:
        formula = '"да,нет"'
    else:
        return None
    # «warning»: a value outside the list is allowed after a question (lists may lag behind the rules)
    return DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                          errorStyle="warning", errorTitle="Значения нет в списке",
                          error="Такого значения нет в списке. Проверьте написание или выберите из списка.",
                          promptTitle=col.title[:32], prompt=col.hint[:250], showInputMessage=True)


def _format(col: Column) -> str:
    if col.kind == INT:
        return MONEY if "salary" in col.key else "0"
    if col.kind == DATE:
        return DATE_FMT
    if col.kind == BOOL:
        return "General"
    return "@"  # text: Excel leaves «15.02.16» and «3» as typed


def write_sheet(wb: Workbook, sheet: Sheet, rows: list[dict[str, Any]], refs: dict[str, str]) -> Worksheet:
    ws = wb.create_sheet(sheet.name)
    for j, col in enumerate(sheet.columns, 1):
        head = ws.cell(1, j, col.title + (" *" if col.required else ""))
        head.font, head.fill, head.alignment = Font(bold=True, color="FFFFFF"), HEAD_FILL, WRAP
        hint = ws.cell(2, j, col.hint)
        hint.font, hint.fill, hint.alignment = Font(italic=True, size=9, color="404040"), HINT_FILL, WRAP
        ws.cell(3, j, col.key).font = KEY_FONT
        letter = get_column_letter(j)
        ws.column_dimensions[letter].number_format = _format(col)
        dv = _validation(col, refs)
        if dv is not None:
            dv.add(f"{letter}{HEADER_ROWS + 1}:{letter}{LAST_ROW}")
            ws.add_data_validation(dv)
    widths = [max(10, min(24, len(c.title) * 0.6)) for c in sheet.columns]
    for i, row in enumerate(rows, HEADER_ROWS + 1):
        for j, col in enumerate(sheet.columns, 1):
            value = row.get(col.key)
            if value is None:
                continue
            cell = ws.cell(i, j, value)
            if isinstance(value, str):
                cell.data_type = "s"  # «=…» is text here, never a formula
                cell.number_format = "@"
            elif isinstance(value, (dt.date, dt.datetime)):
                cell.number_format = DATE_FMT if not isinstance(value, dt.datetime) or \
                    value.time() == dt.time(0) else "DD.MM.YYYY HH:MM:SS"
            elif col.kind == INT:
                cell.number_format = _format(col)
            if isinstance(value, str) and ("\n" in value or col.kind in (LIST, TEXT_OR_LIST, DICT)):
                cell.alignment = WRAP
            longest = max((len(line) for line in str(value).split("\n")), default=0)
            widths[j - 1] = max(widths[j - 1], min(60, longest * 1.1 + 2))
    for j, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = round(width, 1)
    # LibreOffice does not grow rows for wrapped text it did not lay out itself: give the header rows room
    for r, texts in ((1, [c.title + " *" for c in sheet.columns]), (2, [c.hint for c in sheet.columns])):
        lines = max(math.ceil(len(t) * 1.15 / max(w, 1)) for t, w in zip(texts, widths, strict=True))
        ws.row_dimensions[r].height = 15 * max(1, min(lines, 8)) + 4
    ids = sum(1 for c in sheet.columns if c.key.startswith("#") and c.kind == "id")
    ws.freeze_panes = ws.cell(HEADER_ROWS + 1, ids + 1)
    ws.auto_filter.ref = f"A{HEADER_ROWS}:{get_column_letter(len(sheet.columns))}{max(HEADER_ROWS, ws.max_row)}"
    return ws


HOWTO_TEXT = [
    ("Книга карьерных карт «Профессионалитета»", True),
    ("Книга — вторая дверь к тем же данным, что в YAML-файлах проекта. После правки загрузите её обратно: "
     "profkarta import ФАЙЛ.xlsx (в папке проекта). Все проверки те же, что у profkarta validate; "
     "каждое сообщение называет лист и ячейку, например «карты.xlsx:Ступени!H12».", False),
    ("Листы", True),
    ("{sheets}", False),
    ("Строки заголовка", True),
    ("Строка 1 — название столбца (* — обязательное поле), строка 2 — подсказка, строка 3 — имя поля в YAML "
     "(по нему profkarta узнаёт столбец: не меняйте её; столбцы можно переставлять). Данные — с 4-й строки.", False),
    ("Как записывать значения", True),
    ("Id кластеров, карт, колледжей, работодателей и команд — строчные латинские буквы, цифры и дефисы "
     "(например tokar-2026): из них строятся адреса страниц. Строки других листов связаны с картой и кластером "
     "по этим id.", False),
    ("Списки (должности, коды профессий колледжа, id работодателей карты) — по одному значению на строке "
     "внутри ячейки: Alt+Enter в Excel, Ctrl+Enter в LibreOffice.", False),
    ("«Чем занимается» и «Как перейти на следующую ступень» — обычный текст (можно в несколько строк) или "
     "список: тогда каждая строка начинается с «• ».", False),
    ("Ссылки команды — по одной на строке: «vk: https://vk.com/…».", False),
    ("Коды профессий и специальностей («15.02.16»), номера протоколов и телефоны — текст: ячейки этих "
     "столбцов уже текстовые, Excel их не превратит в числа. Зарплаты — целые рубли в месяц, числом. "
     "Даты — датой (ДД.ММ.ГГГГ).", False),
    ("Порядок строк — порядок в карте: ступени снизу вверх по лестнице, меры поддержки по порядку внутри "
     "раздела. Ветки («возможные траектории») — на листе «Ступени» с номером в столбце «Ветка»; столбцы "
     "«Ветка: …» повторяются на каждой ступени ветки.", False),
    ("Мера поддержки без подробностей записывается в YAML строкой, с подробностями — полями title/description; "
     "«поля» в столбце «Запись» сохраняет вид {title} и без подробностей.", False),
    ("«Другие поля» — то, чему нет своего столбца (например, пустой список или поле новой версии), в виде "
     "YAML. Обычно этот столбец пуст; не удаляйте его содержимое, если не уверены.", False),
    ("Выпадающие списки — вид кластера, статус, вид программы, регион, отрасль, раздел поддержки. "
     "Значение не из списка Excel примет после предупреждения, а profkarta проверит его.", False),
    ("Загрузка", True),
    ("profkarta import ФАЙЛ.xlsx [--into ПАПКА] [--force]: если в книге есть ошибки, не записывается ни один "
     "файл. Файлы, данные которых изменились, перезаписываются только с --force; неизменённые не трогаются "
     "(в них сохраняются ваши комментарии). Карты, которых нет в книге, остаются как были.", False),
]


def howto_sheet(wb: Workbook, sheets: list[Sheet]) -> None:
    ws = wb.create_sheet(HOWTO, 0)
    listing = "\n".join(f"«{s.name}» — {s.what}." for s in sheets)
    for i, (text, bold) in enumerate(HOWTO_TEXT, 1):
        text = text.replace("{sheets}", listing)
        cell = ws.cell(i, 1, text)
        cell.font = Font(bold=bold, size=13 if i == 1 else 11)
        cell.alignment = WRAP
        lines = sum(math.ceil(max(len(part), 1) / 115) for part in text.split("\n"))
        ws.row_dimensions[i].height = 16 * lines + (6 if bold else 4)
    ws.column_dimensions["A"].width = 120
