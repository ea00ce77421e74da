"""The parse cache: a file that has not changed since the last run is never parsed again.

One compact index file (.profkarta-cache/parsed.pickle) holds, per data file, its size, dates and
inode, the hash of its text and the parsed data, pickled on its own: writing the index after one edit
copies the other files' bytes instead of pickling all their data again. A file whose size and dates are
as recorded is taken as it is (like git's index), except when it was written so close to the last run
that a second same-size edit could share the date: that one, and any file whose dates moved (touched,
edited, copied back), is read and hashed, and parsed again only when its text changed. Positions
for findings are worked out from the file when a finding needs them (load.yamlfile.Document).
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import time
from pathlib import Path

from profkarta.cache import code_hash

INDEX = "parsed.pickle"
RACY_NS = 3_000_000_000  # dates closer than this to the run that recorded them are not trusted alone
_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timezone"),
            ("datetime", "timedelta")}

Signature = tuple[int, int, int, int]


class _SafeUnpickler(pickle.Unpickler):
    """The index lives in the project folder, which people share: it may name no code, only dates."""

    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name}")


def signature(st: os.stat_result) -> Signature:
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_DAMAGED = object()


def _data(entry: tuple) -> object:
    """A file's data from its own pickle (dates only, like the index); _DAMAGED when it does not read."""
    try:
        return _SafeUnpickler(io.BytesIO(entry[2])).load()
    except (pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError, IndexError,
            MemoryError, RecursionError):
        return _DAMAGED


class ParseCache:
    """rel path → (signature, text hash, data) of the last run; None as folder caches nothing."""

    def __init__(self, folder: Path | None):
        self.path = folder / INDEX if folder is not None else None
        self.started = time.time_ns()
        self.stamp = 0  # when the loaded index was recorded
        self.old: dict[str, tuple[Signature, str, object]] = {}
        self.new: dict[str, tuple[Signature, str, object]] = {}
        self.changed = False
        if self.path is None:
            return
        try:
            with self.path.open("rb") as fh:
                index = _SafeUnpickler(io.BufferedReader(fh)).load()
            if isinstance(index, dict) and index.get("code") == code_hash():
                self.stamp, self.old = int(index["stamp"]), dict(index["files"])
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError,
                IndexError, MemoryError):
            self.old = {}  # missing, from another version, or damaged: start afresh

    def trusted(self, rel: str, st: os.stat_result) -> tuple[bool, object]:
        """(True, data) when the file's size, dates and inode are as recorded, and not racily so."""
        entry = self.old.get(rel)
        if entry is None or entry[0] != signature(st) or st.st_mtime_ns >= self.stamp - RACY_NS:
            return False, None
        data = _data(entry)
        if data is _DAMAGED:
            return False, None
        self.new[rel] = entry
        return True, data

    def by_text(self, rel: str, st: os.stat_result, text: str) -> tuple[bool, object]:
        """(True, data) when the file's text is what was parsed last time (touched, or dates moved)."""
        entry = self.old.get(rel)
        digest = text_hash(text)
        if entry is None or entry[1] != digest:
            return False, None
        data = _data(entry)
        if data is _DAMAGED:
            return False, None
        self.new[rel] = (signature(st), digest, entry[2])
        self.changed = True
        return True, data

    def put(self, rel: str, st: os.stat_result, text: str, data: object) -> None:
        try:
            blob = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, RecursionError, TypeError):
            return  # not kept: parsed again next time
        self.new[rel] = (signature(st), text_hash(text), blob)
        self.changed = True

    def save(self) -> None:
        """Write the index when anything changed; atomic, and a failure only costs the next run time."""
        if self.path is None or (not self.changed and self.new.keys() == self.old.keys()):
            return
        index = {"code": code_hash(), "stamp": self.started, "files": self.new}
        tmp = self.path.with_name(f".{INDEX}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, self.path)
        except (OSError, pickle.PicklingError, RecursionError):
            tmp.unlink(missing_ok=True)
