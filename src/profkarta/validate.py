"""The validate stage: load a project and run every rule (no printing, no writing)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from profkarta.findings import Finding
from profkarta.load.project import load_project
from profkarta.rules import check_project
from profkarta.rules.pr1 import check_print_fit
from profkarta.validated import Validated


def validate(root: Path, cluster_dirs: list[Path] | None = None, today: dt.date | None = None) -> Validated:
    project = load_project(root, cluster_dirs)
    report = check_project(project, today)
    # PR1: will each map fit its A4 page? A text-length estimate shared with the print renderer (measure.py).
    report.extend(check_print_fit(project))
    return Validated(project, report)


def in_scope(findings: list[Finding], scopes: list[str]) -> list[Finding]:
    """Findings about the given files or folders only (the whole project was checked)."""
    if not scopes:
        return findings
    return [f for f in findings if any(f.file == s or f.file.startswith(s.rstrip("/") + "/") for s in scopes)]
