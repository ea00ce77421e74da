"""Cache keys of print files: the HTML (every text, URL and flag) plus the bytes of every file it links to."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from profkarta.cache import file_digest, make_key, replace_file
from profkarta.labels import plural, some_of

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


class Overflows:
    """Maps whose page ran onto a second sheet even at 8 pt, by input key, kept beside the cache entries.

    The warning comes from the layout; a map taken from the cache is not laid out, yet it still overflows,
    and a rebuild must say so as the first build did."""

    NAME = "print-overflows.json"

    def __init__(self, root: Path | None):
        self.path = root / self.NAME if root is not None else None
        self.known: dict[str, int] = {}
        if self.path is not None:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.known = {k: v for k, v in data.items() if isinstance(v, int)} if isinstance(data, dict) else {}
            except (OSError, ValueError):
                pass
        self.now: dict[str, int] = {}  # this build's maps that overflow
        self.ids: dict[str, str] = {}

    def reused(self, key: str, map_id: str) -> None:
        if key in self.known:
            self.now[key], self.ids[key] = self.known[key], map_id

    def laid_out(self, key: str, map_id: str, pages: int) -> None:
        if pages > 1:
            self.now[key], self.ids[key] = pages, map_id

    def warning(self) -> str | None:
        """One line for all of them (at national scale there may be thousands)."""
        if not self.now:
            return None
        names = sorted(self.ids.values())
        pages = max(self.now.values())
        one = len(names) == 1
        n = len(names)
        what = f"карта {names[0]} не уместилась" if one else (
            f"{n} {plural(n, 'карта не уместилась', 'карты не уместились', 'карт не уместились')} ({some_of(names)})")
        took = f"заняла {pages} стр." if one else f"{plural(n, 'заняла', 'заняли', 'заняли')} до {pages} стр."
        return (f"печать: {what} на одну страницу A4 даже при шрифте 8 pt и {took}; сократите тексты "
                "(подсказку даёт profkarta validate, правило PR1).")

    def save(self) -> None:
        """Only this build's maps are kept: the file does not grow with every edit."""
        if self.path is None or self.now == self.known:
            return
        with contextlib.suppress(OSError):
            replace_file(self.path, json.dumps(self.now, sort_keys=True))
