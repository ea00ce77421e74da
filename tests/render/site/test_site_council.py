"""The public site and the council: coverage on cluster pages (drafts never named), approval in catalog.json."""

from __future__ import annotations

import json
import re

import pytest
import yaml

pytestmark = pytest.mark.slow
CL = "demo-mashinostroenie"


def _yaml(built_site, name: str) -> dict:
    return yaml.safe_load((built_site.root / "career_maps" / CL / name).read_text(encoding="utf-8"))


def test_cluster_page_shows_coverage_without_drafts(built_site):
    html = (built_site.site / "clusters" / CL / "index.html").read_text(encoding="utf-8")
    cluster = _yaml(built_site, "cluster.yaml")
    listed = {(c["id"], code) for c in cluster["colleges"] for code in c.get("programs") or []}
    maps = [_yaml(built_site, p.name) for p in (built_site.root / "career_maps" / CL).glob("*.yaml")
            if p.name != "cluster.yaml"]
    approved = {(m["college"], m["program"]["code"]) for m in maps if m.get("status") == "approved"}
    block = re.search(r'<div class="pk-coverage">(.*?)</div>', html, re.S)
    assert block, "no coverage on the cluster page"
    text = re.sub(r"<[^>]+>", "", block.group(1))
    assert f"колледжах кластера: {len(listed)}" in text
    assert f"есть для {len(listed & approved)}" in text
    assert f'max="{len(listed)}" value="{len(listed & approved)}"' in block.group(1)
    draft = next(m for m in maps if m.get("status") == "draft")
    assert draft["program"]["title"] not in html and draft["program"]["code"] not in html


def test_catalog_carries_each_maps_approval(built_site):
    data = json.loads((built_site.site / "catalog.json").read_text(encoding="utf-8"))
    assert data
    for entry in data:
        source = next(_yaml(built_site, p.name) for p in (built_site.root / "career_maps" / entry["cluster"]).glob(
            "*.yaml") if p.stem == entry["id"])
        assert entry["approval"] == {"protocol": str(source["approval"]["protocol"]),
                                     "date": str(source["approval"]["date"])}
