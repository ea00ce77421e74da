"""The search index entries of map pages: what people search for, not every paragraph of the page."""

from __future__ import annotations

import json
from pathlib import Path

from profkarta import urls
from profkarta.cache import replace_file
from profkarta.render.site import text

INDEX = Path("search") / "search_index.json"


def map_entry(m) -> dict:
    """Title, code, kind, qualification, positions, stage titles, college, employers, cluster and region."""
    p = m.program
    stages = [s.title for s in m.model.ladder if s.title]
    words = [f"{text.KIND_RU[p.kind]} {p.code}", p.qualification or "", "Должности: " + ", ".join(m.positions),
             "Ступени: " + ", ".join(stages), m.college.name, m.college.short_name or "",
             ", ".join(e.name for e in m.employers), m.cluster.name, m.cluster.industry, m.cluster.region]
    return {"location": m.page, "title": f"{p.title} — {m.college.short_name or m.college.name}",
            "text": ". ".join(w for w in words if w)}


def cluster_entry(cid: str, cluster) -> dict:
    """Name, kind, industry, region, colleges and employers of a cluster."""
    words = [text.CLUSTER_KIND_RU[cluster.kind], cluster.industry, cluster.region,
             "Колледжи: " + ", ".join(c.name for c in cluster.colleges),
             "Работодатели: " + ", ".join(e.name for e in cluster.employers)]
    return {"location": urls.cluster_page(cid), "title": cluster.name, "text": ". ".join(w for w in words if w)}


def add_search_entries(site_dir: Path, data) -> int:
    """Map and cluster pages are left out of mkdocs' own indexing (they are filled shells); add them here."""
    path = site_dir / INDEX
    entries = [map_entry(m) for m in data.maps] + [cluster_entry(cid, c) for cid, c in data.clusters.items()]
    if not path.is_file() or not entries:
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    index.setdefault("docs", []).extend(entries)
    replace_file(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))  # may be linked to the cache
    return len(entries)
