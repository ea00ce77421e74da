"""Plan the print jobs, take what the cache has, run the rest in forked worker processes."""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from collections.abc import Callable

from profkarta import parallel, shortlinks, urls
from profkarta.errors import BuildError
from profkarta.render.print import engine, merge
from profkarta.render.print.booklets import booklet_context, cards_context, number_pages, ordered
from profkarta.cache import Cache, make_key
from profkarta.render.print.cache import InputKeys, Overflows, key_of
from profkarta.render.print.context import THEME, Logos, map_context, print_text
from profkarta.measure import start_level
from profkarta.render.print.myplan import myplan_jobs
from profkarta.render.print.popularization import plan_jobs
from profkarta.render.print.stamp import mm_to_pt
from profkarta.render.print.templates import base_url, render_html
from profkarta.render.writes import ensure_dir, forget, write_file


@dataclass
class PrintResult:
    """What render_print wrote (paths relative to out_dir) and how much work it took."""

    map_files: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    booklets: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # popularization programmes, plans and reports
    plans: dict[tuple[str, str], str] = field(default_factory=dict)  # «Мой карьерный план» sheet of each map
    redirects: list[str] = field(default_factory=list)  # q/<code>/index.html: the short addresses in QR codes
    rendered: int = 0  # PDFs laid out by WeasyPrint this run (map A4 pages, booklet fronts, card sheets)
    reused: int = 0  # PDFs of those kinds copied from the cache instead
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # summed worker seconds per job kind


def run_job(job: dict) -> dict:
    """Worker entry: never lets an exception (or WeasyPrint's fatal fetch error) kill the pool."""
    try:
        if job["kind"] == "booklet":
            return booklet_job(job)
        return engine.run_job(job)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        return {"key": job.get("key"), "kind": job["kind"], "error": f"{type(exc).__name__}: {exc}",
                "target": job.get("a4") or job.get("target")}


def booklet_job(job: dict) -> dict:
    """Number the contents, lay out (or reuse) the cover+contents, append the maps' A4 pages."""
    t0 = time.perf_counter()
    cache = Cache(Path(job["cache"]) if job["cache"] else None)
    # each map's booklet page (its layout with the booklet's own QR); its plan sheet may follow. Each file is
    # opened once: the same handle counts its pages for the contents and is joined
    parts: list[tuple[object, str]] = []
    counts = []
    for page, title, plan in job["parts"]:
        parts.append((merge.open_part(page), title))
        counts.append(len(parts[-1][0].pages))  # type: ignore[attr-defined]
        if plan:
            parts.append((merge.open_part(plan), f"{title}: мой карьерный план"))
            counts[-1] += len(parts[-1][0].pages)  # type: ignore[attr-defined]
    try:
        ctx, guess, laid_out = job["ctx"], 2, False
        for _ in range(4):
            number_pages(ctx, guess, counts)
            html = render_html("booklet.html.j2", ctx)
            key = key_of("front", html)
            cached = cache.load(key, ["front.pdf"])
            if cached is not None:
                front = cached["front.pdf"]
                break
            doc = engine.layout(html, job["base_url"], job["allowed"])
            laid_out = True
            if len(doc.pages) == guess:
                front = engine.write_pdf(doc)
                cache.store(key, {"front.pdf": front})
                break
            guess = len(doc.pages)
        else:  # pragma: no cover - the contents never settle
            raise BuildError(f"оглавление буклета {job['target']} не удалось разместить")
        meta = {"title": ctx["meta_title"], "author": ctx["author"], "subject": "Буклет для приёмной комиссии"}
        Path(job["target"]).write_bytes(merge.merge(front, parts, meta, "Обложка и содержание"))
    finally:
        for part, _title in parts:
            part.close()  # type: ignore[attr-defined]
    return {"key": job["key"], "kind": "booklet", "laid_out": laid_out, "target": job["target"],
            "seconds": time.perf_counter() - t0}


BATCH = 400  # jobs per pool of workers (about a minute of work on two cores): see parallel.imap_batches


def _map_job(e, project, site_url: str, logos: Logos, key: str, targets: list[Path], common: dict) -> dict:
    ctx = map_context(e, project, site_url, logos)
    meta_a3 = {"title": ctx["meta_title"] + " — плакат A3", "author": ctx["author"],
               "subject": "Карьерная карта выпускника, плакат A3"}
    return {"kind": "map", "key": key, "html": render_html("map.html.j2", ctx), "a4": str(targets[0]),
            "a3": str(targets[1]), "booklet": str(targets[2]), "qr": ctx["qr_urls"],
            "qr_pt": mm_to_pt(ctx["qr_mm"]), "meta_a3": meta_a3, "start": start_level(e.model, print_text(ctx)),
            "id": e.doc.rel, **common}  # the file, named in warnings


def _run(makers: list[Callable[[], dict]], workers: int, progress: Callable[[], None]) -> list[dict]:
    """Each job built by its maker just before a worker takes it (in the pool's feeding thread)."""
    out = []
    jobs = (make() for make in makers)
    if len(makers) < 2:
        workers = 1
    for res in parallel.imap_batches(run_job, jobs, workers, batch=BATCH, initializer=engine.init_worker):
        out.append(res)
        progress()
    return out


def _redirects(links: shortlinks.Registry, out_dir: Path, cache: Cache) -> list[str]:
    """Write the q/<code>/ pages, as hard links of one cache entry when the set is the same as last build.

    At 10,000 maps there are 40,000 of them, each in its own folder. Written anew they took seconds of a
    one-map rebuild and were then read back, byte by byte, to find them unchanged; linked, they are the
    old site's own files (the same inodes) and nothing needs to read them."""
    files = links.files()
    if cache.root is not None:
        key = make_key("print-redirects", *(f"{rel}\0{html}" for rel, html in files.items()))
        if cache.link_tree(key, out_dir):
            return list(files)
        tmp = cache.tmp_dir()
        for rel_path, html in files.items():
            write_file(tmp / rel_path, html.encode("utf-8"))
        if cache.store_tree(key, tmp) and cache.link_tree(key, out_dir):
            return list(files)
        shutil.rmtree(tmp, ignore_errors=True)
    for rel_path, html in files.items():  # the cache refused them (read-only, full): plain files
        write_file(out_dir / rel_path, html.encode("utf-8"))
    return list(files)


def _check(results: list[dict]) -> None:
    failed = [r for r in results if "error" in r]
    if failed:
        lines = "; ".join(f"{r.get('target')}: {r['error']}" for r in failed[:5])
        raise BuildError(f"печать не удалась ({len(failed)} файл.): {lines}")


def render_print(validated, out_dir: Path, *, site_url: str, drafts: bool = False,
                 cache_dir: Path | None = None, workers: int | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> PrintResult:
    """Write every print file of the build into out_dir (see the package docstring)."""
    forget()  # folders made by an earlier build in this process may be gone
    work = Path(tempfile.mkdtemp(prefix="profkarta-print-"))  # each map's booklet page, for the booklets
    try:
        # without a cache folder, normalised logos still need one: a scratch cache inside `work`
        cache = Cache(cache_dir) if cache_dir else Cache(work / "cache")
        return _render(validated, out_dir, site_url, drafts, cache, workers, on_progress, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def booklet_plans(project) -> bool:
    """mkdocs.yml `extra: {booklets: {plan: true}}` puts each map's plan sheet after it in the booklets."""
    extra = project.config.raw.get("extra")
    booklets = extra.get("booklets") if isinstance(extra, dict) else None
    return isinstance(booklets, dict) and booklets.get("plan") is True


def _render(validated, out_dir: Path, site_url: str, drafts: bool, cache: Cache, workers: int | None,
            on_progress, work: Path) -> PrintResult:
    project = validated.project
    out_dir = Path(out_dir)
    logos = Logos(project, normalized=cache)
    result = PrintResult()
    allowed = [str(project.root), str(THEME), str(cache.root)]  # cache.root: the normalised raster logos
    common = {"base_url": base_url(), "allowed": allowed}
    flags = (site_url, "drafts" if drafts else "public")
    maps = [e for e in validated.published(drafts) if e.cluster_id in project.clusters
            and project.clusters[e.cluster_id].model is not None]
    teams = [t for t in project.teams if t.model is not None]
    workers = parallel.workers(workers)
    links = shortlinks.Registry()

    keys = InputKeys(project, logos, flags)
    overflows = Overflows(cache.root)
    phase1: list[Callable[[], dict]] = []
    stores: dict[str, tuple[list[str], list[Path]]] = {}
    map_keys: dict[tuple[str, str], str] = {}
    for e in maps:
        page = urls.map_page(e.cluster_id, e.id)
        for medium in ("a4", "a3", "booklet"):
            links.add(page, medium)
        key = map_keys[(e.cluster_id, e.id)] = keys.of("map", e)
        files = {fmt: urls.map_pdf(e.cluster_id, e.id, fmt) for fmt in ("a4", "a3")}
        result.map_files[(e.cluster_id, e.id)] = files
        targets = [out_dir / files["a4"], out_dir / files["a3"], work / "booklet" / e.cluster_id / f"{e.id}.pdf"]
        for t in targets:
            ensure_dir(t.parent)
        names = ["a4.pdf", "a3.pdf", "booklet.pdf"]
        if cache.link(key, names, targets):
            result.reused += 1
            overflows.reused(key, e.doc.rel)
            continue
        # the HTML is made only when a worker is ready for it (see _run): 10,000 of them held at once
        # were a large part of the national print's memory
        phase1.append(partial(_map_job, e, project, site_url, logos, key, targets, common))
        stores[key] = (names, targets)
    for t in teams:
        ctx = cards_context(project, t, site_url, logos)
        links.add(urls.team_page(t.id), "card")
        html = render_html("cards.html.j2", ctx)
        key = key_of("cards", html, *flags)
        rel = urls.team_cards(t.id)
        result.cards.append(rel)
        target = out_dir / rel
        ensure_dir(target.parent)
        if cache.link(key, ["cards.pdf"], [target]):
            result.reused += 1
            continue
        phase1.append(partial(dict, kind="cards", key=key, html=html, target=str(target), id=t.id, **common))
        stores[key] = (["cards.pdf"], [target])

    docs, result.documents = plan_jobs(project, out_dir, drafts, common)
    plan_keys = {(e.cluster_id, e.id): keys.of("myplan", e) for e in maps}
    sheets, result.plans = myplan_jobs(maps, project, site_url, logos, out_dir, common, plan_keys,
                                       lambda key, target: cache.link(key, ["doc.pdf"], [target]))
    result.reused += len(maps) - len(sheets)
    for e in maps:
        links.add(urls.map_page(e.cluster_id, e.id), "plan")
    aliases: dict[str, str] = {}
    for job in docs + sheets:  # programmes, plans, reports and changed maps' sheets: laid out when their text changed
        key = key_of("doc", job["html"], *flags)
        target = Path(job["target"])
        if "inputs" in job:  # a plan sheet: its map changed, but perhaps not in what the sheet shows
            aliases[key] = job["inputs"]
        job["key"] = key
        if cache.link(key, ["doc.pdf"], [target]):
            if key in aliases:
                cache.store(aliases[key], {"doc.pdf": target})
            result.reused += 1
            continue
        if "remake" in job:  # a plan sheet: its HTML is made again when a worker takes it (one per map)
            phase1.append(partial(job.pop("remake"), job))
            del job["html"]
        else:
            phase1.append(partial(dict, job))
        stores[key] = (["doc.pdf"], [target])

    by_cluster: dict[str, list] = {}
    for e in maps:
        by_cluster.setdefault(e.cluster_id, []).append(e)
    phase2: list[Callable[[], dict]] = []
    for cid in sorted(by_cluster):
        in_cluster = by_cluster[cid]
        groups = [(None, in_cluster)] + [(col, [e for e in in_cluster if e.model.college == col])
                                         for col in sorted({e.model.college for e in in_cluster})]
        for college, group in groups:
            rel = urls.college_booklet(cid, college) if college else urls.cluster_booklet(cid)
            links.add(urls.cluster_page(cid), "booklet")
            target = out_dir / rel
            ensure_dir(target.parent)
            result.booklets.append(rel)
            with_plans = booklet_plans(project)
            parts = [(str(work / "booklet" / cid / f"{e.id}.pdf"), f"{e.model.program.code} {e.model.program.title}",
                      str(out_dir / result.plans[(cid, e.id)]) if with_plans else None)
                     for e in ordered(group)]
            # the cover and contents are made of the cluster and its maps: their input keys name the booklet
            key = make_key("print-booklet", *flags, str(with_plans), cid, college or "", keys.cluster(cid),
                           *(map_keys[(e.cluster_id, e.id)] for e in ordered(group)),
                           *(plan_keys[(e.cluster_id, e.id)] for e in ordered(group) if with_plans))
            if cache.link(key, ["booklet.pdf"], [target]):
                result.reused += 1  # its cover and contents, like the maps, were not laid out again
                continue
            ctx = booklet_context(project, cid, college, group, site_url, logos)
            phase2.append(partial(dict, kind="booklet", key=key, target=str(target), parts=parts, ctx=ctx,
                                  cache=str(cache.root) if cache.root else None, **common))

    total, done = len(phase1) + len(phase2) + result.reused, result.reused

    def progress() -> None:
        nonlocal done
        done += 1
        if on_progress:
            on_progress(done, total)

    if on_progress and done:
        on_progress(done, total)
    results = _run(phase1, workers, progress)
    _check(results)
    for r in results:
        names, targets = stores[r["key"]]
        cache.store(r["key"], dict(zip(names, targets, strict=True)))
        if r["key"] in aliases:
            cache.store(aliases[r["key"]], dict(zip(names, targets, strict=True)))
        result.rendered += 1
        result.seconds[r["kind"]] = result.seconds.get(r["kind"], 0.0) + r["seconds"]
        if r["kind"] == "map":
            overflows.laid_out(r["key"], r["id"], r["pages"])
    results = _run(phase2, workers, progress)
    _check(results)
    for r in results:
        cache.store(r["key"], {"booklet.pdf": Path(r["target"])})
        result.rendered += r["laid_out"]
        result.reused += not r["laid_out"]
        result.seconds["booklet"] = result.seconds.get("booklet", 0.0) + r["seconds"]
    result.redirects = _redirects(links, out_dir, cache)  # last: a failed print leaves no redirect behind
    overflows.save()
    too_long = overflows.warning()
    if too_long:
        result.warnings.append(too_long)
    result.warnings = list(dict.fromkeys(logos.warnings + result.warnings))
    return result
