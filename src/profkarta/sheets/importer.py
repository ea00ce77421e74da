"""Import: workbook → YAML files, validated as the project they would make, written all at once or not at all."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from profkarta.errors import LoadError
from profkarta.findings import ERROR, CellFinding, Finding
from profkarta.load.project import Entry, Project, load_project
from profkarta.load.yamlfile import parse_yaml, split_front_matter
from profkarta.sheets.assemble import read_book
from profkarta.sheets.read import Book, FileData
from profkarta.sheets.yamlout import dump, equal

_FIELD = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")
# validate's hints that speak of YAML syntax, said as a spreadsheet user would act on them
_HINTS = {"Возьмите значение в кавычки, иначе YAML прочитает его как число.":
          "Сделайте ячейку текстовой (Формат ячеек → Текстовый) и введите значение заново."}


@dataclass
class Plan:
    """What an import would write, and what the checks said about it."""

    book: Book
    texts: dict[str, str] = field(default_factory=dict)  # rel → new text (changed or new files only)
    unchanged: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # changed files that are already on disk
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Errors in the workbook's own cells: these stop the import."""
        return [f for f in self.findings if f.severity == ERROR and isinstance(f, CellFinding)]

    @property
    def other_errors(self) -> list[Finding]:
        """Errors in project files the workbook does not touch: reported, they do not stop it."""
        return [f for f in self.findings if f.severity == ERROR and not isinstance(f, CellFinding)]


def parse_field(text: str) -> tuple:
    return tuple(int(i) if i else k for k, i in _FIELD.findall(text))


def plan_import(book_path: Path, root: Path, today: dt.date | None = None) -> Plan:
    book = read_book(book_path)
    plan = Plan(book, findings=list(book.findings))
    if book.findings:
        return plan  # the workbook itself is broken: its rows cannot make files yet
    root = root.resolve()
    project = load_project(root) if root.is_dir() else Project(root, _empty_config())
    docs = {}
    for rel, fd in book.files.items():
        text = dump(fd.kind, fd.data, fd.id, fd.body)
        target = root / rel
        docs[rel] = _document(text, rel, target, fd)
        if target.is_file() and _same_on_disk(target, rel, fd):
            plan.unchanged.append(rel)
            continue
        plan.texts[rel] = text
        if target.exists():
            plan.existing.append(rel)
    _overlay(project, book, docs)
    plan.findings = [_to_cell(f, book) for f in _check(project, today)]
    return plan


def _empty_config():
    from profkarta.load.project import SiteConfig

    return SiteConfig(path=None)


def _document(text: str, rel: str, target: Path, fd: FileData):
    if fd.kind == "team":
        end = text.index("\n---\n", 3)
        front, body = text[4:end + 1], text[end + 5:]
        doc = parse_yaml(front, rel, target, line_offset=1)
        doc.body = body
        return doc
    return parse_yaml(text, rel, target)


def _same_on_disk(target: Path, rel: str, fd: FileData) -> bool:
    try:
        doc = split_front_matter(target, rel) if fd.kind == "team" else parse_yaml(
            target.read_text(encoding="utf-8"), rel, target)
    except (LoadError, OSError, UnicodeDecodeError):
        return False
    return equal(doc.data, fd.data) and (fd.kind != "team" or _plain(doc.body) == _plain(fd.body or ""))


def _plain(body: str) -> str:
    return body.replace("\r\n", "\n") if body.strip() else ""


def _overlay(project: Project, book: Book, docs: dict) -> None:
    """The project as it would be after the import: its own files, with the workbook's in their place."""
    for rel, fd in book.files.items():
        doc = docs[rel]
        entry = Entry(fd.kind, fd.id, doc, fd.cluster_id or "")
        if fd.kind == "cluster":
            project.clusters[fd.id] = entry
        elif fd.kind == "map":
            project.maps = [m for m in project.maps if m.doc.rel != rel] + [entry]
        else:
            project.teams = [t for t in project.teams if t.doc.rel != rel] + [entry]
    project.maps.sort(key=lambda m: m.doc.rel)
    project.load_findings = [f for f in project.load_findings if f.file not in book.files]


def _check(project: Project, today: dt.date | None) -> list[Finding]:
    from profkarta.rules import check_project
    from profkarta.rules.pr1 import check_print_fit

    report = check_project(project, today)
    report.extend(check_print_fit(project))  # PR1, as validate does
    return report.sorted()


def _to_cell(f: Finding, book: Book) -> Finding:
    fd = book.files.get(f.file)
    if fd is None:
        return f
    message = f.message
    for yaml_hint, cell_hint in _HINTS.items():
        message = message.replace(yaml_hint, cell_hint)
    return book.finding(fd.cell_of(parse_field(f.field)), f.rule, message, f.field, f.severity)


def commit(plan: Plan, root: Path) -> list[Path]:
    """Write every file beside its target first, then rename them all; on any failure nothing is left."""
    staged: list[tuple[Path, Path]] = []
    try:
        for rel, text in plan.texts.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.profkarta-import")
            tmp.write_text(text, encoding="utf-8", newline="\n")
            staged.append((tmp, target))
    except OSError:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, target in staged:
        os.replace(tmp, target)
    return [t for _, t in staged]
