"""S1 nothing from the scaffold reaches a public site unnoticed; S2 the site address (site_url) is real."""

from __future__ import annotations

from typing import Any

from profkarta import urls
from profkarta.findings import ERROR, WARNING, Finding
from profkarta.load.project import Entry
from profkarta.rules.context import Ctx
from profkarta.rules.r1 import _line_of, config_unread

# Texts of the starter files (profkarta init / new), old and current: (fingerprint, what the value is).
# Compared case-insensitively inside every text value of a file; «(замените)» marks every current placeholder.
FINGERPRINTS: tuple[tuple[str, str], ...] = (
    ("(замените)", "текст"),
    ("Новый кластер", "название кластера"),
    ("Новый колледж", "название колледжа"),
    ("Новое предприятие", "название работодателя"),
    ("college.example.ru", "адрес"),
    ("employer.example.ru", "адрес"),
    ("(343) 200-00-0", "телефон"),
    ("Что делает работник на этой ступени", "текст"),
    ("Как перейти на следующую ступень", "текст"),
    ("Фамилия Имя Отчество", "имя"),
    ("Расскажите здесь, чем занимается команда", "текст"),
)
# Whole values that are placeholders only when they are all there is («Имя Фамилия», a bare vk.com).
EXACT: tuple[tuple[str, str], ...] = (
    ("Имя Фамилия", "имя"),
    ("https://vk.com/", "ссылка"),
)
MARKER_HELP = ("Замените заготовку своими данными или удалите файл; если пример нужен на сайте как есть, "
               "добавьте в начало файла строку «example: true». Пока заготовка в файле, profkarta build не соберёт "
               "сайт (предпросмотр и build --drafts работают).")


def _texts(value: Any, loc: tuple = ()) -> list[tuple[tuple, str]]:
    if isinstance(value, str):
        return [(loc, value)]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _texts(v, (*loc, k))]
    if isinstance(value, list):
        return [t for i, v in enumerate(value) for t in _texts(v, (*loc, i))]
    return []


_MARKS = tuple(mark.lower() for mark, _ in FINGERPRINTS + EXACT)


def _strings(value: Any, out: list[str]) -> list[str]:
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)
    return out


def maybe_scaffold(texts: list[str]) -> bool:
    """False when no text can hold a fingerprint: one lower-cased pass over all of them instead of one per text.
    Each text is lowered and its spaces collapsed exactly as in scaffold_hit; «\0» (not a space, in no mark)
    keeps texts apart, so a mark found here lies inside one text — a necessary condition, never a verdict."""
    low = " ".join("\0".join(texts).lower().split())
    return any(mark in low for mark in _MARKS)


def scaffold_hit(text: str) -> tuple[str, str] | None:
    """The fingerprint found in a text value, with what it is."""
    low = " ".join(text.lower().split())
    for mark, what in FINGERPRINTS:
        if mark.lower() in low:
            return mark, what
    for mark, what in EXACT:
        if low == mark.lower():
            return mark, what
    return None


def where(entry: Entry, loc: tuple) -> str:
    """«ступень 2 «Наладчик»: » inside the ladder, «ветка «…», ступень 1 «…»: » inside a branch, «колледж 1 «dpk»: »
    inside colleges — so that a message names the place in words, not only as ladder[1]."""
    if len(loc) >= 2 and loc[0] == "ladder" and isinstance(loc[1], int):
        from profkarta.rules.r2 import _stage_name

        return _stage_name(entry.doc.get(loc[:2]), loc[1]) + ": "
    if len(loc) >= 2 and loc[0] == "branches" and isinstance(loc[1], int):  # «ветка «…», ступень 2 «…»: »
        from profkarta.rules.r2 import _stage_name

        branch = entry.doc.get(loc[:2])
        title = branch.get("title") if isinstance(branch, dict) else None
        words = f"ветка «{title.strip()}»" if isinstance(title, str) and title.strip() else f"ветка {loc[1] + 1}"
        if len(loc) >= 4 and loc[2] == "stages" and isinstance(loc[3], int):
            words += ", " + _stage_name(entry.doc.get(loc[:4]), loc[3])
        return words + ": "
    if len(loc) >= 2 and loc[0] in ("colleges", "employers", "members") and isinstance(loc[1], int):
        item = entry.doc.get(loc[:2])
        label = {"colleges": "колледж", "employers": "работодатель", "members": "участник"}[loc[0]]
        ident = item.get("id") if isinstance(item, dict) else None
        return f"{label} {loc[1] + 1}" + (f" «{ident}»" if isinstance(ident, str) else "") + ": "
    return ""


def check_scaffold(ctx: Ctx, entry: Entry) -> None:
    """S1: values still holding the starter file's text (one warning per file; build refuses to publish it)."""
    data = entry.doc.data
    if not isinstance(data, dict) or data.get("example") is True:
        return
    body = entry.doc.body or ""
    raw = entry.doc.text
    if raw is not None and "\\" not in raw and not maybe_scaffold([raw, body]):
        return  # without escapes every text value stands in the file as written (folded lines are spaces)
    if not maybe_scaffold(_strings(data, [body])):
        return
    hits = [(loc, value, hit) for loc, value in _texts(data) if loc != ("example",)
            for hit in [scaffold_hit(value)] if hit]
    body_lines = [i for i, ln in enumerate(body.splitlines()) if scaffold_hit(ln)]
    if not hits and not body_lines:
        return
    total = len(hits) + len(body_lines)
    more = f" Всего мест из заготовки в файле: {total} — ищите «(замените)» и имена из примера." if total > 1 else ""
    if hits:
        loc, value, (_, what) = hits[0]
        ctx.warn(entry.doc, loc, "S1", f"{where(entry, loc)}«{value.strip()}» — {what} из заготовки.{more} "
                 + MARKER_HELP)
    else:
        line = body_lines[0] + entry.doc.body_line
        ctx.report.add(Finding(entry.doc.rel, line, 1, WARNING, "S1", "", "текст страницы остался от заготовки: "
                               "напишите о команде своими словами." + more + " " + MARKER_HELP))


def check_site_url(ctx: Ctx) -> None:
    """S2: site_url in mkdocs.yml is an absolute http(s) address with a host, not an example or localhost."""
    cfg = ctx.project.config
    if cfg.path is None or config_unread(ctx):
        return
    line = _line_of(cfg.path, "site_url:")
    if not cfg.site_url:
        ctx.report.add(Finding("mkdocs.yml", line, 1, WARNING, "S2", "site_url", "адрес сайта не задан: ссылки и "
                               "QR-коды поведут на localhost. Впишите в mkdocs.yml строку "
                               "«site_url: https://ваш-колледж.ru/karty/» — адрес, где будет опубликован сайт."))
        return
    problem = urls.site_url_problem(cfg.site_url)
    if problem:
        severity, message = problem
        ctx.report.add(Finding("mkdocs.yml", line, 1, ERROR if severity == "error" else WARNING, "S2", "site_url",
                               message))
