"""P: the popularization programme — content, federal floors of indicators, plan sizes, approval."""

from __future__ import annotations

import re

from profkarta import refdata
from profkarta.load.project import Entry
from profkarta.rules.context import Ctx, as_date, text

FLOORS = {  # field → (federal floor in %, what it measures)
    "pupils_reached": (70, "охват школьников 6–11 классов"),
    "schools_involved": (70, "доля вовлечённых школ"),
    "students_reached": (100, "охват студентов колледжей"),
    "enterprises_involved": (60, "доля вовлечённых предприятий"),
}
MIN_MANDATORY, MIN_OPTIONAL, MIN_CAMPAIGN = 15, 14, 14
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_programme(ctx: Ctx, entry: Entry) -> None:
    doc = entry.doc
    data = doc.data if isinstance(doc.data, dict) else {}
    for key, what in (("goal", "цель"), ("tasks", "задачи"), ("audiences", "целевые аудитории"),
                      ("participants", "участники")):
        value = data.get(key)
        if key in data and not (text(value) or (isinstance(value, list) and any(text(v) for v in value))):
            ctx.add(doc, (key,), "P", f"не заполнены {what} программы. Заполните поле {key}.")
    region = data.get("region")
    if isinstance(region, str) and not refdata.find_region(region):
        ctx.add(doc, ("region",), "P", f"«{region}» — не субъект Российской Федерации. Напишите название "
                "субъекта, например «Свердловская область».")
    indicators = data.get("indicators")
    if isinstance(indicators, dict):
        for key, (floor, what) in FLOORS.items():
            v = indicators.get(key)
            if isinstance(v, (int, float)) and not isinstance(v, bool) and v < floor:
                ctx.add(doc, ("indicators", key), "P", f"{what} — {v} %, а федеральный минимум {floor} %. "
                        f"Поднимите целевой показатель до {floor} % или выше.")
    events = data.get("events")
    if isinstance(events, list):
        mandatory = sum(1 for e in events if isinstance(e, dict) and e.get("mandatory", True) is True)
        optional = sum(1 for e in events if isinstance(e, dict) and e.get("mandatory") is False)
        if mandatory < MIN_MANDATORY:
            ctx.add(doc, ("events",), "P", f"в плане мероприятий {mandatory} обязательных — нужно не меньше "
                    f"{MIN_MANDATORY}. Добавьте мероприятия с mandatory: true.")
        if optional < MIN_OPTIONAL:
            ctx.add(doc, ("events",), "P", f"в плане мероприятий {optional} по выбору — нужно не меньше "
                    f"{MIN_OPTIONAL}. Добавьте мероприятия с mandatory: false.")
        _check_events(ctx, entry, "events", events)
    campaign = data.get("campaign")
    if isinstance(campaign, list):
        if len(campaign) < MIN_CAMPAIGN:
            ctx.add(doc, ("campaign",), "P", f"в плане информационной кампании {len(campaign)} мероприятий — "
                    f"нужно не меньше {MIN_CAMPAIGN}. Добавьте мероприятия.")
        _check_events(ctx, entry, "campaign", campaign)
    approval = data.get("approval")
    if isinstance(approval, dict):
        date = as_date(approval.get("date"))
        if date and date > ctx.today:
            ctx.add(doc, ("approval", "date"), "P", f"дата утверждения {date:%d.%m.%Y} ещё не наступила. Проверьте её.")
        if "by" in approval and not text(approval.get("by")):
            ctx.add(doc, ("approval", "by"), "P", "не указан председатель регионального наблюдательного совета.")


def _check_events(ctx: Ctx, entry: Entry, key: str, events: list) -> None:
    for i, ev in enumerate(events):
        if not isinstance(ev, dict):
            continue
        loc = (key, i)
        if ev.get("date") is None and ev.get("month") is None:
            ctx.add(entry.doc, loc, "P", "у мероприятия нет ни даты (date: ГГГГ-ММ-ДД), ни месяца "
                    "(month: \"ГГГГ-ММ\"). Укажите одно из них.")
        month = ev.get("month")
        if month is not None and not (isinstance(month, str) and MONTH.match(month.strip())):
            ctx.add(entry.doc, loc + ("month",), "P", f"месяц «{month}» записан неверно. Пишите \"2026-09\" — в кавычках.")
        for field, what in (("title", "название"), ("audience", "аудитория")):
            if field in ev and not text(ev.get(field)):
                ctx.add(entry.doc, loc + (field,), "P", f"у мероприятия пустое поле «{what}». Заполните его.")
