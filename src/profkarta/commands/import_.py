"""`profkarta import FILE.xlsx [--into DIR] [--force]`: the workbook back into YAML files, then the checks."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from profkarta.commands.validate import print_findings
from profkarta.errors import UsageError
from profkarta.findings import ERROR, to_json
from profkarta.load.project import find_root


def add_parser(subs) -> None:
    p = subs.add_parser("import", help="загрузить книгу Excel обратно в YAML",
                        description="Читает книгу (из profkarta export xlsx), записывает файлы кластеров, карт и "
                        "команд с комментариями и проверяет их теми же правилами, что validate; сообщения "
                        "называют лист и ячейку. Если в книге есть ошибки, не записывается ничего. Изменённые "
                        "файлы перезаписываются только с --force. Код выхода: 0 — записано, 1 — ошибки, "
                        "2 — неверный вызов.")
    p.add_argument("book", metavar="ФАЙЛ.xlsx", help="книга Excel")
    p.add_argument("--into", metavar="ПАПКА", help="папка проекта (по умолчанию — проект текущей папки)")
    p.add_argument("--force", action="store_true", help="перезаписать файлы, данные которых изменились")
    p.add_argument("--format", choices=("text", "json"), default="text", help="вид вывода: text или json")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.sheets.importer import commit, plan_import

    book = Path(args.book)
    if not book.is_file():
        raise UsageError(f"файла {book} нет.")
    root = Path(args.into) if args.into else (find_root(Path.cwd()) or Path.cwd())
    plan = plan_import(book, root)
    out = Console(highlight=False, soft_wrap=True)
    errors = plan.errors
    blocked = bool(errors) or (plan.existing and not args.force)
    if args.format == "json":
        sys.stdout.write(to_json(plan.findings) + "\n")
    else:
        print_findings(plan.findings, out)
    if not errors and plan.existing and not args.force:
        out.print("Эти файлы уже есть, и их данные в книге другие — ничего не записано. Чтобы перезаписать, "
                  "добавьте --force:", markup=False, style="red")
        for rel in plan.existing:
            out.print(f"  {rel}", markup=False)
    if blocked:
        if errors and args.format == "text":
            out.print(f"Ошибок: {len(errors)} — ничего не записано. Исправьте ячейки и загрузите книгу снова.",
                      markup=False)
        return 1
    written = commit(plan, root.resolve())
    if args.format == "text":
        warnings = sum(f.severity != ERROR for f in plan.findings)
        out.print(f"Записано файлов: {len(written)}; без изменений: {len(plan.unchanged)}; "
                  f"предупреждений: {warnings}.", markup=False)
        for path in written:
            out.print(f"  {path.relative_to(root.resolve())}", markup=False)
        if plan.other_errors:
            out.print(f"В других файлах проекта ошибок: {len(plan.other_errors)} (книга их не касается) — "
                      "исправьте их, иначе build не соберёт сайт.", markup=False)
    return 1 if plan.other_errors else 0
