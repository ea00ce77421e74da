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
    p.add_argument("--empty", action="store_true", help="без примера кластера, карты и команды: только настройки "
                   "сайта и главная страница")
    p.set_defaults(run=run)


def run(args) -> int:
    root = Path(args.dir)
    written = init_project(root, example=not args.empty)
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"Создан проект в {root} (файлов: {len(written)}).", markup=False)
    out.print("Перед публикацией:", style="bold", markup=False)
    for i, step in enumerate(checklist(example=not args.empty), 1):
        out.print(f"  {i}. {step}", markup=False)
    out.print(f"Дальше: cd {root} && profkarta validate — проверка; profkarta serve — просмотр; "
              "profkarta build — сборка сайта и печатных файлов.", markup=False)
    return 0


def checklist(example: bool) -> list[str]:
    steps = ["Адрес сайта: впишите в mkdocs.yml в строку site_url адрес, где будет сайт, например "
             "https://college.ru/karty/ (из него строятся ссылки и QR-коды).",
             "Логотип «Профессионалитета»: положите официальный файл в theme/brand/ и впишите путь в mkdocs.yml "
             "(extra → brand → logo) вместо заглушки."]
    if example:
        steps.append("Пример: переименуйте папку career_maps/novyj-klaster и впишите в файлы свои данные вместо "
                     "примера — или удалите пример (папку кластера и content/ambassadors/ambassadory.md). "
                     "Пока в файлах есть текст из заготовки, profkarta build сайт не соберёт.")
    else:
        steps.append("Кластер и карты: profkarta new cluster ID, затем profkarta new map ID-КЛАСТЕРА ID-КАРТЫ "
                     "--code 15.01.38.")
    return steps
