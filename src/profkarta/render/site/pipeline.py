"""The site renderer: view of the data → generated pages → mkdocs-material → map pages, share images, catalog."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from profkarta import urls
from profkarta.cache import Cache
from profkarta.errors import BuildError
from profkarta.render.site.catalog import write_catalog
from profkarta.render.site.channels import ChannelWriter
from profkarta.render.site.generate import brand_logo_source, brand_name, generate, share_jobs
from profkarta.render.site.mappages import write_map_pages
from profkarta.render.site.mapwork import MapWork
from profkarta.render.site.mkdocs_cache import fill_deferred, run_or_reuse_mkdocs
from profkarta.render.site.output import remove_later
from profkarta.render.site.offline import write_offline_kit
from profkarta.render.site.search import add_search_entries
from profkarta.render.site.seo import write_seo
from profkarta.render import writes
from profkarta.render.site.view import SiteData, build_view

DEFAULT_SITE_URL = "http://localhost:8000/"
Progress = Callable[[str, int, int | None], None]


@dataclass
class SiteResult:
    """What render_site wrote into the folder it was given, and how long each stage took."""

    site_dir: Path
    site_url: str
    data: SiteData
    pages: int = 0
    maps: int = 0
    share_drawn: int = 0
    map_pages_rendered: int = 0
    map_pages_reused: int = 0
    channels_rendered: int = 0  # maps whose slides and embed were rendered (channels.py)
    channels_reused: int = 0
    mkdocs_reused: bool = False  # no page mkdocs builds had changed: its previous output was linked in
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def choose_site_url(cli_url: str | None, config_url: str | None) -> tuple[str, str | None]:
    """--site-url beats mkdocs.yml; with neither, localhost and a warning. Always ends with a slash."""
    url = (cli_url or config_url or "").strip()
    warning = None
    if not url:
        url = DEFAULT_SITE_URL
        warning = ("адрес сайта не задан (ни --site-url, ни site_url в mkdocs.yml): ссылки и QR-коды ведут на "
                   f"{DEFAULT_SITE_URL} — для публикации укажите настоящий адрес.")
    problem = urls.site_url_problem(url)
    if problem and problem[0] == "error":
        raise BuildError(problem[1].replace("site_url: ", "--site-url " if cli_url else "site_url: "))
    return url.rstrip("/") + "/", warning


def planned_pdfs(validated, drafts: bool) -> dict[tuple[str, str], dict[str, str]]:
    """Where print puts each map's PDFs (pages link to them before print has run)."""
    return {(m.cluster_id, m.id): {**{f: urls.map_pdf(m.cluster_id, m.id, f) for f in ("a4", "a3")},
                                   "plan": urls.map_plan_pdf(m.cluster_id, m.id)}
            for m in validated.published(drafts)}


def render_site(validated, out_dir: Path, *, site_url: str, drafts: bool = False, pdf_links: bool = True,
                cache_dir: Path | None = None, workers: int | None = None,
                on_progress: Progress | None = None) -> SiteResult:
    """Write the site (not the PDFs) into out_dir, an empty folder; the caller decides where it ends up."""
    progress: Progress = on_progress or (lambda *a: None)
    t0 = time.perf_counter()
    writes.forget()
    pdfs = planned_pdfs(validated, drafts) if pdf_links else None
    data = build_view(validated, site_url, drafts, pdfs)
    result = SiteResult(out_dir, site_url, data, maps=len(data.maps))
    # the build folder sits in the cache when there is one: cached logos are linked into it, not copied
    try:
        build = Cache(cache_dir).tmp_dir() if cache_dir is not None else None
    except OSError:  # a read-only cache
        build = None
    build = build or Path(tempfile.mkdtemp(prefix="profkarta-build-"))
    # share images, slides and embeds need nothing from mkdocs: other processes make them from the start, while
    # this one writes the pages and runs mkdocs
    channels = ChannelWriter(data, validated.project.root, out_dir,
                             brand_logo_source(data, validated.project.config)[1], cache_dir)
    work = MapWork(share_jobs(data, brand_name(validated.project.config.raw), cache_dir), channels, workers)
    work.start()
    try:
        try:
            # Markdown pages, theme overrides and mkdocs.yml for mkdocs-material, in a temporary folder
            gen = generate(data, validated.project, build, out_dir, cache_dir=cache_dir, on_progress=progress)
            result.pages = gen.pages
            result.warnings += gen.warnings
            result.timings["страницы"] = time.perf_counter() - t0
            progress("Сборка сайта (mkdocs)", 0, None)
            t1 = time.perf_counter()
            mk = run_or_reuse_mkdocs(gen.config, build, out_dir, cache_dir)
            result.warnings += [f"mkdocs: {w}" for w in mk.warnings]
            result.mkdocs_reused = mk.reused
            result.timings["mkdocs"] = time.perf_counter() - t1
            t1 = time.perf_counter()
            result.share_drawn, result.channels_rendered = work.wait()
            result.channels_reused = len(data.maps) - result.channels_rendered
        except BaseException:
            work.cancel()
            raise
        result.timings["картинки, слайды и встраивание"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        fill_deferred(out_dir, gen.writer.deferred if gen.writer is not None else {})
        # map and cluster pages: filled into the shells mkdocs built (linear at national scale)
        if data.maps or data.clusters:
            result.map_pages_rendered, result.map_pages_reused = write_map_pages(
                gen, data, validated.project.root / "theme", out_dir, cache_dir, workers, progress)
        add_search_entries(out_dir, data)
        write_seo(out_dir, data)  # robots.txt; sitemap lastmod from the data, not the build day
        result.timings["страницы карт"] = time.perf_counter() - t1
        # the offline kit (manifest, icons, service worker, what each cluster saves): it lists the files above
        t1 = time.perf_counter()
        write_offline_kit(data, validated.project.config.raw, out_dir)
        result.timings["офлайн-набор"] = time.perf_counter() - t1
    finally:
        remove_later(build, build.with_name(build.name + "-done"), 3 * len(data.maps))  # ~logos, pages per map
    write_catalog(data, out_dir, pdfs)
    return result


def print_links(data: SiteData) -> list[str]:
    """Every print file the pages link to (maps, college and cluster booklets, team cards)."""
    links = [p for m in data.maps for p in m.pdf.values()]
    for cid, cluster in data.clusters.items():
        if data.maps_of_cluster(cid):
            links.append(urls.cluster_booklet(cid))
        links += [urls.college_booklet(cid, c.id) for c in cluster.colleges if data.maps_of_college(cid, c.id)]
    links += [urls.team_cards(t.entry.id) for t in data.teams]
    for p in data.programmes:
        links.append(urls.programme_pdf(p.id))
        links += [f(p.id, pl.year) for pl in p.plans for f in (urls.plan_pdf, urls.report_pdf)]
    return links


def missing_links(data: SiteData, out_dir: Path) -> list[str]:
    return [f"страница ссылается на {p}, но такого файла печать не сделала." for p in print_links(data)
            if not (out_dir / p).is_file()]
