"""`profkarta validate [PATH…]`: check the project against the guideline; exit 0, 1 or 2."""

from __future__ import annotations

import sys
import time

from rich.console import Console

from profkarta.findings import ERROR, to_json
from profkarta.load.project import resolve_targets
from profkarta.validate import in_scope, validate


def add_parser(subs) -> None:
    p = subs.add_parser("validate", help="проверить карты, кластеры, команды и программу",
                        description="Проверяет проект (или указанные папки кластеров и файлы) по методическим "
                        "рекомендациям. Код выхода: 0 — ошибок нет (предупреждения допустимы), 1 — есть ошибки, "
                        "2 — неверный вызов.")
    p.add_argument("paths", nargs="*", metavar="ПУТЬ",
                   help="проект, папка кластера или файл (по умолчанию — текущая папка)")
    add_check_options(p)
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="вид вывода: text (по умолчанию) или json")
    p.set_defaults(run=run)


def add_check_options(p) -> None:
    p.add_argument("--strict", action="store_true", help="считать предупреждения ошибками")


def print_findings(findings, console: Console) -> None:
    for f in findings:
        style = "red" if f.severity == ERROR else "yellow"
        console.print(f.format(), style=style, markup=False, highlight=False, soft_wrap=True)


def summary_line(n_files: int, errors: int, warnings: int, seconds: float) -> str:
    return (f"Проверено файлов: {n_files}; ошибок: {errors}; предупреждений: {warnings} "
            f"({seconds:.1f} с).")


def run(args) -> int:
    started = time.perf_counter()
    root, clusters, scopes = resolve_targets(args.paths)
    result = validate(root, clusters)
    findings = in_scope(result.report.sorted(), scopes)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = len(findings) - errors
    failed = errors > 0 or (args.strict and warnings > 0)
    if args.format == "json":
        sys.stdout.write(to_json(findings) + "\n")
        return 1 if failed else 0
    out = Console(highlight=False, soft_wrap=True)
    print_findings(findings, out)
    n_files = len(result.project.entries())
    out.print(summary_line(n_files, errors, warnings, time.perf_counter() - started), markup=False)
    if failed and not errors:
        out.print("Режим --strict: предупреждения считаются ошибками.", markup=False)
    elif not failed:
        out.print("Всё в порядке." if not warnings else "Ошибок нет, но посмотрите предупреждения.", markup=False)
    return 1 if failed else 0
