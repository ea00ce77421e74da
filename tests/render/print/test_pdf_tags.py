"""Every print file is a tagged PDF (PDF/UA-1): structure tree, /MarkInfo, /Lang ru, a title shown, reading order."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _elements(elem, seen=None):
    """Structure elements under elem, depth first (= reading order)."""
    kids = elem.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        obj = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(obj, dict) and "/S" in obj:
            yield obj
            yield from _elements(obj)


def _pages_in_reading_order(reader) -> list[int]:
    """The page of each tagged element in structure order, as page numbers."""
    index = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out = []
    for e in _elements(reader.trailer["/Root"]["/StructTreeRoot"]):
        if "/Pg" in e:
            out.append(index[e.raw_get("/Pg").idnum])
    return out


def test_every_print_file_is_tagged_with_language_and_title(public_build):
    from pypdf import PdfReader

    _, out, result, _ = public_build
    files = [p for pair in result.map_files.values() for p in pair.values()] + result.booklets + result.cards
    assert any(f.endswith("-a3.pdf") for f in files) and result.booklets and result.cards
    for rel in files:
        reader = PdfReader(str(Path(out) / rel))
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, rel
        assert bool(root["/MarkInfo"]["/Marked"]), rel
        assert str(root["/Lang"]) == "ru", rel
        assert reader.metadata.title, rel
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]), rel
        kinds = {str(e["/S"]) for e in _elements(root["/StructTreeRoot"])}
        assert "/P" in kinds, (rel, kinds)
        if "/cards/" not in rel:  # a card is a name and a QR; maps and booklets have headings
            assert {"/H1", "/H2", "/H3"} & kinds, (rel, kinds)
        pages = _pages_in_reading_order(reader)
        assert set(pages) == set(range(len(reader.pages))), (rel, "a page has no tagged content")
        for page in reader.pages:
            assert "/StructParents" in page, rel


def test_booklet_reads_cover_first_then_each_map_in_page_order(public_build):
    from pypdf import PdfReader

    _, out, result, _ = public_build
    booklet = Path(out) / result.booklets[0]
    reader = PdfReader(str(booklet))
    pages = _pages_in_reading_order(reader)
    firsts = [pages.index(i) for i in range(len(reader.pages))]
    assert firsts == sorted(firsts), "структура буклета читается не в порядке страниц"
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    keys = [int(k) for k in tree["/ParentTree"]["/Nums"][::2]]
    assert len(keys) == len(set(keys)) and int(tree["/ParentTreeNextKey"]) > max(keys)
