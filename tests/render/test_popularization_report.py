"""The report of a plan: figures from the valid fixture, honest about missing data, and its CSV."""

from __future__ import annotations

import csv
import io

from profkarta.render.popularization import NOT_ENTERED, collect, plan_report, report_csv
from tests.util import PLAN, TEAM, TODAY, check, copy_project, edit

# The fixture's plan: 15 mandatory events held (reached 110 … 250), 14 optional: 12 held (reached 51 … 63 without
# 57), one cancelled (№ 7), one in December; 14 campaign items held (reach 1 000 … 14 000).
MANDATORY_REACH = sum(100 + i * 10 for i in range(1, 16))
OPTIONAL_REACH = sum(50 + i for i in range(1, 14) if i != 7)


def _report(root, drafts: bool = False):
    v = check(root)
    progs = collect(v.project, drafts)
    assert len(progs) == 1 and len(progs[0].plans) == 1
    return plan_report(progs[0], progs[0].plans[0], v.project, TODAY)


def test_figures_of_the_fixture(tmp_path):
    r = _report(copy_project(tmp_path))
    by_key = {i.key: i for i in r.indicators}
    assert [(k, i.target, i.actual, i.met) for k, i in by_key.items()] == [
        ("pupils_reached", 75, 72, False), ("schools_involved", 80, 65, False), ("students_reached", 100, 100, True),
        ("enterprises_involved", 65, None, None), ("kcp_fulfilled", 100, 96, False)]
    assert by_key["enterprises_involved"].verdict == NOT_ENTERED
    c = r.counts
    m, o = c["mandatory"], c["optional"]
    assert (m.planned, m.held, m.cancelled, m.overdue) == (15, 15, 0, 0)
    assert (o.planned, o.held, o.cancelled, o.upcoming) == (14, 12, 1, 1)
    assert (c["campaign"].planned, c["campaign"].held) == (14, 14)
    assert r.event_reach == MANDATORY_REACH + OPTIONAL_REACH == 2700 + 684
    assert r.campaign_reach == sum(1000 * i for i in range(1, 15))
    assert [(t.team, t.items, t.linked, t.reached) for t in r.teams] == [("Амбассадоры ДПК «Металл»", 2, 1, 72)]


def test_missing_result_is_overdue_not_zero(tmp_path):
    root = copy_project(tmp_path)
    edit(root, PLAN, "    result: {held: 2026-03-01, reached: 110, schools: 1}\n", "")
    edit(root, PLAN, "result: {held: 2026-04-02, reached: 120, schools: 2}", "result: {held: 2026-04-02}")
    r = _report(root)
    assert r.counts["mandatory"].overdue == 1 and r.counts["mandatory"].held == 14
    assert r.event_reach == 2700 + 684 - 110 - 120 and r.event_reach_missing == 1
    rows = {row.title: row for row in r.events}
    assert rows["Обязательное мероприятие 1"].status == "overdue" and rows["Обязательное мероприятие 1"].reach is None
    data = list(csv.reader(io.StringIO(report_csv(r).decode("utf-8-sig"))))
    line = next(d for d in data if d[3] == "Обязательное мероприятие 1")
    assert line[5] == NOT_ENTERED and line[10] == NOT_ENTERED  # never an invented 0
    line = next(d for d in data if d[3] == "Обязательное мероприятие 2")
    assert line[5] == "проведено" and line[10] == NOT_ENTERED


def test_teams_outside_the_region_do_not_count(tmp_path):
    root = copy_project(tmp_path)
    edit(root, "career_maps/demo-mashinostroenie/cluster.yaml", "region: Свердловская область",
         "region: Тверская область")
    r = _report(root)
    assert r.teams == [] and r.team_reached == 0


def test_activity_of_another_year_does_not_count(tmp_path):
    root = copy_project(tmp_path)
    edit(root, TEAM, "  - date: 2026-10-15", "  - date: 2025-10-15")
    r = _report(root)
    assert [(t.items, t.reached) for t in r.teams] == [(1, 54)]


def test_csv_contents(tmp_path):
    raw = report_csv(_report(copy_project(tmp_path)))
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["раздел", "вид", "дата", "название"] and len({len(r) for r in rows}) == 1
    indicators = {r[3]: r for r in rows if r[0] == "показатель"}
    assert len(indicators) == 5
    pupils = indicators["охват школьников 6–11 классов"]
    assert (pupils[2], pupils[6], pupils[7], pupils[8], pupils[9]) == ("на 20.11.2026", "75", "72", "≥ 70", "нет")
    assert indicators["охват студентов колледжей"][9] == "да"
    assert indicators["доля вовлечённых предприятий"][7:10] == [NOT_ENTERED, "≥ 60", NOT_ENTERED]
    events = [r for r in rows if r[0] == "мероприятие"]
    assert len(events) == 29 and sum(r[1] == "обязательное" for r in events) == 15
    cancelled = next(r for r in events if r[3] == "Мероприятие по выбору 7")
    assert cancelled[5] == "отменено" and cancelled[11] == "Площадка закрыта на ремонт" and cancelled[10] == ""
    assert sum(r[0] == "информационная кампания" and r[4] == "ВКонтакте" for r in rows) == 14
    totals = {r[1]: r for r in rows if r[0] == "итого"}
    assert totals["охват мероприятий"][10] == str(2700 + 684)
    assert totals["охват информационной кампании"][10] == "105000"
    assert totals["охват команд амбассадоров"][10] == "72"
    assert "отменено 1" in totals["мероприятия по выбору"][5] and "предстоит 1" in totals["мероприятия по выбору"][5]


def test_draft_plan_only_with_drafts(tmp_path):
    root = copy_project(tmp_path)
    edit(root, PLAN, "approval:\n", "# approval:\n")
    edit(root, PLAN, "  by: Председатель управляющего", "#  by: Председатель управляющего")
    edit(root, PLAN, '  protocol: "2"\n  date: 2026-01-28', '#  protocol: "2"\n#  date: 2026-01-28')
    v = check(root)
    assert [p.plans for p in collect(v.project, False)] == [[]]
    plans = collect(v.project, True)[0].plans
    assert len(plans) == 1 and plans[0].draft


def test_nothing_held_yet_is_not_a_zero_reach(tmp_path):
    root = copy_project(tmp_path)
    text = (root / PLAN).read_text(encoding="utf-8")
    (root / PLAN).write_text("\n".join(line for line in text.splitlines() if "result:" not in line) + "\n",
                             encoding="utf-8")
    r = _report(root)
    assert r.events_held == 0 and r.counts["mandatory"].overdue == 15
    rows = list(csv.reader(io.StringIO(report_csv(r).decode("utf-8-sig"))))
    totals = {row[1]: row for row in rows if row[0] == "итого"}
    assert totals["охват мероприятий"][10] == NOT_ENTERED
    assert totals["охват информационной кампании"][10] == NOT_ENTERED
