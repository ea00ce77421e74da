"""Federal subjects named inside free text («…совет Свердловской области») and their genitive forms."""

from __future__ import annotations

import re
from functools import lru_cache

from profkarta.refdata import Region, _rows

# Words every subject's name shares with others: they tell the kind of subject, not which one.
_GENERIC = {"республика", "область", "край", "автономный", "автономная", "округ", "город", "г",
            "федерального", "значения"}
# Case endings, longest first; a stem keeps at least three letters («Тыва»/«Тывы» → «тыв»).
_ENDINGS = sorted(["ая", "ой", "ую", "ий", "ый", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ей", "ие",
                   "ых", "их", "ами", "ями", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь"],
                  key=len, reverse=True)


def stem(word: str) -> str:
    """A crude Russian stem: the word without its case ending, so «Свердловской» and «Свердловская» agree."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _words(text: str) -> list[str]:
    return re.findall(r"[а-яa-z0-9]+", text.lower().replace("ё", "е"))


@lru_cache(maxsize=1)
def _forms() -> list[tuple[Region, frozenset[str]]]:
    """Each subject with the stems that name it, per form: «Кемеровская область» and «Кузбасс» are both Kuzbass."""
    out = []
    for row in _rows("regions.csv"):
        region = Region(row["code"], row["name"], row["federal_district"])
        name = row["name"]
        parts = [re.sub(r"\(.*?\)", " ", p) for p in name.split(" - ")]
        parts += re.findall(r"\((.*?)\)", name)
        for part in parts:
            stems = frozenset(stem(w) for w in _words(part) if w not in _GENERIC)
            if stems:
                out.append((region, stems))
    return out


def regions_named(text: str) -> list[Region]:
    """Subjects the text names, in any case form; «Ямало-Ненецкого» is not also «Ненецкий»."""
    stems = {stem(w) for w in _words(text)}
    hits: dict[str, tuple[Region, frozenset[str]]] = {}
    for region, form in _forms():
        if form <= stems and (region.code not in hits or len(form) > len(hits[region.code][1])):
            hits[region.code] = (region, form)
    found = list(hits.values())
    return [r for r, f in found if not any(f < g for _, g in found)]


_GEN_WORD = {"область": "области", "край": "края", "республика": "Республики", "округ": "округа",
             "автономный": "автономного", "автономная": "автономной", "москва": "Москвы",
             "санкт-петербург": "Санкт-Петербурга", "севастополь": "Севастополя"}


def genitive(name: str) -> str:
    """«Свердловская область» → «Свердловской области», «Республика Татарстан (Татарстан)» → «Республики Татарстан»."""
    main = re.sub(r"\s*\(.*?\)", "", name.split(" - ")[0]).strip()
    if main.startswith("г. "):
        main = main[3:]
        return "города " + " ".join(_GEN_WORD.get(w.lower(), w) for w in main.split())
    words = main.split()
    if words and words[0] == "Республика":
        return " ".join(["Республики", *words[1:]])
    out = []
    for w in words:
        low = w.lower()
        if low in _GEN_WORD:
            out.append(_GEN_WORD[low] if low != "республика" else "Республики")
        elif low.endswith("ая"):
            out.append(w[:-2] + "ой")
        elif low.endswith(("ский", "цкий", "ный")):
            out.append(w[:-2] + "ого")
        else:
            out.append(w)
    return " ".join(out)


def names_council(text: str) -> bool:
    """Does the text name a regional supervisory council («Региональный наблюдательный совет», «РНС»)?"""
    words = _words(text)
    stems = {stem(w) for w in words}
    return "рнс" in words or ("наблюдательн" in stems and any(s.startswith("совет") for s in stems))
