"""A Python-Markdown extension that sanitises what authors write, leaving profkarta's own HTML alone."""

from __future__ import annotations

import re

import nh3
from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

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


class _StashTrusted(Preprocessor):
    """profkarta's own HTML skips Markdown's HTML parsing: stashed whole (it is most of a map page's cost)."""

    def __init__(self, md, token: str):
        super().__init__(md)
        self.begin, self.end = begin(token), end(token)

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            if lines[i].strip() == self.begin:
                j = i + 1
                while j < len(lines) and lines[j].strip() != self.end:
                    j += 1
                if j < len(lines):
                    html = "\n".join([self.begin, *lines[i + 1:j], self.end])
                    out += ["", self.md.htmlStash.store(html), ""]
                    i = j + 1
                    continue
            out.append(lines[i])
            i += 1
        return out


class SanitizeExtension(Extension):
    """`token` is random per build, so an author cannot forge the trusted markers."""

    def __init__(self, **kwargs):
        self.config = {"token": ["", "the build's secret marker"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after whitespace normalising (priority 30), before the HTML block processor (20)
        md.preprocessors.register(_StashTrusted(md, self.getConfig("token")), "profkarta_trusted", 25)
        md.postprocessors.register(_Sanitise(md, self.getConfig("token")), "profkarta_sanitize", 1)


def makeExtension(**kwargs):
    return SanitizeExtension(**kwargs)
