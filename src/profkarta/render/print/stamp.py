"""Draw a QR code into a laid-out PDF at an empty box, so A4, A3 and booklet pages share one layout.

The map's HTML leaves an empty square with `id="pk-qr"`; WeasyPrint writes it as a named
destination (its top-left corner in PDF points). Each product (A4, A3, booklet) gets its own
payload (`utm_medium`) stamped there as vector rectangles, without a second layout.
"""

from __future__ import annotations

import io

ANCHOR = "pk-qr"


def qr_ops(text: str, left: float, top: float, size: float) -> bytes:
    """PDF drawing operators of the QR (quiet zone included) filling a size×size square at (left, top)."""
    from profkarta.qr import qr_runs

    n, runs = qr_runs(text)
    s = size / n
    ops = [f"q 1 g {left:.3f} {top - size:.3f} {size:.3f} {size:.3f} re f 0 g"]
    ops += [f"{left + x * s:.3f} {top - (y + 1) * s:.3f} {w * s:.3f} {s:.3f} re" for y, x, w in runs]
    ops.append("f Q")
    return "\n".join(ops).encode("ascii")


def stamp_qr(pdf: bytes, text: str, size_pt: float, link_from: str | None = None) -> bytes:
    """The PDF with the QR of text drawn in the pk-qr box; a link annotation to link_from now leads to text."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, TextStringObject

    reader = PdfReader(io.BytesIO(pdf))
    dest = reader.named_destinations.get(ANCHOR)
    if dest is None:
        raise ValueError("в макете нет места для QR-кода (pk-qr)")
    page_no = reader.get_destination_page_number(dest)
    if page_no is None:
        raise ValueError("место для QR-кода (pk-qr) не на странице")
    # an incremental update: the laid-out document is kept as it is and only the changed page, its two new
    # content streams and the link are appended (cloning the whole document — tags included — cost 3× more)
    writer = PdfWriter(io.BytesIO(pdf), incremental=True)
    page = writer.pages[page_no]
    pre, post = DecodedStreamObject(), DecodedStreamObject()
    pre.set_data(b"q\n")
    post.set_data(b"\nQ\n" + qr_ops(text, float(str(dest["/Left"])), float(str(dest["/Top"])), size_pt) + b"\n")
    old = page.raw_get("/Contents")
    old_list = list(old.get_object()) if isinstance(old.get_object(), ArrayObject) else [old]
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(pre), *old_list, writer._add_object(post)])
    if link_from:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get_object().get("/URI") == link_from:
                action.get_object()[NameObject("/URI")] = TextStringObject(text)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def mm_to_pt(mm: float) -> float:
    return mm * 72 / 25.4
