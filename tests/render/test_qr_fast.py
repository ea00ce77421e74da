"""The QR encoder gives exactly qrcode's matrix (level M, mask 4) and codes that decode to their text."""

from __future__ import annotations

import random
import string

import pytest
import qrcode
from qrcode.constants import ERROR_CORRECT_M

from profkarta import qr


def _reference(text: str) -> list[str]:
    ref = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0, box_size=1, mask_pattern=qr.MASK)
    ref.add_data(text)
    ref.make(fit=True)
    return ["".join("1" if v else "0" for v in row) for row in ref.get_matrix()]


def _texts() -> list[str]:
    rnd = random.Random(7)
    urls = [f"https://karty.example.ru/maps/c{i}/karta-{i * 7}/?utm_source=qr&utm_medium=print&c=c{i}" for i in
            range(40)]
    noise = ["".join(rnd.choice(string.printable + "абвгдЖЁ«»") for _ in range(rnd.randint(1, 400)))
             for _ in range(60)]
    head = "12345678901234567890123 HTTPS://KARTY.EXAMPLE.RU/ABCDEFGHIJKLMNOPQRSTU "  # numeric, alphanumeric, bytes
    mixed = [head + "x" * i for i in range(0, 600, 30)]
    return ["", "a", "0" * 25, *urls, *noise, *mixed]


@pytest.mark.parametrize("text", _texts())
def test_same_matrix_as_qrcode(text: str) -> None:
    assert qr.qr_matrix(text) == _reference(text)


def test_runs_decode() -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    url = "https://karty.example.ru/maps/c1/karta/?utm_source=qr&utm_medium=slides"
    n, runs = qr.qr_runs(url)
    img = Image.new("L", (n, n), 255)
    for y, x, w in runs:
        for i in range(w):
            img.putpixel((x + i, y), 0)
    found = zxingcpp.read_barcodes(img.resize((n * 6, n * 6), Image.NEAREST))
    assert [b.text for b in found] == [url]
