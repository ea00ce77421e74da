"""`profkarta build [-d SITE_DIR] [--site-url URL] [--drafts] [--strict]`: validate, then write the whole site."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn

from profkarta.commands.validate import add_check_options, print_findings, summary_line
from profkarta.errors import ProjectNotFound, ValidationFailed
from profkarta.findings import ERROR, WARNING, Finding
from profkarta.load.project import find_root
from profkarta.validate import validate

CACHE_DIR = ".profkarta-cache"


def add_parser(subs) -> None:
    p = subs.add_parser("build", help="собрать сайт и печатные материалы",
                        description="Проверяет проект и собирает сайт (каталог, страницы карт, кластеров, команд и "
                        "программы популяризации), PDF для печати и catalog.json. При ошибках проверки папка сайта "
                        "не меняется.")
    p.add_argument("-d", "--site-dir", metavar="ПАПКА", default="site", help="куда записать сайт (по умолчанию site/)")
    p.add_argument("--site-url", metavar="АДРЕС", help="адрес сайта для ссылок и QR-кодов (важнее site_url из mkdocs.yml)")
    p.add_argument("--drafts", action="store_true", help="включить черновики карт (с пометкой «ПРОЕКТ»)")
    p.add_argument("--no-print", action="store_true", help="не делать PDF (быстрее; для проверки вида сайта)")
    p.add_argument("--workers", type=int, metavar="N", help="сколько процессов рисуют PDF (по умолчанию — по числу ядер)")
    add_check_options(p)
    p.set_defaults(run=run)


def project_root() -> Path:
    root = find_root(Path.cwd())
    if root is None:
        raise ProjectNotFound("здесь нет проекта: не найдены ни mkdocs.yml, ни папка career_maps. "
                              "Перейдите в папку проекта или создайте его: profkarta init ПАПКА")
    return root


def progress_bar(console: Console) -> Progress:
    return Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
                    TimeElapsedColumn(), console=console, transient=True)


def run(args) -> int:
    from profkarta.render.site import build_into, choose_site_url, staged_output

    started = time.perf_counter()
    out = Console(highlight=False, soft_wrap=True)
    root = project_root()
    result = validate(root)
    findings = publish_findings(result, args.drafts, args.site_url)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    print_findings(findings, out)
    if errors or (args.strict and warnings):
        out.print(summary_line(len(result.project.entries()), errors, warnings, time.perf_counter() - started),
                  markup=False)
        if any(f.rule == "S1" and f.severity == ERROR for f in findings):
            out.print("В файлах для сайта остался текст из заготовки (S1): замените его, удалите пример или "
                      "отметьте его строкой «example: true». Посмотреть сайт можно и так: profkarta serve или "
                      "profkarta build --drafts.", markup=False)
        if not errors:
            out.print("Режим --strict: предупреждения считаются ошибками.", markup=False)
        out.print("Сайт не собран; прежняя папка сайта не тронута.", markup=False)
        raise ValidationFailed([f for f in findings if f.severity == ERROR or args.strict])
    site_url, url_warning = choose_site_url(args.site_url, result.project.config.site_url)
    site_dir = Path(args.site_dir)
    if not site_dir.is_absolute():
        site_dir = Path.cwd() / site_dir
    with progress_bar(out) as bar:
        tasks: dict[str, int] = {}

        def on_progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                for tid in tasks.values():
                    bar.update(tid, completed=bar.tasks[tid].total or 1, total=bar.tasks[tid].total or 1)
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        with staged_output(site_dir) as staging:
            built = build_into(result, staging, site_url=site_url, drafts=args.drafts, with_print=not args.no_print,
                               cache_dir=root / CACHE_DIR, workers=args.workers, on_progress=on_progress)
    said_s2 = any(f.rule == "S2" for f in findings)  # the same advice as url_warning, with file and line
    notes = ([url_warning] if url_warning and not said_s2 else []) + built.warnings
    for note in notes:
        out.print(f"предупреждение: {note}", style="yellow", markup=False)
    took = time.perf_counter() - started
    out.print(f"Сайт собран в {site_dir} за {took:.1f} с.", style="bold green", markup=False)
    parts = [f"страниц: {built.pages}", f"карт: {built.maps}",
             f"страниц карт нарисовано заново {built.map_pages_rendered}, из кэша {built.map_pages_reused}",
             f"картинок для соцсетей нарисовано {built.share_drawn}"]
    if not args.no_print:
        parts.append(f"PDF: {built.pdfs} (нарисовано заново {built.pdf_rendered}, из кэша {built.pdf_reused})")
    parts.append(f"предупреждений: {warnings + len(notes)}")
    out.print("; ".join(parts) + ".", markup=False)
    times = ", ".join(f"{k} {v:.1f} с" for k, v in built.timings.items())
    out.print(f"Адрес сайта: {site_url} ({times}).", markup=False)
    if args.drafts:
        out.print("В сборку вошли черновики: их страницы помечены «ПРОЕКТ». Не публикуйте такую сборку.",
                  style="yellow", markup=False)
    else:
        left_out = [m.doc.rel for m in result.project.maps if m.model is not None and m.model.status != "approved"]
        if left_out:
            out.print(f"Не вошли в сайт проекты карт (status: draft), {len(left_out)}: {', '.join(left_out)}. "
                      "Их видно в profkarta serve и в build --drafts; на сайт карта попадёт после утверждения "
                      "(status: approved, approval: protocol и date).", markup=False)
    return 0


def publish_findings(result, drafts: bool, site_url: str | None = None) -> list[Finding]:
    """Findings as a public build sees them: scaffold text (S1) in a published file is an error, not a warning."""
    found = result.report.sorted()
    if site_url:  # --site-url replaces site_url of mkdocs.yml: what S2 says about that one does not matter
        found = [f for f in found if f.rule != "S2"]
    if drafts:
        return found
    unpublished = {m.doc.rel for m in result.project.maps
                   if m.model is not None and m.model.status != "approved"}
    return [replace(f, severity=ERROR) if f.rule == "S1" and f.severity == WARNING and f.file not in unpublished
            else f for f in found]
