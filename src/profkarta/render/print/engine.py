"""Worker side: lay out HTML with WeasyPrint, fit a map to one page, write its products, merge booklets (pypdf)."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

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
        key = (base_url, name)
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


def fit_map(html: str, base_url: str, allowed: list[str], start: int = 0):
    """(document, fit level used, layouts tried): the largest type from `start` that fits one page."""
    level = max(0, min(start, FIT_LEVELS - 1))
    tries = 0
    while True:
        doc = layout(html.replace(_FIT_MARK, f'class="map fit-{level}"', 1), base_url, allowed)
        tries += 1
        if len(doc.pages) == 1 or level == FIT_LEVELS - 1:
            return doc, level, tries
        level += 1


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


def merge(front: bytes, parts: list, meta: dict, front_outline: str) -> bytes:
    """A booklet: the cover and contents pages, then each part (a PdfReader or a path) with bookmarks and one tag tree."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    tags = _TagMerger(writer)
    front_reader = PdfReader(io.BytesIO(front))
    tags.add(front_reader, lambda: [writer.add_page(p) for p in front_reader.pages])
    writer.add_outline_item(title=front_outline, page_number=0)
    for path, title in parts:
        first = len(writer.pages)
        reader = path if isinstance(path, PdfReader) else PdfReader(path)
        tags.add(reader, lambda r=reader: [writer.add_page(p) for p in r.pages])
        writer.add_outline_item(title=title, page_number=first)
    tags.finish(front_reader)
    set_meta(writer, meta)
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _TagMerger:
    """Joins the structure trees of tagged PDFs (PDF/UA) as their pages are appended, in page order.

    pypdf copies pages but not their tags: each source's elements are cloned under one Document
    element, and the numbers that tie marked content and links to elements (/StructParents,
    /StructParent, the parent tree) are shifted so that the sources do not collide."""

    def __init__(self, writer):
        from pypdf.generic import ArrayObject, DictionaryObject, NameObject

        self.writer = writer
        self.kids = ArrayObject()
        self.nums = ArrayObject()
        self.offset = 0
        self.doc = writer._add_object(DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                                        NameObject("/S"): NameObject("/Document"),
                                                        NameObject("/K"): self.kids}))
        self.tagged = True

    def add(self, reader, append) -> None:
        from pypdf.generic import NumberObject, NameObject

        first = len(self.writer.pages)
        append()
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is None:
            self.tagged = False
            return
        tree = tree.get_object()
        for source, page in zip(reader.pages, self.writer.pages[first:], strict=True):
            if "/StructParents" in source:  # add_page drops it: pypdf does not merge tag trees itself
                page[NameObject("/StructParents")] = NumberObject(int(source["/StructParents"]) + self.offset)
            for annot in page.get("/Annots", []) or []:
                annot = annot.get_object()
                if "/StructParent" in annot:
                    annot[NameObject("/StructParent")] = NumberObject(int(annot["/StructParent"]) + self.offset)
        top = tree.get("/K")
        top = top.get_object() if top is not None else None
        items = list(top) if isinstance(top, list) else [top] if top is not None else []
        for item in items:  # a source's Document element is unwrapped: its parts join the booklet's Document
            elem = item.get_object()
            inner = elem.get("/K") if elem.get("/S") == "/Document" else None
            inner_obj = inner.get_object() if inner is not None else None
            parts = list(inner_obj) if isinstance(inner_obj, list) else [inner] if inner is not None else [item]
            for kid in parts:
                self.kids.append(kid.clone(self.writer, ignore_fields=("/P",)) if hasattr(kid, "clone") else kid)
        high = -1
        for key, value in _parent_tree(tree.get("/ParentTree")):
            self.nums += [NumberObject(key + self.offset), value.clone(self.writer, ignore_fields=("/P",))]
            high = max(high, key)
        self.offset += high + 1

    def finish(self, front_reader) -> None:
        from pypdf.generic import BooleanObject, DictionaryObject, NameObject, NumberObject

        if not self.tagged:
            return
        _set_parents(self.doc, self.doc.get_object())
        root = self.writer._root_object
        root[NameObject("/StructTreeRoot")] = self.writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): self.doc,
            NameObject("/ParentTree"): self.writer._add_object(DictionaryObject({NameObject("/Nums"): self.nums})),
            NameObject("/ParentTreeNextKey"): NumberObject(self.offset)}))
        root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"):
                                                                   BooleanObject(True)})
        self.doc.get_object()[NameObject("/P")] = root["/StructTreeRoot"]
        xmp = front_reader.trailer["/Root"].get("/Metadata")  # PDF/UA identification (the cover's title)
        if xmp is not None:
            root[NameObject("/Metadata")] = xmp.clone(self.writer)


def _parent_tree(node, depth: int = 0):
    """(key, value) pairs of a number tree (flat /Nums or /Kids)."""
    if node is None or depth > 20:
        return
    node = node.get_object()
    nums = node.get("/Nums") or []
    for i in range(0, len(nums) - 1, 2):
        yield int(nums[i]), nums[i + 1]
    for kid in node.get("/Kids") or []:
        yield from _parent_tree(kid, depth + 1)


def _set_parents(ref, elem, depth: int = 0) -> None:
    """Every structure element's /P, after cloning without them (cloning /P would copy each source's whole tree)."""
    from pypdf.generic import NameObject

    if depth > 200:
        return
    kids = elem.get("/K")
    kids = kids.get_object() if kids is not None else None
    for kid in (kids if isinstance(kids, list) else [kids] if kids is not None else []):
        if not hasattr(kid, "get_object"):
            continue
        child = kid.get_object()
        if isinstance(child, dict) and "/S" in child:
            child[NameObject("/P")] = ref
            _set_parents(kid, child, depth + 1)


def run_job(job: dict) -> dict:
    """One unit of work for the pool: a map (A4 + A3), a card sheet, or a booklet."""
    t0 = time.perf_counter()
    kind = job["kind"]
    out: dict = {"key": job["key"], "kind": kind}
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
    elif kind == "merge":
        front = Path(job["front"]).read_bytes()
        Path(job["target"]).write_bytes(merge(front, job["parts"], job["meta"], job["front_outline"]))
    else:  # pragma: no cover - a programming error
        raise ValueError(kind)
    out["seconds"] = time.perf_counter() - t0
    return out
