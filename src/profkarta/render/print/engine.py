"""Worker side: lay out HTML with WeasyPrint, fit a map to one page, write its products (booklets: merge.py)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

FIT_LEVELS = 5  # fit-0 … fit-4 in map.css; fit-4 is the 8 pt floor
_FIT_MARK = 'class="map fit-0"'
_WEASY = None


def weasy():
    """WeasyPrint, imported once per process (the import alone costs about a second)."""
    global _WEASY
    if _WEASY is None:
        import weasyprint

        _WEASY = weasyprint
    return _WEASY


def init_worker() -> None:
    """Pool initializer: pay the WeasyPrint import once per worker, before the first job."""
    weasy()


_LINK = re.compile(r'<link rel="stylesheet" href="([\w.-]+\.css)">')
_SHEETS: dict = {}


def _theme_sheets(names: tuple[str, ...], base_url: str, fetcher):
    """The theme's stylesheets parsed once per process, with one font configuration shared by every document.

    Parsing base.css and map.css again for each layout (and loading their @font-face fonts) took a fifth
    of WeasyPrint's time per map. Given to render() they are «user» sheets: with no author sheets left in
    the page, only its style="" attributes sit above them, as before."""
    wp = weasy()
    if "fonts" not in _SHEETS:
        from weasyprint.text.fonts import FontConfiguration

        _SHEETS["fonts"] = FontConfiguration()
    fonts = _SHEETS["fonts"]
    sheets = []
    for name in names:
        try:  # an edited theme file (a long-running `serve`) is parsed again
            stamp = os.stat(url2pathname(urlsplit(base_url + name).path)).st_mtime_ns
        except OSError:
            stamp = 0
        key = (base_url, name, stamp)
        if key not in _SHEETS:
            _SHEETS[key] = wp.CSS(url=base_url + name, url_fetcher=fetcher, font_config=fonts)
        sheets.append(_SHEETS[key])
    return sheets, fonts


def layout(html: str, base_url: str, allowed: list[str]):
    """A laid-out WeasyPrint document; any refused resource aborts it."""
    from profkarta.render.print.fetcher import make_fetcher

    wp = weasy()
    fetcher = make_fetcher([Path(p) for p in allowed])
    names = tuple(_LINK.findall(html))
    sheets, fonts = _theme_sheets(names, base_url, fetcher)
    page = wp.HTML(string=_LINK.sub("", html), base_url=base_url, url_fetcher=fetcher)
    return page.render(stylesheets=sheets, font_config=fonts)


TAGGED = True  # PDF/UA-1: a structure tree (headings, lists, tables, reading order), /Lang and a shown title


def write_pdf(document) -> bytes:
    if TAGGED:
        return document.write_pdf(pdf_variant="pdf/ua-1", pdf_version="1.7")
    return document.write_pdf(pdf_version="1.7")


def _bottom(box) -> float:
    """The lowest margin edge of a box and everything in it, in CSS px."""
    low = box.position_y + box.margin_height()
    for child in getattr(box, "children", ()):
        low = max(low, _bottom(child))
    return low


def used_height(doc, margin_mm: float = 8) -> float:
    """How tall the content is, in mm, over all pages: about the page's height had it run on in one piece.
    Measured on the blocks inside <body>: the <html> and <body> boxes of a page that breaks reach its foot."""
    total = 0.0
    for page in doc.pages:
        body = page._page_box.children[0].children[0]
        low = max((_bottom(child) for child in body.children), default=body.position_y)
        total += low * 25.4 / 96 - margin_mm
    return total + 2.5 * (len(doc.pages) - 1)  # the block pushed over lost its top margin at the break


def fit_map(html: str, base_url: str, allowed: list[str], start: int = 0):
    """(document, fit level used, layouts tried): the largest type that fits one page, starting from the
    estimate `start`. Each layout's real height says where to go next (measure.next_try): down past a level
    that cannot fit, or one level up when the page has room enough that the larger type may fit as well."""
    from profkarta.measure import next_try

    level: int | None = max(0, min(start, FIT_LEVELS - 1))
    docs, tried = {}, {}
    while level is not None:
        doc = layout(html.replace(_FIT_MARK, f'class="map fit-{level}"', 1), base_url, allowed)
        docs[level], tried[level] = doc, len(doc.pages) == 1
        level = next_try(level, used_height(doc), tried)
    best = min((lv for lv, fits in tried.items() if fits), default=max(tried))
    return docs[best], best, len(tried)


def write_products(document, products, qr_size_pt: float, link_from: str | None) -> dict[str, bytes]:
    """Each product's PDF from one write of the laid-out document (see products.py)."""
    from profkarta.render.print.products import Splicer

    splicer = Splicer(products, qr_size_pt, link_from)
    if TAGGED:
        written = document.write_pdf(pdf_variant="pdf/ua-1", pdf_version="1.7", finisher=splicer)
    else:
        written = document.write_pdf(pdf_version="1.7", finisher=splicer)
    return splicer.split(written)


def set_meta(writer, meta: dict) -> None:
    """Title, author, subject and language ru on a pypdf writer."""
    from pypdf.generic import NameObject, TextStringObject

    info = {"/Title": meta["title"], "/Author": meta["author"], "/Creator": "profkarta",
            "/Producer": "profkarta (WeasyPrint, pypdf)"}
    if meta.get("subject"):
        info["/Subject"] = meta["subject"]
    writer.add_metadata(info)
    writer._root_object[NameObject("/Lang")] = TextStringObject(meta.get("lang", "ru"))


def run_job(job: dict) -> dict:
    """One unit of work for the pool: a map (A4 + A3), a card sheet, or a booklet."""
    t0 = time.perf_counter()
    kind = job["kind"]
    out: dict = {"key": job["key"], "kind": kind, "id": job.get("id")}
    if kind == "map":
        from profkarta.render.print.products import A3_SCALE, Product

        doc, level, tries = fit_map(job["html"], job["base_url"], job["allowed"], job.get("start", 0))
        qr, a3 = job["qr"], job["meta_a3"]  # the layout leaves the QR box empty: each product gets its own code
        products = [Product("a4", qr["a4"]), Product("a3", qr["a3"], A3_SCALE, a3["title"], a3["subject"]),
                    Product("booklet", qr["booklet"])]
        for name, pdf in write_products(doc, products, job["qr_pt"], link_from=qr["a4"]).items():
            Path(job[name]).write_bytes(pdf)
        out.update(level=level, pages=len(doc.pages), tries=tries)
    elif kind == "cards" or kind in ("front", "doc"):
        doc = layout(job["html"], job["base_url"], job["allowed"])
        Path(job["target"]).write_bytes(write_pdf(doc))
        out.update(pages=len(doc.pages))
    else:  # pragma: no cover - a programming error
        raise ValueError(kind)
    out["seconds"] = time.perf_counter() - t0
    return out
