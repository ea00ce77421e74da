"""Products spliced from one PDF write: every file is a valid PDF with its own QR, link, size and title."""

from __future__ import annotations

import io
import re

import pytest

from profkarta.render.print import engine
from profkarta.render.print.products import A3_SCALE, Product

QR = {"a4": "https://karty.example.ru/q/aaaaaaa/", "a3": "https://karty.example.ru/q/bbbbbbb/",
      "booklet": "https://karty.example.ru/q/ccccccc/"}
HTML = f"""<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Карта «Технолог» &amp; Ко</title>
<meta name="description" content="Памятка A4"><style>@page {{ size: A4; margin: 10mm }}</style></head>
<body><h1>Технолог</h1><p>Текст карты, который одинаков во всех изделиях.</p>
<a href="{QR['a4']}"><div id="pk-qr" style="width: 30mm; height: 30mm"></div></a>
<p><a href="https://example.ru/other">другая ссылка</a></p></body></html>"""


@pytest.fixture(scope="module")
def products() -> dict[str, bytes]:
    wp = engine.weasy()
    doc = wp.HTML(string=HTML).render()
    return engine.write_products(doc, [Product("a4", QR["a4"]),
                                       Product("a3", QR["a3"], A3_SCALE, "Карта — плакат A3", "Плакат A3"),
                                       Product("booklet", QR["booklet"])], 30 * 72 / 25.4, QR["a4"])


def _xref_points_at_objects(pdf: bytes) -> None:
    """Every object the cross-reference stream places directly in the file starts where it says."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf), strict=True)
    placed = reader.xref[0]
    assert placed, "no uncompressed objects found"
    for number, offset in placed.items():
        assert pdf[offset:offset + 20].startswith(f"{number} 0 obj".encode()), number


@pytest.mark.parametrize("name", ["a4", "a3", "booklet"])
def test_each_product_is_a_whole_pdf_with_its_own_link(products, name):
    from pypdf import PdfReader

    pdf = products[name]
    _xref_points_at_objects(pdf)
    page = PdfReader(io.BytesIO(pdf), strict=True).pages[0]
    uris = [a.get_object()["/A"]["/URI"] for a in page["/Annots"]]
    assert QR[name] in uris and "https://example.ru/other" in uris
    assert not {u for u in QR.values() if u != QR[name]} & set(uris)
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    k = A3_SCALE if name == "a3" else 1.0
    assert (width, height) == pytest.approx((595.28 * k, 841.89 * k), abs=0.5)
    assert "Текст карты" in page.extract_text()


def test_products_differ_only_where_they_should(products):
    a4, booklet = products["a4"], products["booklet"]
    assert len(a4) == len(booklet) == len(products["a3"])  # equal-length splices: offsets unchanged
    starts = [(m.start(), m[1]) for m in re.finditer(rb"(\d+) 0 obj\n", a4)]
    changed = {next(n for at, n in reversed(starts) if at <= i) for i in range(len(a4)) if a4[i] != booklet[i]}
    bodies = {n: a4[at:a4.index(b"endobj", at)] for at, n in starts if n in changed}
    # the QR drawing and the link over it, nothing else
    qr_drawing = [n for n, body in bodies.items() if b"/Artifact BMC" in body]
    links = [n for n, body in bodies.items() if QR["a4"].encode() in body]
    assert len(qr_drawing) == 1 and links and sorted(qr_drawing + links) == sorted(changed)


def test_titles_in_info_and_xmp_agree(products):
    from pypdf import PdfReader

    for name, title in (("a4", "Карта «Технолог» & Ко"), ("a3", "Карта — плакат A3")):
        reader = PdfReader(io.BytesIO(products[name]))
        assert reader.metadata.title == title
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
        found = re.search(r"<dc:title>.*?<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
        assert found and found[1] == title.replace("&", "&amp;")
    assert PdfReader(io.BytesIO(products["a3"])).metadata.subject == "Плакат A3"


def test_qr_decodes_per_product(products, tmp_path):
    from tests.render.print.printkit import read_qr

    for name, pdf in products.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        assert read_qr(path) == [QR[name]]


def test_missing_qr_box_is_refused():
    wp = engine.weasy()
    doc = wp.HTML(string="<p>нет места для кода</p>").render()
    with pytest.raises(ValueError, match="pk-qr"):
        engine.write_products(doc, [Product("a4", QR["a4"])], 50, None)
