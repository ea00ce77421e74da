"""What the rules hand to the renderers: the loaded project and its findings (renderers never re-validate)."""

from __future__ import annotations

from dataclasses import dataclass

from profkarta.findings import Report
from profkarta.load.project import Entry, Project


@dataclass
class Validated:
    project: Project
    report: Report

    def published(self, drafts: bool = False) -> list[Entry]:
        """Maps that go into a build: approved ones, plus drafts when asked for."""
        return [m for m in self.project.maps if m.model is not None and
                (drafts or m.model.status == "approved")]
