"""The check cache: what the rules said about an unchanged map or cluster file is replayed, not worked out again.

One index (.profkarta-cache/checked.pickle, next to the parse cache) holds, per map and cluster file, the
findings of its own checks — shape, S1, its per-file rules, PR1 — whether its shape was valid, and the images
its rules looked at. A record is used only when the package code, today's date, the project folder, the file's
text (the parse cache's digest), for a map its cluster file's text, and every image it looked at (resolved
path, size, dates, inode — or the same refusal) are as they were. The cross-file rules (U1, K1, brand, site_url,
teams, programmes, plans) run every time. Findings are replayed through the report at the point where a cold
run adds them, so the ordering-dependent «one error per field» logic gives the same report.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
from pathlib import Path
from typing import Any

from profkarta.cache import code_hash
from profkarta.findings import Finding
from profkarta.load.parsecache import _SafeUnpickler
from profkarta.load.project import Entry, Project
from profkarta.rules.context import image_probe

FORMAT = "1"  # bump when a record's layout changes
INDEX = "checked.pickle"
CACHED_KINDS = ("map", "cluster")  # the many files; teams, programmes and plans are few and cross-checked
# the slots of a record, in the order a cold run fills them
KEY, VALID, SHAPE, SCAFFOLD, CHECKS, PR1, IMAGES = range(7)


def _row(f: Finding) -> tuple:
    return (f.file, f.line, f.col, f.severity, f.rule, f.field, f.message)


class CheckCache:
    """rel path → record of the last run; folder None caches nothing (records are still made, never kept)."""

    def __init__(self, folder: Path | None, project: Project, today: dt.date, partial: bool = False):
        self.path = folder / INDEX if folder is not None else None
        self.project = project
        self.partial = partial  # only some clusters were loaded: keep the others' records
        self.stamp = (FORMAT, code_hash(), today.isoformat(), str(project.root))
        self.old: dict[str, tuple] = {}
        self.hits: dict[str, tuple] = {}
        self.fresh: dict[str, list] = {}
        self.given: dict[str, tuple] = dict(project.prechecked)  # records the parse workers made in this run
        if self.path is None:
            return
        try:
            with self.path.open("rb") as fh:
                index = _SafeUnpickler(io.BufferedReader(fh)).load()
            if isinstance(index, dict) and index.get("stamp") == self.stamp and isinstance(index["files"], dict):
                self.old = index["files"]
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError,
                IndexError, MemoryError, RecursionError):
            self.old = {}  # missing, from another version or day, damaged or foreign: a cold run

    def key(self, entry: Entry) -> tuple | None:
        """What a file's own rules read: its text and, for a map, its cluster file's; None when not cacheable."""
        if entry.kind not in CACHED_KINDS or entry.doc.digest is None:
            return None
        dep = ""
        if entry.kind == "map":
            cluster = self.project.clusters.get(entry.cluster_id)
            if cluster is not None and cluster.doc.digest is None:
                return None
            dep = (cluster.doc.digest or "") if cluster is not None else "-"
        return (entry.kind, entry.id, entry.cluster_id, entry.doc.digest, dep)

    def lookup(self, entry: Entry) -> tuple | None:
        """The record to replay for this file, or None (and a fresh record to fill) when it must be checked."""
        key = self.key(entry)
        if key is None:
            return None
        rel = entry.doc.rel
        row = self.given.get(rel)
        if row is not None and row[KEY] == key:  # checked by a parse worker a moment ago, images and all
            self.hits[rel] = row
            return row
        row = self.old.get(rel)
        if row is not None and self._usable(row, key):
            self.hits[rel] = row
            return row
        self.fresh[rel] = [key, False, [], [], [], [] if entry.kind == "cluster" else None, []]
        return None

    def _usable(self, row: Any, key: tuple) -> bool:
        try:
            if row[KEY] != key:
                return False
            root = self.project.root
            return all(image_probe(ref, Path(base), root)[0] == probe for ref, base, probe in row[IMAGES])
        except (TypeError, ValueError, IndexError):
            return False  # a record of another shape: check the file again

    def record(self, entry: Entry) -> list | None:
        """The fresh record being filled for this file (None when it is replayed or not cached)."""
        return self.fresh.get(entry.doc.rel)

    def rows(self) -> dict[str, tuple]:
        """The fresh records, complete and as stored (plain data only)."""
        return {rel: (rec[KEY], rec[VALID], *(tuple(_row(f) for f in rec[s]) for s in (SHAPE, SCAFFOLD, CHECKS, PR1)),
                      tuple(rec[IMAGES]))
                for rel, rec in self.fresh.items() if rec[PR1] is not None}  # PR1 not run: incomplete

    def save(self) -> None:
        """Write the index when anything changed; atomic, and a failure only costs the next run time."""
        files = dict(self.old) if self.partial else {}
        files.update(self.hits)
        files.update(self.rows())
        if self.path is None or files == self.old:
            return
        tmp = self.path.with_name(f".{INDEX}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(pickle.dumps({"stamp": self.stamp, "files": files}, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, self.path)
        except (OSError, pickle.PicklingError, RecursionError):
            tmp.unlink(missing_ok=True)


def replay(row: tuple, slot: int) -> list[Finding]:
    return [Finding(*f) for f in row[slot]]
