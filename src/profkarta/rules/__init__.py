"""The guideline: every rule over a loaded project, findings with rule ids and positions."""

from __future__ import annotations

import datetime as dt

from profkarta.findings import ERROR, Finding, Report
from profkarta.load.project import Project
from profkarta.rules import acuk, programme, publish, r1, r2, r3, teams
from profkarta.rules.context import Ctx
from profkarta.rules.shapes import check_shape

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


def check_project(project: Project, today: dt.date | None = None) -> Report:
    """Run every rule; set entry.model for each file whose shape is valid. Never raises on bad data."""
    today = today or dt.date.today()
    report = Report()
    report.extend(project.load_findings)
    ctx = Ctx(project, report, today)
    for entry in project.entries():
        report.extend(check_shape(entry))
    _guard(ctx, None, r1.check_brand, ctx)
    _guard(ctx, None, publish.check_site_url, ctx)
    for entry in project.entries():
        _guard(ctx, entry, publish.check_scaffold, ctx, entry)
    for entry in project.clusters.values():
        if isinstance(entry.doc.data, dict):
            _guard(ctx, entry, r1.check_cluster, ctx, entry)
            _guard(ctx, entry, acuk.check_cluster_kind, ctx, entry)
    for entry in project.maps:
        if not isinstance(entry.doc.data, dict):
            continue
        _guard(ctx, entry, r1.check_map, ctx, entry, project.clusters.get(entry.cluster_id))
        for rule in (r2.check_program, r2.check_ladder, r2.check_branches, r2.check_salaries, r2.check_timeframes,
                     r3.check_support, acuk.check_approval):
            _guard(ctx, entry, rule, ctx, entry)
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


def _guard(ctx: Ctx, entry, rule, *args) -> None:
    """A rule that trips over data nobody foresaw becomes a finding, not a traceback for the user."""
    try:
        rule(*args)
    except Exception as exc:
        where = entry.doc.rel if entry else "проект"
        ctx.report.add(Finding(where, 1, 1, ERROR, "INTERNAL", "", f"проверка «{rule.__module__}.{rule.__name__}» "
                               f"не справилась с данными ({type(exc).__name__}: {exc}). Проверьте файл и сообщите "
                               "разработчикам profkarta."))
