"""Booklets: the cover and contents, then each map's page, joined into one tagged PDF with bookmarks (qpdf).

The join runs in qpdf (pikepdf) rather than pypdf: a map page carries a structure tree of about
450 objects (PDF/UA), and reading and cloning those in Python cost about 0.25 s per page, as much
as laying the map out. qpdf copies them in a few milliseconds.
"""

from __future__ import annotations

import io
from pathlib import Path


def open_part(path: str | Path):
    """A part of a booklet, opened once: its page count numbers the contents, then it is joined."""
    import pikepdf

    return pikepdf.open(path)


def merge(front: bytes, parts: list, meta: dict, front_outline: str) -> bytes:
    """The booklet: front (bytes), then each (opened part, bookmark title), with one structure tree."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, OutlineItem

    out = pikepdf.new()
    kids = Array()
    document = out.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, K=kids))
    nums = Array()
    offset, tagged = 0, True
    front_pdf = pikepdf.open(io.BytesIO(front))
    sources = [(front_pdf, front_outline), *parts]
    marks = []
    try:
        for src, title in sources:
            first = len(out.pages)
            marks.append((title, first))
            out.pages.extend(src.pages)
            tree = src.Root.get("/StructTreeRoot")
            if tree is None:
                tagged = False
                continue
            tree = out.copy_foreign(tree)  # pages already copied are shared, not copied twice
            for page in out.pages[first:]:
                # the numbers tying marked content and links to elements are shifted so sources do not collide
                if "/StructParents" in page.obj:
                    page.obj.StructParents = int(page.obj.StructParents) + offset
                for annot in page.obj.get("/Annots", Array()):
                    if "/StructParent" in annot:
                        annot.StructParent = int(annot.StructParent) + offset
            for elem in _top(tree):  # a source's Document element is unwrapped: its parts join the booklet's
                inner = elem.get("/K") if elem.get("/S") == Name.Document else None
                for kid in (_list(inner) if inner is not None else [elem]):
                    if isinstance(kid, Dictionary) and "/S" in kid:
                        kid.P = document
                    kids.append(kid)
            high = -1
            for key, value in _number_tree(tree.get("/ParentTree")):
                nums.extend([key + offset, value])
                high = max(high, key)
            offset += high + 1
        root = out.Root
        if tagged:
            root.StructTreeRoot = out.make_indirect(Dictionary(
                Type=Name.StructTreeRoot, K=document, ParentTree=out.make_indirect(Dictionary(Nums=nums)),
                ParentTreeNextKey=offset))
            document.P = root.StructTreeRoot
            root.MarkInfo = Dictionary(Marked=True)
            root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
            if "/Metadata" in front_pdf.Root:  # PDF/UA identification (the cover's title)
                root.Metadata = out.copy_foreign(front_pdf.Root.Metadata)
        root.Lang = pikepdf.String(meta.get("lang", "ru"))
        root.PageMode = Name.UseOutlines
        with out.open_outline() as outline:
            outline.root.extend(OutlineItem(title, page) for title, page in marks)
        info = {"/Title": meta["title"], "/Author": meta["author"], "/Creator": "profkarta",
                "/Producer": "profkarta (WeasyPrint, qpdf)"}
        if meta.get("subject"):
            info["/Subject"] = meta["subject"]
        out.docinfo = out.make_indirect(Dictionary({k: pikepdf.String(v) for k, v in info.items()}))
        buf = io.BytesIO()
        # deterministic_id: the file identifier follows the content, so two builds give the same bytes
        out.save(buf, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return buf.getvalue()
    finally:  # the parts belong to the caller, who opened them
        front_pdf.close()
        out.close()


def _list(obj) -> list:
    import pikepdf

    return list(obj) if isinstance(obj, pikepdf.Array) else [obj]


def _top(tree) -> list:
    k = tree.get("/K")
    return [] if k is None else _list(k)


def _number_tree(node, depth: int = 0):
    """(key, value) pairs of a number tree (flat /Nums or /Kids)."""
    if node is None or depth > 20:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            yield int(nums[i]), nums[i + 1]
    for kid in node.get("/Kids", []):
        yield from _number_tree(kid, depth + 1)
