"""Short static redirects `q/<code>/` for print QR codes: a short payload reads from a phone photo."""

from __future__ import annotations

import base64
import hashlib
from html import escape
from urllib.parse import urlencode

from profkarta import urls

# product → (utm_source, utm_medium): the channel stays in utm_source, the printed product in utm_medium
MEDIA = {"a4": ("print", "a4"), "a3": ("print", "a3"), "booklet": ("print", "booklet"),
         "card": ("card", "card"), "plan": ("plan", "plan")}
CODE_LEN = 7  # 35 bits: with 50,000 codes in a build a clash has odds of about 1 in 30,000 (and is refused)


_QUERY = {m: "?" + urlencode({"utm_source": source, "utm_medium": med}) for m, (source, med) in MEDIA.items()}


def target(page: str, medium: str) -> str:
    """The page (relative to the site root) with its channel markers, e.g. maps/c/m/?utm_source=print&utm_medium=a4."""
    return page + _QUERY[medium]


def code(page: str, medium: str) -> str:
    """A stable code of lowercase letters and digits: the same page and product give the same code every build."""
    digest = hashlib.sha256(target(page, medium).encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:CODE_LEN]


def path(page: str, medium: str) -> str:
    """The redirect's own page, relative to the site root: q/<code>/."""
    return f"q/{code(page, medium)}/"


def qr_url(site_url: str, page: str, medium: str) -> str:
    """What a print QR encodes: https://host/<site path>/q/<code>/ (30–45 bytes: a version 3–4 symbol)."""
    return urls.absolute(site_url, path(page, medium))


def full_url(site_url: str, page: str, medium: str) -> str:
    """Where the short address leads (for the PDF's link and for tests)."""
    return urls.absolute(site_url, page) + target(page, medium)[len(page):]


def redirect_html(page: str, medium: str) -> str:
    """A static page that forwards to the page with its markers; relative, so a site in a subfolder works."""
    rel = "../../" + target(page, medium)
    href = escape(rel, quote=True)
    return ("<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"robots\" content=\"noindex\">"
            f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">"
            f"<link rel=\"canonical\" href=\"../../{escape(page, quote=True)}\">"
            "<title>Переход к карьерной карте</title></head><body>"
            f"<p><a href=\"{href}\">Открыть страницу</a></p>"
            f"<script>location.replace({_js_string(rel)});</script></body></html>\n")


def _js_string(s: str) -> str:
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c") + "\""


class Registry:
    """The redirects a print build needs; two pages sharing a code would be a silent misdirection: refused."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}

    def add(self, page: str, medium: str) -> str:
        c = code(page, medium)
        old = self.pages.setdefault(c, (page, medium))
        if old != (page, medium):
            from profkarta.errors import BuildError

            raise BuildError(f"короткий адрес q/{c}/ совпал у {old[0]} и {page}: переименуйте одну из карт")
        return c

    def files(self) -> dict[str, str]:
        """Site path → HTML of every redirect page."""
        return {f"q/{c}/index.html": redirect_html(page, medium) for c, (page, medium) in sorted(self.pages.items())}
