"""Coverage of the colleges' programmes by career maps: approved, draft, missing, not listed (no printing)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from profkarta import refdata, urls
from profkarta.load.project import Entry, Project

APPROVED, DRAFT, MISSING, UNLISTED = "approved", "draft", "missing", "unlisted"
STATUS_RU = {APPROVED: "утверждена", DRAFT: "проект", MISSING: "нет карты", UNLISTED: "не в перечне колледжа"}
CSV_COLUMNS = ["регион", "кластер", "колледж", "код", "название", "статус", "протокол", "дата", "файл", "адрес"]


@dataclass
class Row:
    """One college × code: what the college teaches against the map written for it."""

    region: str
    cluster_id: str
    cluster: str
    college_id: str
    college: str
    code: str
    title: str
    status: str  # APPROVED | DRAFT | MISSING | UNLISTED
    map_status: str | None = None  # the map's own status (for an unlisted map: approved or draft)
    map_id: str | None = None
    protocol: str | None = None
    date: dt.date | None = None
    file: str | None = None  # relative to the project
    url: str | None = None  # the published page (approved maps only: drafts are not on the public site)

    def csv(self) -> list[str]:
        return [self.region, self.cluster, self.college, self.code, self.title, STATUS_RU[self.status],
                self.protocol or "", self.date.isoformat() if self.date else "", self.file or "", self.url or ""]

    def as_dict(self) -> dict:
        return {"region": self.region, "cluster": self.cluster_id, "cluster_name": self.cluster,
                "college": self.college_id, "college_name": self.college, "code": self.code, "title": self.title,
                "status": self.status, "status_ru": STATUS_RU[self.status], "map_status": self.map_status,
                "map": self.map_id, "protocol": self.protocol, "date": self.date.isoformat() if self.date else None,
                "file": self.file, "url": self.url}


@dataclass
class College:
    id: str
    name: str
    listed: bool  # False: an empty programs list, so completeness cannot be judged
    rows: list[Row] = field(default_factory=list)


@dataclass
class Cluster:
    id: str
    name: str
    region: str
    developer: str  # who writes the maps: the managing council, else the cluster itself
    colleges: list[College] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [r for c in self.colleges for r in c.rows]


@dataclass
class Region:
    name: str
    clusters: list[Cluster] = field(default_factory=list)

    @property
    def rows(self) -> list[Row]:
        return [r for c in self.clusters for r in c.rows]


def totals(rows: list[Row]) -> dict[str, int]:
    """Counts per status, every status present (zeros included), plus «listed» = approved+draft+missing."""
    n = Counter(r.status for r in rows)
    out = {s: n.get(s, 0) for s in (APPROVED, DRAFT, MISSING, UNLISTED)}
    out["listed"] = out[APPROVED] + out[DRAFT] + out[MISSING]
    return out


def _title(code: str, maps: list[Entry]) -> str:
    for m in maps:
        return m.model.program.title
    known = refdata.spo_programs().get(code)
    return known.title if known else ""


def _map_row(row: Row, m: Entry, site_url: str | None, project: Project) -> None:
    model = m.model
    row.map_id, row.map_status, row.file = m.id, model.status, project.rel(m.doc.path)
    if model.status == "approved":
        if model.approval is not None:
            row.protocol, row.date = str(model.approval.protocol), model.approval.date
        page = urls.map_page(m.cluster_id or "", m.id)
        row.url = urls.absolute(site_url, page) if site_url else page


def coverage(project: Project, site_url: str | None = None) -> list[Region]:
    """Region → cluster → college → rows, sorted by name; only files whose shape is valid take part."""
    regions: dict[str, Region] = {}
    for cid in sorted(project.clusters):
        centry = project.clusters[cid]
        cl = centry.model
        if cl is None:
            continue
        region = refdata.find_region(cl.region)
        rname = region.name if region else cl.region
        cluster = Cluster(cid, cl.name, rname, cl.managing_council or cl.name)
        regions.setdefault(rname, Region(rname)).clusters.append(cluster)
        maps = [m for m in project.maps if m.cluster_id == cid and m.model is not None]
        for col in cl.colleges:
            college = College(col.id, col.short_name or col.name, bool(col.programs))
            cluster.colleges.append(college)
            mine = [m for m in maps if m.model.college == col.id]
            codes = list(dict.fromkeys(c.strip() for c in col.programs))
            for code in codes:
                with_code = sorted((m for m in mine if m.model.program.code.strip() == code),
                                   key=lambda m: (m.model.status != "approved", m.id))
                status = (APPROVED if with_code[0].model.status == "approved" else DRAFT) if with_code else MISSING
                row = Row(rname, cid, cl.name, col.id, college.name, code, _title(code, with_code), status)
                if with_code:
                    _map_row(row, with_code[0], site_url, project)
                college.rows.append(row)
            for m in sorted(mine, key=lambda m: (m.model.program.code, m.id)):
                code = m.model.program.code.strip()
                if code in codes:
                    continue
                row = Row(rname, cid, cl.name, col.id, college.name, code, m.model.program.title, UNLISTED)
                _map_row(row, m, site_url, project)
                college.rows.append(row)
    return [regions[k] for k in sorted(regions)]


def flat(regions: list[Region]) -> list[Row]:
    return [r for region in regions for r in region.rows]


def as_json(regions: list[Region]) -> dict:
    """The nested report with totals at every level (the command serialises it)."""
    return {
        "totals": totals(flat(regions)),
        "regions": [{
            "region": g.name, "totals": totals(g.rows),
            "clusters": [{
                "id": c.id, "name": c.name, "developer": c.developer, "totals": totals(c.rows),
                "colleges": [{"id": k.id, "name": k.name, "programs_listed": k.listed, "totals": totals(k.rows),
                              "rows": [r.as_dict() for r in k.rows]} for k in c.colleges],
            } for c in g.clusters],
        } for g in regions],
    }


def in_scope(regions: list[Region], cluster: str | None = None, region: str | None = None) -> list[Region]:
    """Only one cluster, or only one region (by any name refdata knows for it)."""
    if cluster:
        return [Region(g.name, [c for c in g.clusters if c.id == cluster]) for g in regions
                if any(c.id == cluster for c in g.clusters)]
    if region:
        want = refdata.find_region(region)
        name = want.name if want else region.strip()
        return [g for g in regions if g.name == name]
    return regions
