"""The guide's popularization facts as data: federal floors of indicators, audiences and participants."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Plan sizes the guide requires every year: 15 mandatory and 14 optional events, 14 campaign items.
MIN_MANDATORY, MIN_OPTIONAL, MIN_CAMPAIGN = 15, 14, 14


@dataclass(frozen=True)
class Floor:
    key: str
    floor: float
    exact: bool  # «= 100»: the guide asks for all, not «at least»
    title: str
    short: str


@lru_cache(maxsize=1)
def floors() -> dict[str, Floor]:
    """Indicator key → its federal floor, in the guide's order (popularization_floors.csv)."""
    text = resources.files(__package__).joinpath("popularization_floors.csv").read_text(encoding="utf-8")
    return {r["key"]: Floor(r["key"], float(r["floor"]), r["exact"] == "1", r["title"], r["short"])
            for r in csv.DictReader(text.splitlines())}


# Each group of the guide: (name shown in a warning, keyword alternatives; a group is present when some item
# matches every stem of one alternative). Stems, not words: «школьники», «школьников», «обучающиеся школ».
AUDIENCES: list[tuple[str, list[tuple[str, ...]]]] = [
    ("школьники 6–11 классов и их семьи", [("школьн",), ("обучающ", "школ"), ("обучающ", "общеобразоват"),
                                           ("учащ",), ("класс", "обучающ"), ("6–11",), ("6-11",)]),
    ("педагоги школ и классные руководители", [("классн", "руковод"), ("педагог", "школ"), ("учител",),
                                               ("педагог", "общеобразоват")]),
    ("студенты колледжей и их семьи", [("студент",), ("обучающ", "колледж"), ("обучающ", "спо"),
                                       ("обучающ", "профессиональн")]),
    ("преподаватели колледжей, мастера и кураторы групп", [("преподават",), ("мастер", "обучен"), ("мастер", "колледж"),
                                                          ("мастера",), ("куратор",), ("педагог", "колледж"),
                                                          ("педагог", "профессиональн")]),
]
PARENTS = ("родител", "семь", "семе", "законн")  # the families of pupils and students: one of these stems somewhere

PARTICIPANTS: list[tuple[str, list[tuple[str, ...]]]] = [
    ("региональный орган власти в сфере образования (РОИВ)", [("роив",), ("министерств",), ("департамент",),
                                                              ("орган", "власт"), ("управлен", "образован")]),
    ("общеобразовательные организации (школы)", [("школ",), ("общеобразоват",)]),
    ("колледжи (профессиональные образовательные организации)", [("колледж",), ("техникум",),
                                                                 ("профессиональн", "образовательн")]),
    ("предприятия-работодатели", [("предприят",), ("работодател",), ("компани",), ("завод",)]),
    ("центр опережающей профессиональной подготовки (ЦОПП)", [("цопп",), ("опережающ",)]),
    ("центр занятости населения (ЦЗН)", [("цзн",), ("занятост",)]),
    ("средства массовой информации", [("сми",), ("массов", "информац"), ("медиа",), ("редакц",)]),
    ("педагоги-психологи и социальные педагоги", [("психолог",), ("социальн", "педагог")]),
]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("ё", "е"))


def matches(items: list[str], alternatives: list[tuple[str, ...]]) -> bool:
    """True when some item holds every stem of one alternative."""
    texts = [_norm(i) for i in items if isinstance(i, str)]
    return any(all(stem in t for stem in alt) for t in texts for alt in alternatives)


def missing_groups(items: list[str], groups: list[tuple[str, list[tuple[str, ...]]]]) -> list[str]:
    return [name for name, alternatives in groups if not matches(items, alternatives)]


def has_families(items: list[str]) -> bool:
    return any(stem in _norm(i) for i in items if isinstance(i, str) for stem in PARENTS)
