"""Map pages at national scale: mkdocs-material renders one page shell, profkarta fills it per map.

mkdocs spends most of a page's time in Markdown, plugins and the theme, all of which are the
same for every map page: the chrome differs only in title, description, address, share image,
JSON-LD and content. So mkdocs builds one shell page per kind (public, draft) at the maps'
depth, with unique tokens in those places, and every map page is the shell with the tokens
replaced — linear and cheap, and still exactly the theme's HTML.
"""

from __future__ import annotations

import gzip
import io
import shutil
from html import escape
from pathlib import Path

from profkarta.cache import replace_file

SHELL_CLUSTER = "_pkshell_"  # "_" cannot occur in an id, so no real map or cluster can live here
SHELLS = {False: "_public_", True: "_draft_"}


def shell_page(draft: bool, kind: str = "map") -> str:
    """Where a shell is built: at the depth of the pages it stands for (relative links stay right)."""
    if kind == "cluster":
        return f"clusters/{SHELL_CLUSTER}/"
    return f"maps/{SHELL_CLUSTER}/{SHELLS[draft]}/"


class Tokens:
    """The placeholders of one build (random, so no text from the data can imitate them)."""

    def __init__(self, token: str):
        self.title = f"PKTITLE{token}"
        self.description = f"PKDESC{token}"
        self.image = f"PKIMAGE{token}"
        self.jsonld = f"PKJSONLD{token}"
        # the comment names «<h1» so that the theme does not add its own title heading to the shell;
        # the page's content brings its own h1
        self.body = f"<!--PKBODY{token}<h1>-->"

    def meta(self, draft: bool, kind: str = "map") -> dict:
        if kind == "cluster":  # cluster pages keep the navigation and the site's default share image
            return {"title": self.title, "description": self.description, "hide": ["toc"], "search": {"exclude": True}}
        meta = {"title": self.title, "description": self.description, "hide": ["navigation", "toc"],
                "search": {"exclude": True}, "pk_image": self.image, "pk_jsonld": self.jsonld}
        if draft:
            meta["pk_draft"] = True  # type: ignore[assignment,unused-ignore]
        return meta


class Shells:
    """The built shell pages, read back from the site folder and removed from it."""

    def __init__(self, site_dir: Path, tokens: Tokens, kinds: list[tuple[str, bool]]):
        self.tokens = tokens
        self.html: dict[tuple[str, bool], str] = {}
        for kind, draft in kinds:
            path = site_dir / shell_page(draft, kind) / "index.html"
            html = path.read_text(encoding="utf-8")
            if tokens.body not in html:
                raise RuntimeError(f"в оболочке страницы нет места для содержимого ({path})")
            self.html[(kind, draft)] = html
        remove_tree(site_dir / "maps" / SHELL_CLUSTER)
        remove_tree(site_dir / "clusters" / SHELL_CLUSTER)

    def fill(self, draft: bool, page: str, title: str, description: str, image: str, jsonld: str, body: str,
             kind: str = "map") -> str:
        t = self.tokens
        html = self.html[(kind, draft)].replace(shell_page(draft, kind), page)
        return (html.replace(t.title, escape(title, quote=True))
                .replace(t.description, escape(description, quote=True))
                .replace(t.image, escape(image, quote=True))
                .replace(t.jsonld, jsonld)
                .replace(t.body, body))


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def fix_sitemap(site_dir: Path, site_url: str, pages: list[str]) -> None:
    """mkdocs listed the shells and not the maps: drop the former, add the latter (and the .gz twin)."""
    path = site_dir / "sitemap.xml"
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    chunks = text.split("<url>")
    kept = [c for c in chunks[1:] if f"/{SHELL_CLUSTER}/" not in c]
    added = [f"\n         <loc>{escape(site_url + p)}</loc>\n    </url>\n    " for p in pages]
    tail = chunks[-1].split("</urlset>")[-1] if kept else ""
    body = chunks[0] + "".join("<url>" + c for c in kept)
    if "</urlset>" in body:
        body = body.rsplit("</urlset>", 1)[0]
    body += "".join("<url>" + a for a in added) + "</urlset>" + tail
    replace_file(path, body)  # mkdocs' sitemap may be a hard link into the cache: never write it in place
    buf = io.BytesIO()
    with gzip.GzipFile("sitemap.xml.gz", "wb", fileobj=buf, mtime=0) as fh:
        fh.write(body.encode("utf-8"))  # mtime 0: the same sitemap gives the same bytes
    replace_file(site_dir / "sitemap.xml.gz", buf.getvalue())

