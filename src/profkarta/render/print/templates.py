"""The packaged print theme: Jinja2 environment (autoescaped), theme paths and its content hash."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import jinja2

from profkarta import __version__
from profkarta.render.print.context import THEME

CODE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def env() -> jinja2.Environment:
    """Templates are HTML: every value is escaped; undefined names are errors, not blanks."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(THEME)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(template: str, context: dict) -> str:
    return env().get_template(template).render(**context)


def base_url() -> str:
    """Relative links in templates (stylesheets, fonts) resolve inside the theme folder."""
    return THEME.as_uri() + "/"


@lru_cache(maxsize=1)
def theme_hash() -> str:
    """Hash of every print template, stylesheet, font and image, and of this package's code."""
    h = hashlib.sha256(__version__.encode())
    for folder in (THEME, CODE):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(path.relative_to(folder).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()
