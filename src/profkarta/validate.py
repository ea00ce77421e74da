"""The validate stage: load a project and run every rule (no printing, no writing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from profkarta.findings import Finding, Report
from profkarta.load.project import Entry, Project, load_project
from profkarta.rules import check_project


@dataclass
class Validated:
    project: Project
    report: Report

    def published(self, drafts: bool = False) -> list[Entry]:
        """Maps that go into a build: approved ones, plus drafts when asked for."""
        return [m for m in self.project.maps if m.model is not None and
                (drafts or m.model.status == "approved")]


def validate(root: Path, cluster_dirs: list[Path] | None = None, today: dt.date | None = None) -> Validated:
    project = load_project(root, cluster_dirs)
    report = check_project(project, today)
    # PR1: will each map fit its A4 page? A pure text-length estimate shared with the print renderer.
    from profkarta.render.print.fit import fit_findings

    result = Validated(project, report)
    report.extend(fit_findings(result))
    return result


def in_scope(findings: list[Finding], scopes: list[str]) -> list[Finding]:
    """Findings about the given files or folders only (the whole project was checked)."""
    if not scopes:
        return findings
    return [f for f in findings if any(f.file == s or f.file.startswith(s.rstrip("/") + "/") for s in scopes)]
