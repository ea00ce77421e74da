"""The validate stage: load a project and run every rule (no printing, no writing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profkarta.findings import Finding
from profkarta.load.project import CACHE_DIR, load_project
from profkarta.rules import check_project
from profkarta.rules.checkcache import PR1, CheckCache, replay
from profkarta.rules.pr1 import print_fit
from profkarta.validated import Validated


def validate(root: Path, cluster_dirs: list[Path] | None = None, today: dt.date | None = None,
             cache: bool = True) -> Validated:
    """cache: parse only changed files and replay the findings of unchanged maps and clusters (.profkarta-cache/)."""
    project = load_project(root, cluster_dirs, cache=cache)
    today = today or dt.date.today()
    checks = CheckCache(project.root / CACHE_DIR if cache else None, project, today, partial=cluster_dirs is not None)
    report = check_project(project, today, checks)
    # PR1: will each map fit its A4 page? A text-length estimate shared with the print renderer (measure.py).
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
    checks.save()
    return Validated(project, report)


def in_scope(findings: list[Finding], scopes: list[str]) -> list[Finding]:
    """Findings about the given files or folders only (the whole project was checked)."""
    if not scopes:
        return findings
    return [f for f in findings if any(f.file == s or f.file.startswith(s.rstrip("/") + "/") for s in scopes)]
