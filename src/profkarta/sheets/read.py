"""Reading the workbook back: rows → the data of each file, with the cell of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from profkarta.errors import LoadError
from profkarta.findings import ERROR, CellFinding, Finding
from profkarta.load.project import ID_RE
from profkarta.sheets.cells import from_cell
from profkarta.sheets.layout import (BRANCH_PREFIX, HEADER_ROWS, MAP_ID,
                                     OTHER, Column, Sheet, sheets)
from profkarta.load.yamlfile import parse_yaml

Loc = tuple
Cell = tuple[str, int, int]  # sheet, row, column (1-based)


@dataclass
class FileData:
    """One file the workbook describes: its data, and the cell behind each value."""

    rel: str
    kind: str  # cluster | map | team
    id: str
    cluster_id: str | None
    anchor: Cell
    data: dict = field(default_factory=dict)
    body: str | None = None
    cells: dict[Loc, Cell] = field(default_factory=dict)

    def cell_of(self, loc: Loc) -> Cell:
        loc = tuple(loc)
        while loc:
            if loc in self.cells:
                return self.cells[loc]
            loc = loc[:-1]
        return self.anchor


@dataclass
class Book:
    name: str
    files: dict[str, FileData] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def finding(self, cell: Cell, rule: str, message: str, loc_field: str = "", severity: str = ERROR) -> CellFinding:
        sheet, row, col = cell
        return CellFinding(self.name, row, col, severity, rule, loc_field, message, sheet,
                           f"{get_column_letter(col)}{row}")

    def error(self, cell: Cell, message: str, rule: str = "XL") -> None:
        self.findings.append(self.finding(cell, rule, message))


@dataclass
class RowData:
    sheet: Sheet
    row: int
    values: dict[str, Any]  # column key → cell value (non-empty only)
    where: dict[str, int]  # column key → column number

    def cell(self, key: str) -> Cell:
        return self.sheet.name, self.row, self.where.get(key, 1)


def _columns(ws, sheet: Sheet, book: Book) -> dict[int, Column]:
    by_title = {c.title: c for c in sheet.columns}
    out: dict[int, Column] = {}
    for j in range(1, ws.max_column + 1):
        key, title = ws.cell(HEADER_ROWS, j).value, ws.cell(1, j).value
        col = sheet.column(str(key).strip()) if key is not None else None
        if col is None and title is not None:
            col = by_title.get(str(title).removesuffix(" *").strip())
        if col is None:
            if key is not None or title is not None:
                book.error((sheet.name, HEADER_ROWS, j), f"неизвестный столбец «{title or key}»: его данные не "
                           f"будут загружены. В строке {HEADER_ROWS} должно быть имя поля из выгрузки profkarta; "
                           "удалите столбец или верните прежнее имя.")
            continue
        out[j] = col
    return out


def _rows(ws, sheet: Sheet, book: Book) -> list[RowData]:
    cols = _columns(ws, sheet, book)
    out = []
    for i, cells in enumerate(ws.iter_rows(min_row=HEADER_ROWS + 1, values_only=True), HEADER_ROWS + 1):
        values, where = {}, {}
        for j, col in cols.items():
            where[col.key] = j
            v = cells[j - 1] if j - 1 < len(cells) else None
            if v is None or (isinstance(v, str) and not v.strip()):
                continue
            values[col.key] = v
        if values:
            out.append(RowData(sheet, i, values, where))
    return out


def _set(data: dict, path: tuple, value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _merge(base: dict, extra: dict, path: tuple = ()) -> tuple | None:
    """Deep-merge extra into base; the path of the first key both define, if any."""
    for k, v in extra.items():
        if k in base and isinstance(base[k], dict) and isinstance(v, dict):
            clash = _merge(base[k], v, (*path, k))
            if clash:
                return clash
        elif k in base:
            return (*path, k)
        else:
            base[k] = v
    return None


def _all_paths(value: Any, prefix: tuple = ()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _all_paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _all_paths(v, (*prefix, i))


class Reader:
    """Builds FileData from the rows of every sheet; structural problems become findings with their cell."""

    def __init__(self, path: Path):
        self.book = Book(path.name)
        self.path = path
        self.specs = {s.name: s for s in sheets()}
        self.clusters: dict[str, FileData] = {}
        self.maps: dict[tuple[str, str], FileData] = {}
        self.teams: dict[str, FileData] = {}

    def fill(self, row: RowData, fd: FileData, base: Loc, obj: dict, prefix: str = "") -> None:
        """Put the row's column values into obj and record each value's cell under base."""
        for col in row.sheet.columns:
            if col.key.startswith("#") or (col.key.startswith(BRANCH_PREFIX) != bool(prefix)):
                continue
            path = col.path[1:] if prefix else col.path
            if path == (OTHER,):
                continue
            cell = row.cell(col.key)
            for k in range(1, len(path)):
                fd.cells.setdefault(base + path[:k], cell)
            fd.cells.setdefault(base + path, cell)
            if col.key in row.values:
                _set(obj, path, from_cell(col.kind, row.values[col.key]))
        self.other(row, fd, base, obj, prefix + OTHER if prefix else OTHER)

    def other(self, row: RowData, fd: FileData, base: Loc, obj: dict, key: str) -> None:
        raw = row.values.get(key)
        if raw is None:
            return
        cell = row.cell(key)
        try:
            extra = parse_yaml(str(raw), self.book.name, self.path).data
        except LoadError as exc:
            self.book.error(cell, f"«Другие поля»: {exc.finding.message}", exc.finding.rule)
            return
        if extra is None:
            return
        if not isinstance(extra, dict):
            self.book.error(cell, "«Другие поля»: нужны строки «имя: значение» (YAML). Исправьте ячейку или "
                            "очистите её.")
            return
        for path in _all_paths(extra):
            if path:
                fd.cells.setdefault(base + path, cell)
        clash = _merge(obj, extra)
        if clash:
            self.book.error(cell, f"поле «{'.'.join(map(str, clash))}» записано и в своём столбце, и в «Других "
                            "полях». Оставьте одно.")

    def ident(self, row: RowData, key: str, what: str) -> str | None:
        value = row.values.get(key)
        if value is None:
            self.book.error(row.cell(key), f"не указан id {what}. Заполните ячейку (латиница, цифры, дефисы).")
            return None
        value = str(value).strip()
        if not ID_RE.match(value):
            self.book.error(row.cell(key), f"«{value}» не годится как id {what}: нужны строчные латинские буквы, "
                            "цифры и дефисы, например «tokar-2026».")
            return None
        return value

    def parent(self, row: RowData, registry: dict, key: Any, what: str, sheet: str) -> FileData | None:
        fd = registry.get(key)
        if fd is None:
            name = key if isinstance(key, str) else " / ".join(key)
            self.book.error(row.cell(MAP_ID if isinstance(key, tuple) else next(iter(row.where))),
                            f"строка {row.row} относится к {what} «{name}», которой нет на листе «{sheet}». "
                            f"Добавьте строку на лист «{sheet}» или исправьте id.")
        return fd

    def append(self, row: RowData, fd: FileData, obj: dict, key: tuple, item: Any) -> int:
        """Add an item to the list at key of obj; the list's first row anchors it."""
        lst = obj
        for part in key[:-1]:
            lst = lst.setdefault(part, {})
        items = lst.setdefault(key[-1], [])
        if not isinstance(items, list):
            return -1
        items.append(item)
        return len(items) - 1
