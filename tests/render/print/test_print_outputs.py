"""Print outputs of the example project: sizes, QR read-back, text, fonts, metadata, booklets, cards."""

from __future__ import annotations

import pytest
from printkit import CLUSTER, SITE_URL, follow, pdf_pages, pdf_text, read_qr, squash

from profkarta import urls

pytestmark = pytest.mark.slow

A4 = (595.28, 841.89)
A3 = (841.89, 1190.55)


def _size(page) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


def test_result_lists_every_file(public_build):
    _v, out, r, progress = public_build
    assert r.map_files == {(CLUSTER, "tehnolog"): {"a4": urls.map_pdf(CLUSTER, "tehnolog", "a4"),
                                                   "a3": urls.map_pdf(CLUSTER, "tehnolog", "a3")}}
    assert sorted(r.booklets) == sorted([urls.cluster_booklet(CLUSTER), urls.college_booklet(CLUSTER, "dpk")])
    assert r.cards == [urls.team_cards("dpk-metall")]
    for rel in [*r.map_files[(CLUSTER, "tehnolog")].values(), *r.booklets, *r.cards]:
        assert (out / rel).is_file(), rel
    assert r.warnings == []
    assert r.rendered >= 4 and r.reused == 0
    assert progress and progress[-1][0] == progress[-1][1]


@pytest.mark.parametrize("fmt,size", [("a4", A4), ("a3", A3)])
def test_map_pdf_is_one_page_of_right_size(public_build, fmt, size):
    _v, out, r, _ = public_build
    pages = pdf_pages(out / r.map_files[(CLUSTER, "tehnolog")][fmt])
    assert len(pages) == 1
    assert _size(pages[0]) == pytest.approx(size, abs=1.0)


@pytest.mark.parametrize("fmt", ["a4", "a3"])
def test_qr_reads_back_as_short_address_of_page_with_marker(public_build, fmt):
    """The QR holds a short address (q/<code>/, a small symbol); its redirect names the product in utm_medium."""
    _v, out, r, _ = public_build
    [code] = read_qr(out / r.map_files[(CLUSTER, "tehnolog")][fmt])
    assert len(code) < 40
    assert follow(out, code) == f"{SITE_URL}/maps/{CLUSTER}/tehnolog/?utm_source=print&utm_medium={fmt}"


@pytest.mark.parametrize("fmt,least", [("a4", 32.0), ("a3", 45.0)])
def test_qr_is_vector_large_and_has_short_address(public_build, fmt, least):
    """The only raster images are the two PNG logos (the QR is vector paths); its symbol is wide enough."""
    _v, out, r, _ = public_build
    path = out / r.map_files[(CLUSTER, "tehnolog")][fmt]
    assert len(pdf_pages(path)[0].images) == 2  # dpk.png and ural-privod.png
    sizes: list[float] = []
    read_qr(path, sizes=sizes)
    assert sizes and sizes[0] >= least
    text = pdf_text(path).replace("/ ", "/")
    assert "karty.example.ru/maps/demo-mashinostroenie/tehnolog" in text


def test_text_holds_programme_positions_and_salaries(public_build):
    v, out, r, _ = public_build
    m = next(e for e in v.project.maps if e.id == "tehnolog").model
    for fmt in ("a4", "a3"):
        text = pdf_text(out / r.map_files[(CLUSTER, "tehnolog")][fmt])
        assert m.program.title in text
        assert m.program.code in text
        for stage in m.ladder:
            for pos in stage.positions:
                assert squash(pos) in text, pos
            for n in (stage.salary.min, stage.salary.avg, stage.salary.max):
                assert f"{n:,}".replace(",", " ") in text, n
        for word in ("Карьерная лестница", "Как мы поддерживаем", "Колледж", "Работодатели", "Регион",
                     "Свердловская область", "Утверждено: протокол № 7 от 15.06.2026",
                     "Северная станкостроительная компания", "Демонстрационный политехнический колледж"):
            assert word in text, word
        assert "ПРОЕКТ" not in text


def _descriptors(resources, seen=None):
    """Font descriptors of every font in resources and in nested form XObjects."""
    seen = set() if seen is None else seen
    out = []
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        out.append(font["/FontDescriptor"].get_object())
    for xo in (resources.get("/XObject") or {}).values():
        xo = xo.get_object()
        if xo.get("/Subtype") == "/Form" and "/Resources" in xo and id(xo) not in seen:
            seen.add(id(xo))
            out += _descriptors(xo["/Resources"].get_object(), seen)
    return out


def test_fonts_embedded_and_metadata(public_build):
    from pypdf import PdfReader

    _v, out, r, _ = public_build
    files = [*r.map_files[(CLUSTER, "tehnolog")].values(), *r.booklets, *r.cards]
    for rel in files:
        reader = PdfReader(str(out / rel))
        fonts = [d for page in reader.pages for d in _descriptors(page["/Resources"].get_object())]
        assert fonts and all("/FontFile2" in d for d in fonts), rel
        assert any("PK-Sans" in str(d["/FontName"]) for d in fonts), rel  # the bundled fonts
        meta = reader.metadata
        assert meta.title and meta.author, rel
        assert str(reader.trailer["/Root"]["/Lang"]) == "ru", rel
    a4 = PdfReader(str(out / r.map_files[(CLUSTER, "tehnolog")]["a4"])).metadata
    assert "Технология машиностроения" in a4.title
    assert a4.author == "Управляющий совет ОПЦ(К) «Демо-машиностроение»"


def test_no_text_under_8pt_on_a4(public_build):
    """Every character laid out from the map's data is at least 8 pt (logos' own drawings aside)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTFigure

    _v, out, r, _ = public_build

    def chars(el, in_figure=False):
        if isinstance(el, LTChar):
            if not in_figure:
                yield el
            return
        for child in getattr(el, "_objs", []):
            yield from chars(child, in_figure or isinstance(el, LTFigure))

    sizes = [c.size for page in extract_pages(str(out / r.map_files[(CLUSTER, "tehnolog")]["a4"]))
             for c in chars(page)]
    assert sizes and min(sizes) >= 7.95


def test_college_booklet_has_cover_toc_and_map_pages(public_build):
    _v, out, _r, _ = public_build
    path = out / urls.college_booklet(CLUSTER, "dpk")
    pages = pdf_pages(path)
    assert len(pages) == 3  # cover, contents, one map
    assert all(_size(p) == pytest.approx(A4, abs=1.0) for p in pages)
    text = pdf_text(path)
    assert "Содержание" in text and "СПЕЦИАЛЬНОСТИ" in text and "15.02.16" in text
    assert "Технология машиностроения" in text
    [code] = read_qr(path, page=3)
    assert follow(out, code) == f"{SITE_URL}/maps/{CLUSTER}/tehnolog/?utm_source=print&utm_medium=booklet"
    [cover] = read_qr(path, page=1)
    assert follow(out, cover) == f"{SITE_URL}/clusters/{CLUSTER}/?utm_source=print&utm_medium=booklet"
    from pypdf import PdfReader

    assert [o.title for o in PdfReader(str(path)).outline][:2] == ["Обложка и содержание",
                                                                   "15.02.16 Технология машиностроения"]


def test_cards_sheet_qr_leads_to_team_page(public_build):
    _v, out, _r, _ = public_build
    path = out / urls.team_cards("dpk-metall")
    pages = pdf_pages(path)
    assert len(pages) == 1 and _size(pages[0]) == pytest.approx(A4, abs=1.0)
    codes = read_qr(path)
    assert len(codes) == 10
    assert len(set(codes)) == 1
    assert follow(out, codes[0]) == f"{SITE_URL}/ambassadors/dpk-metall/?utm_source=card&utm_medium=card"
    text = pdf_text(path)
    assert "Амбассадоры ДПК «Металл»" in text and "ДПК" in text
