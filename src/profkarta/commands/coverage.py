"""`profkarta coverage [PATH]`: which programmes of which colleges have an approved map, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from profkarta import coverage as cov
from profkarta.commands.validate import print_findings
from profkarta.findings import ERROR
from profkarta.load.project import resolve_targets
from profkarta.validate import validate

STYLE = {cov.APPROVED: "green", cov.DRAFT: "yellow", cov.MISSING: "bold red", cov.UNLISTED: "magenta"}


def add_parser(subs) -> None:
    p = subs.add_parser("coverage", help="покрытие: на какие профессии колледжей есть утверждённые карты",
                        description="Для каждого колледжа — каждый код из его programs: карта утверждена (протокол, "
                        "дата), есть только проект или карты нет; и карты на коды, которых нет в перечне колледжа. "
                        "По регионам и кластерам, с итогами. Код выхода: 0; 1 — в проекте есть ошибки.")
    p.add_argument("path", nargs="?", metavar="ПУТЬ", help="проект или папка кластера (по умолчанию — текущая папка)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="table — таблица (по умолчанию), csv — для Excel (UTF-8 с BOM), json")
    p.add_argument("-o", "--output", metavar="ФАЙЛ", help="записать в файл, а не на экран")
    p.set_defaults(run=run)


def to_csv(regions: list[cov.Region]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cov.CSV_COLUMNS)
    for row in cov.flat(regions):
        writer.writerow(row.csv())
    return buf.getvalue()


def _totals_text(t: dict[str, int]) -> str:
    parts = [f"утверждено {t[cov.APPROVED]} из {t['listed']}"]
    if t[cov.DRAFT]:
        parts.append(f"проектов {t[cov.DRAFT]}")
    if t[cov.MISSING]:
        parts.append(f"нет карты {t[cov.MISSING]}")
    if t[cov.UNLISTED]:
        parts.append(f"не в перечне {t[cov.UNLISTED]}")
    return ", ".join(parts)


def _status_cell(row: cov.Row, color: bool) -> str:
    text = cov.STATUS_RU[row.status]
    if row.status == cov.UNLISTED and row.map_status:
        text += " (утверждена)" if row.map_status == "approved" else " (проект)"
    if row.protocol:
        text += f"\n№ {row.protocol} от {row.date:%d.%m.%Y}" if row.date else f"\n№ {row.protocol}"
    return f"[{STYLE[row.status]}]{_escape(text)}[/]" if color else _escape(text)


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def print_table(regions: list[cov.Region], console: Console, color: bool) -> None:
    for g in regions:
        console.print(f"[bold]{_escape(g.name)}[/] — {_totals_text(cov.totals(g.rows))}")
        for c in g.clusters:
            table = Table(title=f"{_escape(c.name)} ({c.id}) — {_totals_text(cov.totals(c.rows))}",
                          title_justify="left", show_lines=False, expand=False)
            table.add_column("Колледж")
            table.add_column("Код", no_wrap=True)
            table.add_column("Название")
            table.add_column("Статус")
            table.add_column("Файл и адрес", overflow="fold")
            for k in c.colleges:
                note = "" if k.listed else "\n(перечень programs пуст)"
                for i, r in enumerate(k.rows):
                    where = "\n".join(x for x in (r.file, r.url) if x)
                    table.add_row(_escape(k.name + note) if i == 0 else "", r.code, _escape(r.title),
                                  _status_cell(r, color), _escape(where))
                if not k.rows:
                    table.add_row(_escape(k.name + note), "", "", "—", "")
                if k is not c.colleges[-1]:
                    table.add_section()
            console.print(table)
        console.print()
    console.print(f"[bold]Итого:[/] {_totals_text(cov.totals(cov.flat(regions)))}")


def run(args) -> int:
    root, clusters, scopes = resolve_targets([args.path] if args.path else [])
    result = validate(root, clusters)
    errors = [f for f in result.report.sorted() if f.severity == ERROR]
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if errors:
        print_findings(errors, err)
        err.print(f"В проекте есть ошибки ({len(errors)}): покрытие считается только по правильным файлам. "
                  "Исправьте ошибки (profkarta validate) и повторите.", markup=False)
        return 1
    regions = cov.coverage(result.project, result.project.config.site_url)
    wanted = {s.split("/")[1] for s in scopes if s.startswith("career_maps/")}
    if scopes and len(wanted) == len(scopes):  # a cluster folder (or a file in it): that cluster only
        regions = [g for g in (cov.Region(g.name, [c for c in g.clusters if c.id in wanted]) for g in regions)
                   if g.clusters]
    if not regions:
        err.print("Здесь нет ни одного кластера: покрывать нечего.", markup=False)
        return 0
    out_path = Path(args.output) if args.output else None
    if args.format == "csv":
        text = to_csv(regions)
        if out_path is None:
            sys.stdout.write(text)
            return 0
        out_path.write_text(text, encoding="utf-8-sig", newline="")
    elif args.format == "json":
        text = json.dumps(cov.as_json(regions), ensure_ascii=False, indent=1) + "\n"
        if out_path is None:
            sys.stdout.write(text)
            return 0
        out_path.write_text(text, encoding="utf-8")
    elif out_path is None:
        print_table(regions, Console(highlight=False), color=True)
        return 0
    else:
        with out_path.open("w", encoding="utf-8") as fh:
            print_table(regions, Console(file=fh, width=160, color_system=None, highlight=False), color=False)
    err.print(f"Записано: {out_path}", markup=False)
    return 0
