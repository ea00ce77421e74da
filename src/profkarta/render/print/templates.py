"""The packaged print theme: an autoescaped Jinja2 environment and the theme's paths."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from profkarta.render.print.context import THEME


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
