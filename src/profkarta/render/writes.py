"""Writing many small files: each folder made once per process (a mkdir that exists is still a system call)."""

from __future__ import annotations

import os
from pathlib import Path

_MADE: set[str] = set()  # folders this process has made or seen; a forked worker starts with its parent's


def forget() -> None:
    """At the start of a build: folders of an earlier build in this process may be gone."""
    _MADE.clear()


def ensure_dir(folder: Path) -> None:
    key = str(folder)
    if key not in _MADE:
        os.makedirs(key, exist_ok=True)
        _MADE.add(key)


def write_file(path: Path, data: bytes) -> None:
    """path's bytes, its folder made if need be."""
    ensure_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    except FileNotFoundError:  # the folder was removed behind our back (a rebuild into the same path)
        _MADE.discard(str(path.parent))
        ensure_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
