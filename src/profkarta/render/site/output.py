"""Writing SITE_DIR safely: build into a sibling folder, keep unchanged files' dates, then swap the two."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from profkarta.cache import walk_entries
from profkarta.errors import BuildError

_RENAME_EXCHANGE = 2  # linux/fs.h
BACKGROUND_FROM = 5000  # files: below this, deleting the old site is quicker than starting a process


@dataclass
class Changes:
    """What a build changed in SITE_DIR, as paths relative to it (filled in when the new site is in place)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    atomic: bool = False  # the swap was one exchange (Linux renameat2), not two renames

    @property
    def to_upload(self) -> list[str]:
        return sorted(self.added + self.changed)


@contextmanager
def staged_output(site_dir: Path) -> Iterator[tuple[Path, Changes]]:
    """Yield (an empty folder next to site_dir, the Changes it will make); on success it replaces site_dir,
    on any failure it is removed and site_dir is left exactly as it was.

    Files whose bytes did not change keep their old modification time, so rsync, FTP clients and
    `lftp mirror --only-newer` upload only what changed.
    """
    site_dir = site_dir.resolve()
    parent = site_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _remove_leftovers(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=parent))
        (parent / f"{staging.name}.pid").write_text(str(os.getpid()), encoding="ascii")
    except OSError as exc:
        raise BuildError(f"не удалось создать временную папку рядом с «{site_dir}»: {exc.strerror or exc}.") from None
    changes = Changes()
    try:
        yield staging, changes
        if site_dir.exists() and not site_dir.is_dir():
            raise BuildError(f"«{site_dir}» — не папка; укажите другую папку для сайта (-d).")
        old_files = _compare(site_dir, staging, changes)
        os.chmod(staging, 0o755)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        (parent / f"{staging.name}.pid").unlink(missing_ok=True)
        raise
    (parent / f"{staging.name}.pid").unlink(missing_ok=True)
    try:
        changes.atomic = _swap(staging, site_dir, old_files)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"не удалось заменить папку сайта «{site_dir}»: {exc.strerror or exc}.") from None


def _swap(new: Path, site_dir: Path, old_files: int = 0) -> bool:
    """Put new in site_dir's place. On Linux one renameat2(RENAME_EXCHANGE): at no moment is there no site.
    Elsewhere two renames, the old site put back if the second fails. True when the swap was atomic."""
    if not site_dir.exists():
        os.rename(new, site_dir)
        return True
    if _exchange(new, site_dir):
        trash = site_dir.parent / f".{site_dir.name}.trash-{new.name.rsplit('-', 1)[-1]}"
        remove_later(new, trash, old_files)  # `new` now holds the old site
        return True
    old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=site_dir.parent))
    os.rename(site_dir, old / "site")
    try:
        os.rename(new, site_dir)
    except OSError:
        os.rename(old / "site", site_dir)
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
    return False


def _exchange(a: Path, b: Path) -> bool:
    name = ctypes.util.find_library("c")
    if os.name != "posix" or not name:
        return False
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    res = fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return res == 0  # EINVAL/ENOSYS (old kernel, some file systems): fall back to two renames


def _compare(old_dir: Path, new_dir: Path, changes: Changes) -> int:
    """Sort the new files into added / changed / unchanged; unchanged ones get the old file's dates.

    A file hard-linked from the old site or from the cache entry the old site was linked from is the
    same inode: unchanged without reading it (a one-map rebuild at national scale links ~all files)."""
    old_files = _walk_inodes(old_dir) if old_dir.is_dir() else {}
    count = len(old_files)
    # the inodes come with the folder listing (no stat per file); they mean the same file when both trees are on
    # one device (the staging folder is made beside SITE_DIR, so they are unless SITE_DIR is a mount point)
    one_device = bool(old_files) and os.stat(old_dir).st_dev == os.stat(new_dir).st_dev
    for rel, (new, new_ino) in sorted(_walk_inodes(new_dir).items()):
        old_entry = old_files.pop(rel, None)
        if old_entry is None:
            changes.added.append(rel)
            continue
        old, old_ino = old_entry
        if one_device and old_ino == new_ino:
            changes.unchanged += 1
            continue
        so, sn = os.stat(old), os.stat(new)
        if (so.st_ino, so.st_dev) == (sn.st_ino, sn.st_dev):
            changes.unchanged += 1
        elif so.st_size == sn.st_size and _same(old, new):
            os.utime(new, ns=(so.st_atime_ns, so.st_mtime_ns))
            changes.unchanged += 1
        else:
            changes.changed.append(rel)
    changes.removed = sorted(old_files)
    return count


def _walk_inodes(root: Path) -> dict[str, tuple[str, int]]:
    """Like cache.walk_files, with each file's inode as the listing gives it."""
    return {rel: (e.path, e.inode()) for rel, e in walk_entries(root)}


def _same(a: str, b: str) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(1 << 20), fb.read(1 << 20)
            if x != y:
                return False
            if not x:
                return True


def write_changed_list(path: Path, changes: Changes) -> None:
    """One path per line (relative to SITE_DIR) of what was added or changed — `rsync --files-from` reads it.
    Removed files, if any, go to a twin file with `.removed` added to its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{p}\n" for p in changes.to_upload), encoding="utf-8")
    removed = path.with_name(path.name + ".removed")
    if changes.removed:
        removed.write_text("".join(f"{p}\n" for p in changes.removed), encoding="utf-8")
    else:
        removed.unlink(missing_ok=True)


def remove_later(folder: Path, trash: Path, files: int) -> None:
    """Delete a folder of `files` files; a large one is renamed to trash (same parent) and deleted by a detached
    process: at national scale deleting the old site (tens of thousands of files) takes seconds nobody needs to
    wait for. A deletion that is interrupted is finished by the next build (_remove_leftovers)."""
    if files < BACKGROUND_FROM:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        os.rename(folder, trash)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    try:
        subprocess.Popen([sys.executable, "-c", "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)",
                          str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError:
        shutil.rmtree(trash, ignore_errors=True)


def _remove_leftovers(site_dir: Path) -> None:
    """Staging folders of builds that were killed (their process is gone) are removed; running ones are kept."""
    for pid_file in site_dir.parent.glob(f".{site_dir.name}.new-*.pid"):
        try:
            os.kill(int(pid_file.read_text(encoding="ascii").strip()), 0)
            continue  # that build is still running
        except PermissionError:
            continue  # running, under another user
        except (ProcessLookupError, ValueError, OSError):
            pass  # gone, or an unreadable note: a leftover
        shutil.rmtree(pid_file.with_suffix(""), ignore_errors=True)
        pid_file.unlink(missing_ok=True)
    for trash in site_dir.parent.glob(f".{site_dir.name}.trash-*"):  # a deletion that did not finish
        if time.time() - trash.stat().st_mtime > 60:
            shutil.rmtree(trash, ignore_errors=True)
    for old in site_dir.parent.glob(f".{site_dir.name}.old-*"):
        if old.is_dir() and not (old / "site").exists():
            shutil.rmtree(old, ignore_errors=True)
    for new in site_dir.parent.glob(f".{site_dir.name}.new-*"):  # an exchanged old site whose build was killed
        if new.is_dir() and not new.with_name(new.name + ".pid").exists() and time.time() - new.stat().st_mtime > 60:
            shutil.rmtree(new, ignore_errors=True)  # (a minute old: never a build that is just starting)
