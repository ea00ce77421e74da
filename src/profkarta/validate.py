"""The validate stage: load a project and run every rule (no printing, no writing)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from profkarta.findings import Finding, Report
from profkarta.load.parsecache import text_hash
from profkarta.load.project import CACHE_DIR, Entry, Project, SiteConfig, load_project
from profkarta.load.reading import Task
from profkarta.load.yamlfile import Document
from profkarta.model.values import PLACES
from profkarta.rules import check_project
from profkarta.rules.checkcache import CACHED_KINDS, PR1, CheckCache, replay
from profkarta.rules.pr1 import print_fit
from profkarta.validated import Validated


def validate(root: Path, cluster_dirs: list[Path] | None = None, today: dt.date | None = None,
             cache: bool = True) -> Validated:
    """cache: parse only changed files and replay the findings of unchanged maps and clusters (.profkarta-cache/);
    the files that are parsed get their own checks in the parse workers, while they are at it."""
    today = today or dt.date.today()
    project = load_project(root, cluster_dirs, cache=cache, check=partial(precheck, today) if cache else None)
    checks = CheckCache(project.root / CACHE_DIR if cache else None, project, today, partial=cluster_dirs is not None)
    report = check_project(project, today, checks)
    _print_fit(project, checks, report)
    checks.save()
    return Validated(project, report)


def _print_fit(project: Project, checks: CheckCache, report: Report) -> None:
    """PR1: will each map fit its A4 page? A text-length estimate shared with the print renderer (measure.py)."""
    for entry in project.maps:
        row = checks.hits.get(entry.doc.rel)
        if row is not None:
            report.extend(replay(row, PR1))
            continue
        found = print_fit(entry)
        rec = checks.record(entry)
        if rec is not None:
            rec[PR1] = found
        report.extend(found)


def precheck(today: dt.date, tasks: list[Task], docs: list[Document | Finding], root: Path) -> dict[str, tuple]:
    """In a parse worker: its maps' and clusters' own checks, as check-cache records that the main process replays
    (a map only together with its cluster file). The same functions as in the main process, so the same records."""
    project = Project(root, SiteConfig(None))
    for (kind, id_, cluster, _), doc in zip(tasks, docs, strict=True):
        if not isinstance(doc, Document) or doc.text is None or kind not in CACHED_KINDS:
            continue
        doc.digest = text_hash(doc.text)
        entry = Entry(kind, id_, doc, cluster or "")
        if kind == "cluster":
            project.clusters[id_] = entry
        elif entry.cluster_id in project.clusters:
            project.maps.append(entry)
    if not project.maps and not project.clusters:
        return {}
    # the shape check rewrites synonyms («утверждена» → approved) in the data; the data goes back to the main
    # process and its parse cache as it was written, as when it is parsed there
    written = [(holder, key, holder[key]) for e in project.entries() for holder, key in _synonym_places(e)]
    checks = CheckCache(None, project, today)
    report = check_project(project, today, checks)
    _print_fit(project, checks, report)
    for holder, key, value in written:
        holder[key] = value
    return checks.rows()


def _synonym_places(entry: Entry) -> list[tuple[dict, str]]:
    """The dicts and keys of the values normalise() may rewrite in this file's data."""
    out = []
    for path, _ in PLACES.get(entry.kind, []):
        holder = entry.doc.data
        for part in path[:-1]:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and path[-1] in holder:
            out.append((holder, path[-1]))
    return out


def in_scope(findings: list[Finding], scopes: list[str]) -> list[Finding]:
    """Findings about the given files or folders only (the whole project was checked)."""
    if not scopes:
        return findings
    return [f for f in findings if any(f.file == s or f.file.startswith(s.rstrip("/") + "/") for s in scopes)]
