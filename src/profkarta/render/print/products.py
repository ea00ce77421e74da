"""One layout, several products: the A4 handout, the A3 poster and the booklet page spliced from one PDF write.

WeasyPrint lays a map out once and writes it once. A finisher moves every part that differs
between the products — the QR code and the link over it, the page boxes and the scale (A3 is
the A4 page scaled by √2, ISO 216), the title — into objects of one fixed length outside the
compressed object stream. Each product is then the same bytes with those objects swapped for
equal-length ones, so every cross-reference offset stays valid. Nothing re-reads the file:
stamping and scaling with pypdf cost about 100 ms a product, splicing costs well under 1 ms.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pydyf

from profkarta.render.print.stamp import ANCHOR, qr_ops

A3_SCALE = math.sqrt(2)
BOXES = ("MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox")


@dataclass(frozen=True)
class Product:
    """One file made from the shared layout: its QR payload, scale, and title (None: the page's own)."""

    name: str
    qr: str
    scale: float = 1.0
    title: str | None = None
    subject: str | None = None


class _PinnedDict(pydyf.Dictionary):
    """A dictionary written as given bytes, outside the object stream, so that its place in the file is known."""

    pinned = b""

    @property
    def compressible(self) -> bool:
        return False

    @property
    def data(self) -> bytes:
        return self.pinned


class _PinnedStream(pydyf.Stream):
    """A stream written as given bytes (uncompressed: the products' versions must have one length)."""

    pinned = b""

    @property
    def data(self) -> bytes:
        return self.pinned


def _box(values, scale: float) -> bytes:
    # fixed width: 595.2756 and its A3 counterpart 841.8898 × √2 = 1190.5512 take the same bytes
    return b"[" + b" ".join(f"{float(v) * scale:12.4f}".encode() for v in values) + b"]"


def _pad_dict(data: bytes, length: int) -> bytes:
    return data[:-2] + b" " * (length - len(data)) + b">>"  # whitespace before the closing >> is neutral


class Splicer:
    """WeasyPrint finisher that prepares the variable parts, then cuts the written PDF into the products."""

    def __init__(self, products: list[Product], qr_size_pt: float, link_from: str | None = None):
        self.products = products
        self.size = qr_size_pt
        self.link_from = link_from
        self.pinned: list[tuple[pydyf.Object, list[bytes]]] = []

    # ------------------------------------------------------------ before the write

    def __call__(self, document, pdf) -> None:
        kids = pdf.pages["Kids"]
        pages = [pdf.objects[int(kids[i])] for i in range(0, len(kids), 3)]
        qr_page, left, top = self._anchor(pdf)
        pre = self._stream(pdf, [f"q {p.scale:.6f} 0 0 {p.scale:.6f} 0 0 cm\nq\n".encode() for p in self.products])
        post = pydyf.Stream([b"\nQ\nQ\n"])
        pdf.add_object(post)
        # the QR is drawn after the page, in the scaled space, as an artifact: the link over it carries its meaning
        qr = self._stream(pdf, [b"\nQ\n/Artifact BMC\n" + qr_ops(p.qr, left, top, self.size) + b"\nEMC\nQ\n"
                                for p in self.products])
        for page in pages:
            old = page["Contents"]
            page["Contents"] = pydyf.Array([pre.reference, old, (qr if page.reference == qr_page else post).reference])
            for ref in page.get("Annots") or []:
                self._annotation(pdf.objects[int(bytes(ref).split()[0])])
            self._dict(page, lambda p, page=page, boxes={k: list(page[k]) for k in BOXES if k in page}: {
                k: _box(v, p.scale) for k, v in boxes.items()})
        self._info(pdf)
        self._metadata(pdf)

    def _anchor(self, pdf) -> tuple[bytes, float, float]:
        names = pdf.catalog.get("Names", {}).get("Dests", {}).get("Names", [])
        for i in range(0, len(names), 2):
            if getattr(names[i], "string", None) == ANCHOR:
                dest = names[i + 1]
                return bytes(dest[0]), float(dest[2]), float(dest[3])
        raise ValueError("в макете нет места для QR-кода (pk-qr)")

    def _stream(self, pdf, versions: list[bytes]) -> _PinnedStream:
        length = max(len(v) for v in versions)
        stream = _PinnedStream()
        pdf.add_object(stream)
        datas = []
        for v in versions:
            stream.stream = [v + b" " * (length - len(v))]
            datas.append(pydyf.Stream.data.fget(stream))
        self._pin(stream, datas)
        return stream

    def _dict(self, obj, values) -> None:
        """Pin a dictionary whose entries `values(product)` differ from product to product."""
        datas = []
        for p in self.products:
            for key, value in values(p).items():
                obj[key] = value
            datas.append(pydyf.Dictionary.data.fget(obj))
        length = max(len(d) for d in datas)
        obj.__class__ = _PinnedDict
        self._pin(obj, [_pad_dict(d, length) for d in datas])

    def _annotation(self, annot) -> None:
        rect = list(annot["Rect"]) if "Rect" in annot else None
        action = annot.get("A")
        ours = (self.link_from is not None and action is not None
                and getattr(action.get("URI"), "string", None) == self.link_from)

        def values(p: Product) -> dict:
            out: dict = {"Rect": _box(rect, p.scale)} if rect else {}
            if ours:
                action["URI"] = pydyf.String(p.qr)
                out["A"] = action
                if "Contents" in annot:  # the tagged link's text alternative names the address too
                    out["Contents"] = pydyf.String(p.qr)
            return out

        self._dict(annot, values)

    def _info(self, pdf) -> None:
        info = pdf.info
        base = {k: info[k] for k in ("Title", "Subject") if k in info}

        def values(p: Product) -> dict:
            out = dict(base)
            if p.title:
                out["Title"] = pydyf.String(p.title)
            if p.subject:
                out["Subject"] = pydyf.String(p.subject)
            return out

        self._dict(info, values)  # pydyf adds the info object (and gives it a number) when it writes

    def _metadata(self, pdf) -> None:
        ref = pdf.catalog.get("Metadata")
        if ref is None:
            return
        stream = pdf.objects[int(bytes(ref).split()[0])]
        xmp = b"\n".join(pydyf._to_bytes(s) for s in stream.stream)
        versions = []
        for p in self.products:
            v = xmp
            if p.title:  # dc:title must say what the Info title says (PDF/UA)
                new = escape(p.title).encode().replace(b"\\", b"\\\\")
                v = re.sub(rb"(<dc:title>.*?<rdf:li[^>]*>).*?(</rdf:li>)", rb"\g<1>" + new + rb"\g<2>", v,
                           count=1, flags=re.S)
            versions.append(v)
        length = max(len(v) for v in versions)
        # XMP packets are meant to be padded: the spaces go before the closing processing instruction
        versions = [v.replace(b"<?xpacket end", b" " * (length - len(v)) + b"\n<?xpacket end", 1) for v in versions]
        stream.compress = False
        datas = []
        for v in versions:
            stream.stream = [v]
            datas.append(pydyf.Stream.data.fget(stream))
        stream.__class__ = _PinnedStream
        self._pin(stream, datas)

    def _pin(self, obj, datas: list[bytes]) -> None:
        if len({len(d) for d in datas}) != 1:  # pragma: no cover - a programming error
            raise ValueError("варианты объекта PDF разной длины")
        obj.pinned = datas[0]
        self.pinned.append((obj, datas))

    # ------------------------------------------------------------ after the write

    def split(self, written: bytes) -> dict[str, bytes]:
        """Each product's bytes: the written file with every pinned object swapped for that product's version."""
        spots = []
        for obj, datas in self.pinned:
            start = obj.offset + len(f"{obj.number} {obj.generation} obj\n")
            if written[start:start + len(datas[0])] != datas[0]:  # pragma: no cover - pydyf changed its layout
                raise ValueError("объект PDF не на своём месте")
            spots.append((start, datas))
        spots.sort(key=lambda s: s[0])
        out = {}
        for i, p in enumerate(self.products):
            parts, at = [], 0
            for start, datas in spots:
                parts += [written[at:start], datas[i]]
                at = start + len(datas[i])
            parts.append(written[at:])
            out[p.name] = b"".join(parts)
        return out
