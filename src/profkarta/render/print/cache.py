"""A content-addressed cache of print files: same inputs → same PDF, copied instead of laid out."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from profkarta.render.print.templates import theme_hash

_FILE_URL = re.compile(r"file://[^\"')\s<>]+")


def key_of(kind: str, html: str, *extra: str) -> str:
    """Hash of the print theme and code, the HTML (it holds every text, URL and flag), the bytes of
    every file it links to (logos), and any extra parts (e.g. site_url, drafts)."""
    h = hashlib.sha256(theme_hash().encode())
    for part in (kind, *extra, html):
        h.update(b"\0" + part.encode("utf-8"))
    for url in sorted(set(_FILE_URL.findall(html))):
        path = Path(url2pathname(unquote(urlsplit(url).path)))
        try:
            h.update(b"\0" + path.read_bytes())
        except OSError:
            h.update(b"\0missing:" + url.encode())
    return h.hexdigest()


class Cache:
    """Files stored under cache_dir/<key[:2]>/<key>/<name>; None dir means no caching."""

    def __init__(self, root: Path | None):
        self.root = Path(root) if root else None

    def path(self, key: str, name: str) -> Path | None:
        return self.root / key[:2] / key / name if self.root else None

    def get(self, key: str, names: list[str], targets: list[Path]) -> bool:
        """Copy the cached files to targets; False (and nothing copied) if any is missing."""
        if not self.root:
            return False
        sources = [self.path(key, n) for n in names]
        if not all(s.is_file() for s in sources):
            return False
        for src, dst in zip(sources, targets):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        return True

    def put(self, key: str, names: list[str], sources: list[Path]) -> None:
        """Store files atomically (a half-written entry is never seen by a parallel build)."""
        if not self.root:
            return
        final = self.root / key[:2] / key
        if final.is_dir():
            return
        final.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=final.parent))
        try:
            for name, src in zip(names, sources):
                shutil.copyfile(src, tmp / name)
            os.replace(tmp, final)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
