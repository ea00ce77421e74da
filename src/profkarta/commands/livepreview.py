"""The live-preview server behind `profkarta serve`: rebuild on every save into a temporary folder, serve, reload."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from profkarta.errors import ProfkartaError
from profkarta.findings import ERROR
from profkarta.render.site.pages import theme_dir
from profkarta.render.site.pipeline import render_site
from profkarta.validate import validate

WATCHED = ("career_maps", "content", "theme", "mkdocs.yml")
VERSION_PATH = "/__profkarta/version"
RELOAD_PATH = "/__profkarta/reload.js"
RELOAD_JS = b"""(function(){var v=null;function poll(){fetch("/__profkarta/version",{cache:"no-store"})
.then(function(r){return r.json()})
.then(function(d){if(v===null){v=d.version}else if(d.version!==v){location.reload()}}).catch(function(){})
.finally(function(){setTimeout(poll,1000)})}poll()})();"""
TAG = b'<script src="/__profkarta/reload.js"></script>'
WAIT_PAGE = ("<!doctype html><html lang=ru><meta charset=utf-8><title>Сборка…</title>"
             "<p style='font:1.2rem sans-serif;margin:2rem'>Сайт собирается, страница обновится сама…</p>").encode()


def snapshot(root: Path) -> dict[str, int]:
    """Modification times of every watched file (polling is enough for a preview)."""
    out: dict[str, int] = {}
    for name in WATCHED:
        p = root / name
        if p.is_file():
            out[str(p)] = p.stat().st_mtime_ns
        elif p.is_dir():
            for f in p.rglob("*"):
                try:
                    if f.is_file() and not any(part.startswith(".") for part in f.relative_to(root).parts):
                        out[str(f)] = f.stat().st_mtime_ns
                except OSError:
                    continue
    return out


class Preview:
    """The current state of the preview: a built folder or the findings that stopped the build."""

    def __init__(self, root: Path, site_url: str, drafts: bool = True, on_event=None):
        self.root, self.site_url, self.drafts = root, site_url, drafts
        self.on_event = on_event or (lambda kind, **kw: None)
        self.base = Path(tempfile.mkdtemp(prefix="profkarta-serve-"))
        self.site_dir: Path | None = None
        self.error_html: bytes | None = None
        self.version = 0
        self.lock = threading.Lock()
        self._stop = threading.Event()

    def rebuild(self) -> None:
        started = time.perf_counter()
        self.on_event("start")
        try:
            result = validate(self.root)
            findings = result.report.sorted()
            errors = [f for f in findings if f.severity == ERROR]
            if errors:
                self._fail(findings, None)
                self.on_event("invalid", findings=findings)
                return
            target = Path(tempfile.mkdtemp(prefix="site-", dir=self.base))
            built = render_site(result, target, site_url=self.site_url, drafts=self.drafts, pdf_links=False,
                                cache_dir=self.root / ".profkarta-cache")
        except ProfkartaError as exc:
            self._fail([], str(exc))
            self.on_event("failed", message=str(exc))
            return
        with self.lock:
            old, self.site_dir, self.error_html = self.site_dir, target, None
            self.version += 1
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        self.on_event("built", seconds=time.perf_counter() - started, pages=built.pages,
                      warnings=len(findings) + len(built.warnings))

    def _fail(self, findings, message: str | None) -> None:
        page = error_page(findings, message)
        with self.lock:
            self.error_html = page
            self.version += 1

    def watch(self, interval: float = 0.5) -> None:
        """Poll the project's files and rebuild after a change (in the calling thread, until stop())."""
        seen = snapshot(self.root)
        while not self._stop.wait(interval):
            now = snapshot(self.root)
            if now != seen:
                time.sleep(0.2)  # let an editor finish writing
                seen = snapshot(self.root)
                self.on_event("changed")
                self.rebuild()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


def error_page(findings, message: str | None) -> bytes:
    """A self-contained page listing what stops the build (no theme needed: the build did not happen)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(theme_dir() / "pages")), autoescape=True)
    text = env.get_template("error.html").render(findings=findings, message=message,
                                                 errors=sum(f.severity == ERROR for f in findings))
    return text.encode("utf-8")


def make_handler(preview: Preview):
    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def translate_path(self, path: str) -> str:
            site = preview.site_dir or preview.base
            rel = unquote(urlsplit(path).path).lstrip("/")
            target = (site / rel).resolve()
            if not str(target).startswith(str(site.resolve())):
                return str(site / "__nope__")
            return str(target)

        def do_GET(self):
            path = urlsplit(self.path).path
            if path == VERSION_PATH:
                return self._send(json.dumps({"version": preview.version}).encode(), "application/json")
            if path == RELOAD_PATH:
                return self._send(RELOAD_JS, "text/javascript")
            with preview.lock:
                error = preview.error_html
            wants_html = path.endswith("/") or path.endswith(".html")
            if error is not None and wants_html:
                return self._send(error.replace(b"</body>", TAG + b"</body>"), "text/html; charset=utf-8")
            if preview.site_dir is None:
                return self._send(WAIT_PAGE + TAG, "text/html; charset=utf-8")
            local = Path(self.translate_path(self.path))
            if local.is_dir() and (local / "index.html").is_file() and path.endswith("/"):
                local = local / "index.html"
            if local.suffix == ".html" and local.is_file():
                body = local.read_bytes().replace(b"</body>", TAG + b"</body>", 1)
                return self._send(body, "text/html; charset=utf-8")
            return super().do_GET()

        def _send(self, body: bytes, ctype: str):
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


def make_server(preview: Preview, host: str, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(preview))
    server.daemon_threads = True
    return server

