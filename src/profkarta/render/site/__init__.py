"""The site renderer: validated project → pages for mkdocs-material → a built static site with catalog.json."""

from profkarta.render.site.output import staged_output
from profkarta.render.site.pipeline import DEFAULT_SITE_URL, SiteResult, build_into, choose_site_url

__all__ = ["DEFAULT_SITE_URL", "SiteResult", "build_into", "choose_site_url", "staged_output"]
