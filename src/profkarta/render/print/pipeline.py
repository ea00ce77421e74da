"""Plan the print jobs, take what the cache has, run the rest in forked worker processes."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from profkarta import parallel, urls
from profkarta.errors import BuildError
from profkarta.render.print import engine
from profkarta.render.print.booklets import booklet_context, cards_context, number_pages, ordered
from profkarta.cache import Cache, file_digest, make_key
from profkarta.load.images import ImageProblem, resolve_inside
from profkarta.render.print.cache import key_of
from profkarta.render.print.context import THEME, Logos, map_context
from profkarta.render.print.fit import start_level
from profkarta.render.print.templates import base_url, render_html


@dataclass
class PrintResult:
    """What render_print wrote (paths relative to out_dir) and how much work it took."""

    map_files: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    booklets: list[str] = field(default_factory=list)
    cards: list[str] = field(default_factory=list)
    rendered: int = 0  # PDFs laid out by WeasyPrint this run (map A4 pages, booklet fronts, card sheets)
    reused: int = 0  # PDFs of those kinds copied from the cache instead
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # summed worker seconds per job kind


class _Inputs:
    """Cheap keys of what a map's or booklet's HTML is made of (data, logos by content, address, flags).

    A print file's cache key is the hash of its HTML, and rendering 10,000 HTML pages only to find that
    they did not change costs a minute: the inputs key remembers which HTML key they gave last time.
    """

    def __init__(self, project, site_url: str, flags: tuple, cache: Cache):
        self.project = project
        self.common = [site_url, *flags, str(project.root), str(cache.root)]  # the HTML links files by path
        self.brand = self._logo(project.config.brand_logo, project.root) if project.config.brand_logo else "-"
        self._clusters: dict[str, str] = {}
        self._maps: dict[tuple[str, str], str] = {}

    def _logo(self, ref: str, base: Path) -> str:
        try:
            return file_digest(resolve_inside(ref, base, self.project.root))
        except (ImageProblem, OSError):
            return f"bad:{ref}"

    def cluster(self, cid: str) -> str:
        if cid not in self._clusters:
            entry = self.project.clusters[cid]
            data = entry.model.model_dump(mode="json")
            refs = sorted({v for v in _logo_refs(data)})
            self._clusters[cid] = make_key("print-inputs:cluster", cid, data, str(entry.folder), self.brand,
                                           [(r, self._logo(r, entry.folder)) for r in refs])
        return self._clusters[cid]

    def map(self, e) -> str:
        if (e.cluster_id, e.id) not in self._maps:
            self._maps[(e.cluster_id, e.id)] = make_key("print-inputs:map", self.cluster(e.cluster_id), e.cluster_id,
                                                        e.id, e.model.model_dump(mode="json"), *self.common)
        return self._maps[(e.cluster_id, e.id)]

    def booklet(self, cid: str, college: str | None, group: list) -> str:
        return make_key("print-inputs:booklet", self.cluster(cid), cid, college, [self.map(e) for e in ordered(group)],
                        *self.common)


def _logo_refs(value) -> list[str]:
    """Every image a cluster names (fields called logo or …_logo, at any depth)."""
    out: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str) and (k == "logo" or k.endswith("_logo")):
                out.append(v)
            else:
                out += _logo_refs(v)
    elif isinstance(value, list):
        for v in value:
            out += _logo_refs(v)
    return out


def _known(cache: Cache, inputs_key: str) -> str | None:
    """The cache key the same inputs gave last time."""
    found = cache.load(inputs_key, ["key"])
    return found["key"].decode("ascii") if found else None


def run_job(job: dict) -> dict:
    """Worker entry: never lets an exception (or WeasyPrint's fatal fetch error) kill the pool."""
    try:
        if job["kind"] == "booklet":
            return booklet_job(job)
        return engine.run_job(job)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as a build error
        return {"key": job.get("key"), "kind": job["kind"], "error": f"{type(exc).__name__}: {exc}",
                "target": job.get("a4") or job.get("target")}


def booklet_job(job: dict) -> dict:
    """Number the contents, lay out (or reuse) the cover+contents, append the maps' A4 pages."""
    t0 = time.perf_counter()
    cache = Cache(Path(job["cache"]) if job["cache"] else None)
    counts = [engine.page_count(p) for p, _ in job["parts"]]
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
    Path(job["target"]).write_bytes(engine.merge(front, job["parts"], meta, "Обложка и содержание"))
    return {"key": job["key"], "kind": "booklet", "laid_out": laid_out, "target": job["target"],
            "seconds": time.perf_counter() - t0}


def _run(jobs: list[dict], workers: int, progress: Callable[[], None]) -> list[dict]:
    out = []
    for res in parallel.imap(run_job, jobs, workers, initializer=engine.init_worker, ordered=False):
        out.append(res)
        progress()
    return out


def _check(results: list[dict]) -> None:
    failed = [r for r in results if "error" in r]
    if failed:
        lines = "; ".join(f"{r.get('target')}: {r['error']}" for r in failed[:5])
        raise BuildError(f"печать не удалась ({len(failed)} файл.): {lines}")


def render_print(validated, out_dir: Path, *, site_url: str, drafts: bool = False,
                 cache_dir: Path | None = None, workers: int | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> PrintResult:
    """Write every print file of the build into out_dir (see the package docstring)."""
    if cache_dir:
        return _render(validated, out_dir, site_url, drafts, Cache(cache_dir), workers, on_progress)
    scratch = Path(tempfile.mkdtemp(prefix="profkarta-print-cache-"))  # normalised logos need a folder
    try:
        return _render(validated, out_dir, site_url, drafts, Cache(scratch), workers, on_progress)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _render(validated, out_dir: Path, site_url: str, drafts: bool, cache: Cache, workers: int | None,
            on_progress) -> PrintResult:
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

    phase1, stores, map_keys = [], {}, {}
    inputs = _Inputs(project, site_url, flags, cache)
    for e in maps:
        rel = {fmt: urls.map_pdf(e.cluster_id, e.id, fmt) for fmt in ("a4", "a3")}
        result.map_files[(e.cluster_id, e.id)] = rel
        targets = [out_dir / rel["a4"], out_dir / rel["a3"]]
        known = _known(cache, inputs.map(e))
        if known and cache.link(known, ["a4.pdf", "a3.pdf"], targets):  # unchanged: not even rendered to HTML
            map_keys[(e.cluster_id, e.id)] = known
            result.reused += 1
            continue
        ctx = map_context(e, project, site_url, logos)
        html = render_html("map.html.j2", ctx)
        key = key_of("map", html, *flags)
        map_keys[(e.cluster_id, e.id)] = key
        cache.store(inputs.map(e), {"key": key.encode("ascii")})
        for t in targets:
            t.parent.mkdir(parents=True, exist_ok=True)
        if cache.link(key, ["a4.pdf", "a3.pdf"], targets):
            result.reused += 1
            continue
        meta_a3 = {"title": ctx["meta_title"] + " — плакат A3", "author": ctx["author"],
                   "subject": "Карьерная карта выпускника, плакат A3"}
        phase1.append({"kind": "map", "key": key, "html": html, "a4": str(targets[0]), "a3": str(targets[1]),
                       "meta_a3": meta_a3, "start": start_level(e.model), "id": f"{e.cluster_id}/{e.id}",
                       **common})
        stores[key] = (["a4.pdf", "a3.pdf"], targets)
    for t in teams:
        ctx = cards_context(project, t, site_url, logos)
        html = render_html("cards.html.j2", ctx)
        key = key_of("cards", html, *flags)
        rel = urls.team_cards(t.id)
        result.cards.append(rel)
        target = out_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if cache.link(key, ["cards.pdf"], [target]):
            result.reused += 1
            continue
        phase1.append({"kind": "cards", "key": key, "html": html, "target": str(target), **common})
        stores[key] = (["cards.pdf"], [target])

    phase2 = []
    for cid in sorted({e.cluster_id for e in maps}):
        in_cluster = [e for e in maps if e.cluster_id == cid]
        groups = [(None, in_cluster)] + [(col, [e for e in in_cluster if e.model.college == col])
                                         for col in sorted({e.model.college for e in in_cluster})]
        for college, group in groups:
            rel = urls.college_booklet(cid, college) if college else urls.cluster_booklet(cid)
            target = out_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            result.booklets.append(rel)
            parts = [(str(out_dir / result.map_files[(e.cluster_id, e.id)]["a4"]),
                      f"{e.model.program.code} {e.model.program.title}") for e in ordered(group)]
            known = _known(cache, inputs.booklet(cid, college, group))
            if known and cache.link(known, ["booklet.pdf"], [target]):
                result.reused += 1
                continue
            ctx = booklet_context(project, cid, college, group, site_url, logos)
            key = key_of("booklet", json.dumps(ctx, sort_keys=True, ensure_ascii=False), *flags,
                         *(map_keys[(e.cluster_id, e.id)] for e in ordered(group)))
            cache.store(inputs.booklet(cid, college, group), {"key": key.encode("ascii")})
            if cache.link(key, ["booklet.pdf"], [target]):
                result.reused += 1  # its cover and contents, like the maps, were not laid out again
                continue
            phase2.append({"kind": "booklet", "key": key, "target": str(target), "parts": parts, "ctx": ctx,
                           "cache": str(cache.root) if cache.root else None, **common})

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
        result.rendered += 1
        result.seconds[r["kind"]] = result.seconds.get(r["kind"], 0.0) + r["seconds"]
        if r["kind"] == "map" and r["pages"] > 1:
            job = next(j for j in phase1 if j["key"] == r["key"])
            result.warnings.append(f"печать: карта {job['id']} не уместилась на одну страницу A4 даже "
                                   f"при шрифте 8 pt и заняла {r['pages']} стр.; сократите тексты "
                                   "(подсказку даёт profkarta validate, правило PR1).")
    results = _run(phase2, workers, progress)
    _check(results)
    for r in results:
        cache.store(r["key"], {"booklet.pdf": Path(r["target"])})
        result.rendered += r["laid_out"]
        result.reused += not r["laid_out"]
        result.seconds["booklet"] = result.seconds.get("booklet", 0.0) + r["seconds"]
    result.warnings = list(dict.fromkeys(logos.warnings + result.warnings))
    return result
