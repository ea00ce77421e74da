"""Raster logos are normalised for output: upright, bounded, PNG, no metadata."""

from __future__ import annotations

import io

from PIL import Image

from profkarta.cache import Cache
from profkarta.render.images import normalize, normalized_file


def test_big_rotated_jpeg_becomes_a_small_upright_png(tmp_path):
    src = tmp_path / "logo.jpg"
    im = Image.new("RGB", (3000, 1000), "red")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated 90° clockwise: must come out upright (taller than wide)
    exif[0x010F] = "Камера"  # metadata that must not leak into the site
    im.save(src, "JPEG", exif=exif.tobytes())
    out = Image.open(io.BytesIO(normalize(src, 512)))
    assert out.format == "PNG" and max(out.size) == 512 and out.size[1] > out.size[0]
    assert "exif" not in out.info


def test_transparency_is_kept_and_small_logos_are_not_enlarged(tmp_path):
    src = tmp_path / "logo.png"
    Image.new("RGBA", (100, 40), (0, 0, 0, 0)).save(src)
    out = Image.open(io.BytesIO(normalize(src, 512)))
    assert out.mode == "RGBA" and out.size == (100, 40)


def test_normalised_copies_are_reused_by_content(tmp_path):
    src = tmp_path / "logo.png"
    Image.new("RGB", (800, 800), "blue").save(src)
    cache = Cache(tmp_path / "cache")
    first = normalized_file(src, 512, cache)
    assert normalized_file(src, 512, cache) == first
    Image.new("RGB", (800, 800), "green").save(src)
    assert normalized_file(src, 512, cache) != first


def test_print_embeds_a_normalised_logo(tmp_path):
    """A 5000 px college logo reaches the PDF at no more than 1200 px (and the project file is untouched)."""
    from pypdf import PdfReader

    from profkarta.render.print import render_print
    from tests.util import check, copy_project

    root = copy_project(tmp_path)
    logo = root / "career_maps/demo-mashinostroenie/logos/dpk.png"
    Image.new("RGB", (5000, 2500), "navy").save(logo)
    before = logo.read_bytes()
    render_print(check(root), tmp_path / "out", site_url="https://karty.example.ru/", workers=1)
    pdf = PdfReader(tmp_path / "out/print/demo-mashinostroenie/tehnolog-a4.pdf")
    sizes = [img.image.size for img in pdf.pages[0].images]
    assert sizes and max(max(s) for s in sizes) <= 1200
    assert logo.read_bytes() == before
