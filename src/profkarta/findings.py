"""Findings: what validation says about a project, with rule id and source position."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from collections.abc import Iterable, Iterator

ERROR = "error"
WARNING = "warning"

SEVERITY_RU = {ERROR: "ошибка", WARNING: "предупреждение"}


@dataclass(frozen=True, order=True)
class Finding:
    """One message: file:line:col, severity, rule id, field path and Russian text."""

    file: str
    line: int
    col: int
    severity: str
    rule: str
    field: str
    message: str

    def format(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}: {SEVERITY_RU[self.severity]} [{self.rule}]{field} {self.message}"

    def as_dict(self) -> dict:
        d = asdict(self)
        d["severity_ru"] = SEVERITY_RU[self.severity]
        return d


@dataclass
class Report:
    """Collects findings; keeps one error per file and field so a value is blamed once."""

    findings: list[Finding] = field(default_factory=list)
    _blamed: set[tuple[str, str]] = field(default_factory=set)

    def add(self, finding: Finding) -> None:
        key = (finding.file, finding.field)
        if finding.field and key in self._blamed:
            return
        if finding.severity == ERROR and finding.field:
            self._blamed.add(key)
        self.findings.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        for f in findings:
            self.add(f)

    def blamed(self, file: str, field: str) -> bool:
        """True when this field, or a field above it, already has an error."""
        while True:
            if (file, field) in self._blamed:
                return True
            if not field:
                return False
            cut = max(field.rfind("."), field.rfind("["))
            field = field[:cut] if cut > 0 else ""

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=_natural_key)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.sorted())


def _natural_key(f: Finding) -> tuple:
    return (f.file, f.line, f.col, f.rule, f.field, f.message)


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)


def rel(path: Path, root: Path | None) -> str:
    """A path as users see it: relative to the project when it lies inside."""
    if root is not None:
        try:  # paths built from the root need no disk look-up
            return path.relative_to(root).as_posix()
        except ValueError:
            try:
                return path.resolve().relative_to(root.resolve()).as_posix()
            except ValueError:
                pass
    return path.as_posix()


@dataclass(frozen=True, order=True)
class CellFinding(Finding):
    """A finding about a workbook cell: «карты.xlsx:Ступени!H12» instead of file:line:col (line = row)."""

    sheet: str = ""
    cell: str = ""

    def format(self) -> str:
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{self.sheet}!{self.cell}: {SEVERITY_RU[self.severity]} [{self.rule}]{field} {self.message}"
