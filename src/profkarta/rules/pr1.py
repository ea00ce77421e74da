"""PR1: a map must fit one A4 page at no less than 8 pt — estimated from its text, without laying it out."""

from __future__ import annotations

import math

from profkarta.findings import WARNING, Finding
from profkarta.load.project import Entry, Project
from profkarta.measure import FLOOR_TOLERANCE, LEVELS, PAGE_H, SLACK, estimate


def check_print_fit(project: Project) -> list[Finding]:
    """PR1 warnings for maps expected not to fit one A4 page even at the 8 pt floor."""
    return [f for entry in project.maps for f in print_fit(entry)]


def print_fit(entry: Entry) -> list[Finding]:
    """PR1 for one map (nothing when its shape is not valid)."""
    if entry.model is None:
        return []
    try:
        height, fields = estimate(entry.model, len(LEVELS) - 1)
    except (AttributeError, TypeError, ValueError):  # a half-valid model: rules report it
        return []
    if height <= PAGE_H + FLOOR_TOLERANCE:
        return []
    excess = height - PAGE_H
    loc, chars, cpl, line = fields[0] if fields else (("ladder",), 0, 1.0, 1.0)
    keep = int(chars - math.ceil(excess / line) * cpl / SLACK)
    head = ("карта не помещается на одну страницу A4 даже при самом мелком допустимом шрифте 8 pt "
            f"(не хватает примерно {math.ceil(excess)} мм). ")
    if keep >= 60:
        msg = head + f"Сократите это поле: сейчас {chars} знаков, уместится не больше {keep}."
    else:
        ratio = str(round(height / PAGE_H + 0.05, 1)).replace(".", ",")
        listed = ", ".join(f"{_loc(f[0])} ({f[1]} знаков)" for f in fields[:4] if f[1])
        msg = head + (f"Сократите тексты примерно в {ratio} раза, прежде всего самые длинные: {listed}.")
    return [entry.doc.finding(loc, "PR1", msg, severity=WARNING)]


def _loc(loc: tuple) -> str:
    """«ступень 2, ladder[1].activities»: the stage in words, then the field as the editor finds it."""
    from profkarta.load.yamlfile import loc_str

    if len(loc) >= 2 and loc[0] == "ladder" and isinstance(loc[1], int):
        return f"ступень {loc[1] + 1}, {loc_str(loc)}"
    return loc_str(loc)
