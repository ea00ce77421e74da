"""The validated project seen as the site sees it: maps with their cluster, college and employers, teams, programmes."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from profkarta import refdata, urls
from profkarta.load.images import ImageProblem, resolve_inside
from profkarta.load.project import Entry
from profkarta.model import CareerMap, Cluster, College, Employer, Plan, Programme, Team
from profkarta.render import stamps
from profkarta.render.images import is_raster
from profkarta.render.popularization import PlanDoc, PlanReport, collect, plan_report
from profkarta.render.site import text
from profkarta.validated import Validated


@dataclass
class Logo:
    """A logo copied into the site: its source file and its path inside the site."""

    source: Path
    path: str  # relative to the site root
    alt: str


@dataclass
class MapView:
    entry: Entry
    model: CareerMap
    cluster_id: str
    cluster: Cluster
    college: College
    employers: list[Employer]
    page: str
    url: str
    draft: bool
    pdf: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def program(self):
        return self.model.program

    @property
    def salary_range(self) -> tuple[int, int]:
        stages = self.model.ladder
        return min(s.salary.min for s in stages), max(s.salary.max for s in stages)

    @property
    def positions(self) -> list[str]:
        """Positions of the ladder, then of the branches (for the catalog's text filter and the search index)."""
        branch_stages = [s for b in self.model.branches for s in b.stages]
        return [p for s in [*self.model.ladder, *branch_stages] for p in s.positions]


@dataclass
class TeamView:
    entry: Entry
    model: Team
    cluster: Cluster | None
    college: College | None
    page: str
    url: str


@dataclass
class PlanView:
    doc: PlanDoc
    report: PlanReport
    page: str
    report_page: str

    @property
    def year(self) -> int:
        return self.doc.year

    @property
    def model(self) -> Plan:
        return self.doc.model

    @property
    def draft(self) -> bool:
        return self.doc.draft


@dataclass
class ProgrammeView:
    entry: Entry
    model: Programme
    page: str
    url: str
    draft: bool = False
    plans: list[PlanView] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass
class SiteData:
    site_name: str
    site_url: str
    maps: list[MapView]
    clusters: dict[str, Cluster]
    teams: list[TeamView]
    programmes: list[ProgrammeView]
    logos: dict[tuple[str, str], Logo]
    drafts: bool
    root: Path
    printed: bool = False

    def logo(self, cluster_id: str, ref: str | None) -> Logo | None:
        return self.logos.get((cluster_id, ref or ""))

    @cached_property
    def _by_cluster(self) -> dict[str, list[MapView]]:
        """Maps by cluster, in catalog order: every cluster page and list asks (linear, not maps × clusters)."""
        out: dict[str, list[MapView]] = {}
        for m in self.maps:
            out.setdefault(m.cluster_id, []).append(m)
        return out

    def maps_of_cluster(self, cluster_id: str) -> list[MapView]:
        return list(self._by_cluster.get(cluster_id, []))

    def maps_of_college(self, cluster_id: str, college_id: str) -> list[MapView]:
        return [m for m in self._by_cluster.get(cluster_id, []) if m.college.id == college_id]

    def coverage(self, cluster_id: str) -> dict[str, int]:
        """How many programmes the cluster's colleges list, and for how many an approved map is published."""
        cluster = self.clusters.get(cluster_id)
        listed = {(c.id, code.strip()) for c in cluster.colleges for code in c.programs} if cluster else set()
        approved = {(m.college.id, m.program.code.strip()) for m in self.maps_of_cluster(cluster_id) if not m.draft}
        return {"listed": len(listed), "approved": len(listed & approved)}

    def teams_of_cluster(self, cluster_id: str) -> list[TeamView]:
        return [t for t in self.teams if t.model.cluster == cluster_id]


def build_view(validated: Validated, site_url: str, drafts: bool,
               pdfs: dict[tuple[str, str], dict[str, str]] | None = None, today: dt.date | None = None) -> SiteData:
    """Collect what the pages show; renderers never re-validate, they skip what the rules refused."""
    project = validated.project
    clusters: dict[str, Cluster] = {cid: e.model for cid, e in project.clusters.items() if e.model is not None}
    logos: dict[tuple[str, str], Logo] = {}
    for cid, cluster in clusters.items():
        folder = project.clusters[cid].folder
        _add_logo(logos, cid, cluster.industry_logo, folder, project.root, f"Отрасль: {cluster.industry}")
        for c in cluster.colleges:
            _add_logo(logos, cid, c.logo, folder, project.root, f"Логотип: {c.short_name or c.name}")
        for e in cluster.employers:
            _add_logo(logos, cid, e.logo, folder, project.root, f"Логотип: {e.name}")
    maps = []
    for entry in validated.published(drafts):
        found = clusters.get(entry.cluster_id)
        if found is None:
            continue
        cluster = found
        college = next((c for c in cluster.colleges if c.id == entry.model.college), None)
        if college is None or not entry.model.ladder:
            continue
        employers = [e for eid in entry.model.employers for e in cluster.employers if e.id == eid]
        page = urls.map_page(entry.cluster_id, entry.id)
        pdf = (pdfs or {}).get((entry.cluster_id, entry.id)) or {}
        maps.append(MapView(entry, entry.model, entry.cluster_id, cluster, college, employers, page,
                            urls.absolute(site_url, page), entry.model.status != "approved", dict(pdf)))
    maps.sort(key=lambda m: (m.program.title.lower(), m.college.name.lower(), m.id))
    teams = []
    for entry in project.teams:
        if entry.model is None:
            continue
        team_cluster = clusters.get(entry.model.cluster)
        college = next((c for c in team_cluster.colleges if c.id == entry.model.college), None) \
            if team_cluster else None
        page = urls.team_page(entry.id)
        teams.append(TeamView(entry, entry.model, team_cluster, college, page, urls.absolute(site_url, page)))
    programmes = []
    for doc in collect(project, drafts):
        page = urls.programme_page(doc.id)
        plans = [PlanView(p, plan_report(doc, p, project, today or stamps.today()), urls.plan_page(doc.id, p.year),
                          urls.report_page(doc.id, p.year)) for p in doc.plans]
        programmes.append(ProgrammeView(doc.entry, doc.model, page, urls.absolute(site_url, page), doc.draft, plans))
    return SiteData(project.config.site_name, site_url, maps, clusters, teams, programmes, logos, drafts, project.root,
                    printed=pdfs is not None)


def _add_logo(logos: dict, cluster_id: str, ref: str, folder: Path, root: Path, alt: str) -> None:
    if not ref or (cluster_id, ref) in logos:
        return
    try:
        source = resolve_inside(ref, folder, root)
    except (ImageProblem, OSError):
        return  # validation has already reported it
    rel = PurePosixPath(*PurePosixPath(ref.replace("\\", "/")).parts)
    if is_raster(source):  # rasters are normalised to PNG when copied (render.images)
        rel = rel.with_suffix(".png")
    logos[(cluster_id, ref)] = Logo(source, f"assets/logos/{cluster_id}/{rel}", alt)


def salary_scale(model: CareerMap) -> list[dict]:
    """Each stage's bar on one scale for the whole map (percent of a rounded-up maximum).

    [0] holds the scale's labels and `branches`: the bars of each branch's stages on the same scale."""
    every = [*model.ladder, *(s for b in model.branches for s in b.stages)]
    top = max(s.salary.max for s in every) or 1
    step = 10_000 if top <= 200_000 else 50_000
    scale = math.ceil(top / step) * step

    def bar(s) -> dict:
        lo, avg, hi = s.salary.min, s.salary.avg, s.salary.max
        return {"left": round(lo / scale * 100, 2), "width": max(round((hi - lo) / scale * 100, 2), 0.8),
                "avg": round(avg / scale * 100, 2), "min": text.money(lo), "avg_text": text.money(avg),
                "max": text.money(hi)}
    head = {"scale": text.money(scale), "scale_half": text.money(scale // 2),
            "branches": [[bar(s) for s in b.stages] for b in model.branches]}
    return [head] + [bar(s) for s in model.ladder]


def program_title(code: str | None) -> str | None:
    """The official title of an SPO code, for team members' specialties."""
    if not code:
        return None
    p = refdata.spo_programs().get(code)
    return p.title if p else None


def facets(maps: list[MapView]) -> dict[str, list[tuple[str, str]]]:
    """Filter options for the catalog: (value, label) pairs, sorted by label."""
    def uniq(pairs):
        return sorted(set(pairs), key=lambda p: (p[1].lower(), p[0]))  # by label («09.00.00 …» by code), ties by value
    return {
        "industry": uniq((m.cluster.industry, m.cluster.industry) for m in maps),
        "region": uniq((m.cluster.region, m.cluster.region) for m in maps),
        "cluster": uniq((m.cluster_id, m.cluster.name) for m in maps),
        "college": uniq((f"{m.cluster_id}/{m.college.id}", m.college.short_name or m.college.name) for m in maps),
        "group": uniq((g[0], f"{g[0]} {g[1]}") for m in maps if (g := refdata.spo_group(m.program.code))),
        "profession": uniq((m.program.code, f"{m.program.code} {m.program.title}") for m in maps
                           if m.program.kind == "profession"),
        "specialty": uniq((m.program.code, f"{m.program.code} {m.program.title}") for m in maps
                          if m.program.kind == "specialty"),
    }
