"""`profkarta new map|cluster|team|programme|plan`: a commented starter file; never overwrites."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from profkarta import refdata
from profkarta.errors import ProjectNotFound
from profkarta.load.project import find_root
from profkarta.scaffold import new_cluster, new_map, new_plan, new_programme, new_team


def add_parser(subs) -> None:
    p = subs.add_parser("new", help="создать заготовку карты, кластера или команды",
                        description="Создаёт файл-заготовку с комментариями. Ничего не перезаписывает.")
    kinds = p.add_subparsers(dest="kind", metavar="ЧТО", required=True, title="что создать")
    m = kinds.add_parser("map", help="карьерную карту", description="Создаёт career_maps/КЛАСТЕР/ID.yaml.")
    m.add_argument("cluster", metavar="КЛАСТЕР", help="id кластера (имя папки в career_maps)")
    m.add_argument("id", metavar="ID", help="id карты: латиница, цифры, дефисы")
    m.add_argument("--code", metavar="КОД", help="код по перечню СПО, например 15.01.38: код, вид и название "
                   "подставятся сами (без него код впишите в файл)")
    c = kinds.add_parser("cluster", help="кластер",
                         description="Создаёт career_maps/ID/cluster.yaml и логотипы-заглушки.")
    c.add_argument("id", metavar="ID", help="id кластера: латиница, цифры, дефисы")
    t = kinds.add_parser("team", help="команду амбассадоров", description="Создаёт content/ambassadors/ID.md.")
    t.add_argument("id", metavar="ID", help="id команды: латиница, цифры, дефисы")
    t.add_argument("--cluster", metavar="КЛАСТЕР", help="id кластера команды")
    t.add_argument("--college", metavar="КОЛЛЕДЖ", help="id колледжа команды")
    g = kinds.add_parser("programme", help="программу популяризации",
                         description="Создаёт content/popularization/ID.yaml — программу популяризации региона "
                         "(цель, задачи, аудитории, участники, показатели, ожидаемые результаты).")
    g.add_argument("id", metavar="ID", help="id программы: латиница, цифры, дефисы, например tver-2026")
    pl = kinds.add_parser("plan", help="план популяризации на год",
                          description="Создаёт content/popularization/ПРОГРАММА/ГОД.yaml — план мероприятий и "
                          "информационной кампании на год: 15 обязательных, 14 по выбору, 14 публикаций.")
    pl.add_argument("programme", metavar="ПРОГРАММА", help="id программы (имя её файла без .yaml)")
    pl.add_argument("year", metavar="ГОД", help="год плана, например 2027")
    p.set_defaults(run=run)


def run(args) -> int:
    root = find_root(Path.cwd())
    if root is None:
        raise ProjectNotFound("здесь нет проекта (нет mkdocs.yml или career_maps/). Перейдите в папку проекта "
                              "или создайте его: profkarta init ПАПКА")
    if args.kind == "map":
        written = new_map(root, args.cluster, args.id, args.code)
    elif args.kind == "cluster":
        written = new_cluster(root, args.id)
    elif args.kind == "programme":
        written = new_programme(root, args.id)
    elif args.kind == "plan":
        written = new_plan(root, args.programme, args.year)
    else:
        written = new_team(root, args.id, args.cluster, args.college)
    out = Console(highlight=False)
    for path in written:
        out.print(f"Создан {path.relative_to(root)}", markup=False)
    if args.kind == "map":
        if not args.code:
            out.print("Впишите в файл код и название профессии или специальности (program.code, program.title), "
                      "или создайте карту с кодом: profkarta new map КЛАСТЕР ID --code 15.01.38.", markup=False)
        elif args.code.strip() not in refdata.spo_programs():
            out.print(f"Кода {args.code.strip()} нет в справочнике profkarta: впишите название (program.title) по "
                      "перечню СПО.", markup=False)
        out.print("Карта создана как проект (status: draft): её видно в profkarta serve с пометкой «ПРОЕКТ», на "
                  "сайт она попадёт после утверждения. Замените всё, что помечено «(замените)».", markup=False)
    return 0
