"""The guideline: every rule over a loaded project, findings with rule ids and positions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from profkarta.findings import ERROR, Finding, Report
from profkarta.load.project import Entry, Project
from profkarta.rules import acuk, programme, publish, r1, r2, r3, teams
from profkarta.model.values import normalise
from profkarta.rules.checkcache import CHECKS, IMAGES, SCAFFOLD, SHAPE, VALID, CheckCache, replay
from profkarta.rules.context import Ctx
from profkarta.rules.shapes import MODELS, check_shape

RULES = {
    "R1.1": "логотип «Профессионалитета» и логотип отрасли",
    "R1.2": "логотип и название колледжа",
    "R1.3": "логотипы и названия работодателей",
    "R1.4": "география и контакты",
    "R2.1": "профессия или специальность",
    "R2.2": "должности на каждой ступени карьеры",
    "R2.3": "содержание работы и способы роста на каждой ступени",
    "R2.4": "зарплата на каждой ступени: минимум, средняя, максимум",
    "R2.5": "срок: когда доходят до каждой ступени (when, years)",
    "R3.1": "поддержка студента колледжем",
    "R3.2": "социальные проекты работодателя",
    "R3.3": "региональные меры поддержки",
    "A1": "утверждение региональным наблюдательным советом",
    "U1": "одна карта на профессию в колледже",
    "C1": "вид кластера соответствует отрасли",
    "K1": "карта на каждую профессию кластера",
    "T": "команды амбассадоров",
    "P1": "программа популяризации: все разделы методички",
    "P2": "целевые показатели не ниже федеральных (70 / 70 / 100 / 60 %, КЦП 100 %)",
    "P3": "целевые аудитории и рекомендуемые участники методички (предупреждение)",
    "P4": "план в периоде программы, мероприятия в году плана",
    "P5": "15 обязательных и 14 мероприятий по выбору, 14 публикаций с каналами",
    "P6": "утверждение программы (председатель РНС) и плана (РНС или управляющий совет)",
    "P7": "итоги мероприятий: проведены в году плана и не в будущем",
    "P8": "программа и планы в отдельных файлах",
    "PR1": "карта помещается на страницу A4 (предупреждение)",
    "Y1": "файл читается (UTF-8, не больше 1 МБ)",
    "Y2": "синтаксис YAML",
    "Y3": "поле не повторяется",
    "Y4": "известные поля",
    "Y5": "безопасный YAML (без тегов и бомб ссылок)",
    "Y6": "вид значения поля",
    "N1": "имена файлов и папок (id)",
    "S1": "на сайт не попадает текст из заготовки (предупреждение; сборка сайта его не пропускает)",
    "S2": "адрес сайта site_url: полный, не пример",
}


def check_project(project: Project, today: dt.date | None = None, cache: CheckCache | None = None) -> Report:
    """Run every rule; set entry.model for each file whose shape is valid. Never raises on bad data.
    cache: replay the findings of map and cluster files whose inputs did not change (rules.checkcache)."""
    today = today or dt.date.today()
    report = Report()
    report.extend(project.load_findings)
    ctx = Ctx(project, report, today)
    hits = {e.doc.rel: row for e in project.entries() if cache is not None and (row := cache.lookup(e)) is not None}
    for entry in project.entries():
        row = hits.get(entry.doc.rel)
        if row is None:
            _phase(ctx, entry, cache, SHAPE, lambda e: report.extend(check_shape(e)))
            rec = cache.record(entry) if cache is not None else None
            if rec is not None:
                rec[VALID] = entry.model is not None
            continue
        if isinstance(entry.doc.data, dict):
            normalise(entry.kind, entry.doc.data)  # what check_shape does to the data the other rules read
        if row[VALID]:
            entry.validate_later(MODELS[entry.kind])
        report.extend(replay(row, SHAPE))
    _guard(ctx, None, r1.check_brand, ctx)
    _guard(ctx, None, publish.check_site_url, ctx)
    for entry in project.entries():
        _replay_or(ctx, entry, hits, cache, SCAFFOLD, lambda e: _guard(ctx, e, publish.check_scaffold, ctx, e))
    for entry in project.clusters.values():
        if isinstance(entry.doc.data, dict):
            _replay_or(ctx, entry, hits, cache, CHECKS, lambda e: _cluster_rules(ctx, e))
    for entry in project.maps:
        if isinstance(entry.doc.data, dict):
            _replay_or(ctx, entry, hits, cache, CHECKS, lambda e: _map_rules(ctx, e))
    _guard(ctx, None, acuk.check_unique, ctx, project.maps)
    _guard(ctx, None, acuk.check_coverage, ctx, project.clusters, project.maps)
    for entry in project.teams:
        if isinstance(entry.doc.data, dict):
            _guard(ctx, entry, teams.check_team, ctx, entry, project)
            _guard(ctx, entry, teams.check_activity, ctx, entry, project)
    for entry in project.programmes:
        if isinstance(entry.doc.data, dict):
            _guard(ctx, entry, programme.check_programme, ctx, entry)
    for entry in project.plans:
        if isinstance(entry.doc.data, dict):
            _guard(ctx, entry, programme.check_plan, ctx, entry, project)
    return report


def _cluster_rules(ctx: Ctx, entry: Entry) -> None:
    _guard(ctx, entry, r1.check_cluster, ctx, entry)
    _guard(ctx, entry, acuk.check_cluster_kind, ctx, entry)


def _map_rules(ctx: Ctx, entry: Entry) -> None:
    _guard(ctx, entry, r1.check_map, ctx, entry, ctx.project.clusters.get(entry.cluster_id))
    for rule in (r2.check_program, r2.check_ladder, r2.check_branches, r2.check_salaries, r2.check_timeframes,
                 r3.check_support, acuk.check_approval):
        _guard(ctx, entry, rule, ctx, entry)


def _replay_or(ctx: Ctx, entry: Entry, hits: dict[str, tuple], cache: CheckCache | None, slot: int,
               run: Callable[[Entry], None]) -> None:
    """A cached file's findings of this step go into the report where a cold run adds them; others are checked."""
    row = hits.get(entry.doc.rel)
    if row is not None:
        ctx.report.extend(replay(row, slot))
    else:
        _phase(ctx, entry, cache, slot, run)


def _phase(ctx: Ctx, entry: Entry, cache: CheckCache | None, slot: int, run: Callable[[Entry], None]) -> None:
    """Run one step of a file's own checks, keeping the findings it added (and the images it looked at)."""
    rec = cache.record(entry) if cache is not None else None
    if rec is None:
        run(entry)
        return
    start = len(ctx.report.findings)
    ctx.images = rec[IMAGES]
    try:
        run(entry)
    finally:
        ctx.images = None
    rec[slot] = ctx.report.findings[start:]


def _guard(ctx: Ctx, entry: Entry | None, rule: Callable, *args: object) -> None:
    """A rule that trips over data nobody foresaw becomes a finding, not a traceback for the user."""
    try:
        rule(*args)
    except Exception as exc:
        where = entry.doc.rel if entry else "проект"
        ctx.report.add(Finding(where, 1, 1, ERROR, "INTERNAL", "", f"проверка «{rule.__module__}.{rule.__name__}» "
                               f"не справилась с данными ({type(exc).__name__}: {exc}). Проверьте файл и сообщите "
                               "разработчикам profkarta."))
