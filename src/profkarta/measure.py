"""Will a map fit one A4 page? A text-length estimate (no WeasyPrint) shared by rule PR1 and the print renderer."""

from __future__ import annotations

import math
from dataclasses import dataclass

from profkarta.labels import as_lines
from profkarta.model.careermap import CareerMap, SupportItem
from profkarta.stages import BRANCH_COLUMNS, branch_text

# Must agree with theme/print/map.css: (base pt, small pt, line-height) per fit level.
LEVELS = [(9.6, 8.8, 1.26), (9.2, 8.5, 1.24), (8.8, 8.2, 1.22), (8.4, 8.0, 1.2), (8.0, 8.0, 1.16)]
PT = 0.3528  # mm per point
PAGE_H = 297 - 16  # A4 minus the 8 mm margins
PAGE_W = 210 - 16
CHAR = 0.52  # average width of a Cyrillic letter of DejaVu Sans Condensed, in em
BOLD = 0.57
SLACK = 1.2  # words do not fill lines exactly


@dataclass
class Block:
    """The estimated height of one part of the page and the fields that make it tall."""

    height: float
    fields: list[tuple]  # (location, characters, characters per line, mm per line)


def lines(text: str, width_mm: float, size_pt: float, em: float = CHAR) -> int:
    per_line = max(1.0, width_mm / (size_pt * PT * em))
    return max(1, math.ceil(len(text) * SLACK / per_line)) if text else 0


def _item(i: str | SupportItem) -> str:
    return i if isinstance(i, str) else i.title + (" — " + i.description if i.description else "")


def rows_of(n: int) -> list[int]:
    """Steps per flight of stairs; must agree with context._rows."""
    if n <= 5:
        return [n] if n else []  # an empty ladder (an error of R2.2) has no rows
    nrows = -(-n // 5)
    size = -(-n // nrows)
    return [min(size, n - i) for i in range(0, n, size)]


def _row(stages: list, where: tuple, first: int, width: float, level: int) -> tuple[float, list[tuple]]:
    """The tallest card of one row of steps and the fields that make it tall."""
    base, small, lh = LEVELS[level]
    line, sline = base * PT * lh, small * PT * lh
    tallest, worst = 0.0, []
    for i, s in enumerate(stages, first):
        head = 4 + 1.6 * base * PT + lines(s.title or "", width, base * 1.05, BOLD) * line * 1.1 \
            + lines(s.when or "", width, small) * sline
        pay = 3 + 2 * sline + line * 1.3
        pos = sum(lines(p, width - 2.6, base, BOLD) for p in s.positions) * line * 1.0
        act = sum(lines(t, width, base) for t in as_lines(s.activities)) * line
        grow = sum(lines(t, width, base) for t in as_lines(s.growth)) * line
        body = 4 + pos + sline * 1.3 + act + ((sline * 1.3 + grow) if grow else 0)
        h = head + pay + body
        if h > tallest:
            tallest = h
            cpl = width / (base * PT * CHAR)
            worst = [((*where, i, "activities"), sum(map(len, as_lines(s.activities))), cpl, line),
                     ((*where, i, "growth"), sum(map(len, as_lines(s.growth))), cpl, line),
                     ((*where, i, "positions"), sum(map(len, s.positions)), cpl * CHAR / BOLD, line)]
    return tallest, worst


def _width(n: int) -> float:
    return (PAGE_W - 1.6 * (n - 1)) / n - 4.4


def ladder(m: CareerMap, level: int) -> Block:
    base = LEVELS[level][0]
    total, fields, start = 0.0, [], 0
    if not m.ladder:  # an empty ladder is R2.2's to report; nothing to measure
        return Block(0.0, [])
    for n in rows_of(len(m.ladder)):
        tallest, worst = _row(m.ladder[start:start + n], ("ladder",), start, _width(n), level)
        total += tallest + 4 * (n - 1) + 2
        fields += worst
        start += n
    return Block(total + base * PT * 1.25 + 3, fields)


def branches(m: CareerMap, level: int) -> Block:
    """Branches in compact columns (three side by side) under the ladder: caption, then each stage in 2–3 lines."""
    base, _small, lh = LEVELS[level]
    line = base * PT * lh
    n = len(m.branches)
    if not n:
        return Block(0.0, [])
    cols = min(n, BRANCH_COLUMNS)
    width = (PAGE_W - 2 * (cols - 1)) / cols - 5.5
    total, fields = 0.0, []
    for first in range(0, n, cols):
        tallest, worst = 0.0, []
        for b in range(first, min(first + cols, n)):
            br = m.branches[b]
            h = 3.5 + lines(f"После ступени {br.start}: {br.title}", width, base, BOLD) * line
            for s in br.stages:
                head, positions, pay = branch_text(s)
                # one paragraph; the salary never breaks, so a line is often left part-empty before it
                h += 1 + (lines(f"0.0 {head}: {positions}", width, base, BOLD) + lines(pay, width, base)) * line
            if h > tallest:
                tallest = h
                worst = [(("branches", b, "stages"), sum(len("".join(branch_text(s))) for s in br.stages),
                          width / (base * PT * CHAR), line)]
        total += tallest + 2
        fields += worst
    return Block(total + 1, fields)


def support(m: CareerMap, level: int) -> Block:
    base, _small, lh = LEVELS[level]
    width = (PAGE_W - 4) / 3 - 5.2 - 3
    tallest, worst = 0.0, []
    for group in ("college", "employer", "region"):
        items = getattr(m.support, group)
        h = sum(lines(_item(i), width, base, BOLD * 0.96) for i in items) * base * PT * lh + 0.8 * len(items)
        if h > tallest:
            cpl = width / (base * PT * BOLD * 0.96)
            tallest, worst = h, [(("support", group), sum(len(_item(i)) for i in items), cpl, base * PT * lh)]
    return Block(tallest + base * PT * 1.25 * 2 + 8, worst)


def fixed(m: CareerMap, level: int) -> float:
    """Header with the QR chip, partners strip and footer: mostly fixed, a little text-dependent."""
    base, small, lh = LEVELS[level]
    line = base * PT * lh
    left = 10 + 3 * line + lines(m.program.title, 130, base * 2.1, BOLD * 1.12) * base * 2.1 * PT * 1.1 \
        + lines(m.summary or "", 130, base) * line + line
    header = max(53 + 2 * small * PT, left) + 1
    partners = 3 + line + max(10, math.ceil(len(m.employers) / 2) * 11) + 3
    footer = 4 + 4 * line + 3
    return header + partners + footer


def estimate(m: CareerMap, level: int) -> tuple[float, list[tuple]]:
    """(height in mm, fields that make the page tall, tallest first)."""
    lad, br, sup = ladder(m, level), branches(m, level), support(m, level)
    total = fixed(m, level) + lad.height + br.height + sup.height
    return total, sorted(lad.fields + br.fields + sup.fields, key=lambda f: -f[1])


# The estimate runs a little short; starting from the level that fits with this much to spare cut the
# second layouts from 1 map in 2 to 1 in 4 on a sample of 20 corpus maps, at the cost of 1 map in 20
# set 0.4 pt smaller than it strictly needed.
START_MARGIN = 4.5  # mm


def start_level(m: CareerMap) -> int:
    """The largest type the estimate expects to fit with a small margin (the renderer checks and steps down)."""
    for level in range(len(LEVELS)):
        if estimate(m, level)[0] <= PAGE_H - START_MARGIN:
            return level
    return len(LEVELS) - 1
