"""One content-addressed cache for every rendered output: key = inputs + templates + settings + code."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FORMAT = "2"  # bump when the layout of an entry changes
MANIFEST = "manifest.json"
STATS = "/stat"  # manifest key of the files' (size, mtime) when stored: "/" never starts a file name
TREE = "tree"  # a tree entry keeps its files under this folder (its manifest names them by relative path)


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of every file of the installed package: code, templates, styles, fonts, reference data.

    Any change to profkarta itself (a formatter, a template, a CSV row) changes every key, so an
    upgrade never serves an output that the old code produced.
    """
    h = hashlib.sha256(FORMAT.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc", ".pyo"):
            h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def folder_hash(*folders: Path) -> str:
    """Hash of the files under folders (a project's theme overrides and page templates); missing ones count too."""
    h = hashlib.sha256()
    for folder in folders:
        h.update(str(folder.name).encode() + b"\0")
        if not folder.is_dir():
            h.update(b"-")
            continue
        # os.walk (scandir), not Path.rglob: mkdocs' input at national scale is thousands of pages and logos
        files = []
        for top, _, names in os.walk(folder):
            rel_top = os.path.relpath(top, folder).replace(os.sep, "/")
            prefix = "" if rel_top == "." else rel_top + "/"
            files += [(prefix + n, os.path.join(top, n)) for n in names if os.path.isfile(os.path.join(top, n))]
        for rel, path in sorted(files):
            h.update(rel.encode() + b"\0")
            with open(path, "rb") as fh:
                h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """A file's content hash (logos count by their bytes, not their dates)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return f"missing:{path}"


def make_key(kind: str, *parts: object) -> str:
    """sha256 of the code, the kind of output and every part (str, bytes or anything JSON can write)."""
    h = hashlib.sha256(code_hash().encode() + b"\0" + kind.encode())
    for part in parts:
        if isinstance(part, bytes):
            data = part
        elif isinstance(part, str):
            data = part.encode("utf-8")
        else:
            data = json.dumps(part, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


class Cache:
    """Entries live in root/<key[:2]>/<key>/ with a manifest of their files' hashes; root None caches nothing."""

    def __init__(self, root: Path | str | None):
        self.root = Path(root) if root else None

    def _dir(self, key: str) -> Path | None:
        return self.root / key[:2] / key if self.root else None

    def load(self, key: str, names: Iterable[str]) -> dict[str, bytes] | None:
        """The entry's files, verified against its manifest; a corrupt or partial entry is dropped, not served."""
        folder = self._dir(key)
        if folder is None or not folder.is_dir():
            return None
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            out = {}
            for name in names:
                data = (folder / name).read_bytes()
                if hashlib.sha256(data).hexdigest() != manifest[name]:
                    raise ValueError(name)
                out[name] = data
            return out
        except (OSError, ValueError, KeyError, TypeError):
            shutil.rmtree(folder, ignore_errors=True)
            return None

    def restore(self, key: str, names: list[str], targets: list[Path]) -> bool:
        """Write the cached files to targets; False (and nothing written) when the entry is missing or bad."""
        files = self.load(key, names)
        if files is None:
            return False
        for name, target in zip(names, targets, strict=True):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[name])
        return True

    def store(self, key: str, files: dict[str, bytes | Path]) -> None:
        """Store files atomically: a killed or parallel build never leaves half an entry behind."""
        folder = self._dir(key)
        if folder is None or (folder / MANIFEST).is_file():
            return
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
        except OSError:
            return  # a read-only or full cache only costs time
        try:
            manifest: dict = {}
            stats = {}
            for name, content in files.items():
                if isinstance(content, Path):
                    # stored as a hard link of the file just written: the output and the cache share one inode,
                    # so the next build that links this entry finds the very same file in the old site
                    link_or_copy(content, tmp / name)
                    manifest[name] = file_digest(tmp / name)
                else:
                    (tmp / name).write_bytes(content)
                    manifest[name] = hashlib.sha256(content).hexdigest()
                stats[name] = _signature(tmp / name)
            manifest[STATS] = stats
            (tmp / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            if folder.exists():  # a stale entry without a manifest, or one another build just wrote
                shutil.rmtree(folder, ignore_errors=True)
            os.replace(tmp, folder)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)

    def file(self, key: str, name: str, make) -> Path:
        """The path of a verified cached file, made by make() (bytes) when missing; needs a cache root."""
        folder = self._dir(key)
        assert folder is not None, "a file path needs a cache folder"
        if self.load(key, [name]) is None:
            self.store(key, {name: make()})
            if self.load(key, [name]) is None:  # the cache could not be written: keep the file beside it
                fallback = folder.parent / f"{key}-{name}"
                fallback.parent.mkdir(parents=True, exist_ok=True)
                fallback.write_bytes(make())
                return fallback
        return folder / name

    def get_or_make(self, key: str, name: str, make) -> tuple[bytes, bool]:
        """(the file's bytes, True when made anew by make())."""
        files = self.load(key, [name])
        if files is not None:
            return files[name], False
        data = make()
        self.store(key, {name: data})
        return data, True

    def link(self, key: str, names: list[str], targets: list[Path]) -> bool:
        """Put the cached files at targets as hard links (copies across file systems); False when missing or bad.

        A hard link costs no bytes and keeps the inode, so the next build sees the very same file and need not
        compare contents. Entries are checked by size and date against their manifest, and by hash when those
        differ; nobody writes into a linked file in place (writers replace files, see replace_file).
        """
        folder = self._dir(key)
        if folder is None:
            return False
        manifest = self._manifest(folder)
        redated: list[str] = []
        if manifest is None or not all(self._intact(folder, manifest, n, redated=redated) for n in names):
            return False
        if redated:
            _write_manifest(folder, manifest)
        for name, target in zip(names, targets, strict=True):
            link_or_copy(folder / name, target)
        return True

    def store_tree(self, key: str, folder: Path) -> bool:
        """Take a whole folder (made inside self.tmp_dir()) as the entry of key; the folder is moved, not copied."""
        entry = self._dir(key)
        if entry is None:
            return False
        try:
            manifest: dict = {}
            stats = {}
            for rel, path in walk_files(folder).items():
                manifest[rel] = file_digest(Path(path))
                stats[rel] = _signature(Path(path))
            manifest[STATS] = stats
            wrap = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
            os.rename(folder, wrap / TREE)
            (wrap / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            entry.parent.mkdir(parents=True, exist_ok=True)
            if entry.exists():
                shutil.rmtree(entry, ignore_errors=True)
            os.replace(wrap, entry)
            return True
        except OSError:
            return False

    def link_tree(self, key: str, target: Path) -> bool:
        """Every file of a tree entry hard-linked under target; False (nothing written) when missing or bad."""
        entry = self._dir(key)
        if entry is None:
            return False
        manifest = self._manifest(entry)
        if manifest is None:
            return False
        names = [n for n in manifest if n != STATS]
        redated: list[str] = []
        # paths as strings, and the size-and-date check inline: a tree of 40,000 short-address pages spent
        # more time in pathlib than in the system calls
        tree, out, stats = f"{entry}{os.sep}{TREE}{os.sep}", f"{target}{os.sep}", manifest.get(STATS) or {}
        for n in names:
            try:
                st = os.stat(tree + n)
                if [st.st_size, st.st_mtime_ns] == stats.get(n):
                    continue
            except OSError:
                pass
            if not self._intact(entry, manifest, f"{TREE}/{n}", n, redated):
                return False
        if redated:  # once for the whole tree: thousands of re-dated files must not rewrite it thousands of times
            _write_manifest(entry, manifest)
        for name in names:
            link_or_copy(tree + name, out + name)
        return True

    def tmp_dir(self) -> Path:
        """An empty folder inside the cache (same file system as its entries, so store_tree only renames).
        Those a killed build left behind are removed once they are an hour old."""
        assert self.root is not None, "a temporary folder needs a cache folder"
        self.root.mkdir(parents=True, exist_ok=True)
        for old in self.root.glob(".tmp-*"):
            with contextlib.suppress(OSError):
                if time.time() - old.stat().st_mtime > 3600:
                    shutil.rmtree(old, ignore_errors=True)
        return Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))

    def _manifest(self, folder: Path) -> dict | None:
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
            return manifest if isinstance(manifest, dict) else None
        except (OSError, ValueError):
            return None

    def _intact(self, folder: Path, manifest: dict, path: str, name: str | None = None,
                redated: list[str] | None = None) -> bool:
        """The file's size and date as stored, else its hash as stored; a bad entry is dropped.
        A file re-dated here is added to redated, and the caller writes the manifest once (None: written now)."""
        name = name or path
        try:
            if list(_signature(folder / path)) == (manifest.get(STATS) or {}).get(name):
                return True
            if file_digest(folder / path) == manifest[name]:
                # the same bytes with another date (someone dated a linked copy): note the new date, so that
                # the next build does not hash it again
                manifest.setdefault(STATS, {})[name] = _signature(folder / path)
                if redated is None:
                    _write_manifest(folder, manifest)
                else:
                    redated.append(name)
                return True
        except (OSError, KeyError, TypeError):
            pass
        shutil.rmtree(folder, ignore_errors=True)
        return False


def _write_manifest(folder: Path, manifest: dict) -> None:
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)
    except OSError:
        tmp.unlink(missing_ok=True)  # a read-only cache only costs time


def _signature(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def link_or_copy(src: Path | str, target: Path | str) -> None:
    """A hard link to src at target (whatever was there goes), or a copy where links are not possible.
    The common case is one system call: folders are made and old files removed only when the link says so."""
    for _ in range(3):
        try:
            os.link(src, target)
            return
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
        except FileExistsError:
            os.unlink(target)
        except OSError:  # another file system, or one without hard links
            break
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(src, target)


def replace_file(path: Path, data: bytes | str) -> None:
    """Write a file that may be a hard link to a cache entry or an old site: a new inode, never in place."""
    path.unlink(missing_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)


def walk_entries(root: Path | str) -> Iterator[tuple[str, os.DirEntry]]:
    """(relative POSIX path, directory entry) of every regular file under root; symlinks are not followed.
    The entry carries what the folder listing already gave (its path, its inode) at no extra system call."""
    stack = [(os.fspath(root), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append((e.path, f"{prefix}{e.name}/"))
                elif e.is_file(follow_symlinks=False):
                    yield prefix + e.name, e


def walk_files(root: Path | str) -> dict[str, str]:
    """Every regular file under root (its path as a string) by its relative POSIX path; symlinks are not followed.
    Strings, not Path objects: at national scale a site has tens of thousands of files."""
    return {rel: e.path for rel, e in walk_entries(root)}
