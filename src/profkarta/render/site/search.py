"""The search index entries of map pages: what people search for, not every paragraph of the page."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from profkarta import urls
from profkarta.cache import replace_file

INDEX = Path("search") / "search_index.json"
_WORD = re.compile(r"[\w.]+(?:-[\w.]+)*")
# lunr's Russian stop words are dropped when the browser builds the index: no use shipping them
_STOP = {"и", "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "при", "не"}
COMMON_FROM = 50  # a word in this many maps (or a tenth of them, if more) is left out of their texts


def words(*texts: str, skip: str = "") -> str:
    """Each word once (lunr matches words, not phrases): the index stays ≈ 250 bytes per map at national scale."""
    seen = {w.lower() for w in _WORD.findall(skip)} | _STOP
    out = []
    for t in texts:
        for w in _WORD.findall(t or ""):
            if w.lower() not in seen:
                seen.add(w.lower())
                out.append(w)
    return " ".join(out)


def map_entry(m) -> dict:
    """Title and college in the title; code, qualification and positions as words (stages, employers, cluster and
    region are found through the cluster's entry)."""
    p = m.program
    title = f"{p.title} — {m.college.short_name or m.college.name}"
    branches = [b.title for b in m.model.branches]  # «Экспертная траектория» is searched for too
    return {"location": m.page, "title": title,
            "text": words(p.code, p.qualification or "", *m.positions, *branches, skip=title)}


def cluster_entry(cid: str, cluster) -> dict:
    """Name, industry, region, colleges and employers of a cluster."""
    return {"location": urls.cluster_page(cid), "title": cluster.name,
            "text": words(cluster.industry, cluster.region, *(c.short_name or c.name for c in cluster.colleges),
                          *(e.name for e in cluster.employers), skip=cluster.name)}


def _prune_common(entries: list[dict], keep_below: int) -> None:
    """Words found in very many maps («специалист», «старший») find nothing in particular: left out of the maps'
    texts (titles keep every word). A small site keeps them all."""
    df = Counter(w.lower() for e in entries for w in set(e["text"].split()))
    common = {w for w, n in df.items() if n >= keep_below}
    if common:
        for e in entries:
            e["text"] = " ".join(w for w in e["text"].split() if w.lower() not in common)


def add_search_entries(site_dir: Path, data) -> int:
    """Map and cluster pages are left out of mkdocs' own indexing (they are filled shells); add them here."""
    path = site_dir / INDEX
    maps = [map_entry(m) for m in data.maps]
    _prune_common(maps, max(COMMON_FROM, len(maps) // 10))
    entries = maps + [cluster_entry(cid, c) for cid, c in data.clusters.items()]
    if not path.is_file() or not entries:
        return 0
    index = json.loads(path.read_text(encoding="utf-8"))
    index.setdefault("docs", []).extend(entries)
    replace_file(path, json.dumps(index, ensure_ascii=False, separators=(",", ":")))  # may be linked to the cache
    return len(entries)
