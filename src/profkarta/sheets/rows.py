"""Project files → rows of the sheets: each value into its column, anything else into «Другие поля»."""

from __future__ import annotations

import copy
from typing import Any

from profkarta.sheets.cells import ILLEGAL, NotCell, cell_value, dump_other
from profkarta.sheets.layout import (BODY, BRANCH, BRANCH_PREFIX, CLUSTER_ID, FORM, FORM_FIELDS, MAP_ID, OTHER,
                                     SECTION, SECTIONS, TEAM_ID, Sheet)

Row = dict[str, Any]


def _field_columns(sheet: Sheet, prefix: str = "") -> list:
    return [c for c in sheet.columns if not c.key.startswith("#") and
            (c.key.startswith(prefix) if prefix else not c.key.startswith(BRANCH_PREFIX))]


def split(obj: dict, sheet: Sheet, prefix: str = "") -> tuple[Row, dict]:
    """(cells by column key, the rest of obj that no column holds)."""
    rest = copy.deepcopy(obj)
    cells: Row = {}
    for col in _field_columns(sheet, prefix):
        path = col.path[1:] if prefix else col.path
        found, value = _get(rest, path)
        if not found:
            continue
        try:
            cells[col.key] = cell_value(col.kind, value)
        except NotCell:
            continue
        _remove(rest, path)
    return cells, rest


def _get(obj: Any, path: tuple) -> tuple[bool, Any]:
    for part in path:
        if not isinstance(obj, dict) or part not in obj:
            return False, None
        obj = obj[part]
    return True, obj


def _remove(obj: dict, path: tuple) -> None:
    """Delete the leaf; parents left empty by it go too (a dict that was empty from the start stays)."""
    parents = [obj]
    for part in path[:-1]:
        parents.append(parents[-1][part])
    del parents[-1][path[-1]]
    for depth in range(len(path) - 1, 0, -1):
        if parents[depth]:
            break
        del parents[depth - 1][path[depth - 1]]


def _other(rest: dict) -> Row:
    return {OTHER: dump_other(rest)} if rest else {}


def _dicts(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def cluster_rows(cid: str, data: dict, sheets: dict[str, Sheet]) -> dict[str, list[Row]]:
    data = dict(data)
    out: dict[str, list[Row]] = {"Колледжи": [], "Работодатели": []}
    for key, name in (("colleges", "Колледжи"), ("employers", "Работодатели")):
        if _dicts(data.get(key)):
            for item in data.pop(key):
                cells, rest = split(item, sheets[name])
                out[name].append({CLUSTER_ID: cid, **cells, **_other(rest)})
    cells, rest = split(data, sheets["Кластеры"])
    out["Кластеры"] = [{CLUSTER_ID: cid, **cells, **_other(rest)}]
    return out


def _support_item(item: Any, sheet: Sheet) -> Row | None:
    if isinstance(item, str):
        try:
            return {"title": cell_value("text", item)}
        except NotCell:
            return None
    if not isinstance(item, dict):
        return None
    cells, rest = split(item, sheet)
    row = {**cells, **_other(rest)}
    if set(row) <= {"title"}:  # else it would come back as a plain string
        row[FORM] = FORM_FIELDS
    return row


def map_rows(cid: str, mid: str, data: dict, sheets: dict[str, Sheet]) -> dict[str, list[Row]]:
    data = dict(data)
    ids = {CLUSTER_ID: cid, MAP_ID: mid}
    stages: list[Row] = []
    if _dicts(data.get("ladder")):
        for stage in data.pop("ladder"):
            cells, rest = split(stage, sheets["Ступени"])
            stages.append({**ids, **cells, **_other(rest)})
    if _dicts(data.get("branches")):
        for n, branch in enumerate(data.pop("branches"), 1):
            branch = dict(branch)
            own = branch.pop("stages") if _dicts(branch.get("stages")) else None
            bcells, brest = split(branch, sheets["Ступени"], BRANCH_PREFIX)
            head = {**ids, BRANCH: n, **bcells}
            if brest:
                head[BRANCH_PREFIX + OTHER] = dump_other(brest)
            for stage in own or [{}]:
                cells, rest = split(stage, sheets["Ступени"]) if own else ({}, {})
                stages.append({**head, **cells, **_other(rest)})
    support: list[Row] = []
    if isinstance(data.get("support"), dict) and data["support"]:
        sup = dict(data["support"])
        for key, ru in SECTIONS.items():
            items = sup.get(key)
            if not isinstance(items, list) or not items:
                continue
            rows = [_support_item(item, sheets["Поддержка"]) for item in items]
            if any(r is None for r in rows):
                continue  # one item no row can hold: the whole section stays in «Другие поля»
            support.extend({**ids, SECTION: ru, **r} for r in rows if r is not None)
            del sup[key]
        if sup:
            data["support"] = sup
        else:
            del data["support"]
    cells, rest = split(data, sheets["Карты"])
    return {"Карты": [{**ids, **cells, **_other(rest)}], "Ступени": stages, "Поддержка": support}


def team_rows(tid: str, data: dict, body: str, sheets: dict[str, Sheet]) -> dict[str, list[Row]]:
    data = dict(data)
    members: list[Row] = []
    if _dicts(data.get("members")):
        for m in data.pop("members"):
            cells, rest = split(m, sheets["Участники"])
            members.append({TEAM_ID: tid, **cells, **_other(rest)})
    cells, rest = split(data, sheets["Команды"])
    row = {TEAM_ID: tid, **cells, **_other(rest)}
    if body.strip():
        # a cell holds no carriage returns or control characters: Windows line ends become plain ones
        row[BODY] = ILLEGAL.sub("", body.replace("\r\n", "\n"))
    return {"Команды": [row], "Участники": members}
