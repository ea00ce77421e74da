"""Will a map fit one A4 page? A text-length estimate (no WeasyPrint) shared by rule PR1 and the print renderer."""

from __future__ import annotations

import math
from dataclasses import dataclass

from profkarta.labels import as_lines
from profkarta.model.careermap import CareerMap, SupportItem
from profkarta.stages import BRANCH_COLUMNS, branch_text, years_text

# Must agree with theme/print/map.css: (base pt, small pt, line-height) per fit level.
LEVELS = [(9.6, 8.8, 1.26), (9.2, 8.5, 1.24), (8.8, 8.2, 1.22), (8.4, 8.0, 1.2), (8.0, 8.0, 1.16)]
PT = 0.3528  # mm per point
PAGE_H = 297 - 16  # A4 minus the 8 mm margins
PAGE_W = 210 - 16
CHAR = 0.52  # average width of a Cyrillic letter of DejaVu Sans Condensed, in em
BOLD = 0.57
# What the sum of the parts misses (or counts twice) at each level, in mm: the mean of WeasyPrint's height less
# the estimate over 200 generated maps (scripts/calibrate_fit.py); what is left is a spread of 5–7 mm, mostly
# in the ladder, where each paragraph's last line is part-empty.
BIAS = [-4.9, -1.5, -3.1, -7.7, -5.6]
# PR1 warns only when the 8 pt page is expected to overflow by more than this (about twice the estimate's spread
# of 5 mm at 8 pt), so that a warning is right: on 60 generated maps every map it warned about did overflow.
# Before BIAS the estimate ran about this much short at 8 pt, so PR1 warns about as often as it did.
FLOOR_TOLERANCE = 11.0  # mm
SLACK = 1.2  # words do not fill lines exactly
URL = 0.56  # a short address (Latin, bold) broken anywhere, in em per character


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
    """One row of steps, a table of three rows (heads, pay, body): each is as tall as its tallest cell, so the
    row is the sum of three maxima (not the tallest card) — and the fields of the tallest body make it tall."""
    base, small, lh = LEVELS[level]
    line, sline = base * PT * lh, small * PT * lh
    heads, pays, body, worst = 0.0, 0.0, 0.0, []
    for i, s in enumerate(stages, first):
        riser = 4 * (len(stages) - 1 - (i - first))  # each step stands 4 mm higher than the next
        title, when = s.title or f"Ступень {i + 1}", s.when or years_text(s.years) or ""  # as context._stage
        head = riser + 4 + 1.6 * base * PT + lines(title, width, base * 1.05, BOLD) * line * 1.1 \
            + lines(when, width, small) * sline
        heads = max(heads, head)
        pays = max(pays, 3 + 2 * sline + line * 1.3)
        pos = sum(lines(p, width - 2.6, base, BOLD) for p in s.positions) * line * 1.0
        act = sum(lines(t, width, base) for t in as_lines(s.activities)) * line
        grow = sum(lines(t, width, base) for t in as_lines(s.growth)) * line
        h = 4 + pos + sline * 1.3 + act + ((sline * 1.3 + grow) if grow else 0)
        if h > body:
            body = h
            cpl = width / (base * PT * CHAR)
            worst = [((*where, i, "activities"), sum(map(len, as_lines(s.activities))), cpl, line),
                     ((*where, i, "growth"), sum(map(len, as_lines(s.growth))), cpl, line),
                     ((*where, i, "positions"), sum(map(len, s.positions)), cpl * CHAR / BOLD, line)]
    return heads + pays + body, worst


def _width(n: int) -> float:
    return (PAGE_W - 1.6 * (n - 1)) / n - 4.4


def ladder(m: CareerMap, level: int) -> Block:
    total, fields, start = 0.0, [], 0
    if not m.ladder:  # an empty ladder is R2.2's to report; nothing to measure
        return Block(0.0, [])
    for n in rows_of(len(m.ladder)):
        tallest, worst = _row(m.ladder[start:start + n], ("ladder",), start, _width(n), level)
        total += tallest + 2
        fields += worst
        start += n
    return Block(_section(level) + total - 2, fields)  # the last row's 2 mm fold into the next margin


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


@dataclass(frozen=True)
class PrintText:
    """What the page prints besides the map file (cluster.yaml and the site address). Without it the estimate
    assumes typical lengths; on generated maps that did as well (the spread is in the ladder, not here)."""

    # the defaults are the medians of a generated corpus (scripts/gen_corpus.py, 300 maps)
    industry: str = "x" * 25
    college: str = "x" * 47
    employers: tuple[str, ...] | None = None  # «name place» each; None: 23 letters for each id of the map
    contacts: tuple[str, ...] = ("x" * 84, "x" * 75, "x" * 46)  # footer lines under «Контакты»
    short_url: str = "x" * 70  # host/maps/cluster/map
    qr_mm: float = 41.5


def _section(level: int) -> float:
    """A section's top margin and its h2 heading (1.25 em, line-height 1.1, 1.5 mm below); map.css."""
    return (2 if level >= 3 else 3) + LEVELS[level][0] * PT * 1.25 * 1.1 + 1.5


def header(m: CareerMap, level: int, text: PrintText) -> float:
    """The dark header: a table of the programme (left) and the QR chip (right), each as tall as the taller."""
    base, small, lh = LEVELS[level]
    line = base * PT * lh
    left_w = 194 - 8 - (text.qr_mm + 5) - 3  # page less the padding, the QR column and h1's right padding
    brand = max(13, 2 * small * PT * 1.15 + (lines(text.industry, left_w - 36, base, BOLD) - 1) * line) + 2
    facts = [f for f in (m.program.qualification, m.program.duration, m.program.base, m.program.form) if f]
    facts_text = " · ".join("Срок обучения: " + f for f in facts)  # each fact after a label of ~15 letters
    title = lines(m.program.title, left_w, base * 2.1, BOLD * 1.12) * base * 2.1 * PT * 1.1 + 1.8  # h1, 2.1 em
    # brand row, «Карьерная карта выпускника», the kind and code, the title, the facts line, the summary
    left = brand + line + (line + 0.5) + title + lines(facts_text, left_w, base) * line \
        + ((lines(m.summary, left_w, base) * line + 1) if m.summary else 0)
    # chip padding, the symbol, the line its link sits in, «Наведите камеру» and the short address (bold, 42 mm)
    qr = 2.5 + text.qr_mm + line + small * PT * 1.1 + lines(text.short_url, 42, base, URL) * base * PT * 1.15
    return max(left, qr) + 6


def partners(m: CareerMap, level: int, text: PrintText) -> float:
    """The college and the employers (two to a row), each name beside a 9 mm logo."""
    base, small, _lh = LEVELS[level]
    name = base * PT * 1.15
    college = max(9, lines(text.college, 47, base, BOLD) * name) + 1
    names = text.employers if text.employers is not None else tuple("x" * 23 for _ in m.employers)
    width = 101 if len(names) == 1 else 45
    rows = 0.0
    for pair in (names[i:i + 2] for i in range(0, len(names), 2)):
        rows += max(max(9, lines(n, width, base, BOLD) * name + small * PT * 1.15) for n in pair) + 1
    return (2 if level >= 3 else 3) + 2.8 + base * PT * 1.22 + 1 + max(college, rows)


def footer(m: CareerMap, level: int, text: PrintText) -> float:
    """Contacts (left, 116 mm) beside the approval stamp (63 mm of bold text in a frame)."""
    base, _small, lh = LEVELS[level]
    contacts = base * PT * 1.22 + 0.5 + sum(lines(t, 116, base) for t in text.contacts) * base * PT * 1.25
    approval = 95 if m.status == "approved" and m.approval else 67  # «Утверждено: протокол № … от …, совет»
    stamp = 4.4 + lines("x" * approval, 63, base, BOLD) * base * PT * lh
    return 2.5 + 0.5 + 1.5 + max(contacts, stamp)


def fixed(m: CareerMap, level: int, text: PrintText | None = None) -> float:
    """Header, partners strip and footer: mostly fixed, a little text-dependent."""
    text = text or PrintText()
    return header(m, level, text) + partners(m, level, text) + footer(m, level, text)


def estimate(m: CareerMap, level: int, text: PrintText | None = None) -> tuple[float, list[tuple]]:
    """(height in mm, fields that make the page tall, tallest first)."""
    lad, br, sup = ladder(m, level), branches(m, level), support(m, level)
    total = fixed(m, level, text) + lad.height + br.height + sup.height + BIAS[level]
    return total, sorted(lad.fields + br.fields + sup.fields, key=lambda f: -f[1])


# The first layout is at the largest level the estimate puts within the page plus this much (a negative margin):
# the renderer then measures the real height and moves once, down or up (next_try). Chosen with UP_MARGIN by
# scripts/calibrate_fit.py on 200 maps of one corpus and checked on 150 of another: 1.17 layouts per map
# (1.37 before), 1 map in 35 left 0.4 pt smaller than it could be (1 in 30 before).
START_MARGIN = -2.0  # mm


def start_level(m: CareerMap, text: PrintText | None = None) -> int:
    """The largest type the estimate expects to fit with a small margin (the renderer checks and steps down)."""
    for level in range(len(LEVELS)):
        if estimate(m, level, text)[0] <= PAGE_H - START_MARGIN:
            return level
    return len(LEVELS) - 1


# After a layout the renderer knows the page's real height; one level larger makes it GROWTH[level] times
# taller (h(level - 1) / h(level), measured by scripts/calibrate_fit.py; spread about 1.5 %, i.e. 4 mm).
GROWTH = [1.0, 1.046, 1.056, 1.07, 1.046]
UP_MARGIN = 2.0  # mm: try the larger type when the page, grown by GROWTH, would overflow by no more than this
DOWN_MARGIN = 0.0  # mm: after an overflow, skip a level only when, shrunk by GROWTH, it still would not fit


def may_grow(level: int, used: float) -> bool:
    """Could the next larger type fit, given that this level's content is `used` mm tall?"""
    return level > 0 and used * GROWTH[level] <= PAGE_H + UP_MARGIN


def level_after_overflow(level: int, used: float) -> int:
    """The level to try after `level` overflowed with `used` mm of content: the first the growth factors
    expect to fit, so that a page two levels too large costs one more layout, not two."""
    for nxt in range(level + 1, len(LEVELS)):
        used /= GROWTH[nxt]
        if used <= PAGE_H - DOWN_MARGIN:
            return nxt
    return len(LEVELS) - 1


def next_try(level: int, used: float, tried: dict[int, bool]) -> int | None:
    """The level to lay out next after one at `level` (content `used` mm tall), or None: stop.
    tried: each level laid out so far and whether it fitted one page (this one included)."""
    if not tried[level]:
        if level == len(LEVELS) - 1:
            return None
        nxt = level_after_overflow(level, used)
        fitted = [lv for lv, fits in tried.items() if fits]
        if fitted and nxt >= min(fitted):  # a smaller type than one known to fit is no use
            return None
        while nxt in tried:  # never lay out a level twice
            if nxt == len(LEVELS) - 1:
                return None
            nxt += 1
        return nxt
    up = level - 1
    return up if may_grow(level, used) and up not in tried else None
