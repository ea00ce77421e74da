"""Print jobs for the popularization programme, its annual plans and their reports (documents the council signs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profkarta import urls
from profkarta.load.project import Project
from profkarta.render import stamps
from profkarta.refdata.popularization import floors
from profkarta.render.popularization import NOT_ENTERED, STATUS_RU, Indicator, collect, number, plan_report
from profkarta.labels import NNBSP
from profkarta.render.print.templates import render_html

MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
          "ноябрь", "декабрь")
RNS = "Регионального наблюдательного совета"


def council_of(approval) -> str:
    """Whose meeting approved it, in the genitive: the РНС, or the cluster's managing council for a plan."""
    if approval is not None and "управляющ" in approval.by.lower() and "наблюдательн" not in approval.by.lower():
        return "управляющего совета кластера"
    return RNS


def month_ru(value: str | None) -> str:
    y, _, m = (value or "").strip().partition("-")
    return f"{MONTHS[int(m) - 1]} {y}" if m.isdigit() and 1 <= int(m) <= 12 else (value or "")


def thousands(n: int | None) -> str:
    return "" if n is None else f"{n:,}".replace(",", NNBSP)


def _common() -> dict:
    return {"number": number, "month_ru": month_ru, "thousands": thousands, "not_entered": NOT_ENTERED,
            "status_ru": STATUS_RU}


def documents(project: Project, drafts: bool, today: dt.date | None = None) -> list[tuple[str, str, str]]:
    """(path relative to the site, template kind, HTML) of every programme, plan and report PDF."""
    today = today or stamps.today()
    out = []
    for prog in collect(project, drafts):
        pr = prog.model
        author = pr.developer
        indicators = [Indicator(k, f.title, f.short, f.floor, f.exact, getattr(pr.indicators, k), None)
                      for k, f in floors().items()]
        ctx = {"pr": pr, "draft": prog.draft, "indicators": indicators, "plans": [p.year for p in prog.plans],
               "council": council_of(pr.approval), "meta_title": pr.title, "author": author, **_common()}
        out.append((urls.programme_pdf(prog.id), "programme", render_html("programme.html.j2", ctx)))
        for plan in prog.plans:
            events = plan.events
            ctx = {"pr": pr, "plan": plan.model, "year": plan.year, "draft": plan.draft, "events": events,
                   "campaign": plan.campaign, "must": sum(1 for e in events if e.mandatory),
                   "council": council_of(plan.model.approval), "author": author,
                   "meta_title": f"План популяризации на {plan.year} год — {pr.region}", **_common()}
            out.append((urls.plan_pdf(prog.id, plan.year), "plan", render_html("plan.html.j2", ctx)))
            rep = plan_report(prog, plan, project, today)
            ctx = {"pr": pr, "r": rep, "year": plan.year, "draft": plan.draft, "author": author,
                   "meta_title": f"Отчёт о плане популяризации {plan.year} года — {pr.region}", **_common()}
            out.append((urls.report_pdf(prog.id, plan.year), "report", render_html("report.html.j2", ctx)))
    return out


def plan_jobs(project: Project, out_dir: Path, drafts: bool, common: dict) -> tuple[list[dict], list[str]]:
    """Layout jobs (laid out once each, no fitting) and the files they write."""
    jobs, files = [], []
    for rel, kind, html in documents(project, drafts):
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        files.append(rel)
        jobs.append({"kind": "doc", "key": f"doc:{rel}", "html": html, "target": str(target), "doc": kind, **common})
    return jobs, files
