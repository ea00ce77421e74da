"""Hostile images and paths: refused with the rule of the field that names them, and said why."""

from __future__ import annotations

import io
import os
import struct
import zlib

import pytest
from PIL import Image

from tests.util import CLUSTER, check, copy_project, edit

LOGO_LINE = "logo: logos/dpk.png"


def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), "white").save(buf, "PNG")
    return buf.getvalue()


def _bomb_png(w: int = 30000, h: int = 30000) -> bytes:
    """A tiny PNG whose header claims a huge canvas (decompression bomb)."""
    raw = zlib.compress(b"\x00" * 64)

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'

# (case, file name, content, words expected in the message)
IMAGES = [
    ("text_named_png", "bad.png", b"this is not an image", "не читается"),
    ("jpeg_named_png", "fake.png", None, "на самом деле"),
    ("truncated_png", "cut.png", _png(64, 64)[:60], "не читается"),
    ("empty_file", "empty.png", b"", "пуст"),
    ("decompression_bomb", "bomb.png", _bomb_png(), "огромн"),
    ("absurd_dimensions", "wide.png", _png(7000, 2), "размеры"),
    ("pdf_as_logo", "logo.pdf", b"%PDF-1.4\n", "не картинка"),
    ("svg_doctype", "x.svg", b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
    ("svg_xxe", "xxe.svg", b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>', "DOCTYPE"),
    ("svg_script", "s.svg", SVG_OK.replace("<rect", "<script>alert(1)</script><rect").encode(), "<script>"),
    ("svg_onload", "o.svg", SVG_OK.replace("<svg ", '<svg onload="alert(1)" ').encode(), "onload"),
    ("svg_external_image", "e.svg", SVG_OK.replace("<rect", '<image href="https://evil.example.com/x.png"/><rect').encode(), "внешняя ссылка"),
    ("svg_file_href", "f.svg", SVG_OK.replace("<rect", '<image xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="file:///etc/passwd"/><rect').encode(), "внешняя ссылка"),
    ("svg_css_import", "c.svg", SVG_OK.replace("<rect", "<style>@import url(https://evil.example.com/a.css);</style><rect").encode(), "стиле"),
    ("svg_foreign_object", "fo.svg", SVG_OK.replace("<rect", '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject><rect').encode(), "foreignObject"),
    ("svg_broken_xml", "b.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', "повреждён"),
    ("svg_not_svg", "h.svg", b"<html><body>hi</body></html>", "не SVG"),
]


@pytest.mark.parametrize("case", IMAGES, ids=[c[0] for c in IMAGES])
def test_hostile_logo_is_refused(tmp_path, case):
    _, name, content, words = case
    root = copy_project(tmp_path)
    logos = root / "career_maps/demo-mashinostroenie/logos"
    if content is None:  # a JPEG saved under a .png name
        buf = io.BytesIO()
        Image.new("RGB", (20, 20), "red").save(buf, "JPEG")
        content = buf.getvalue()
    (logos / name).write_bytes(content)
    line = edit(root, CLUSTER, LOGO_LINE, f"logo: logos/{name}")
    findings = check(root).report.findings
    assert [(f.rule, f.line) for f in findings] == [("R1.2", line)], [f.format() for f in findings]
    assert words in findings[0].message and name in findings[0].message


PATHS = [
    ("dotdot", "../../../mkdocs.yml", "«..»"),
    ("absolute", "/etc/passwd", "абсолютный"),
    ("windows_absolute", "C:\\logo.png", "абсолютный"),
    ("url", "https://example.com/logo.png", "ссылка"),
    ("file_url", "file:///etc/passwd", "ссылка"),
    ("data_url", "data:image/png;base64,AAAA", "ссылка"),
    ("missing", "logos/nope.png", "не найден"),
    ("folder", "logos", "папка"),
]


@pytest.mark.parametrize("case", PATHS, ids=[c[0] for c in PATHS])
def test_paths_stay_inside_the_project(tmp_path, case):
    _, ref, words = case
    root = copy_project(tmp_path)
    line = edit(root, CLUSTER, LOGO_LINE, f"logo: '{ref}'")
    findings = check(root).report.findings
    assert [(f.rule, f.line) for f in findings] == [("R1.2", line)], [f.format() for f in findings]
    assert words in findings[0].message


def test_symlink_out_of_the_project_is_refused(tmp_path):
    root = copy_project(tmp_path)
    outside = tmp_path / "outside.png"
    outside.write_bytes(_png(10, 10))
    os.symlink(outside, root / "career_maps/demo-mashinostroenie/logos/link.png")
    line = edit(root, CLUSTER, LOGO_LINE, "logo: logos/link.png")
    findings = check(root).report.findings
    assert [(f.rule, f.line) for f in findings] == [("R1.2", line)]
    assert "за пределы проекта" in findings[0].message


def test_symlink_inside_the_project_is_fine(tmp_path):
    root = copy_project(tmp_path)
    os.symlink("dpk.png", root / "career_maps/demo-mashinostroenie/logos/alias.png")
    edit(root, CLUSTER, LOGO_LINE, "logo: logos/alias.png")
    assert check(root).report.findings == []


def test_validate_never_writes_source_files(tmp_path):
    root = copy_project(tmp_path)

    def sources() -> dict:  # the parse cache (.profkarta-cache/) is validate's only write, and not a source
        return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in root.rglob("*")
                if p.is_file() and ".profkarta-cache" not in p.parts}

    before = sources()
    check(root)
    assert sources() == before
