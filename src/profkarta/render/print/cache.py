"""Cache keys of print files: the HTML (every text, URL and flag) plus the bytes of every file it links to."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from profkarta.cache import file_digest, make_key

_FILE_URL = re.compile(r"file://[^\"')\s<>]+")


def key_of(kind: str, html: str, *extra: str) -> str:
    """The package's code and theme are in every key (profkarta.cache.code_hash); here come the HTML, the
    content of the logos it links to, and any extra parts (site_url, drafts)."""
    linked = [file_digest(Path(url2pathname(unquote(urlsplit(url).path))))
              for url in sorted(set(_FILE_URL.findall(html)))]
    return make_key("print:" + kind, *extra, html, linked)
