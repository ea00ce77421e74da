"""A project (or the scaffolds, for a template) → one workbook of its clusters, maps and teams."""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from openpyxl import Workbook

from profkarta.errors import UsageError
from profkarta.load.project import Project
from profkarta.load.yamlfile import parse_yaml
from profkarta.sheets.book import _lists_sheet, howto_sheet, write_sheet
from profkarta.sheets.layout import LISTS
from profkarta.sheets.layout import sheets as all_sheets
from profkarta.sheets.rows import Row, cluster_rows, map_rows, team_rows

TEAM_SHEETS = ("Команды", "Участники")


def _collect(project: Project, wanted: list[str] | None) -> tuple[dict[str, list[Row]], list[str]]:
    specs = {s.name: s for s in all_sheets()}
    rows: dict[str, list[Row]] = {name: [] for name in specs}
    notes: list[str] = []
    chosen = set(wanted) if wanted else set(project.clusters)
    unknown = sorted(chosen - set(project.clusters))
    if unknown:
        known = ", ".join(sorted(project.clusters)) or "ни одного"
        raise UsageError(f"нет кластера: {', '.join(unknown)} (есть: {known}).")
    for cid in sorted(chosen):
        data = project.clusters[cid].doc.data
        if not isinstance(data, dict):
            notes.append(f"{project.clusters[cid].doc.rel}: файл пуст или не набор полей — кластер не выгружен.")
            continue
        for name, part in cluster_rows(cid, data, specs).items():
            rows[name].extend(part)
    for entry in project.maps:
        if entry.cluster_id not in chosen:
            continue
        if not isinstance(entry.doc.data, dict):
            notes.append(f"{entry.doc.rel}: файл пуст или не набор полей — карта не выгружена.")
            continue
        for name, part in map_rows(entry.cluster_id or "", entry.id, entry.doc.data, specs).items():
            rows[name].extend(part)
    for entry in project.teams:
        data = entry.doc.data
        if not isinstance(data, dict):
            continue
        if wanted and not (isinstance(data.get("cluster"), str) and data["cluster"] in chosen):
            continue
        for name, part in team_rows(entry.id, data, entry.doc.body, specs).items():
            rows[name].extend(part)
    folders = [f"career_maps/{c}/" for c in chosen]
    for f in project.load_findings:
        if any(f.file.startswith(p) for p in folders) or (not wanted and f.file.startswith("content/ambassadors/")):
            notes.append(f"{f.format()} — файл не прочитан и не выгружен.")
    return rows, notes


def _scaffold(name: str) -> str:
    return resources.files("profkarta").joinpath("scaffold", name).read_text(encoding="utf-8")


def _template_rows() -> dict[str, list[Row]]:
    """Example rows (one cluster, map, team), taken from the commented scaffolds of `profkarta new`."""
    from profkarta.sheets.layout import branch_model

    specs = {s.name: s for s in all_sheets()}
    rows: dict[str, list[Row]] = {name: [] for name in specs}
    cid, mid = "novyj-klaster", "tehnolog"

    def data(name: str, **subst: str) -> Any:
        text = Template(_scaffold(name)).safe_substitute(**subst)
        if name.endswith(".md"):
            front = text.split("---", 2)[1]
            return parse_yaml(front, name, Path(name)).data, text.split("---", 2)[2]
        return parse_yaml(text, name, Path(name)).data

    cluster = data("cluster.yaml", cluster=cid)
    from profkarta.scaffold import program_lines

    cmap = data("map.yaml", map=mid, college="college", employers="employer", program=program_lines("15.02.16"))
    if branch_model() is not None:
        stage = dict(cmap["ladder"][1], title="Эксперт", positions=["Инженер-технолог 1 категории"])
        cmap["branches"] = [{"from": 2, "title": "Экспертная траектория", "stages": [stage]}]
    team, body = data("team.md", team="ambassadory", cluster=cid, college="college")
    for part in (cluster_rows(cid, cluster, specs), map_rows(cid, mid, cmap, specs),
                 team_rows("ambassadory", team, body, specs)):
        for name, got in part.items():
            rows[name].extend(got)  # one cluster, map and team; a valid team needs its four members
    return rows


def build_workbook(project: Project | None, clusters: list[str] | None = None,
                   template: bool = False) -> tuple[Workbook, list[str]]:
    """The workbook and notes about files that could not be put into it."""
    if template or project is None:
        rows, notes = _template_rows(), list[str]()
    else:
        rows, notes = _collect(project, clusters)
    wb = Workbook()
    wb.remove(wb.active)
    specs = all_sheets()
    if not template and not rows["Команды"]:
        specs = [s for s in specs if s.name not in TEAM_SHEETS]
    refs = _lists_sheet(wb)
    for spec in specs:
        write_sheet(wb, spec, rows[spec.name], refs)
    howto_sheet(wb, specs)
    wb.move_sheet(LISTS, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS))
    wb.active = 1
    return wb, notes


def save(wb: Workbook, path: Path, force: bool = False) -> None:
    """Write beside the target, then rename: a failed write never leaves half a workbook."""
    from profkarta.errors import ExistsError

    if path.exists() and not force:
        raise ExistsError(f"файл {path} уже существует — ничего не записано. Укажите другое имя (-o) или --force.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".profkarta-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
