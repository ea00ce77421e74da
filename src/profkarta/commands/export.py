"""`profkarta export xlsx [CLUSTER…] [-o FILE.xlsx] [--template]`: the project as one workbook."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from profkarta.errors import ProjectNotFound
from profkarta.load.project import find_root, load_project

DEFAULT = "karty.xlsx"


def add_parser(subs) -> None:
    p = subs.add_parser("export", help="выгрузить карты в книгу Excel",
                        description="Выгружает кластеры, колледжи, работодателей, карты, ступени (с ветками), меры "
                        "поддержки и команды в одну книгу Excel для правки в Excel или LibreOffice Calc. "
                        "Загрузка обратно: profkarta import ФАЙЛ.xlsx.")
    p.add_argument("format", choices=("xlsx",), metavar="xlsx", help="формат (пока только xlsx)")
    p.add_argument("clusters", nargs="*", metavar="КЛАСТЕР", help="id кластеров (по умолчанию — все)")
    p.add_argument("-o", "--output", metavar="ФАЙЛ.xlsx", help=f"куда записать (по умолчанию {DEFAULT})")
    p.add_argument("--template", action="store_true",
                   help="пустой образец: листы, подсказки, выпадающие списки и по одной строке-примеру")
    p.add_argument("--force", action="store_true", help="перезаписать существующий файл")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.sheets.export import build_workbook, save

    project = None
    if not args.template:
        root = find_root(Path.cwd())
        if root is None:
            raise ProjectNotFound("здесь нет проекта: не найдены ни mkdocs.yml, ни папка career_maps. Перейдите в "
                                  "папку проекта или возьмите образец: profkarta export xlsx --template")
        project = load_project(root)
    wb, notes = build_workbook(project, args.clusters or None, args.template)
    out = Path(args.output or ("shablon.xlsx" if args.template else DEFAULT))
    save(wb, out, args.force)
    console = Console(highlight=False, soft_wrap=True)
    for note in notes:
        console.print(f"предупреждение: {note}", style="yellow", markup=False)
    console.print(f"Записана книга {out}. После правки: profkarta import {out}", markup=False)
    return 0
