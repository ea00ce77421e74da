"""The site renderer: validated project → pages for mkdocs-material → a built static site with catalog.json."""

from profkarta.render.site.output import Changes, staged_output
from profkarta.render.site.pipeline import DEFAULT_SITE_URL, SiteResult, choose_site_url, missing_links, render_site

__all__ = ["DEFAULT_SITE_URL", "Changes", "SiteResult", "choose_site_url", "missing_links", "render_site",
           "staged_output"]
