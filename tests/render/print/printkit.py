"""Helpers for print tests: copy the examples, add maps, read PDFs back (text, QR codes, pages)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path


EXAMPLES = Path(__file__).resolve().parents[2] / "projects" / "spec_example"  # a copy of the spec's example
SITE_URL = "https://karty.example.ru"
CLUSTER = "demo-mashinostroenie"
MAP_FILE = f"career_maps/{CLUSTER}/tehnolog.yaml"


def copy_examples(dest: Path) -> Path:
    shutil.copytree(EXAMPLES, dest)
    return dest


def add_map(root: Path, map_id: str, edits: dict[str, str] | None = None, text: str | None = None) -> Path:
    """A new map file made from tehnolog.yaml with text replacements (or given in full)."""
    body = text if text is not None else (root / MAP_FILE).read_text(encoding="utf-8")
    for old, new in (edits or {}).items():
        assert old in body, old
        body = body.replace(old, new)
    path = root / "career_maps" / CLUSTER / f"{map_id}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def pdf_text(path: Path) -> str:
    """Text in drawing order (pypdf), auto-hyphenation undone, every kind of space folded to one."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    text = re.sub(r"[\u2010\u00ad]\n", "", text)  # WeasyPrint's hyphenation at line ends
    text = re.sub(r"-\n", "-", text)  # a real hyphen that happened to end a line
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", text)


def squash(s: str) -> str:
    return re.sub(r"[\s\u00a0\u202f\u2009]+", " ", s)


def read_qr(path: Path, page: int = 1, dpi: int = 150, sizes: list | None = None) -> list[str]:
    """Decode every QR code on a page rastered by pdftoppm at dpi (as a phone would see print);
    the symbols' widths in mm are appended to `sizes` when given."""
    import zxingcpp
    from PIL import Image

    stem = path.parent / f".qr-{path.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(path), str(stem)], check=True)
    png = stem.with_suffix(".png")
    try:
        with Image.open(png) as im:
            found = zxingcpp.read_barcodes(im.convert("L"))
        if sizes is not None:
            sizes.extend((b.position.top_right.x - b.position.top_left.x) / dpi * 25.4 for b in found)
        return [b.text for b in found]
    finally:
        png.unlink()


def pdf_pages(path: Path):
    from pypdf import PdfReader

    return PdfReader(str(path)).pages


def follow(out: Path, url: str) -> str:
    """Where a short print address (…/q/<code>/) leads: read its redirect page in the built site `out`."""
    from urllib.parse import urljoin

    assert url.startswith(SITE_URL + "/q/"), url
    html = (out / url[len(SITE_URL) + 1:] / "index.html").read_text(encoding="utf-8")
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1).replace("&amp;", "&")
    script = re.search(r'location\.replace\("([^"]+)"\)', html).group(1)
    assert refresh == script  # the meta refresh and the script go to the same place
    return urljoin(url, script)
