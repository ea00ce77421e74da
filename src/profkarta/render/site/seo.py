"""For search engines: robots.txt naming the sitemap, and each sitemap URL's lastmod taken from the data.

lastmod is the date a page's data last changed as the data itself records it — never the build time, so
two builds of the same project give the same sitemap: a map's (or programme's) `approval.date`, else the
newest date written anywhere in its file; a cluster page the newest of its maps; the home page the newest
of all; a page with no date in its data (hand-written pages, teams without dates) gets no lastmod.
"""

from __future__ import annotations

import datetime as dt
import gzip
import re
from html import escape
from pathlib import Path

from profkarta import urls

_URL = re.compile(r"<url>(.*?)</url>", re.S)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.S)


def newest_date(value: object) -> dt.date | None:
    """The newest date anywhere in a model dump (dicts, lists)."""
    found: list[dt.date] = []

    def walk(v: object) -> None:
        if isinstance(v, dt.date):
            found.append(v.date() if isinstance(v, dt.datetime) else v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
    walk(value)
    return max(found) if found else None


def data_date(model) -> dt.date | None:
    approval = getattr(model, "approval", None)
    date = getattr(approval, "date", None)
    if isinstance(date, dt.date):
        return date
    return newest_date(model.model_dump())


def page_dates(data) -> dict[str, dt.date]:
    """Site-relative page path → lastmod, for the pages whose data carries a date."""
    dates: dict[str, dt.date] = {}
    for m in data.maps:
        if (d := data_date(m.model)) is not None:
            dates[m.page] = d
            cp = urls.cluster_page(m.cluster_id)
            dates[cp] = max(d, dates.get(cp, d))
    for t in data.teams:
        if (d := data_date(t.model)) is not None:
            dates[t.page] = d
    for p in data.programmes:
        if (d := data_date(p.model)) is not None:
            dates[p.page] = d
            dates[p.page + "calendar/"] = d
    if dates:
        dates[""] = max(dates.values())
    return dates


def finish_sitemap(site_dir: Path, site_url: str, dates: dict[str, dt.date]) -> None:
    """Replace mkdocs' lastmod (the build day) by the data's date, or drop it; same bytes every build."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    entries = []
    for body in _URL.findall(text):
        loc = _LOC.search(body)
        if not loc:
            continue
        url = loc.group(1).strip()
        rel = url[len(site_url):] if url.startswith(site_url) else None
        line = f"    <url>\n        <loc>{url}</loc>\n"
        if rel is not None and rel in dates:
            line += f"        <lastmod>{dates[rel].isoformat()}</lastmod>\n"
        entries.append(line + "    </url>\n")
    out = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
           + "".join(entries) + "</urlset>\n")
    path.write_text(out, encoding="utf-8")
    with (site_dir / "sitemap.xml.gz").open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                                          filename="") as fh:
        fh.write(out.encode("utf-8"))


def robots_txt(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {escape(site_url, quote=False)}sitemap.xml\n"


def write_seo(site_dir: Path, data) -> None:
    finish_sitemap(site_dir, data.site_url, page_dates(data))
    robots = site_dir / "robots.txt"
    if not robots.exists():  # a project's own content/robots.txt wins
        robots.write_text(robots_txt(data.site_url), encoding="utf-8")
