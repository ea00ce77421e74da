"""Sheet by sheet: clusters, colleges, employers, maps, stages, support, teams, members → files."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook

from profkarta.errors import UsageError
from profkarta.load.project import MAPS_DIR, TEAMS_DIR
from profkarta.sheets.cells import from_cell
from profkarta.sheets.layout import (BODY, BRANCH, BRANCH_PREFIX, CLUSTER_ID, FORM, FORM_FIELDS, MAP_ID, SECTION,
                                     SECTIONS, SECTIONS_BACK, TEAM_ID, TEXT)
from profkarta.sheets.read import Book, FileData, Reader, RowData, _rows


def read_book(path: Path) -> Book:
    """Every file the workbook describes, or findings naming the cells that stop it."""
    try:
        wb = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UsageError(f"{path} не читается как книга Excel (.xlsx): {exc}. Сохраните её в формате "
                         "«Книга Excel (.xlsx)».") from None
    r = Reader(path)
    rows = {name: (_rows(wb[name], spec, r.book) if name in wb.sheetnames else [])
            for name, spec in r.specs.items()}
    if not any(rows.values()):
        r.book.error(("Кластеры", 4, 1), "в книге нет ни одной строки данных на листах profkarta. Заполните "
                     "листы «Кластеры», «Колледжи», «Карты»… (образец: profkarta export xlsx --template).")
    _clusters(r, rows)
    _maps(r, rows)
    _teams(r, rows)
    for fd in [*r.clusters.values(), *r.maps.values(), *r.teams.values()]:
        r.book.files[fd.rel] = fd
    return r.book


def _clusters(r: Reader, rows: dict[str, list[RowData]]) -> None:
    for row in rows["Кластеры"]:
        cid = r.ident(row, CLUSTER_ID, "кластера")
        if cid is None:
            continue
        if cid in r.clusters:
            r.book.error(row.cell(CLUSTER_ID), f"кластер «{cid}» уже есть в строке {r.clusters[cid].anchor[1]}. "
                         "Оставьте одну строку на кластер.")
            continue
        fd = FileData(f"{MAPS_DIR}/{cid}/cluster.yaml", "cluster", cid, cid, row.cell(CLUSTER_ID))
        r.clusters[cid] = fd
        lists = {}
        for key, sheet in (("colleges", "Колледжи"), ("employers", "Работодатели")):
            items: list[dict] = []
            for sub in rows[sheet]:
                if str(sub.values.get(CLUSTER_ID, "")).strip() == cid:
                    obj: dict = {}
                    r.fill(sub, fd, (key, len(items)), obj)
                    fd.cells.setdefault((key,), sub.cell(CLUSTER_ID))
                    items.append(obj)
            if items:
                lists[key] = items
        r.fill(row, fd, (), fd.data)
        for key, items in lists.items():
            if key in fd.data:
                r.book.error(row.cell("#other"), f"поле «{key}» записано и на своём листе, и в «Других полях».")
            fd.data[key] = items
    for sheet in ("Колледжи", "Работодатели"):
        for sub in rows[sheet]:
            cid = r.ident(sub, CLUSTER_ID, "кластера")
            if cid is not None:
                r.parent(sub, r.clusters, cid, "кластеру", "Кластеры")


def _maps(r: Reader, rows: dict[str, list[RowData]]) -> None:
    for row in rows["Карты"]:
        cid, mid = r.ident(row, CLUSTER_ID, "кластера"), r.ident(row, MAP_ID, "карты")
        if cid is None or mid is None or r.parent(row, r.clusters, cid, "кластеру", "Кластеры") is None:
            continue
        if (cid, mid) in r.maps:
            r.book.error(row.cell(MAP_ID), f"карта «{mid}» кластера «{cid}» уже есть в строке "
                         f"{r.maps[(cid, mid)].anchor[1]}. У каждой карты свой id: исправьте один из них.")
            continue
        fd = FileData(f"{MAPS_DIR}/{cid}/{mid}.yaml", "map", mid, cid, row.cell(MAP_ID))
        r.maps[(cid, mid)] = fd
        r.fill(row, fd, (), fd.data)
    built: dict[tuple, dict] = {key: {} for key in r.maps}  # ladder, branches, support built from rows
    for row in rows["Ступени"]:
        owner = _owner(r, row)
        if owner is None:
            continue
        parts = built[(owner.cluster_id, owner.id)]
        branch = row.values.get(BRANCH)
        has_stage = any(not k.startswith(BRANCH_PREFIX) and k not in (CLUSTER_ID, MAP_ID, BRANCH) for k in row.values)
        if branch is None:
            if any(k.startswith(BRANCH_PREFIX) for k in row.values):
                r.book.error(row.cell(BRANCH), "заполнены столбцы «Ветка: …», а номер ветки не указан. Укажите "
                             "номер ветки (1, 2…) или очистите эти столбцы.")
                continue
            obj: dict = {}
            i = len(parts.setdefault("ladder", []))
            owner.cells.setdefault(("ladder",), row.cell(MAP_ID))
            r.fill(row, owner, ("ladder", i), obj)
            parts["ladder"].append(obj)
            continue
        n = from_cell("int", branch)
        if not isinstance(n, int) or isinstance(n, bool) or n < 1:
            r.book.error(row.cell(BRANCH), f"номер ветки «{branch}» — нужно целое число от 1. Исправьте ячейку.")
            continue
        branches = parts.setdefault("branches", {})
        if n not in branches:
            branches[n] = ({}, [], row)
        head, stages, first = branches[n]
        own: dict = {}
        probe = FileData(owner.rel, owner.kind, owner.id, owner.cluster_id, owner.anchor)
        r.fill(row, probe, (), own, BRANCH_PREFIX)
        if first is row:
            head.update(own)
        elif own and own != head:
            r.book.error(row.cell(BRANCH), f"у ветки {n} в строках {first.row} и {row.row} разные значения "
                         "столбцов «Ветка: …». Сделайте их одинаковыми.")
        if has_stage:
            stages.append(row)
    for row in rows["Поддержка"]:
        owner = _owner(r, row)
        if owner is None:
            continue
        raw = str(row.values.get(SECTION, "")).strip().lower()
        section = SECTIONS_BACK.get(raw)
        if section is None:
            r.book.error(row.cell(SECTION), f"раздел «{raw}» неизвестен. Выберите из списка: "
                         f"{', '.join(SECTIONS.values())}.")
            continue
        built[(owner.cluster_id, owner.id)].setdefault("support", {}).setdefault(section, []).append(row)
    for ids, fd in r.maps.items():
        _finish_map(r, fd, built[ids])


def _owner(r: Reader, row: RowData) -> FileData | None:
    cid, mid = r.ident(row, CLUSTER_ID, "кластера"), r.ident(row, MAP_ID, "карты")
    if cid is None or mid is None:
        return None
    return r.parent(row, r.maps, (cid, mid), "карте", "Карты")


def _finish_map(r: Reader, fd: FileData, parts: dict) -> None:
    data: dict = {}
    if "ladder" in parts:
        data["ladder"] = parts["ladder"]
    if "branches" in parts:
        out = []
        for b, n in enumerate(sorted(parts["branches"])):
            _head, stages, first = parts["branches"][n]
            branch: dict = {}
            r.fill(first, fd, ("branches", b), branch, BRANCH_PREFIX)
            fd.cells.setdefault(("branches",), first.cell(BRANCH))
            if stages:
                branch.setdefault("stages", [])
                fd.cells.setdefault(("branches", b, "stages"), stages[0].cell(BRANCH))
                for k, row in enumerate(stages):
                    obj: dict = {}
                    r.fill(row, fd, ("branches", b, "stages", k), obj)
                    branch["stages"].append(obj)
            out.append(branch)
        data["branches"] = out
    for key, rows in parts.get("support", {}).items():
        items = []
        fd.cells.setdefault(("support",), rows[0].cell(SECTION))
        fd.cells.setdefault(("support", key), rows[0].cell(SECTION))
        for i, row in enumerate(rows):
            keys = set(row.values) - {CLUSTER_ID, MAP_ID, SECTION}
            if keys == {"title"} and str(row.values.get(FORM, "")).strip() != FORM_FIELDS:
                items.append(from_cell(TEXT, row.values["title"]))
                fd.cells[("support", key, i)] = row.cell("title")
                continue
            item: dict = {}
            r.fill(row, fd, ("support", key, i), item)
            items.append(item)
        data.setdefault("support", {})[key] = items
    for k, v in data.items():
        if k in fd.data and isinstance(fd.data[k], dict) and isinstance(v, dict):
            clash = [s for s in v if s in fd.data[k]]
            if clash:
                r.book.error(fd.anchor, f"раздел «{k}.{clash[0]}» записан и на своём листе, и в «Других полях».")
            fd.data[k].update(v)
        elif k in fd.data:
            r.book.error(fd.anchor, f"поле «{k}» записано и на своём листе, и в «Других полях» карты.")
        else:
            fd.data[k] = v


def _teams(r: Reader, rows: dict[str, list[RowData]]) -> None:
    for row in rows["Команды"]:
        tid = r.ident(row, TEAM_ID, "команды")
        if tid is None:
            continue
        if tid in r.teams:
            r.book.error(row.cell(TEAM_ID), f"команда «{tid}» уже есть в строке {r.teams[tid].anchor[1]}.")
            continue
        fd = FileData(f"{TEAMS_DIR}/{tid}.md", "team", tid, None, row.cell(TEAM_ID))
        members: list[dict] = []
        for sub in rows["Участники"]:
            if str(sub.values.get(TEAM_ID, "")).strip() == tid:
                obj: dict = {}
                r.fill(sub, fd, ("members", len(members)), obj)
                fd.cells.setdefault(("members",), sub.cell(TEAM_ID))
                members.append(obj)
        r.fill(row, fd, (), fd.data)
        if members:
            fd.data["members"] = members
        body = row.values.get(BODY)
        fd.body = "" if body is None else str(body)
        r.teams[tid] = fd
    for sub in rows["Участники"]:
        tid = r.ident(sub, TEAM_ID, "команды")
        if tid is not None:
            r.parent(sub, r.teams, tid, "команде", "Команды")
