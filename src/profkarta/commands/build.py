"""`profkarta build [-d SITE_DIR] [--site-url URL] [--drafts] [--strict]`: validate, then write the whole site."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (BarColumn, Progress, SpinnerColumn, TaskID, TaskProgressColumn, TextColumn,
                           TimeElapsedColumn)

from profkarta.commands.validate import add_check_options, print_findings, summary_line
from profkarta.errors import ProjectNotFound, ValidationFailed
from profkarta.labels import some_of
from profkarta.findings import ERROR, WARNING, Finding
from profkarta.load.project import find_root

if TYPE_CHECKING:  # the renderers are imported when a build runs: validate alone never loads mkdocs
    from profkarta.render.print import PrintResult
    from profkarta.render.site import Changes, SiteResult

CACHE_DIR = ".profkarta-cache"


@dataclass
class BuildResult:
    """What a build wrote and found: the CLI and the preview server report it, tests inspect it."""

    site_dir: Path
    site_url: str
    findings: list[Finding]
    site: SiteResult
    printed: PrintResult | None  # None with --no-print
    changes: Changes
    notes: list[str] = field(default_factory=list)  # build-time warnings that are not findings
    drafts_left_out: list[str] = field(default_factory=list)  # files of draft maps a public build skipped
    seconds: float = 0.0

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings) + len(self.notes)


def build(root: Path, site_dir: Path, *, site_url: str | None = None, drafts: bool = False, strict: bool = False,
          with_print: bool = True, workers: int | None = None, today: dt.date | None = None,
          on_progress: Callable[[str, int, int | None], None] | None = None) -> BuildResult:
    """The whole build, stage by stage. Raises ValidationFailed or BuildError; SITE_DIR then stays as it was."""
    from profkarta.render.site import choose_site_url, missing_links, render_site, staged_output
    from profkarta.validate import validate

    started = time.perf_counter()
    progress = on_progress or (lambda *a: None)
    # 1. Load every file and check it against the guideline (nothing is written yet).
    validated = validate(root, today=today)
    findings = publish_findings(validated, drafts, site_url)  # a public build refuses scaffold text (S1)
    errors = [f for f in findings if f.severity == ERROR]
    if errors or (strict and findings):
        raise ValidationFailed(findings)
    # 2. The address every link, catalog entry and QR code is built from: --site-url, else mkdocs.yml.
    url, url_note = choose_site_url(site_url, validated.project.config.site_url)
    said_s2 = any(f.rule == "S2" for f in findings)  # the same advice as url_note, with file and line
    notes = [url_note] if url_note and not said_s2 else []
    cache_dir = root / CACHE_DIR
    # 3. Everything goes into a staging folder beside SITE_DIR; any failure removes it and nothing else.
    with staged_output(site_dir) as (staging, changes):
        # 4. Pages → mkdocs-material → map and cluster pages, share images, search entries, catalog.json.
        site = render_site(validated, staging, site_url=url, drafts=drafts, pdf_links=with_print,
                           cache_dir=cache_dir, workers=workers, on_progress=progress)
        notes += site.warnings
        printed = None
        if with_print:
            # 5. Print: A4 and A3 per map, booklets, team cards — worker processes, cached by content.
            from profkarta.render.print import render_print

            t = time.perf_counter()
            printed = render_print(validated, staging, site_url=url, drafts=drafts, cache_dir=cache_dir,
                                   workers=workers, on_progress=lambda done, total: progress("Печать (PDF)",
                                                                                             done, total))
            site.timings["печать"] = time.perf_counter() - t
            notes += printed.warnings
            # 6. Every print file a page links to must exist: a broken link is a build warning.
            notes += missing_links(site.data, staging)
    # 7. SITE_DIR swapped for the new site; unchanged files kept their dates (see `changes`).
    left_out = [] if drafts else [m.doc.rel for m in validated.project.maps
                                  if m.model is not None and m.model.status != "approved"]
    site.timings["всего"] = time.perf_counter() - started
    return BuildResult(site_dir, url, findings, site, printed, changes, list(dict.fromkeys(notes)), left_out,
                       time.perf_counter() - started)


def add_parser(subs) -> None:
    p = subs.add_parser("build", help="собрать сайт и печатные материалы",
                        description="Проверяет проект и собирает сайт (каталог, страницы карт, кластеров, команд и "
                        "программы популяризации), PDF для печати и catalog.json. При ошибках проверки папка сайта "
                        "не меняется.")
    p.add_argument("-d", "--site-dir", metavar="ПАПКА", default="site", help="куда записать сайт (по умолчанию site/)")
    p.add_argument("--site-url", metavar="АДРЕС",
                   help="адрес сайта для ссылок и QR-кодов (важнее site_url из mkdocs.yml)")
    p.add_argument("--drafts", action="store_true", help="включить черновики карт (с пометкой «ПРОЕКТ»)")
    p.add_argument("--no-print", action="store_true", help="не делать PDF (быстрее; для проверки вида сайта)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="сколько процессов рисуют PDF (по умолчанию — по числу ядер)")
    p.add_argument("--changed-list", metavar="ФАЙЛ", help="записать в ФАЙЛ список изменившихся файлов сайта "
                   "(по одному пути на строку — для загрузки на хостинг только нового)")
    add_check_options(p)
    p.set_defaults(run=run)


def project_root() -> Path:
    root = find_root(Path.cwd())
    if root is None:
        raise ProjectNotFound("здесь нет проекта: не найдены ни mkdocs.yml, ни папка career_maps. "
                              "Перейдите в папку проекта или создайте его: profkarta init ПАПКА")
    return root


def progress_bar(console: Console) -> Progress:
    # no refresh thread: with a second thread alive the build may not fork its workers (parallel.fork_is_safe)
    # and would draw share images and write map pages in one process; the bar is redrawn on each update instead
    return Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), TaskProgressColumn(),
                    TimeElapsedColumn(), console=console, transient=True, auto_refresh=False)


def run(args) -> int:
    from profkarta.render.site.output import write_changed_list

    started = time.perf_counter()
    out = Console(highlight=False, soft_wrap=True)
    root = project_root()
    site_dir = Path(args.site_dir)
    if not site_dir.is_absolute():
        site_dir = Path.cwd() / site_dir
    with progress_bar(out) as bar:
        tasks: dict[str, TaskID] = {}
        drawn = [0.0]

        def on_progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                for tid in tasks.values():  # the previous stage is complete
                    bar.update(tid, completed=bar.tasks[tid].total or 1, total=bar.tasks[tid].total or 1)
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)
            now = time.perf_counter()
            if now - drawn[0] >= 0.1 or done == total:  # ten frames a second: 30,000 updates need not redraw
                bar.refresh()
                drawn[0] = now

        try:
            result = build(root, site_dir, site_url=args.site_url, drafts=args.drafts, strict=args.strict,
                           with_print=not args.no_print, workers=args.workers, on_progress=on_progress)
        except ValidationFailed as exc:
            bar.stop()
            _refused(out, exc.findings, args.strict, time.perf_counter() - started)
            raise
    print_findings(result.findings, out)
    for note in result.notes:
        out.print(f"предупреждение: {note}", style="yellow", markup=False)
    _summary(out, result, args)
    if args.changed_list:
        write_changed_list(Path(args.changed_list), result.changes)
        out.print(f"Список изменившихся файлов: {args.changed_list} ({len(result.changes.to_upload)}).",
                  markup=False)
    return 0


def _refused(out: Console, findings: list[Finding], strict: bool, seconds: float) -> None:
    print_findings(findings, out)
    errors = sum(f.severity == ERROR for f in findings)
    out.print(summary_line(len({f.file for f in findings}), errors, len(findings) - errors, seconds), markup=False)
    if any(f.rule == "S1" and f.severity == ERROR for f in findings):
        out.print("В файлах для сайта остался текст из заготовки (S1): замените его, удалите пример или "
                  "отметьте его строкой «example: true». Посмотреть сайт можно и так: profkarta serve или "
                  "profkarta build --drafts.", markup=False)
    if strict and not errors:
        out.print("Режим --strict: предупреждения считаются ошибками.", markup=False)
    out.print("Сайт не собран; прежняя папка сайта не тронута.", markup=False)


def _summary(out: Console, result: BuildResult, args) -> None:
    site, printed, changes = result.site, result.printed, result.changes
    out.print(f"Сайт собран в {result.site_dir} за {result.seconds:.1f} с.", style="bold green", markup=False)
    parts = [f"страниц: {site.pages}", f"карт: {site.maps}",
             f"страниц карт нарисовано заново {site.map_pages_rendered}, из кэша {site.map_pages_reused}",
             f"картинок для соцсетей нарисовано {site.share_drawn}"]
    if getattr(site, "mkdocs_reused", False):
        parts.append("mkdocs не запускался: страницы, шаблоны и настройки не менялись")
    if printed is not None:
        total = (sum(len(v) for v in printed.map_files.values()) + len(printed.booklets) + len(printed.cards)
                 + len(printed.documents) + len(printed.plans))
        parts.append(f"PDF: {total} (нарисовано заново {printed.rendered}, из кэша {printed.reused})")
    parts.append(f"предупреждений: {result.warnings}")
    out.print("; ".join(parts) + ".", markup=False)
    out.print(f"Файлы сайта: новых {len(changes.added)}, изменилось {len(changes.changed)}, "
              f"удалено {len(changes.removed)}, без изменений {changes.unchanged} (их даты не тронуты).",
              markup=False)
    times = ", ".join(f"{k} {v:.1f} с" for k, v in site.timings.items())
    out.print(f"Адрес сайта: {result.site_url} ({times}).", markup=False)
    if result.drafts_left_out:
        left = result.drafts_left_out
        out.print(f"Не вошли в сайт проекты карт (status: draft), {len(left)}: {some_of(left)}. "
                  "Их видно в profkarta serve и в build --drafts; на сайт карта попадёт после утверждения "
                  "(status: approved, approval: protocol и date).", markup=False)
    if args.drafts:
        out.print("В сборку вошли черновики: их страницы помечены «ПРОЕКТ». Не публикуйте такую сборку.",
                  style="yellow", markup=False)


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
