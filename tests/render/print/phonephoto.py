"""A phone's photo of a printed QR code, simulated: small, turned, skewed, blurred and JPEG-compressed."""

from __future__ import annotations

import subprocess
from pathlib import Path

WIDTH_PX = 120  # the symbol's width in the photo
ANGLE = 7.0  # degrees
BLUR_SIGMA = 1.0
JPEG_QUALITY = 40


def page_codes(pdf: Path, page: int, dpi: int = 150):
    """Every QR code zxing finds on a clean raster of the page: (text, greyscale page, its bounding box)."""
    import cv2
    import zxingcpp

    stem = pdf.parent / f".photo-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", "-png", "-singlefile",
                    str(pdf), str(stem)], check=True)
    png = stem.with_suffix(".png")
    try:
        img = cv2.imread(str(png), cv2.IMREAD_GRAYSCALE)
    finally:
        png.unlink()
    found = []
    for b in zxingcpp.read_barcodes(img):
        p = b.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append((b.text, img, (min(xs), min(ys), max(xs), max(ys))))
    return found


def photograph(img, box: tuple[int, int, int, int]):
    """The code in box as a phone would capture it from a printed page at a distance."""
    import cv2
    import numpy as np

    x0, y0, x1, y1 = box
    side = max(x1 - x0, y1 - y0)
    pad = side // 3  # the printed quiet zone and a little of the page around it
    crop = img[max(0, y0 - pad):y1 + pad, max(0, x0 - pad):x1 + pad]
    scale = WIDTH_PX / side
    small = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    canvas = np.full((h + 80, w + 80), 255, np.uint8)
    canvas[40:40 + h, 40:40 + w] = small
    ch, cw = canvas.shape
    turn = cv2.getRotationMatrix2D((cw / 2, ch / 2), ANGLE, 1.0)
    turned = cv2.warpAffine(canvas, turn, (cw, ch), borderValue=255, flags=cv2.INTER_LINEAR)
    d = 0.05 * cw  # slight perspective: the top edge seen a little narrower than the bottom
    src = np.float32([[0, 0], [cw, 0], [cw, ch], [0, ch]])
    dst = np.float32([[d, d / 2], [cw - d, 0], [cw, ch], [0, ch - d / 2]])
    skewed = cv2.warpPerspective(turned, cv2.getPerspectiveTransform(src, dst), (cw, ch), borderValue=255)
    blurred = cv2.GaussianBlur(skewed, (0, 0), BLUR_SIGMA)
    ok, jpeg = cv2.imencode(".jpg", blurred, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    assert ok
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)


def read_photo(photo) -> list[str]:
    import zxingcpp

    return [b.text for b in zxingcpp.read_barcodes(photo)]
