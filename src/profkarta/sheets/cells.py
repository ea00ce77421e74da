"""Values ⇄ cells: each column kind converts both ways; a value that would not come back unchanged is refused."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml

from profkarta.sheets.layout import BOOL, CHOICE, DATE, DICT, ID, INT, LIST, TEXT, TEXT_OR_LIST

BULLET = "• "
MAX_EXACT = 2 ** 53  # Excel keeps numbers as doubles
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\r]")  # not allowed in the file, or changed by it
_DIGITS = re.compile(r"^\s*-?\d+\s*$")
YES, NO = ("да", "истина", "true"), ("нет", "ложь", "false")


class NotCell(Exception):
    """The value cannot live in a cell of this column; it goes to the «Другие поля» column."""


def _scalar(value: Any) -> Any:
    """A value as a cell stores it, or NotCell."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) >= MAX_EXACT:
            raise NotCell
        return value
    if isinstance(value, float):
        if not math.isfinite(value) or value.is_integer() or float(f"{value:.15g}") != value:
            raise NotCell  # an integral float comes back as an int; Excel keeps 15 significant digits
        return value
    if isinstance(value, dt.datetime):
        raise NotCell  # Excel keeps times to the millisecond and no time zone: «Другие поля» keep them exactly
    if isinstance(value, dt.date):
        if value.year < 1900:
            raise NotCell
        return value
    if isinstance(value, str):
        if not value.strip() or ILLEGAL.search(value):
            raise NotCell  # an empty cell means «no field»
        return value
    raise NotCell


def to_cell(kind: str, value: Any) -> Any:
    if kind in (TEXT, INT, DATE, BOOL, CHOICE, ID):
        return _scalar(value)
    if kind == LIST:
        return _lines(value)
    if kind == TEXT_OR_LIST:
        if isinstance(value, list):
            return "\n".join(BULLET + item for item in _lines(value).split("\n"))
        return _scalar(value)
    if kind == DICT:
        if not isinstance(value, dict) or not value:
            raise NotCell
        lines = []
        for k, v in value.items():
            if not isinstance(k, str) or not isinstance(v, str) or ":" in k or "\n" in k + v or not k.strip():
                raise NotCell
            lines.append(f"{k}: {v}")
        return _scalar("\n".join(lines))
    raise NotCell


def _lines(value: Any) -> str:
    if not isinstance(value, list) or not value:
        raise NotCell
    for item in value:
        if not isinstance(item, str) or not item or item != item.strip() or "\n" in item:
            raise NotCell
    return _scalar("\n".join(value))


def from_cell(kind: str, cell: Any) -> Any:
    """The field's value from what the cell holds (never None: empty cells are skipped before)."""
    if isinstance(cell, dt.datetime) and cell.time() == dt.time(0) and kind in (DATE, TEXT):
        return cell.date()
    if kind == INT:
        if isinstance(cell, float) and cell.is_integer():
            return int(cell)
        if isinstance(cell, str) and _DIGITS.match(cell):
            return int(cell)  # a number typed into a text-formatted cell
        return cell
    if kind == BOOL and isinstance(cell, str) and cell.strip().lower() in YES + NO:
        return cell.strip().lower() in YES
    if kind == LIST:
        if not isinstance(cell, str):
            return [cell]
        return [_unbullet(line).strip() for line in cell.split("\n") if _unbullet(line).strip()]
    if kind == TEXT_OR_LIST and isinstance(cell, str):
        lines = [line for line in cell.split("\n") if line.strip()]
        if lines and lines[0].startswith(BULLET.strip()):
            return [_unbullet(line).strip() for line in lines]
        return cell
    if kind == DICT and isinstance(cell, str):
        out: dict[str, str] = {}
        for line in cell.split("\n"):
            if not line.strip():
                continue
            key, sep, val = line.partition(":")
            if not sep:
                return cell  # not «имя: адрес» lines: the rule for the field will say so
            out[key.strip()] = val.strip()
        return out
    return cell


def _unbullet(line: str) -> str:
    stripped = line.lstrip()
    return stripped[1:] if stripped.startswith("•") else line


def stored(value: Any) -> Any:
    """What openpyxl gives back for a value it was given (dates come back as datetimes)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time(0))
    return value


def same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 ≠ True ≠ 1.0, "3" ≠ 3)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a) if len(a) == len(b) else False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=False))
    return bool(a == b)


def cell_value(kind: str, value: Any) -> Any:
    """The cell for a value, or NotCell when the value would not come back exactly."""
    cell = to_cell(kind, value)
    if not same(from_cell(kind, stored(cell)), value):
        raise NotCell
    return cell


def dump_other(data: dict) -> str:
    """The «Другие поля» cell: a YAML mapping of what has no column (escaped where plain text would change)."""
    for readable in (True, False):
        text = yaml.safe_dump(data, allow_unicode=readable, sort_keys=False, default_flow_style=False,
                              width=1000).rstrip("\n")
        try:
            if same_data(yaml.safe_load(text), data):
                break
        except yaml.YAMLError:
            continue
    return text


def same_data(a: Any, b: Any) -> bool:
    """Same data whatever the key order (what a YAML reader sees)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    return same(a, b)
