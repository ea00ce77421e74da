"""Stage words shared by the print-fit estimate, pages and print: timeframes, the time axis, branch lines."""

from __future__ import annotations

import math

from profkarta.model.careermap import CareerMap, Stage

OPEN_END = 3  # an open range («от 10 лет») is drawn this many years long
BRANCH_COLUMNS = 3  # print: branches side by side under the ladder


def _n(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else str(v).replace(".", ",")


def years_text(years: list | None) -> str | None:
    """[2, 5] → «2–5 лет после выпуска» (for a stage that gives only the structured form)."""
    if not years or len(years) != 2 or years[0] is None:
        return None
    lo, hi = years
    if hi is None:
        return f"от {_n(lo)} лет после выпуска" if lo > 0 else "после выпуска"
    if hi <= 0:
        return "во время обучения"
    return f"{_n(max(lo, 0))}–{_n(hi)} лет после выпуска"


def stage_when(stage: Stage) -> str | None:
    return stage.when or years_text(stage.years)


def _span(stage: Stage) -> tuple[float, float] | None:
    y = stage.years
    if not y or len(y) != 2 or y[0] is None:
        return None
    return y[0], y[1] if y[1] is not None else y[0] + OPEN_END


def timeline(m: CareerMap) -> dict | None:
    """Rows of segments (percent of the axis) for every track with `years`; None when no stage has them."""
    tracks = [("Основная лестница", "", m.ladder)] + [(br.title, f"{br.start}.", br.stages) for br in m.branches]
    spans = [sp for _, _, stages in tracks for s in stages if (sp := _span(s))]
    if not spans:
        return None
    lo = math.floor(min(0, *(a for a, _ in spans)))
    hi = math.ceil(max(b for _, b in spans))
    width = max(hi - lo, 1)
    rows = []
    for label, prefix, stages in tracks:
        segs = []
        for i, s in enumerate(stages):
            sp = _span(s)
            if sp is None:
                continue
            a, b = sp
            segs.append({"n": f"{prefix}{i + 1}", "title": s.title or (s.positions[0] if s.positions else ""),
                         "left": round((a - lo) / width * 100, 2), "width": max(round((b - a) / width * 100, 2), 2),
                         "open": (s.years or [0, 0])[1] is None, "text": years_text(s.years)})
        if segs:
            rows.append({"label": label, "branch": bool(prefix), "segments": segs})
    step = 1 if width <= 7 else (2 if width <= 16 else 5)  # a phone has room for about eight labels
    ticks = [{"at": round((t - lo) / width * 100, 2), "label": _n(t)} for t in range(lo, hi + 1) if t % step == 0]
    return {"rows": rows, "ticks": ticks, "graduation": round((0 - lo) / width * 100, 2)}


def branch_text(stage: Stage) -> tuple[str, str, str]:
    """What a branch stage shows in print: «title — when», positions, salary (the fit estimate measures these)."""
    when = stage_when(stage)
    head = (stage.title or (stage.positions[0] if stage.positions else "")) + (f" — {when}" if when else "")
    pay = f"{stage.salary.min:,}–{stage.salary.max:,} ₽, в среднем {stage.salary.avg:,} ₽"
    return head, ", ".join(stage.positions), pay
