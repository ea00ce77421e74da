"""Every QR code of every print file reads from a (simulated) phone photo: short payloads, big enough symbols."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from phonephoto import page_codes, photograph, read_photo

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[3]
# a long address in a subfolder: the payload must stay short even here
LONG_SITE = "https://spo-kollektiv-regiona.example.ru/karty/karernye-karty/"


@pytest.fixture(scope="module")
def demo_print(tmp_path_factory):
    """The repository's demo project (four clusters, teams) printed with plan sheets in the booklets."""
    from profkarta.render.print import render_print
    from profkarta.validate import validate

    root = tmp_path_factory.mktemp("demo") / "project"
    shutil.copytree(REPO / "career_maps", root / "career_maps")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "theme", root / "theme")
    cfg = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    cfg = cfg.replace("extra:\n", "extra:\n  booklets:\n    plan: true\n", 1)
    (root / "mkdocs.yml").write_text(cfg, encoding="utf-8")
    out = tmp_path_factory.mktemp("site")
    result = render_print(validate(root), out, site_url=LONG_SITE, workers=2)
    return out, result


def test_every_print_qr_reads_from_a_phone_photo(demo_print):
    from pypdf import PdfReader

    out, _result = demo_print
    pdfs = sorted(p for p in (out / "print").rglob("*.pdf") if "popularization" not in p.parts)
    kinds = {"a4": 0, "a3": 0, "plan": 0, "booklets": 0, "cards": 0}
    codes = failed = 0
    for pdf in pdfs:
        if pdf.name.endswith(("-a4.pdf", "-a3.pdf", "-plan.pdf")):
            assert len(PdfReader(str(pdf)).pages) == 1, pdf.name
        for page in range(1, len(PdfReader(str(pdf)).pages) + 1):
            found = page_codes(pdf, page)
            if pdf.parent.name not in ("booklets", "cards"):
                assert len(found) == 1, (pdf.name, page)  # a map's page and a plan sheet carry exactly one
            for text, img, box in found:
                codes += 1
                assert text.startswith(LONG_SITE + "q/") and len(text) <= len(LONG_SITE) + 10, text
                if read_photo(photograph(img, box)) != [text]:
                    failed += 1
                    print("не прочитан:", pdf.relative_to(out), page, text)
        kind = pdf.parent.name if pdf.parent.name in ("booklets", "cards") else pdf.stem.rsplit("-", 1)[1]
        kinds[kind] += 1
    assert all(kinds.values()), kinds  # every kind of print file was looked at
    from printkit import pdf_text

    assert "Мой карьерный план" in pdf_text(out / "print" / "booklets" / "demo-mashinostroenie.pdf")  # plan: true
    assert codes >= 3 * 13 + 10
    assert failed == 0, f"{failed} of {codes} codes unreadable"


def test_every_short_address_has_its_redirect(demo_print):
    out, result = demo_print
    assert result.redirects
    for rel in result.redirects:
        html = (out / rel).read_text(encoding="utf-8")
        assert "utm_medium=" in html and "utm_campaign" not in html and "location.replace(" in html


def test_a_long_payload_would_not_read():
    """The control: the simulation is harsh enough that a version-8 code (the old long URLs) fails it."""
    import numpy as np

    from profkarta.qr import qr_runs

    text = ("https://kolledzh-tver.ru/karty/maps/mashinostroenie-tver/operator-naladchik-stankov/"
            "?utm_source=print&utm_campaign=mashinostroenie-tver")
    size, runs = qr_runs(text)  # level M, 4-module quiet zone, as printed
    light = np.ones((size, size), np.uint8)
    for y, x, w in runs:
        light[y, x:x + w] = 0
    img = np.kron(light, np.ones((8, 8), np.uint8)) * 255
    n = img.shape[0]
    assert read_photo(img) == [text]  # clean, it reads
    assert read_photo(photograph(img, (32, 32, n - 32, n - 32))) == []
