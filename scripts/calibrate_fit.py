"""Calibrates measure.py against WeasyPrint: each map's real height at every fit level next to the estimate."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

FIT_MARK = 'class="map fit-0"'
# The same page, 3 m tall: the content's natural height at a level, one layout, however much it overflows A4.
TALL = "<style>@page { size: 210mm 3000mm; }</style>"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def bottom(box) -> float:
    """The lowest margin edge of any box under `box`, in CSS px."""
    low = box.position_y + box.margin_height()
    for child in getattr(box, "children", ()):
        low = max(low, bottom(child))
    return low


def natural_height(doc) -> float:
    """The content height in mm of a laid-out tall page (the page margin of 8 mm left out)."""
    page = doc.pages[0]._page_box
    return (bottom(page.children[0]) * 25.4 / 96) - 8


def measure_maps(root: Path, limit: int, check_a4: int) -> list[dict]:
    from profkarta import measure
    from profkarta.render.print import engine
    from profkarta.render.print.context import THEME, Logos, map_context
    from profkarta.render.print.templates import base_url, render_html
    from profkarta.validate import validate

    result = validate(root, cache=False)
    maps = result.published()
    step = max(1, len(maps) // limit)
    chosen = maps[::step][:limit]
    logos = Logos(result.project)
    allowed = [str(result.project.root), str(THEME)]
    rows = []
    t0 = time.perf_counter()
    for n, e in enumerate(chosen):
        ctx = map_context(e, result.project, "https://karty.example.ru/", logos)
        html = render_html("map.html.j2", ctx)
        tall = html.replace("</head>", TALL + "</head>", 1)
        row = {"id": f"{e.cluster_id}/{e.id}", "heights": [], "estimates": [], "a4_pages": []}
        for level in range(len(measure.LEVELS)):
            doc = engine.layout(tall.replace(FIT_MARK, f'class="map fit-{level}"', 1), base_url(), allowed)
            row["heights"].append(round(natural_height(doc), 2))
            if n < check_a4:  # does «fits A4» agree with «natural height ≤ the page»?
                a4 = engine.layout(html.replace(FIT_MARK, f'class="map fit-{level}"', 1), base_url(), allowed)
                row["a4_pages"].append(len(a4.pages))
        rows.append(score(row, e.model, ctx))
        if n % 20 == 19:
            log(f"{n + 1}/{len(chosen)} карт, {time.perf_counter() - t0:.0f} с")
    return rows


def true_level(heights: list[float], page: float) -> int:
    """The largest type whose layout fits one page (the last level when none does)."""
    return next((i for i, h in enumerate(heights) if h <= page), len(heights) - 1)


def fit_constants(rows: list[dict]) -> dict:
    """What to put in measure.py: each level's mean error of the estimate (BIAS, added to it) and its spread,
    and how much taller a page gets one level up (GROWTH[level]: h(level - 1) / h(level), as measured)."""
    from statistics import mean, pstdev

    out: dict = {"bias": [], "sd": [], "bias_model": [], "sd_model": [], "growth": [None], "growth_sd": [None]}
    for lv in range(len(rows[0]["heights"])):
        for key, suffix in (("estimates", ""), ("estimates_model", "_model")):
            err = [r["heights"][lv] - r[key][lv] for r in rows]
            out["bias" + suffix].append(round(mean(err), 2))
            out["sd" + suffix].append(round(pstdev(err), 2))
        if lv:
            q = [r["heights"][lv - 1] / r["heights"][lv] for r in rows]
            out["growth"].append(round(mean(q), 4))
            out["growth_sd"].append(round(pstdev(q), 4))
    return out


def simulate(rows: list[dict], key: str = "start") -> dict:
    """Layouts per map and «smaller than needed» under engine.fit_map's policy (from the saved real heights)."""
    from profkarta import measure

    page = measure.PAGE_H
    layouts = smaller = 0
    for r in rows:
        h, tried, level = r["heights"], {}, r[key]
        while level is not None:
            tried[level] = h[level] <= page
            level = measure.next_try(level, h[level], tried)
        chosen = min((lv for lv, fits in tried.items() if fits), default=len(h) - 1)
        layouts += len(tried)
        smaller += chosen > true_level(h, page)
    n = len(rows)
    return {"layouts_per_map": round(layouts / n, 3), "smaller_than_needed": smaller,
            "smaller_share": round(smaller / n, 3)}


def summary(rows: list[dict]) -> dict:
    """How often the estimator's start level is the true level, too large (a retry) or too small (smaller type)."""
    from profkarta import measure

    exact = larger = smaller = 0
    for r in rows:
        truth, start = true_level(r["heights"], measure.PAGE_H), r["start"]
        exact += start == truth
        larger += start < truth  # the first layout overflows: at least one more layout
        smaller += start > truth  # the reader gets smaller type than needed
    n = len(rows)
    return {"maps": n, "exact": exact, "retry": larger, "smaller_than_needed": smaller,
            "layouts_per_map_stepping": round(1 + sum(max(0, true_level(r["heights"], measure.PAGE_H) - r["start"])
                                                      for r in rows) / n, 3)}


def engine_check(root: Path, rows: list[dict]) -> dict:
    """engine.fit_map itself on the maps of a saved measurement: layouts per map, seconds per map and how often
    the level it keeps is smaller than the largest that fits (from the saved heights)."""
    from profkarta import measure
    from profkarta.render.print import engine
    from profkarta.render.print.context import THEME, Logos, map_context
    from profkarta.render.print.templates import base_url, render_html
    from profkarta.validate import validate

    result = validate(root, cache=False)
    logos = Logos(result.project)
    allowed = [str(result.project.root), str(THEME)]
    entries = {f"{e.cluster_id}/{e.id}": e for e in result.published()}
    tries = smaller = larger = 0
    t0 = time.process_time()  # CPU seconds: the machine may be shared
    for r in rows:
        e = entries[r["id"]]
        html = render_html("map.html.j2", map_context(e, result.project, "https://karty.example.ru/", logos))
        _doc, level, n = engine.fit_map(html, base_url(), allowed, measure.start_level(e.model))
        tries += n
        truth = true_level(r["heights"], measure.PAGE_H)
        smaller += level > truth
        larger += level < truth
    n = len(rows)
    return {"maps": n, "layouts_per_map": round(tries / n, 3), "smaller_than_needed": smaller,
            "overflowing": larger, "cpu_seconds_per_map": round((time.process_time() - t0) / n, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path, help="проект (например, из scripts/gen_corpus.py)")
    ap.add_argument("-m", type=int, default=60, help="сколько карт раскладывать")
    ap.add_argument("--check-a4", type=int, default=0, help="на стольких картах сверить с настоящей страницей A4")
    ap.add_argument("--json", type=Path, help="записать замеры (для повторной оценки без WeasyPrint)")
    ap.add_argument("--rescore", type=Path, help="не раскладывать: пересчитать оценку для карт из этого JSON")
    ap.add_argument("--engine", type=Path, help="прогнать engine.fit_map на картах из этого JSON (настоящие раскладки)")
    args = ap.parse_args()
    if args.engine:
        print(json.dumps(engine_check(args.corpus, json.loads(args.engine.read_text())[:args.m]), ensure_ascii=False))
        return
    if args.rescore:
        rows = rescore(args.corpus, json.loads(args.rescore.read_text()))
    else:
        rows = measure_maps(args.corpus, args.m, args.check_a4)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0))
    print(json.dumps({"start": summary(rows), "fit_map": simulate(rows),
                      "model_only": simulate(rows, "start_model"), "constants": fit_constants(rows)},
                     ensure_ascii=False))


def rescore(root: Path, rows: list[dict]) -> list[dict]:
    """The saved WeasyPrint heights with the current estimator's figures (after editing measure.py)."""
    from profkarta.validate import validate

    from profkarta.render.print.context import Logos, map_context

    result = validate(root, cache=False)
    logos = Logos(result.project)
    entries = {f"{e.cluster_id}/{e.id}": e for e in result.published()}
    return [score(r, entries[r["id"]].model, map_context(entries[r["id"]], result.project,
                                                         "https://karty.example.ru/", logos)) for r in rows]


def score(row: dict, m, ctx: dict) -> dict:
    """The estimator's heights and start level for a map, with the page's other texts and from the file alone."""
    from profkarta import measure
    from profkarta.render.print.context import print_text

    text = print_text(ctx)
    row["estimates"] = [round(measure.estimate(m, lv, text)[0], 2) for lv in range(len(measure.LEVELS))]
    row["estimates_model"] = [round(measure.estimate(m, lv)[0], 2) for lv in range(len(measure.LEVELS))]
    row["start"], row["start_model"] = measure.start_level(m, text), measure.start_level(m)
    return row


if __name__ == "__main__":
    main()
