"""«Мой карьерный план»: one A4 sheet per map to fill in by hand at the 1 September «разбор»."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from profkarta import shortlinks, urls
from profkarta.load.project import Entry, Project
from profkarta.labels import kind_title
from profkarta.render.print.context import Logos, find_college, money
from profkarta.render.print.fetcher import image_url
from profkarta.render.print.qr import image_mm, qr_data_url, short_address
from profkarta.render.print.templates import render_html
from profkarta.render.writes import ensure_dir

PLAN_SYMBOL_MM = 30.0  # on a desk, at arm's length
TABLE_MM = 172.0  # height the stage rows share (the header and the QR strip take the rest of the page)


def myplan_context(entry: Entry, project: Project, site_url: str, logos: Logos) -> dict:
    m = entry.model
    cid = str(entry.cluster_id)
    cluster = project.clusters[cid].model
    college = find_college(cluster, m.college)
    page = urls.map_page(cid, entry.id)
    qr_url = shortlinks.qr_url(site_url, page, "plan")
    stages = [{"n": i + 1, "title": s.title or f"Ступень {i + 1}", "positions": ", ".join(s.positions),
               "avg": money(s.salary.avg)} for i, s in enumerate(m.ladder)]
    for br in m.branches:  # a branch is a goal one can choose too: one row for its first stage
        if br.stages:
            s = br.stages[0]
            stages.append({"n": f"{br.start}.1", "title": f"{br.title}: {s.title or ', '.join(s.positions)}",
                           "positions": ", ".join(s.positions), "avg": money(s.salary.avg)})
    row_mm = round(min(36.0, TABLE_MM / max(1, len(stages))), 1)
    return {
        "meta_title": f"Мой карьерный план: {m.program.title} ({m.program.code})",
        "author": cluster.managing_council or (college.name if college else cluster.name),
        "draft": m.status != "approved",
        "brand_logo": image_url(logos.brand()),
        "program": {"kind": kind_title(m.program.kind), "code": m.program.code, "title": m.program.title},
        "college": college.name if college else m.college,
        "stages": stages,
        "row_mm": row_mm, "lines": max(1, int((row_mm - 4) // 7)),
        "qr": qr_data_url(qr_url), "qr_url": qr_url, "qr_mm": image_mm(qr_url, PLAN_SYMBOL_MM),
        "short_url": short_address(urls.absolute(site_url, page)),
    }


def myplan_jobs(maps: list[Entry], project: Project, site_url: str, logos: Logos, out_dir: Path,
                common: dict, keys: dict[tuple[str, str], str], cached: Callable[[str, Path], bool],
                ) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Layout jobs of the plan sheets the cache does not hold (kind «doc»: one layout, no fitting), and where
    every sheet goes. keys: each map's input key; cached(key, target) puts a cached sheet in place."""
    jobs, files = [], {}
    for e in maps:
        cid = str(e.cluster_id)
        rel = urls.map_plan_pdf(cid, e.id)
        target = out_dir / rel
        ensure_dir(target.parent)
        files[(cid, e.id)] = rel
        key = keys[(cid, e.id)]
        if cached(key, target):
            continue
        html = render_html("myplan.html.j2", myplan_context(e, project, site_url, logos))
        # the HTML names the sheet's cache entry; a sheet to lay out gets it back from `remake` when a worker
        # is ready for it rather than holding ten thousand of them meanwhile
        jobs.append({"kind": "doc", "inputs": key, "html": html, "target": str(target), "doc": "myplan",
                     "map": (cid, e.id), "remake": partial(_remake, e, project, site_url, logos), **common})
    return jobs, files


def _remake(entry: Entry, project: Project, site_url: str, logos: Logos, job: dict) -> dict:
    return {**job, "html": render_html("myplan.html.j2", myplan_context(entry, project, site_url, logos))}
