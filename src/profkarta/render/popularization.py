"""Programmes, their annual plans and each plan's report (targets vs actuals, events, reach) for site and print."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field

from profkarta.load.project import Entry, Project
from profkarta.model import Plan, Programme
from profkarta.refdata import find_region
from profkarta.refdata import popularization as pop

NOT_ENTERED = "итог не внесён"
MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
          "декабрь")
STATUS_RU = {"held": "проведено", "cancelled": "отменено", "overdue": NOT_ENTERED, "upcoming": "предстоит"}


@dataclass
class PlanDoc:
    entry: Entry
    model: Plan
    programme_id: str
    year: int
    draft: bool

    @property
    def events(self):
        return sorted(self.model.events, key=sort_key)

    @property
    def campaign(self):
        return sorted(self.model.campaign, key=sort_key)


@dataclass
class ProgrammeDoc:
    entry: Entry
    model: Programme
    draft: bool
    plans: list[PlanDoc] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.entry.id


def sort_key(item) -> str:
    return item.date.isoformat() if item.date else (item.month or "9999-99").strip() + "-99"


def collect(project: Project, drafts: bool) -> list[ProgrammeDoc]:
    """Programmes and plans whose shape is valid; drafts (no approval) only when asked for."""
    out = []
    for e in project.programmes:
        if e.model is None or (e.model.approval is None and not drafts):
            continue
        doc = ProgrammeDoc(e, e.model, e.model.approval is None)
        for p in sorted((p for p in project.plans if p.programme_id == e.id), key=lambda p: p.year or 0):
            if p.model is None or (p.model.approval is None and not drafts):
                continue
            doc.plans.append(PlanDoc(p, p.model, e.id, p.year or 0, p.model.approval is None))
        out.append(doc)
    return out


def when_text(item) -> str:
    if item.date:
        return f"{item.date:%d.%m.%Y}"
    m = re.match(r"^(\d{4})-(\d{2})$", (item.month or "").strip())
    return f"{MONTHS[int(m.group(2)) - 1]} {m.group(1)}" if m and 1 <= int(m.group(2)) <= 12 else (item.month or "")


def _last_day(item) -> dt.date | None:
    if item.date:
        return item.date
    m = re.match(r"^(\d{4})-(\d{2})$", (item.month or "").strip())
    if not m:
        return None
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def status(item, today: dt.date) -> str:
    r = item.result
    if r is not None and r.cancelled:
        return "cancelled"
    if r is not None:
        return "held"
    last = _last_day(item)
    return "overdue" if last is not None and last < today else "upcoming"


@dataclass
class Indicator:
    key: str
    title: str
    short: str
    floor: float
    exact: bool
    target: float
    actual: float | None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.actual >= self.target

    @property
    def scale(self) -> float:
        return max(100.0, self.target, self.actual or 0)

    def pct(self, value: float | None) -> float:
        """Position on the bar, % of its width."""
        return round(min(max(value or 0, 0), self.scale) / self.scale * 100, 2)

    @property
    def verdict(self) -> str:
        return NOT_ENTERED if self.met is None else ("выполнен" if self.met else "не выполнен")


@dataclass
class Row:
    when: str
    title: str
    kind: str  # обязательное / по выбору / информкампания
    status: str
    reach: int | None
    extra: str  # audience or channel
    note: str


@dataclass
class Counts:
    planned: int = 0
    held: int = 0
    cancelled: int = 0
    overdue: int = 0
    upcoming: int = 0


@dataclass
class TeamLine:
    team: str
    college: str
    items: int
    reached: int
    linked: int


@dataclass
class PlanReport:
    programme: ProgrammeDoc
    plan: PlanDoc
    today: dt.date
    indicators: list[Indicator]
    as_of: dt.date | None
    events: list[Row]
    campaign: list[Row]
    counts: dict[str, Counts]  # mandatory / optional / campaign
    event_reach: int
    event_reach_missing: int  # held events whose reach was not entered
    campaign_reach: int
    campaign_reach_missing: int
    teams: list[TeamLine]

    @property
    def events_held(self) -> int:
        return self.counts["mandatory"].held + self.counts["optional"].held

    @property
    def campaign_held(self) -> int:
        return self.counts["campaign"].held

    @property
    def team_items(self) -> int:
        return sum(t.items for t in self.teams)

    @property
    def team_reached(self) -> int:
        return sum(t.reached for t in self.teams)


def plan_report(programme: ProgrammeDoc, plan: PlanDoc, project: Project, today: dt.date) -> PlanReport:
    floors = pop.floors()
    results = plan.model.results
    indicators = [Indicator(k, f.title, f.short, f.floor, f.exact, getattr(programme.model.indicators, k),
                            getattr(results, k) if results else None) for k, f in floors.items()]
    counts = {k: Counts() for k in ("mandatory", "optional", "campaign")}
    rows_e, rows_c = [], []
    reach = [0, 0, 0, 0]  # events total, events missing, campaign total, campaign missing
    for ev in plan.events:
        st = status(ev, today)
        c = counts["mandatory" if ev.mandatory else "optional"]
        _count(c, st)
        r = ev.result.reached if ev.result and st == "held" else None
        if st == "held":
            reach[0] += r or 0
            reach[1] += r is None
        rows_e.append(Row(when_text(ev), ev.title, "обязательное" if ev.mandatory else "по выбору", st, r,
                          ev.audience, (ev.result.note or "") if ev.result else ""))
    for it in plan.campaign:
        st = status(it, today)
        _count(counts["campaign"], st)
        r = it.result.reach if it.result and st == "held" else None
        if st == "held":
            reach[2] += r or 0
            reach[3] += r is None
        rows_c.append(Row(when_text(it), it.title, "информкампания", st, r, it.channel,
                          (it.result.note or "") if it.result else ""))
    return PlanReport(programme, plan, today, indicators, results.as_of if results else None, rows_e, rows_c,
                      counts, reach[0], reach[1], reach[2], reach[3], _teams(programme, plan, project, today))


def _count(c: Counts, st: str) -> None:
    c.planned += 1
    setattr(c, st, getattr(c, st) + 1)


def _teams(programme: ProgrammeDoc, plan: PlanDoc, project: Project, today: dt.date) -> list[TeamLine]:
    """Ambassador teams whose cluster lies in the programme's region, with what they did in the plan's year."""
    region = find_region(programme.model.region)
    out = []
    for t in project.teams:
        if t.model is None:
            continue
        cluster = project.clusters.get(t.model.cluster)
        if cluster is None or cluster.model is None or region is None or find_region(cluster.model.region) != region:
            continue
        items = [a for a in t.model.activity if a.date.year == plan.year and a.date <= today]
        college = next((c.short_name or c.name for c in cluster.model.colleges if c.id == t.model.college), "")
        prefix = f"{plan.programme_id}/{plan.year}#"
        out.append(TeamLine(t.model.team, college, len(items), sum(a.reached or 0 for a in items),
                            sum(1 for a in items if (a.plan_event or "").startswith(prefix))))
    return sorted(out, key=lambda t: (-t.items, t.team))


def number(value: float | int | None) -> str:
    """75.0 → «75»; 72.5 → «72,5»; None → «итог не внесён»."""
    if value is None:
        return NOT_ENTERED
    return f"{value:g}".replace(".", ",")


CSV_HEADER = ["раздел", "вид", "дата", "название", "аудитория или канал", "статус", "цель, %", "факт, %",
              "федеральный показатель, %", "выполнено", "охват, чел.", "примечание"]


def report_csv(rep: PlanReport) -> bytes:
    """The report as one table: indicators, events, campaign, teams, totals (UTF-8 with BOM for Excel)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    as_of = f"на {rep.as_of:%d.%m.%Y}" if rep.as_of else ""
    for i in rep.indicators:
        floor = f"{'=' if i.exact else '≥'} {number(i.floor)}"
        w.writerow(["показатель", "", as_of, i.title, "", "", number(i.target), number(i.actual), floor,
                    {True: "да", False: "нет", None: NOT_ENTERED}[i.met], "", ""])
    for section, rows in (("мероприятие", rep.events), ("информационная кампания", rep.campaign)):
        for r in rows:
            reach = "" if r.status in ("upcoming", "cancelled") else (NOT_ENTERED if r.reach is None else str(r.reach))
            w.writerow([section, r.kind, r.when, r.title, r.extra, STATUS_RU[r.status], "", "", "", "", reach, r.note])
    for t in rep.teams:
        w.writerow(["команда амбассадоров", t.college, str(rep.plan.year), t.team, "",
                    f"записей: {t.items}, по мероприятиям плана: {t.linked}", "", "", "", "", str(t.reached), ""])
    for key, label in (("mandatory", "обязательные мероприятия"), ("optional", "мероприятия по выбору"),
                       ("campaign", "информационная кампания")):
        c = rep.counts[key]
        w.writerow(["итого", label, "", f"в плане {c.planned}", "", f"проведено {c.held}; отменено {c.cancelled}; "
                    f"итог не внесён {c.overdue}; предстоит {c.upcoming}", "", "", "", "", "", ""])
    # nothing held yet: the reach is unknown, not zero
    w.writerow(["итого", "охват мероприятий", "", "", "", "", "", "", "", "",
                str(rep.event_reach) if rep.events_held else NOT_ENTERED, missing_note(rep.event_reach_missing)])
    w.writerow(["итого", "охват информационной кампании", "", "", "", "", "", "", "", "",
                str(rep.campaign_reach) if rep.campaign_held else NOT_ENTERED,
                missing_note(rep.campaign_reach_missing)])
    w.writerow(["итого", "охват команд амбассадоров", "", "", "", "", "", "", "", "", str(rep.team_reached), ""])
    return buf.getvalue().encode("utf-8-sig")


def missing_note(n: int) -> str:
    return f"охват не внесён у {n} проведённых — итог не меньше указанного" if n else ""
