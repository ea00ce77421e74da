"""Contexts of the booklets (per college, per cluster) and of the ambassador card sheets."""

from __future__ import annotations

from profkarta import shortlinks, urls
from profkarta.load.project import Entry, Project
from profkarta.model.cluster import Cluster
from profkarta.labels import KIND_PLURAL_RU, plural
from profkarta.render.print.context import Logos, contacts_of, find_college
from profkarta.render.print.qr import qr_data_url, short_address
from profkarta.render.print.fetcher import image_url

CARDS_PER_SHEET = 10


def ordered(maps: list[Entry]) -> list[Entry]:
    """Booklet order: professions, then specialties; by code, then title."""
    return sorted(maps, key=lambda e: (e.model.program.kind != "profession", e.model.program.code,
                                       e.model.program.title, e.id))


def booklet_context(project: Project, cluster_id: str, college_id: str | None, maps: list[Entry],
                    site_url: str, logos: Logos) -> dict:
    """Cover and contents; each TOC item gets its page number in the worker (`page` left None)."""
    cl = project.clusters[cluster_id]
    cluster: Cluster = cl.model
    college = find_college(cluster, college_id) if college_id else None
    page = urls.absolute(site_url, urls.cluster_page(cluster_id))
    qr_url = shortlinks.qr_url(site_url, urls.cluster_page(cluster_id), "booklet")
    colleges = {c.id: c for c in cluster.colleges}
    groups: dict[str, list[dict]] = {}
    for e in ordered(maps):
        m = e.model
        other = colleges.get(m.college)
        groups.setdefault(m.program.kind, []).append({
            "code": m.program.code, "title": m.program.title, "draft": m.status != "approved",
            "college": None if college else (other.short_name or other.name if other else m.college),
            "page": None,
        })
    heading = "Профессии и специальности"
    if college:
        who, author = college.name, college.name
        title = f"{heading}: {college.short_name or college.name} — карьерные карты"
    else:
        who, author = cluster.name, cluster.managing_council or cluster.name
        title = f"{heading} кластера «{cluster_id}»: {cluster.name} — карьерные карты"
    return {
        "meta_title": title, "author": author, "heading": heading, "who": who,
        "cluster_line": cluster.name if college else (cluster.managing_council or ""),
        "region": cluster.region, "industry": cluster.industry,
        "brand_logo": image_url(logos.brand()),
        "industry_logo": image_url(logos.resolve(cluster.industry_logo, cl.folder, "логотип отрасли")),
        "college_logo": image_url(logos.resolve(college.logo, cl.folder, "логотип колледжа")) if college else None,
        "contacts": contacts_of(cluster, college),
        "total": len(maps), "total_word": plural(len(maps), "карьерная карта", "карьерные карты", "карьерных карт"),
        "groups": [{"label": KIND_PLURAL_RU[k], "items": groups[k]} for k in ("profession", "specialty")
                   if k in groups],
        "qr": qr_data_url(qr_url), "qr_url": qr_url, "short_url": short_address(page),
    }


def number_pages(ctx: dict, front_pages: int, counts: list[int]) -> None:
    """Write page numbers into the TOC items (same order as the merged map pages)."""
    n = front_pages + 1
    items = [it for g in ctx["groups"] for it in g["items"]]
    for it, count in zip(items, counts, strict=False):
        it["page"] = n
        n += count


def cards_context(project: Project, team: Entry, site_url: str, logos: Logos) -> dict:
    """One A4 sheet of identical cut-out cards for an ambassador team."""
    t = team.model
    cl = project.clusters.get(t.cluster)
    cluster = cl.model if cl is not None else None
    college = find_college(cluster, t.college) if cluster else None
    college_name = (college.short_name or college.name) if college else t.college
    page = urls.absolute(site_url, urls.team_page(team.id))
    qr_url = shortlinks.qr_url(site_url, urls.team_page(team.id), "card")
    return {
        "meta_title": f"Карточки амбассадоров: {t.team}",
        "author": college.name if college else (cluster.name if cluster else t.team),
        "team": t.team, "college": college_name, "brand_logo": image_url(logos.brand()),
        "qr": qr_data_url(qr_url), "qr_url": qr_url, "short_url": short_address(page),
        "count": CARDS_PER_SHEET,
    }
