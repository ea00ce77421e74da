"""The council meeting packet: cover, register of the maps in scope, each draft's A4 page with a blank approval."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from profkarta.cache import Cache
from profkarta import coverage as cov
from profkarta.load.project import Entry, Project
from profkarta.render.print import engine
from profkarta.render.print.context import THEME, Logos, map_context, print_text
from profkarta.measure import start_level
from profkarta.render.print.templates import base_url, render_html
from profkarta.labels import plural


@dataclass
class Packet:
    pdf: bytes
    pages: int
    drafts: int
    warnings: list[str]


def _status(r: cov.Row) -> tuple[str, str]:
    """(CSS kind, Russian text) for the register's status column."""
    text = "утверждена" if r.map_status == "approved" else "проект"
    if r.status == cov.UNLISTED:
        return "unlisted", text + "; код не в перечне колледжа"
    return ("approved" if r.map_status == "approved" else "draft"), text


def _front_context(regions: list[cov.Region], rows: list[cov.Row], scope: str, today: dt.date, brand: str,
                   draft_pages: dict[int, int], front_pages: int, total_pages: int) -> dict:
    developers = {c.id: c.developer for g in regions for c in g.clusters}
    drafts = sum(1 for r in rows if r.map_status == "draft")
    missing = cov.totals(cov.flat(regions))[cov.MISSING]
    groups: list[dict] = []
    for i, r in enumerate(rows):
        kind, status = _status(r)
        if not groups or groups[-1]["id"] != r.cluster_id:
            groups.append({"id": r.cluster_id, "cluster": r.cluster, "rows": [],
                           "developer": developers.get(r.cluster_id, r.cluster)})
        groups[-1]["rows"].append({"n": i + 1, "college": r.college, "code": r.code, "title": r.title, "kind": kind,
                                   "status": status, "protocol": r.protocol or "",
                                   "date": f"{r.date:%d.%m.%Y}" if r.date else "", "page": draft_pages.get(i)})
    region_names = sorted({g.name for g in regions})
    return {
        "meta_title": f"Карьерные карты на утверждение — {scope}", "author": "profkarta",
        "brand_logo": brand, "region": ", ".join(region_names), "date": f"{today:%d.%m.%Y}",
        "drafts": drafts, "drafts_word": plural(drafts, "проект карьерной карты", "проекта карьерных карт",
                                                "проектов карьерных карт"),
        "first_draft_page": front_pages + 1, "pages_total": total_pages,
        "scope_word": scope, "total": len(rows), "total_word": plural(len(rows), "карта", "карты", "карт"),
        "approved": sum(1 for r in rows if r.map_status == "approved"),
        "missing": missing, "missing_word": plural(missing, "код", "кода", "кодов"),
        "clusters": [{"name": c.name, "developer": c.developer} for g in regions for c in g.clusters],
        "groups": groups,
    }


def render_packet(project: Project, regions: list[cov.Region], scope: str, site_url: str,
                  today: dt.date) -> Packet:
    """Lay out every draft map (blank approval block), then the cover and register with page numbers, then merge."""
    norm_dir = Path(tempfile.mkdtemp(prefix="profkarta-packet-"))
    try:
        return _render(project, regions, scope, site_url, today, norm_dir)
    finally:
        shutil.rmtree(norm_dir, ignore_errors=True)


def _render(project: Project, regions: list[cov.Region], scope: str, site_url: str, today: dt.date,
            norm_dir: Path) -> Packet:
    logos = Logos(project, normalized=Cache(norm_dir))
    allowed = [str(project.root), str(THEME), str(norm_dir)]
    rows = [r for r in cov.flat(regions) if r.map_id]
    entries: dict[tuple, Entry] = {(m.cluster_id, m.id): m for m in project.maps}
    maps: list[tuple[int, bytes, int, str]] = []  # (register row, pdf, pages, bookmark)
    for i, r in enumerate(rows):
        if r.map_status != "draft":
            continue
        entry = entries[(r.cluster_id, r.map_id)]
        ctx = map_context(entry, project, site_url, logos)
        ctx["approval_blank"] = True
        doc, _level, _tries = engine.fit_map(render_html("map.html.j2", ctx), base_url(), allowed,
                                             start_level(entry.model, print_text(ctx)))
        maps.append((i, engine.write_pdf(doc), len(doc.pages), f"Проект: {r.code} {r.title} — {r.college}"))
    brand = logos.brand().as_uri()
    map_pages = sum(m[2] for m in maps)
    front_pages, front = 2, b""
    for _ in range(4):  # the register's page column depends on how many pages the register itself takes
        numbers, n = {}, front_pages + 1
        for i, _pdf, pages, _title in maps:
            numbers[i] = n
            n += pages
        ctx = _front_context(regions, rows, scope, today, brand, numbers, front_pages, front_pages + map_pages)
        doc = engine.layout(render_html("packet.html.j2", ctx), base_url(), allowed)
        if len(doc.pages) == front_pages:
            front = engine.write_pdf(doc)
            break
        front_pages = len(doc.pages)
    else:  # pragma: no cover - the register never settles
        front = engine.write_pdf(doc)
    pdf = _merge(front, maps, allowed, {"title": ctx["meta_title"], "author": "profkarta",
                                       "subject": "Материалы к заседанию регионального наблюдательного совета"})
    return Packet(pdf, front_pages + map_pages, len(maps), list(dict.fromkeys(logos.warnings)))


def _merge(front: bytes, maps: list[tuple[int, bytes, int, str]], allowed: list[str], meta: dict) -> bytes:
    """Cover and register, then the maps; bookmarks for each part; a page number laid over every page."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    front_reader = PdfReader(io.BytesIO(front))
    for page in front_reader.pages:
        writer.add_page(page)
    writer.add_outline_item(title="Обложка", page_number=0)
    if len(front_reader.pages) > 1:
        writer.add_outline_item(title="Перечень карьерных карт", page_number=1)
    for _i, pdf, _pages, title in maps:
        first = len(writer.pages)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
        writer.add_outline_item(title=title, page_number=first)
    total = len(writer.pages)
    numbers = engine.layout(render_html("pagenum.html.j2", {"total": total}), base_url(), allowed)
    overlay = PdfReader(io.BytesIO(engine.write_pdf(numbers)))
    for page, number in zip(writer.pages, overlay.pages, strict=True):
        page.merge_page(number)
    engine.set_meta(writer, meta)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
