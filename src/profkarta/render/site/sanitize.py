"""A Python-Markdown extension that sanitises what authors write, leaving profkarta's own HTML alone."""

from __future__ import annotations

import re

import nh3
from markdown import Extension
from markdown.postprocessors import Postprocessor

from profkarta.render.site.text import SAFE_SCHEMES

# What hand-written pages may use: Markdown's own output plus the common mkdocs-material extras.
TAGS = {"a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
        "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
        "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "u", "ul"}
ATTRIBUTES = {"*": {"class", "id", "title", "lang"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
              "td": {"align", "colspan", "rowspan"}, "th": {"align", "colspan", "rowspan"}, "ol": {"start"},
              "details": {"open"}}


def begin(token: str) -> str:
    return f"<!--pk-trusted:{token}-->"


def end(token: str) -> str:
    return f"<!--/pk-trusted:{token}-->"


def clean(html: str) -> str:
    return nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=set(SAFE_SCHEMES),
                     link_rel="noopener noreferrer", strip_comments=True)


class _Sanitise(Postprocessor):
    """Runs after raw HTML is put back: cleans every part not between this build's trusted markers."""

    def __init__(self, md, token: str):
        super().__init__(md)
        self.pattern = re.compile(re.escape(begin(token)) + r"(.*?)" + re.escape(end(token)), re.S)

    def run(self, text: str) -> str:
        out, pos = [], 0
        for m in self.pattern.finditer(text):
            out.append(clean(text[pos:m.start()]))
            out.append(m.group(1))
            pos = m.end()
        out.append(clean(text[pos:]))
        return "".join(out)


class SanitizeExtension(Extension):
    """`token` is random per build, so an author cannot forge the trusted markers."""

    def __init__(self, **kwargs):
        self.config = {"token": ["", "the build's secret marker"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's API name
        md.postprocessors.register(_Sanitise(md, self.getConfig("token")), "profkarta_sanitize", 1)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's loader looks for this name
    return SanitizeExtension(**kwargs)
