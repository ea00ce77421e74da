"""Writing the map pages: from a content-hash cache when nothing changed, else by worker processes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from profkarta import parallel, urls
from profkarta.cache import Cache, file_digest, folder_hash, make_key
from profkarta.render.site.generate import shell_kinds
from profkarta.render.site.pages import theme_dir
from profkarta.render.site.shell import Shells, fix_sitemap
from profkarta.render.writes import write_file

PARALLEL_FROM = 200  # fewer pages are written faster by this process alone
_JOB: dict = {}  # what forked workers inherit: the writer, the shells, the maps and where to put pages


def _cluster_logos(data) -> dict[str, list]:
    """Each cluster's logos by content, hashed once per build (not once per map)."""
    out: dict[str, list] = {}
    for (cid, _), lg in sorted(data.logos.items()):
        out.setdefault(cid, []).append((lg.path, file_digest(lg.source)))
    return {cid: sorted(v) for cid, v in out.items()}


def _page_key(base: str, m, data, logos: list, cluster: object) -> str:
    """Everything a map page shows: its map, cluster, college, employers, logos, PDFs, address, draft flag.
    The map counts by the hash of its file's text when the parse cache gave one (a model is a function of
    its data and of the code, which is in every key), else by its model."""
    return make_key("map-page", base, m.entry.doc.digest or m.model.model_dump(mode="json"), cluster,
                    m.college.id, [e.id for e in m.employers], m.pdf, m.page, m.url, m.draft, data.site_url,
                    data.site_name, logos)


def _cluster_key(base: str, cid: str, cluster, data, map_keys: list[str], logos: list) -> str:
    """Everything a cluster page shows: the cluster, its maps (their page keys cover all a card shows), its
    teams, logos, address and the site's name."""
    teams = [(t.page, t.model.model_dump(mode="json")) for t in data.teams_of_cluster(cid)]
    return make_key("cluster-page", base, cid, cluster.model_dump(mode="json"), map_keys, teams, logos,
                    data.site_url, data.site_name, data.drafts, data.printed)


def _write(indices: list[int]) -> int:
    job = _JOB
    maps, clusters = job["maps"], job["clusters"]
    for i in indices:
        if i >= len(maps):  # a cluster page
            cid, cluster = clusters[i - len(maps)]
            target = job["out"] / urls.cluster_page(cid) / "index.html"
            html = job["writer"].cluster_page(cid, cluster, job["shells"])
            key = job["cluster_keys"].get(cid)
            if key is not None:
                job["cache"].store(key, {"index.html": html.encode("utf-8")})
                if job["cache"].link(key, ["index.html"], [target]):
                    continue
            write_file(target, html.encode("utf-8"))
            continue
        m = maps[i]
        html = job["writer"].map_page(m, job["shells"])
        target = job["out"] / m.page / "index.html"
        key = job["keys"][i]
        if key is not None:  # stored, then linked: the next build links the same file, unchanged by inode
            job["cache"].store(key, {"index.html": html.encode("utf-8")})
            if job["cache"].link(key, ["index.html"], [target]):
                continue
        write_file(target, html.encode("utf-8"))
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
    logos = _cluster_logos(data) if cache_dir is not None else {}
    keys: list[str | None] = []
    by_cluster: dict[str, list[str]] = {}
    todo: list[int] = []
    reused = 0
    cluster_data = {cid: c.model_dump(mode="json") for cid, c in data.clusters.items()} if cache_dir else {}
    for i, m in enumerate(maps):
        key = _page_key(base, m, data, logos.get(m.cluster_id, []), cluster_data.get(m.cluster_id)) \
            if cache_dir is not None else None
        by_cluster.setdefault(m.cluster_id, []).append(key or "")
        if key is not None and cache.link(key, ["index.html"], [out_dir / m.page / "index.html"]):
            reused += 1
            keys.append(None)
            continue
        keys.append(key)
        todo.append(i)
    clusters = list(data.clusters.items())
    rendered = len(todo)
    cluster_keys: dict[str, str] = {}
    for j, (cid, cluster) in enumerate(clusters):
        if cache_dir is not None:
            key = _cluster_key(base, cid, cluster, data, by_cluster.get(cid, []), logos.get(cid, []))
            if cache.link(key, ["index.html"], [out_dir / urls.cluster_page(cid) / "index.html"]):
                continue
            cluster_keys[cid] = key
        todo.append(len(maps) + j)
    _JOB.update(writer=gen.writer, shells=shells, maps=maps, clusters=clusters, out=out_dir, keys=keys, cache=cache,
                cluster_keys=cluster_keys)
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
