"""Federal hotlines for popularization and for ambassador teams (hotlines.csv): shown only when listed.

The file ships without rows: no official number was available to this package, and a wrong phone
number on a public page is worse than none. Add a row (topic `popularization` or `ambassadors`, title,
phone and/or email or url, and the document it comes from) and the programme and team pages show it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TOPICS = ("popularization", "ambassadors")


@dataclass(frozen=True)
class Hotline:
    topic: str
    title: str
    phone: str | None
    email: str | None
    url: str | None
    source: str | None


@lru_cache(maxsize=1)
def _all() -> tuple[Hotline, ...]:
    text = resources.files(__package__).joinpath("hotlines.csv").read_text(encoding="utf-8")
    rows = []
    for r in csv.DictReader(text.splitlines()):
        if r.get("topic") in TOPICS and (r.get("title") or "").strip() and any(r.get(k) for k in ("phone", "email",
                                                                                                    "url")):
            rows.append(Hotline(r["topic"], r["title"].strip(), r.get("phone") or None, r.get("email") or None,
                                r.get("url") or None, r.get("source") or None))
    return tuple(rows)


def hotlines(topic: str) -> list[Hotline]:
    """The hotlines of a topic, in the file's order (an empty list hides the section)."""
    return [h for h in _all() if h.topic == topic]
