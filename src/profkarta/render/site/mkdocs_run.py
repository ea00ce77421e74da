"""Running mkdocs-material through its Python API, quietly: its warnings are collected, its errors raised in Russian."""

from __future__ import annotations

import io
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from profkarta.errors import BuildError


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if "Material for MkDocs" in msg or "MkDocs 2.0" in msg:
            return  # the end-of-life notice is not the user's concern
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(msg)


@contextmanager
def _quiet_mkdocs():
    """mkdocs logs to the "mkdocs" logger; keep it off the terminal and hand its messages to the caller."""
    saved_env = os.environ.get("NO_MKDOCS_2_WARNING")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"  # for this build only: the caller's environment is put back
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = (logger.handlers[:], logger.level, logger.propagate)
    logger.handlers = [handler]
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.handlers, level, logger.propagate = saved[0], saved[1], saved[2]
        logger.setLevel(level)
        if saved_env is None:
            os.environ.pop("NO_MKDOCS_2_WARNING", None)
        else:
            os.environ["NO_MKDOCS_2_WARNING"] = saved_env


def run_mkdocs(config: dict, config_path: Path) -> list[str]:
    """Build the site described by config; return mkdocs's warnings. Raises BuildError on failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    with _quiet_mkdocs() as log:
        try:
            cfg = load_config(io.BytesIO(b"{}"), config_file_path=str(config_path), **config)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except (Abort, ConfigurationError, MkDocsException) as exc:
            details = "; ".join(log.errors[-5:]) or str(exc)
            raise BuildError(f"mkdocs не смог собрать сайт: {details}. Проверьте mkdocs.yml и страницы в content/.") \
                from None
        except Exception as exc:
            where = ""
            if getattr(exc, "filename", None):
                where = f" (файл {getattr(exc, 'filename', '')}, строка {getattr(exc, 'lineno', '?')})"
            raise BuildError(f"сборка сайта прервалась: {type(exc).__name__}: {exc}{where}. "
                             "Проверьте mkdocs.yml, свои шаблоны в theme/ и страницы в content/.") from exc
        if log.errors:
            raise BuildError("mkdocs сообщил об ошибках: " + "; ".join(log.errors[:5]))
    return log.warnings
