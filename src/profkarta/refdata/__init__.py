"""Reference facts kept as data: federal subjects, minimum wage, industries, SPO codes."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

KIND_OF_TYPE = {"ОПЦ": {"opc"}, "образовательный": {"education"}, "": {"opc", "education"}}


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _norm(name: str) -> str:
    """Lower-case, «ё»→«е», drop brackets, quotes, «г.» and punctuation, squeeze spaces."""
    s = name.lower().replace("ё", "е")
    s = re.sub(r"\(.*?\)", " ", s)
    s = re.sub(r"[«»\"'.,\-–—]", " ", s)
    s = re.sub(r"^\s*г\s+", " ", s)
    return " ".join(s.split())


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    district: str


_ABBREV = {"обл": "область", "респ": "республика", "ао": "автономный округ"}


@lru_cache(maxsize=1)
def _regions() -> dict[str, Region]:
    index: dict[str, Region] = {}
    for row in _rows("regions.csv"):
        region = Region(row["code"], row["name"], row["federal_district"])
        full = _norm(row["name"])
        keys = {full}
        words = full.split()
        # "Республика Татарстан" is known as just "Татарстан"; "Чувашская Республика - Чувашия" as "Чувашия"
        if words and words[0] == "республика" and len(words) == 2:
            keys.add(words[1])
        if "республика" in words and len(words) >= 2:
            keys.add(" ".join(w for w in words if w != "республика"))
        for w in (row["name"].split("(")[1:] if "(" in row["name"] else []):
            keys.add(_norm(w.rstrip(")")))
        for part in row["name"].split(" - "):
            keys.add(_norm(part))
        for key in keys:
            index.setdefault(key, region)
    return index


def find_region(name: str) -> Region | None:
    """A federal subject by its official name or a common short form («Москва», «г. Москва», «Татарстан»)."""
    key = _norm(name)
    words = [_ABBREV.get(w, w) for w in key.split()]
    return _regions().get(" ".join(words)) or _regions().get(key)


def region_names() -> list[str]:
    return [row["name"] for row in _rows("regions.csv")]


@lru_cache(maxsize=1)
def _mrot() -> list[tuple[dt.date, int]]:
    rows = [(dt.date.fromisoformat(r["effective_from"]), int(r["rub_per_month"])) for r in _rows("mrot.csv")]
    return sorted(rows, reverse=True)


def minimum_wage(on: dt.date) -> tuple[int, dt.date] | None:
    """The federal minimum wage in force on a date, with the date it took effect."""
    for since, rub in _mrot():
        if since <= on:
            return rub, since
    return None


@lru_cache(maxsize=1)
def industries() -> dict[str, set[str]]:
    """Industry (lower case) → cluster kinds that may serve it."""
    out: dict[str, set[str]] = {}
    for row in _rows("professionalitet_industries.csv"):
        kind = row["cluster_type"].strip()
        kinds = next((v for k, v in KIND_OF_TYPE.items() if k and kind.startswith(k)), KIND_OF_TYPE[""])
        for name in [row["industry"], *row["aliases"].split("|")]:
            if name.strip():
                out[_industry_key(name)] = kinds
    return out


def _industry_key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def industry_names() -> list[str]:
    return [row["industry"] for row in _rows("professionalitet_industries.csv")]


def industry_kinds(industry: str) -> set[str] | None:
    """Cluster kinds that serve an industry, or None for an industry not in the list."""
    return industries().get(_industry_key(industry))


@dataclass(frozen=True)
class SpoProgram:
    code: str
    title: str
    kind: str  # profession | specialty
    group_code: str = ""  # the enlarged group (УГС), e.g. 15.00.00
    group_title: str = ""


@dataclass(frozen=True)
class StruckProgram:
    """A code struck from the перечень, with the order that struck it."""

    code: str
    kind: str
    group_code: str
    order: str


def _kind(value: str) -> str:
    return "profession" if value.startswith("проф") else "specialty"


@lru_cache(maxsize=1)
def spo_programs() -> dict[str, SpoProgram]:
    """Code → official title, kind and group (приказ № 336 as amended; still partial)."""
    return {r["code"]: SpoProgram(r["code"], r["title"], _kind(r["kind"]), r.get("group_code") or "",
                                  r.get("group_title") or "")
            for r in _rows("spo_programs.csv")}


@lru_cache(maxsize=1)
def spo_struck() -> dict[str, StruckProgram]:
    """Codes struck from the перечень by later orders."""
    # the sources write «N 717» with a Latin N; a Russian reader expects «№ 717»
    return {r["code"]: StruckProgram(r["code"], _kind(r["kind"]), r["group_code"],
                                     re.sub(r"\bN\s*(?=\d)", "№ ", r["excluded_by"]))
            for r in _rows("spo_programs_excluded.csv")}


@lru_cache(maxsize=1)
def spo_groups() -> dict[str, str]:
    """Group code (УГС, «15.00.00») → its title."""
    return {p.group_code: p.group_title for p in spo_programs().values() if p.group_code and p.group_title}


def spo_group(code: str) -> tuple[str, str] | None:
    """(group code, group title) of any well-formed code: the group is the code's first two digits."""
    known = spo_programs().get(code)
    if known and known.group_code:
        return known.group_code, known.group_title
    if len(code) >= 2 and code[:2].isdigit():
        group = code[:2] + ".00.00"
        title = spo_groups().get(group)
        return (group, title) if title else None
    return None
