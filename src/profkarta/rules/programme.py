"""P1–P8: the popularization programme and its annual plans, as the guide defines them (section 6)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from profkarta import refdata
from profkarta.load.project import ID_RE, PROGRAMME_DIR, Entry, Project
from profkarta.refdata import popularization as pop
from profkarta.rules.context import Ctx, as_date, as_list, text

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
PARTS = (("developer", "разработчик программы (управляющий совет кластера)"), ("goal", "цель"),
         ("tasks", "задачи"), ("audiences", "целевые аудитории"), ("expected_results", "ожидаемые результаты"))


def _filled(value: Any) -> bool:
    return text(value) or (isinstance(value, list) and any(text(v) for v in value))


def check_programme(ctx: Ctx, entry: Entry) -> None:
    doc = entry.doc
    data = doc.data
    for key, what in PARTS:  # a missing key is the shape check's error; here: present but empty
        if key in data and not _filled(data.get(key)):
            ctx.add(doc, (key,), "P1", f"не заполнено: {what}. Заполните поле {key} — этого требует методичка.")
    participants = data.get("participants")
    if isinstance(participants, dict):
        for key, what in (("recommended", "рекомендуемые участники"), ("additional", "дополнительные участники")):
            if key in participants and not _filled(participants.get(key)):
                ctx.add(doc, ("participants", key), "P1", f"не заполнены {what}. Перечислите их в participants.{key}.")
    region = data.get("region")
    if isinstance(region, str) and not refdata.find_region(region):
        ctx.add(doc, ("region",), "P1", f"«{region}» — не субъект Российской Федерации. Напишите название "
                "субъекта, например «Свердловская область».")
    period = data.get("period")
    if isinstance(period, list) and not (len(period) == 2 and all(isinstance(y, int) and 2000 <= y <= 2100
                                                                  for y in period) and period[0] <= period[1]):
        ctx.add(doc, ("period",), "P1", "период записан неверно: нужны первый и последний год, например "
                "period: [2026, 2028].")
    indicators = data.get("indicators")
    if isinstance(indicators, dict):
        for key, f in pop.floors().items():
            v = indicators.get(key)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and v < f.floor:
                need = f"{f.floor:g} %" if f.exact else f"не ниже {f.floor:g} %"
                ctx.add(doc, ("indicators", key), "P2", f"{f.title} — {v:g} %, а федеральный показатель — {need}. "
                        f"Поставьте целевой показатель {need}.")
    _check_groups(ctx, entry)
    _check_approval(ctx, entry, "программа", ("наблюдательн", "рнс"),
                    "председатель регионального наблюдательного совета (РНС)")


def _check_groups(ctx: Ctx, entry: Entry) -> None:
    """P3: every audience and recommended participant the guide names (warnings: wording varies)."""
    doc = entry.doc
    audiences = [a for a in as_list(doc.data.get("audiences")) if isinstance(a, str)]
    if audiences:
        for name in pop.missing_groups(audiences, pop.AUDIENCES):
            ctx.warn(doc, ("audiences",), "P3", f"среди целевых аудиторий нет группы, которую называет методичка: "
                     f"{name}. Добавьте её в audiences.")
        if not pop.has_families(audiences):
            ctx.warn(doc, ("audiences",), "P3", "среди целевых аудиторий нет родителей (семей) школьников и "
                     "студентов. Добавьте их в audiences.")
    participants = doc.data.get("participants")
    recommended = [p for p in as_list(participants.get("recommended")) if isinstance(p, str)] \
        if isinstance(participants, dict) else []
    if recommended:
        for name in pop.missing_groups(recommended, pop.PARTICIPANTS):
            ctx.warn(doc, ("participants", "recommended"), "P3", f"среди рекомендуемых участников нет: {name}. "
                     "Методичка рекомендует привлечь их — добавьте в participants.recommended.")


def _check_approval(ctx: Ctx, entry: Entry, what: str, stems: tuple[str, ...], who: str) -> None:
    """P6: who approved, protocol and date; no approval at all makes the file a draft."""
    doc = entry.doc
    approved, it = ("утверждена", "она") if what == "программа" else ("утверждён", "он")
    approval = doc.data.get("approval")
    if approval is None:
        ctx.warn(doc, (), "P6", f"{what} не {approved} — это проект: на сайт и в печать {it} попадёт только при "
                 "сборке с --drafts, с пометкой «ПРОЕКТ». После заседания добавьте approval: by, protocol, date.")
        return
    if not isinstance(approval, dict):
        return
    by = approval.get("by")
    if isinstance(by, str):
        low = by.lower().replace("ё", "е")
        if not text(by):
            ctx.add(doc, ("approval", "by"), "P6", f"не указано, кто утвердил: {who}. Заполните approval.by.")
        elif "председател" not in low or not any(s in low for s in stems):
            ctx.add(doc, ("approval", "by"), "P6", f"«{by}»: по методичке утверждает {who}. Напишите, например, "
                    "«Председатель регионального наблюдательного совета … И. И. Иванов».")
    protocol = approval.get("protocol")
    if protocol is not None and not str(protocol).strip():
        ctx.add(doc, ("approval", "protocol"), "P6", "не указан номер протокола. Заполните approval.protocol.")
    date = as_date(approval.get("date"))
    if date and date > ctx.today:
        ctx.add(doc, ("approval", "date"), "P6", f"дата протокола {date:%d.%m.%Y} ещё не наступила. "
                "Проверьте её: утверждённым документ становится после заседания.")


def check_plan(ctx: Ctx, entry: Entry, project: Project) -> None:
    doc = entry.doc
    data = doc.data
    pid, year = entry.programme_id, entry.year or 0
    programme = next((p for p in project.programmes if p.id == pid), None)
    if programme is None:
        if not (project.root / PROGRAMME_DIR / f"{pid}.yaml").is_file():
            ctx.add(doc, (), "P4", f"план относится к программе «{pid}», но файла {PROGRAMME_DIR}/{pid}.yaml нет. "
                    f"Создайте программу (profkarta new programme {pid}) или переложите план в папку своей программы.")
    else:
        period = programme.doc.data.get("period") if isinstance(programme.doc.data, dict) else None
        if isinstance(period, list) and len(period) == 2 and all(isinstance(y, int) for y in period) \
                and period[0] <= period[1] and not period[0] <= year <= period[1]:
            ctx.add(doc, (), "P4", f"план на {year} год, а программа «{pid}» рассчитана на {period[0]}–{period[1]} "
                    f"годы. Исправьте период программы ({programme.doc.rel}) или год в имени файла плана.")
    _check_approval(ctx, entry, "план", ("наблюдательн", "рнс", "управляющ"),
                    "председатель РНС или председатель управляющего совета кластера")
    events = [e for e in as_list(data.get("events"))]
    campaign = [e for e in as_list(data.get("campaign"))]
    if isinstance(data.get("events"), list):
        mandatory = sum(1 for e in events if isinstance(e, dict) and e.get("mandatory") is True)
        optional = sum(1 for e in events if isinstance(e, dict) and e.get("mandatory") is False)
        if mandatory < pop.MIN_MANDATORY:
            ctx.add(doc, ("events",), "P5", f"в плане мероприятий {mandatory} обязательных — методичка требует "
                    f"не меньше {pop.MIN_MANDATORY}. Добавьте мероприятия с mandatory: true.", key=True)
        if optional < pop.MIN_OPTIONAL:
            ctx.add(doc, ("events",), "P5", f"в плане мероприятий {optional} по выбору — методичка требует не меньше "
                    f"{pop.MIN_OPTIONAL}. Добавьте мероприятия с mandatory: false.", key=True)
    if isinstance(data.get("campaign"), list) and len(campaign) < pop.MIN_CAMPAIGN:
        ctx.add(doc, ("campaign",), "P5", f"в плане информационной кампании {len(campaign)} — методичка требует не "
                f"меньше {pop.MIN_CAMPAIGN}. Добавьте мероприятия (у каждого — channel).", key=True)
    seen: dict[str, int] = {}
    for key, items in (("events", events), ("campaign", campaign)):
        for i, ev in enumerate(items):
            if isinstance(ev, dict):
                _check_item(ctx, entry, (key, i), ev, year, seen)
    _check_results(ctx, entry, year)


def _when(ev: dict) -> tuple[dt.date | None, dt.date | None]:
    """(first, last) day the item may take place: its date, or its month."""
    date = as_date(ev.get("date"))
    if date:
        return date, date
    month = ev.get("month")
    m = MONTH.match(month.strip()) if isinstance(month, str) else None
    if not m:
        return None, None
    first = dt.date(int(m.group(1)), int(m.group(2)), 1)
    last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return first, last


def _check_item(ctx: Ctx, entry: Entry, loc: tuple, ev: dict, year: int, seen: dict[str, int]) -> None:
    doc = entry.doc
    name = f"«{ev.get('title')}»" if text(ev.get("title")) else f"№ {loc[1] + 1}"
    if ev.get("date") is None and ev.get("month") is None:
        ctx.add(doc, loc, "P4", f"у мероприятия {name} нет ни даты (date: ГГГГ-ММ-ДД), ни месяца (month: \"ГГГГ-ММ\"). "
                "Укажите одно из них.")
    month = ev.get("month")
    if month is not None and not (isinstance(month, str) and MONTH.match(month.strip())):
        ctx.add(doc, (*loc, "month"), "P4", f"месяц «{month}» записан неверно. Пишите \"{year}-09\" — в кавычках.")
    first, _ = _when(ev)
    if first and first.year != year:
        field = "date" if ev.get("date") is not None else "month"
        ctx.add(doc, (*loc, field), "P4", f"мероприятие {name} назначено на {first.year} год, а план — на {year}. "
                f"Перенесите его в план {year} года или исправьте дату.")
    for field, what in (("title", "название"), ("audience", "аудитория"), ("channel", "канал")):
        if field in ev and not text(ev.get(field)):
            ctx.add(doc, (*loc, field), "P5", f"у мероприятия {name} пустое поле «{what}» ({field}). Заполните его.")
    eid = ev.get("id")
    if eid is not None:
        if not (isinstance(eid, str) and ID_RE.match(eid)):
            ctx.add(doc, (*loc, "id"), "P5", f"id «{eid}» не годится: нужны строчные латинские буквы, цифры и дефисы, "
                    "например «den-otkrytyh-dverey».")
        elif eid in seen:
            ctx.add(doc, (*loc, "id"), "P5", f"id «{eid}» уже есть у мероприятия в строке {seen[eid]}. "
                    "Id мероприятий в плане не повторяются.")
        else:
            seen[eid] = doc.pos((*loc, "id"))[0]


def _check_results(ctx: Ctx, entry: Entry, year: int) -> None:
    """P7: a result is held inside the plan's year and not in the future; a past item without one is a warning."""
    doc = entry.doc
    for key in ("events", "campaign"):
        for i, ev in enumerate(as_list(doc.data.get(key))):
            if not isinstance(ev, dict):
                continue
            name = f"«{ev.get('title')}»" if text(ev.get("title")) else f"№ {i + 1}"
            result = ev.get("result")
            if isinstance(result, dict):
                held = as_date(result.get("held"))
                if held and held.year != year:
                    ctx.add(doc, (key, i, "result", "held"), "P7", f"мероприятие {name} проведено {held:%d.%m.%Y}, "
                            f"а план — на {year} год. Исправьте дату или перенесите итог в план своего года.")
                elif held and held > ctx.today:
                    ctx.add(doc, (key, i, "result", "held"), "P7", f"дата проведения {held:%d.%m.%Y} ещё не "
                            "наступила. Итог записывают после мероприятия.")
                if held is None and result.get("cancelled") is not True and "held" not in result:
                    ctx.add(doc, (key, i, "result"), "P7", f"в итоге мероприятия {name} нет даты проведения. "
                            "Добавьте held: ГГГГ-ММ-ДД или, если оно не состоялось, cancelled: true и причину в note.")
                continue
            _, last = _when(ev)
            if last and last.year == year and last < ctx.today and result is None:
                ctx.warn(doc, (key, i), "P7", f"мероприятие {name} должно было пройти до {last:%d.%m.%Y}, а итог не "
                         f"внесён. Добавьте result: {{held: ГГГГ-ММ-ДД, {'reached' if key == 'events' else 'reach'}: "
                         "…} или cancelled: true с причиной; в отчёте оно значится как «итог не внесён».")
    results = doc.data.get("results")
    if isinstance(results, dict):
        as_of = as_date(results.get("as_of"))
        if as_of and as_of > ctx.today:
            ctx.add(doc, ("results", "as_of"), "P7", f"итоги даны на {as_of:%d.%m.%Y} — эта дата ещё не наступила. "
                    "Укажите дату, на которую показатели известны.")
        elif as_of and as_of.year < year:
            ctx.add(doc, ("results", "as_of"), "P7", f"итоги плана {year} года даны на {as_of:%d.%m.%Y} — раньше "
                    "начала года. Проверьте дату.")
