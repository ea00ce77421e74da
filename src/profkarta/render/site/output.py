"""Writing SITE_DIR atomically: build into a sibling temporary folder, then swap with renames."""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from profkarta.errors import BuildError


@contextmanager
def staged_output(site_dir: Path):
    """Yield an empty folder next to site_dir; on success it replaces site_dir, on any failure it is removed.

    The old SITE_DIR is renamed away only after everything was built, and put back if the final rename fails,
    so an interrupted or failed build leaves the previous site exactly as it was.
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
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        (parent / f"{staging.name}.pid").unlink(missing_ok=True)
        raise
    (parent / f"{staging.name}.pid").unlink(missing_ok=True)
    old = None
    try:
        if site_dir.exists() or site_dir.is_symlink():
            if not site_dir.is_dir():
                raise BuildError(f"«{site_dir}» — не папка; укажите другую папку для сайта (-d).")
            old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.old-", dir=parent))
            os.rename(site_dir, old / "site")
        os.rename(staging, site_dir)
        os.chmod(site_dir, 0o755)
    except BaseException:
        if old is not None and not site_dir.exists() and (old / "site").exists():
            os.rename(old / "site", site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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
    for old in site_dir.parent.glob(f".{site_dir.name}.old-*"):
        if old.is_dir() and not (old / "site").exists():
            shutil.rmtree(old, ignore_errors=True)
