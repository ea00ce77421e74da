"""catalog.json: every published map, for machines (absolute page URL, print files relative to the site)."""

from __future__ import annotations

import json
from typing import Any
from pathlib import Path

from profkarta import refdata, urls
from profkarta.render.site.view import SiteData


def catalog(data: SiteData, map_files: dict[tuple[str, str], dict[str, str]] | None) -> list[dict]:
    """A list with one object per published map (the spec's contract: id, cluster, college, program, url, pdf)."""
    maps = []
    for m in data.maps:
        pdf = dict((map_files or {}).get((m.cluster_id, m.id)) or {})
        entry: dict[str, Any] = {
            "id": m.id,
            "cluster": m.cluster_id,
            "college": m.college.id,
            "college_name": m.college.name,
            "program": {"code": m.program.code, "title": m.program.title, "kind": m.program.kind},
            "url": m.url,
            "pdf": {k: pdf[k] for k in ("a4", "a3") if k in pdf},
            "share_image": urls.share_image(m.cluster_id, m.id),
            "industry": m.cluster.industry,
            "region": m.cluster.region,
            "status": m.model.status,
            "salary": {"min": m.salary_range[0], "max": m.salary_range[1]},
        }
        approval = m.model.approval  # null for a draft (published only with --drafts)
        entry["approval"] = ({"protocol": str(approval.protocol), "date": approval.date.isoformat()}
                             if m.model.status == "approved" and approval is not None else None)
        if m.program.qualification:
            entry["program"]["qualification"] = m.program.qualification
        group = refdata.spo_group(m.program.code)
        if group:
            entry["program"]["group"] = {"code": group[0], "title": group[1]}
        entry["branches"] = [{"title": br.title, "from": br.start,
                              "stages": [s.title or s.positions[0] for s in br.stages]} for br in m.model.branches]
        maps.append(entry)
    return maps


def write_catalog(data: SiteData, site_dir: Path, map_files) -> Path:
    path = site_dir / "catalog.json"
    path.write_text(json.dumps(catalog(data, map_files), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
