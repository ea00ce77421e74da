"""The QR encoder (zxing-cpp): every code decodes to its text, with a 4-module quiet zone, level M."""

from __future__ import annotations

import random
import string

import pytest

from profkarta import qr


def _texts() -> list[str]:
    rnd = random.Random(7)
    urls = [f"https://karty.example.ru/maps/c{i}/karta-{i * 7}/?utm_source=qr&utm_medium=print&c=c{i}" for i in
            range(10)]
    noise = ["".join(rnd.choice(string.ascii_letters + string.digits + "/:.?&=-абвгдЖЁ«»") for _ in
                     range(rnd.randint(1, 300))) for _ in range(20)]
    head = "12345678901234567890123 HTTPS://KARTY.EXAMPLE.RU/ABCDEFGHIJKLMNOPQRSTU "  # numeric, alphanumeric, bytes
    return ["a", "0" * 25, "https://карты.рф/кластер/карта/", *urls, *noise, head + "x" * 200]


def _draw(n: int, runs) -> object:
    from PIL import Image, ImageDraw

    img = Image.new("L", (n * 4, n * 4), 255)
    draw = ImageDraw.Draw(img)
    for y, x, w in runs:
        draw.rectangle([x * 4, y * 4, (x + w) * 4 - 1, y * 4 + 3], fill=0)
    return img


@pytest.mark.parametrize("text", _texts())
def test_runs_decode_to_the_text(text: str) -> None:
    import zxingcpp

    n, runs = qr.qr_runs(text)
    assert all(qr.QUIET <= y < n - qr.QUIET and x >= qr.QUIET and x + w <= n - qr.QUIET for y, x, w in runs)
    found = zxingcpp.read_barcodes(_draw(n, runs))
    assert [b.text for b in found] == [text]
    assert found[0].ec_level == "M"


def test_svg_path_covers_the_same_modules() -> None:
    n, runs = qr.qr_runs("https://karty.example.ru/q/ko4wlvf/")
    size, path = qr.qr_path("https://karty.example.ru/q/ko4wlvf/")
    assert size == n and path.count("M") == len(runs) and n == 37  # version 3 with the quiet zone
