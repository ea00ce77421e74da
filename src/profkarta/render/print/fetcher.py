"""The only way WeasyPrint may load a resource: files inside allowed folders, image data: URLs."""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from profkarta.errors import BuildError

_MIME = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
         ".webp": "image/webp", ".gif": "image/gif", ".css": "text/css", ".ttf": "font/ttf",
         ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}
_DATA_IMAGES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml")


class FetchRefused(BuildError):
    """A template, stylesheet or image asked for something outside the allowed folders."""


def data_url(mime: str, data: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def image_url(path: Path | None) -> str | None:
    """An image as a data: URL. WeasyPrint names each image in the PDF by a hash of its URL: with the bytes
    in the URL the name follows the content, not the folder the project lies in (reproducible PDFs)."""
    if path is None:
        return None
    st = path.stat()
    return _image_url(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=256)
def _image_url(path: str, _mtime: int, _size: int) -> str:
    p = Path(path)
    mime = _MIME.get(p.suffix.lower()) or "application/octet-stream"
    return data_url(mime, p.read_bytes())


def parse_data_url(url: str) -> tuple[str, bytes]:
    """(mime type, bytes) of a data: URL; refused unless it is an image."""
    head, sep, payload = url[5:].partition(",")
    if not sep:
        raise FetchRefused("повреждённый адрес data: в шаблоне печати")
    parts = head.split(";")
    mime = parts[0].strip().lower() or "text/plain"
    if mime not in _DATA_IMAGES:
        raise FetchRefused(f"встроенные данные типа «{mime}» не допускаются (только картинки)")
    if "base64" in parts[1:]:
        return mime, base64.b64decode(payload)
    return mime, unquote(payload).encode("utf-8")


def make_fetcher(allowed: list[Path]):
    """A WeasyPrint URLFetcher that serves only files under `allowed` and image data: URLs."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class SafeFetcher(URLFetcher):
        """Refuses the network and every file outside the project and the theme."""

        def __init__(self):
            super().__init__(fail_on_errors=True)

        def fetch(self, url, headers=None):
            try:
                mime, body, real = resolve_url(url, roots)
            except FetchRefused as exc:
                raise FatalURLFetchingError(f"печать: отказано в загрузке «{url[:120]}»: {exc}") from None
            return URLFetcherResponse(real, body, {"Content-Type": mime})

    return SafeFetcher()


def resolve_url(url: str, roots: list[Path]) -> tuple[str, bytes, str]:
    """(mime, bytes, url) for an allowed URL; FetchRefused for anything else."""
    if url.startswith("data:"):
        mime, body = parse_data_url(url)
        return mime, body, url
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        raise FetchRefused("загрузка из сети и по чужим адресам запрещена: сборка работает без интернета")
    path = Path(url2pathname(unquote(parts.path))).resolve()
    if not any(path == r or r in path.parents for r in roots):
        raise FetchRefused("файл лежит вне папки проекта и темы печати")
    if not path.is_file():
        raise FetchRefused("файл не найден")
    mime = _MIME.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return mime, path.read_bytes(), path.as_uri()
