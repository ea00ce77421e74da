"""Writing the map pages: from a content-hash cache when nothing changed, else by worker processes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from profkarta import parallel, urls
from profkarta.cache import Cache, file_digest, folder_hash, make_key
from profkarta.render.site.generate import shell_kinds
from profkarta.render.site.pages import theme_dir
from profkarta.render.site.shell import Shells, fix_sitemap

PARALLEL_FROM = 200  # fewer pages are written faster by this process alone
_JOB: dict = {}  # what forked workers inherit: the writer, the shells, the maps and where to put pages


def _page_key(base: str, m, data) -> str:
    """Everything a map page shows: its map, cluster, college, employers, logos, PDFs, address, draft flag."""
    logos = sorted((lg.path, file_digest(lg.source)) for (cid, _), lg in data.logos.items() if cid == m.cluster_id)
    return make_key("map-page", base, m.model.model_dump(mode="json"), m.cluster.model_dump(mode="json"),
                    m.college.id, [e.id for e in m.employers], m.pdf, m.page, m.url, m.draft, data.site_url,
                    data.site_name, logos)


def _write(indices: list[int]) -> int:
    job = _JOB
    maps, clusters = job["maps"], job["clusters"]
    for i in indices:
        if i >= len(maps):  # a cluster page: cheap, and it lists its maps, so it is always rendered
            cid, cluster = clusters[i - len(maps)]
            target = job["out"] / urls.cluster_page(cid) / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(job["writer"].cluster_page(cid, cluster, job["shells"]), encoding="utf-8")
            continue
        m = maps[i]
        html = job["writer"].map_page(m, job["shells"])
        target = job["out"] / m.page / "index.html"
        key = job["keys"][i]
        if key is not None:  # stored, then linked: the next build links the same file, unchanged by inode
            job["cache"].store(key, {"index.html": html.encode("utf-8")})
            if job["cache"].link(key, ["index.html"], [target]):
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return len(indices)


def write_map_pages(gen, data, project_theme: Path, out_dir: Path, cache_dir: Path | None, workers: int | None,
                    progress) -> tuple[int, int]:
    """Fill the shells mkdocs built with map and cluster pages; (map pages rendered, taken from the cache)."""
    shells = Shells(out_dir, gen.tokens, shell_kinds(data))
    token = gen.tokens.title[len("PKTITLE"):]
    # the shells carry the theme (mkdocs-material, project overrides); the page templates are hashed too
    base = folder_hash(theme_dir() / "pages", project_theme / "pages") + "".join(
        hashlib.sha256(html.replace(token, "").encode()).hexdigest() for _, html in sorted(shells.html.items()))
    maps = data.maps
    cache = Cache(cache_dir)
    keys: list[str | None] = []
    todo: list[int] = []
    reused = 0
    for i, m in enumerate(maps):
        key = _page_key(base, m, data) if cache_dir is not None else None
        if key is not None and cache.link(key, ["index.html"], [out_dir / m.page / "index.html"]):
            reused += 1
            keys.append(None)
            continue
        keys.append(key)
        todo.append(i)
    clusters = list(data.clusters.items())
    rendered = len(todo)
    todo += range(len(maps), len(maps) + len(clusters))
    _JOB.update(writer=gen.writer, shells=shells, maps=maps, clusters=clusters, out=out_dir, keys=keys, cache=cache)
    try:
        n = parallel.workers(workers)
        done = 0
        # the workers read _JOB, which fork hands them; where fork is unsafe (serve) this runs inline
        for count in parallel.imap(_write, parallel.chunks(todo, n, per_worker=8, least=25), n, inherit=True,
                                   min_items=2 if len(todo) >= PARALLEL_FROM else len(todo) + 1, ordered=False):
            done += count
            progress("Страницы карт и кластеров", reused + done, len(maps) + len(clusters))
    finally:
        _JOB.clear()
    progress("Страницы карт и кластеров", len(maps) + len(clusters), len(maps) + len(clusters))
    fix_sitemap(out_dir, data.site_url, [m.page for m in maps if not m.draft] +
                [urls.cluster_page(cid) for cid, _ in clusters])
    return rendered, reused
