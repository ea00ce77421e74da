"""`profkarta packet [--cluster ID | --region NAME] [-o FILE.pdf]`: the document for a council meeting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console

from profkarta import coverage as cov
from profkarta.commands.validate import print_findings
from profkarta.findings import ERROR
from profkarta.load.project import resolve_targets
from profkarta.validate import validate


def add_parser(subs) -> None:
    p = subs.add_parser("packet", help="PDF к заседанию регионального наблюдательного совета",
                        description="Документ к заседанию регионального наблюдательного совета: обложка, перечень "
                        "карт (кластер, колледж, код, название, статус, разработчик, протокол и дата утверждённых), "
                        "затем страница A4 каждого проекта карты с пометкой «ПРОЕКТ» и пустым блоком «УТВЕРЖДЕНО». "
                        "Код выхода: 0 — файл записан; 1 — утверждать нечего или в проекте есть ошибки.")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--cluster", metavar="ID", help="только этот кластер (id — имя его папки)")
    scope.add_argument("--region", metavar="РЕГИОН",
                       help="только кластеры этого региона, например «Свердловская область»")
    p.add_argument("-o", "--output", metavar="ФАЙЛ.pdf", help="куда записать (по умолчанию packet-<кластер или "
                   "регион>-<дата>.pdf в текущей папке)")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.labels import plural
    from profkarta.render.print.packet import render_packet
    from profkarta.render.site import choose_site_url

    root, _, _ = resolve_targets([])
    result = validate(root)
    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    errors = [f for f in result.report.sorted() if f.severity == ERROR]
    if errors:
        print_findings(errors, err)
        err.print(f"В проекте есть ошибки ({len(errors)}): документ к заседанию не собран. Исправьте их "
                  "(profkarta validate) и повторите.", markup=False)
        return 1
    project = result.project
    if args.cluster and args.cluster not in project.clusters:
        err.print(f"Кластера «{args.cluster}» нет в проекте, документ не собран. Есть: "
                  f"{', '.join(sorted(project.clusters)) or 'ни одного'}.", markup=False)
        return 1
    regions = cov.in_scope(cov.coverage(project, project.config.site_url), args.cluster, args.region)
    scope = (f"кластера «{args.cluster}»" if args.cluster else
             f"региона «{regions[0].name if regions else args.region}»" if args.region else "проекта")
    rows = [r for r in cov.flat(regions) if r.map_id]
    if not rows:
        err.print(f"В документ нечего включить: у {scope} нет ни одной карты. Проверьте --cluster или --region "
                  "(регион пишется как в cluster.yaml, например «Свердловская область»).", markup=False)
        return 1
    drafts = [r for r in rows if r.map_status == "draft"]
    if not drafts:
        err.print(f"Утверждать нечего: все {len(rows)} {plural(len(rows), 'карта', 'карты', 'карт')} {scope} уже "
                  "утверждены. Проекты карт — это карты со status: draft.", markup=False)
        return 1
    today = dt.date.today()
    name = f"packet-{args.cluster or _slug(args.region)}-{today}.pdf"
    target = Path(args.output) if args.output else Path.cwd() / name
    site_url, _ = choose_site_url(None, project.config.site_url)
    packet = render_packet(project, regions, scope, site_url, today)
    for w in packet.warnings:
        err.print(f"Предупреждение: {w}", markup=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_bytes(packet.pdf)
    tmp.replace(target)  # a half-written PDF never replaces a good one
    out.print(f"Документ к заседанию: {target} — страниц: {packet.pages}, проектов на утверждение: "
              f"{packet.drafts}.", markup=False)
    return 0


def _slug(region: str | None) -> str:
    if not region:
        return "vse"
    from profkarta.refdata import find_region

    found = find_region(region)
    return f"region-{found.code}" if found else "region"
