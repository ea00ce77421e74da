"""The site build: view of the data → generated pages → mkdocs-material → print files → catalog.json."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from profkarta import urls
from profkarta.errors import BuildError
from profkarta.render.site.catalog import write_catalog
from profkarta.render.site.generate import generate
from profkarta.render.site.mkdocs_run import run_mkdocs
from profkarta.render.site.search import add_search_entries
from profkarta.render.site.seo import write_seo
from profkarta.render.site.share import ShareDrawer
from profkarta.render.site.mappages import write_map_pages
from profkarta.render.site.view import build_view
from profkarta.validate import Validated

DEFAULT_SITE_URL = "http://localhost:8000/"


@dataclass
class SiteResult:
    site_dir: Path
    site_url: str
    pages: int = 0
    maps: int = 0
    pdfs: int = 0
    pdf_rendered: int = 0
    pdf_reused: int = 0
    share_drawn: int = 0
    map_pages_rendered: int = 0
    map_pages_reused: int = 0
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
    if not url.startswith(("http://", "https://")):
        raise BuildError(f"адрес сайта «{url}» должен начинаться с https:// или http://.")
    return url.rstrip("/") + "/", warning


def planned_pdfs(validated: Validated, drafts: bool) -> dict[tuple[str, str], dict[str, str]]:
    return {(m.cluster_id, m.id): {f: urls.map_pdf(m.cluster_id, m.id, f) for f in ("a4", "a3")}
            for m in validated.published(drafts)}


def build_into(validated: Validated, out_dir: Path, *, site_url: str, drafts: bool = False, with_print: bool = True,
               cache_dir: Path | None = None, workers: int | None = None, on_progress=None) -> SiteResult:
    """Build the whole site into out_dir (an empty folder); the caller decides where it ends up."""
    progress = on_progress or (lambda *a: None)
    result = SiteResult(out_dir, site_url)
    t0 = time.perf_counter()
    render_print = _print_renderer() if with_print else None
    pdfs = planned_pdfs(validated, drafts) if with_print else None
    data = build_view(validated, site_url, drafts, pdfs)
    result.maps = len(data.maps)
    with tempfile.TemporaryDirectory(prefix="profkarta-build-") as tmp:
        build = Path(tmp)
        gen = generate(data, validated.project, build, out_dir, cache_dir=cache_dir, on_progress=progress)
        result.pages = gen.pages
        result.warnings += gen.warnings
        result.timings["страницы"] = time.perf_counter() - t0
        progress("Сборка сайта (mkdocs)", 0, None)
        t1 = time.perf_counter()
        drawer = ShareDrawer(gen.share_jobs, workers)
        drawer.start()  # share images are drawn by the other cores while mkdocs renders pages
        try:
            result.warnings += [f"mkdocs: {w}" for w in run_mkdocs(gen.config, build / "mkdocs.yml")]
            result.timings["mkdocs"] = time.perf_counter() - t1
            t1 = time.perf_counter()
            result.share_drawn = drawer.wait()
        except BaseException:
            drawer.cancel()
            raise
        if (build / "share-out").is_dir():
            shutil.copytree(build / "share-out", out_dir, dirs_exist_ok=True)
        result.timings["картинки для соцсетей"] = time.perf_counter() - t1
        t1 = time.perf_counter()
        if data.maps or data.clusters:
            result.map_pages_rendered, result.map_pages_reused = write_map_pages(
                gen, data, validated.project.root / "theme", out_dir,
                cache_dir / "pages" if cache_dir else None, workers, progress)
        add_search_entries(out_dir, data)
        write_seo(out_dir, data)  # robots.txt; sitemap lastmod from the data, not the build day
        result.timings["страницы карт"] = time.perf_counter() - t1
    map_files = None
    if render_print is not None:
        t2 = time.perf_counter()
        printed = render_print(validated, out_dir, site_url=site_url, drafts=drafts, cache_dir=cache_dir,
                               workers=workers, on_progress=lambda *a: progress("Печать (PDF)", *_counts(a)))
        map_files = printed.map_files
        result.pdfs = sum(len(v) for v in map_files.values()) + len(getattr(printed, "booklets", []) or []) + \
            len(getattr(printed, "cards", []) or [])
        result.pdf_rendered = int(getattr(printed, "rendered", 0) or 0)
        result.pdf_reused = int(getattr(printed, "reused", 0) or 0)
        result.warnings += [str(w) for w in getattr(printed, "warnings", []) or []]
        for key, files in map_files.items():
            if files != (pdfs or {}).get(key, files):
                result.warnings.append(f"PDF карты {key[0]}/{key[1]} лежат не там, куда ведут ссылки страницы.")
        result.timings["печать"] = time.perf_counter() - t2
        result.warnings += missing_links(data, out_dir)
    write_catalog(data, out_dir, map_files)
    result.timings["всего"] = time.perf_counter() - t0
    return result


def print_links(data) -> list[str]:
    """Every print file the pages link to (maps, college and cluster booklets, team cards)."""
    links = [p for m in data.maps for p in m.pdf.values()]
    for cid, cluster in data.clusters.items():
        if data.maps_of_cluster(cid):
            links.append(urls.cluster_booklet(cid))
        links += [urls.college_booklet(cid, c.id) for c in cluster.colleges if data.maps_of_college(cid, c.id)]
    links += [urls.team_cards(t.entry.id) for t in data.teams]
    return links


def missing_links(data, out_dir: Path) -> list[str]:
    return [f"страница ссылается на {p}, но такого файла печать не сделала." for p in print_links(data)
            if not (out_dir / p).is_file()]


def _counts(args: tuple) -> tuple[int, int | None]:
    """(done, total) from whatever the print renderer reports (it may add a label or a file name)."""
    nums = [a for a in args if isinstance(a, int) and not isinstance(a, bool)]
    return (nums[0] if nums else 0), (nums[1] if len(nums) > 1 else None)


def _print_renderer():
    try:
        from profkarta.render.print import render_print
    except ImportError as exc:
        raise BuildError("модуль печати (profkarta.render.print) не найден или не загружается "
                         f"({exc}); без него PDF не собрать. Обновите profkarta.") from None
    return render_print
