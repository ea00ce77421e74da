"""Dates written into outputs: SOURCE_DATE_EPOCH when set (reproducible builds), else dates from the sources."""

from __future__ import annotations

import datetime as dt
import os


def source_date_epoch() -> dt.datetime | None:
    """The moment SOURCE_DATE_EPOCH names (reproducible-builds.org), or None when it is unset or not a number."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC)


def stamp(*source_dates: dt.date | None) -> dt.datetime:
    """SOURCE_DATE_EPOCH, else the newest date the sources carry (midnight UTC), else the Unix epoch:
    never the clock, so that two builds of the same sources write the same bytes."""
    fixed = source_date_epoch()
    if fixed is not None:
        return fixed
    dates = [d for d in source_dates if d is not None]
    if not dates:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    newest = max(d if isinstance(d, dt.date) and not isinstance(d, dt.datetime) else d.date() for d in dates)
    return dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)


def today() -> dt.date:
    """The day a report is made «as of»: SOURCE_DATE_EPOCH's day when set (a report built twice is the same),
    else the calendar's — whether an event is overdue depends on it, as it should."""
    fixed = source_date_epoch()
    return fixed.date() if fixed is not None else dt.date.today()
