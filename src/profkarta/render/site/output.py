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
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=parent))
    except OSError as exc:
        raise BuildError(f"не удалось создать временную папку рядом с «{site_dir}»: {exc.strerror or exc}.") from None
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
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
