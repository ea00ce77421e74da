"""What every rule gets: the project, the report, today's date, and small value checks."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from profkarta import phones
from profkarta.findings import ERROR, WARNING, Report
from profkarta.load.images import ImageProblem, check_image, resolve_inside
from profkarta.load.project import Entry, Project
from profkarta.load.yamlfile import Document, loc_str

EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-zА-Яа-яёЁ]{2,}$")
URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$|^https?://localhost(?::\d+)?(?:[/?#]\S*)?$",
                 re.I)


@dataclass
class Ctx:
    project: Project
    report: Report
    today: dt.date
    images: list | None = None  # while set, (reference, folder, probe) of each image a rule looks at

    def add(self, doc: Document, loc: tuple, rule: str, message: str, severity: str = ERROR,
            key: bool = False) -> None:
        if severity == ERROR and self.report.blamed(doc.rel, loc_str(loc)):
            return  # the shape check already blamed this value or its parent
        self.report.add(doc.finding(loc, rule, message, severity, key=key))

    def warn(self, doc: Document, loc: tuple, rule: str, message: str) -> None:
        self.report.add(doc.finding(loc, rule, message, WARNING))

    def image(self, entry: Entry, loc: tuple, rule: str, what: str) -> None:
        """A referenced image must exist inside the project and be a real, safe image."""
        ref = entry.doc.get(loc)
        if ref is None or not isinstance(ref, str):
            if ref is None:
                self.add(entry.doc, loc, rule, f"не указан {what}. Укажите путь к файлу картинки, "
                         "например logos/logo.png.")
            return
        probe, path = image_probe(ref, entry.folder, self.project.root)
        if self.images is not None:  # the check cache re-probes these before it replays this file's findings
            self.images.append((ref, str(entry.folder), probe))
        if path is None:
            self.add(entry.doc, loc, rule, f"{what}: {probe[1]}" if probe[0] == "!" else
                     f"{what}: файл не читается ({probe[1]}).")
            return
        try:
            check_image(path)
        except ImageProblem as exc:
            self.add(entry.doc, loc, rule, f"{what}: {exc}")
        except OSError as exc:
            self.add(entry.doc, loc, rule, f"{what}: файл не читается ({exc.strerror or exc}).")


def image_probe(ref: str, base: Path, root: Path) -> tuple[tuple, Path | None]:
    """What decides an image check's outcome — the file a reference resolves to with its size, dates and inode
    (a rewritten file changes its ctime), or the refusal of the reference — and that file."""
    try:
        path = resolve_inside(ref, base, root)
        st = path.stat()
    except ImageProblem as exc:
        return ("!", str(exc)), None
    except OSError as exc:
        return ("!os", str(exc.strerror or exc)), None
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino), path


def text(value: Any) -> TypeGuard[str]:
    """A non-empty string."""
    return isinstance(value, str) and bool(value.strip())


def text_or_items(value: Any) -> bool:
    """A non-empty string, or a list holding at least one non-empty string."""
    if isinstance(value, list):
        return any(text(v) for v in value)
    return text(value)


def as_list(value: Any) -> list:
    """The value when it is a list, else nothing (the shape check reports the wrong type)."""
    return value if isinstance(value, list) else []


def measure_items(value: Any) -> list:
    """Support measures: strings or {title, description}, empty ones left out."""
    if not isinstance(value, list):
        return []
    return [v for v in value if text(v) or (isinstance(v, dict) and text(v.get("title")))]


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def whole_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_contacts(ctx: Ctx, doc: Document, loc: tuple, rule: str = "R1.4") -> None:
    """Phone, email and website, where given, must be well-formed."""
    data = doc.get(loc)
    if not isinstance(data, dict):
        return
    phone, email, site = data.get("phone"), data.get("email"), data.get("website")
    bad_phone = phones.problem(phone) if isinstance(phone, str) and phone.strip() else None
    if bad_phone:
        ctx.add(doc, (*loc, "phone"), rule, f"телефон: {bad_phone}")
    if isinstance(email, str) and email.strip() and not EMAIL.match(email.strip()):
        ctx.add(doc, (*loc, "email"), rule, f"адрес почты «{email}» записан неверно. Пример: priem@college.ru.")
    if isinstance(site, str) and site.strip() and not URL.match(site.strip()):
        ctx.add(doc, (*loc, "website"), rule, f"адрес сайта «{site}» должен начинаться с https:// "
                "или http://, например https://college.ru.")
