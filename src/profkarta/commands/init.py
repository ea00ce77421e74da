"""`profkarta init DIR`: a new site project with a commented example; never overwrites."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from profkarta.scaffold import init_project


def add_parser(subs) -> None:
    p = subs.add_parser("init", help="создать новый проект сайта с примером",
                        description="Создаёт в пустой папке проект: mkdocs.yml, пример кластера, карты и "
                        "команды амбассадоров с комментариями. Ничего не перезаписывает (код 1, если папка не пуста).")
    p.add_argument("dir", metavar="ПАПКА", help="новая или пустая папка")
    p.set_defaults(run=run)


def run(args) -> int:
    root = Path(args.dir)
    written = init_project(root)
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"Создан проект в {root} (файлов: {len(written)}).", markup=False)
    out.print(f"Дальше: cd {root} && profkarta validate — проверка; profkarta serve — просмотр; "
              "profkarta build — сборка сайта и печатных файлов.", markup=False)
    return 0
