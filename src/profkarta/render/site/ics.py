"""The iCalendar (.ics) feed of a popularization programme's dated events, from its annual plans (RFC 5545)."""

from __future__ import annotations

import datetime as dt
import hashlib

from profkarta.render import stamps


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (never splitting a character)."""
    out: list[str] = []
    cur = ""
    for ch in line:
        limit = 75 if not out else 74
        if len((cur + ch).encode("utf-8")) > limit:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    return [out[0], *(" " + part for part in out[1:])]


def programme_ics(programme_id: str, title: str, plans: list, domain: str, stamp: dt.datetime | None = None) -> str:
    """Every planned item with an exact date becomes an all-day VEVENT; month-only items have no day to put them on.

    plans: the plan models (events and campaign) of the programme's years."""
    if stamp is None:  # the plans' approval dates: facts of the sources, not the build's clock
        stamp = stamps.stamp(*(getattr(getattr(p, "approval", None), "date", None) for p in plans))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//profkarta//Карьерные карты//RU", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(title)}", "X-WR-TIMEZONE:Europe/Moscow"]
    for plan_model in plans:
        for kind, items in (("Мероприятие", plan_model.events), ("Информационная кампания", plan_model.campaign)):
            for ev in items:
                if ev.date is None:
                    continue
                key = f"{programme_id}|{kind}|{ev.date.isoformat()}|{ev.title}".encode()
                uid = hashlib.sha1(key).hexdigest()[:20] + "@" + domain
                desc = [f"Аудитория: {ev.audience}"] if ev.audience else []
                if ev.responsible:
                    desc.append(f"Ответственный: {ev.responsible}")
                if kind == "Мероприятие":
                    desc.append("Обязательное мероприятие" if ev.mandatory else "Мероприятие по выбору")
                else:
                    desc.append(f"Канал: {ev.channel}")
                if ev.result is not None and ev.result.cancelled:
                    desc.append("Отменено")
                lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                          f"DTSTART;VALUE=DATE:{ev.date:%Y%m%d}",
                          f"DTEND;VALUE=DATE:{ev.date + dt.timedelta(days=1):%Y%m%d}",
                          f"SUMMARY:{_escape(ev.title)}", f"DESCRIPTION:{_escape(chr(10).join(desc))}",
                          f"CATEGORIES:{_escape(kind)}"]
                if ev.result is not None and ev.result.cancelled:
                    lines.append("STATUS:CANCELLED")
                if getattr(ev, "place", None):
                    lines.append(f"LOCATION:{_escape(ev.place)}")
                lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(part + "\r\n" for line in lines for part in _fold(line))
