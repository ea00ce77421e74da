"""Cache keys of print files: the HTML (every text, URL and flag) plus the bytes of every file it links to."""

from __future__ import annotations

import hashlib
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


class InputKeys:
    """Keys of a map's print files from what they are made of, known before (and instead of) their HTML.

    A map's page and plan sheet are drawn from its own data, its cluster's (colleges, employers, their
    logos), the brand logo, the site address and the drafts flag; the package code is in every key. With
    these keys an unchanged map is found in the cache without building its context and template, which
    at 10,000 maps took longer than redrawing the one map a one-map edit changed."""

    def __init__(self, project, logos, flags: tuple[str, ...]):
        self.project, self.logos, self.flags = project, logos, flags
        self._clusters: dict[str, str] = {}
        self._maps: dict[tuple[str, str], str] = {}  # digest of each map's data, dumped once for its several keys

    def cluster(self, cid: str) -> str:
        """The key part of everything a cluster's print files show of it (its data and logos)."""
        if cid not in self._clusters:
            entry = self.project.clusters[cid]
            cluster = entry.model
            # resolved through Logos, as the pages resolve them: the same warnings, the same normalised files
            refs = [(cluster.industry_logo, "логотип отрасли")]
            refs += [(c.logo, "логотип колледжа") for c in cluster.colleges]
            refs += [(e.logo, f"логотип «{e.name}»") for e in cluster.employers]
            files = [self.logos.resolve(ref, entry.folder, what) for ref, what in refs]
            digests = [file_digest(p) if p else "none" for p in [self.logos.brand(), *files]]
            self._clusters[cid] = make_key("print-cluster", cluster.model_dump_json(), str(entry.folder), digests)
        return self._clusters[cid]

    def of(self, kind: str, entry) -> str:
        """The key of one kind of print file («map», «myplan») of a map entry."""
        at = (entry.cluster_id, entry.id)
        if at not in self._maps:
            self._maps[at] = hashlib.sha256(entry.model.model_dump_json().encode("utf-8")).hexdigest()
        return make_key("print-inputs:" + kind, *self.flags, entry.cluster_id, entry.id, self._maps[at],
                        self.cluster(entry.cluster_id))
