"""A tiny HTML scanner for structural tests (the standard library only): tags, attributes and visible text."""

from __future__ import annotations

from html.parser import HTMLParser


class Scan(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attrs) -> list[dict]:
        out = []
        for t, a in self.tags:
            if t != tag:
                continue
            if all((v is True and k.replace("_", "-") in a) or a.get(k.replace("_", "-")) == v
                   or (k == "cls" and v in a.get("class", "").split()) for k, v in attrs.items()):
                out.append(a)
        return out


def scan(path) -> Scan:
    return Scan(path.read_text(encoding="utf-8"))
