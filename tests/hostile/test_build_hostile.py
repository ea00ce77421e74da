"""Hostile text and failing builds: text stays text everywhere, nothing leaves the machine, the old site survives."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from profkarta.cli import main
from tests.util import CLUSTER, MAP, TEAM, copy_project, edit

pytestmark = pytest.mark.slow

XSS = '<script>alert("x")</script>'
IMG = '"><img src=x onerror=alert(1)>'


def _build(root: Path, *extra: str) -> int:
    old = os.getcwd()
    os.chdir(root)
    try:
        return main(["build", "--site-url", "https://karty.example.ru/", *extra])
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        os.chdir(old)


def _tree(path: Path) -> dict[str, str]:
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("hostile"))
    edit(root, MAP, "title: Технология машиностроения", f"title: 'Технология {XSS}'")
    edit(root, MAP, "  - title: Практикант", f"  - title: '{IMG}'")
    edit(root, MAP, "    - Единовременная выплата молодым специалистам", "    - '</script><script>alert(2)</script>'")
    edit(root, CLUSTER, "name: Образовательно-производственный центр (кластер) «Демо-машиностроение»",
         f"name: 'Кластер {IMG}'")
    edit(root, TEAM, "Мы рассказываем школьникам", "<script>alert(3)</script>\n<img src=x onerror=alert(4)>\n"
         "[ссылка](javascript:alert(5)) <iframe src='https://evil.example.com'></iframe>\n\nМы рассказываем школьникам")
    (root / "content").mkdir(exist_ok=True)
    (root / "content" / "novosti.md").write_text(
        "---\ntitle: 'Новости <img src=x onerror=alert(10)>'\n---\n# Новости\n\n<script>alert(6)</script>\n\n"
        '<a href="javascript:alert(7)">ссылка</a> <b onclick="alert(8)">жирный</b>\n\n'
        "<details><summary>Подробнее</summary>Текст</details>\n", encoding="utf-8")
    (root / "content" / "index.md").write_text("# Главная\n\nВступление <img src=x onerror=alert(9)>\n",
                                               encoding="utf-8")
    before = _tree(root)
    assert _build(root) == 0
    return root, before


def test_source_files_are_never_written(hostile_site):
    root, before = hostile_site
    after = {k: v for k, v in _tree(root).items() if not k.startswith(("site/", ".profkarta-cache/", "schemas/"))}
    assert after == before


class _Tags(HTMLParser):
    """Collects what a browser would treat as markup: elements, attributes, script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.bad.append(f"{name}={value}")
            if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                self.bad.append(f"{name}={value}")
        # JSON-LD is data, not code: its escaping is checked separately
        self._in_script = tag == "script" and ("type", "application/ld+json") not in attrs

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(" in data:
            self.bad.append(f"script: {data[:60]}")


def test_no_script_from_data_reaches_html(hostile_site):
    root, _ = hostile_site
    site = root / "site"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        parser = _Tags()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.bad == [], f"{page.relative_to(site)}: {parser.bad}"


def test_text_survives_as_text(hostile_site):
    root, _ = hostile_site
    site = root / "site"
    page = site / "maps" / "demo-mashinostroenie" / "tehnolog" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html  # shown to the reader, not run
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert any(XSS in m["program"]["title"] for m in catalog)


def test_authors_markdown_keeps_its_harmless_html(hostile_site):
    root, _ = hostile_site
    html = (root / "site/novosti/index.html").read_text(encoding="utf-8")
    assert "<details>" in html and "<b>жирный</b>" in html and ">ссылка</a>" in html
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert "Вступление" in home and 'id="pk-f-college"' in home  # the generated catalog survives


def test_jsonld_cannot_close_its_script(hostile_site):
    root, _ = hostile_site
    html = (root / "site/maps/demo-mashinostroenie/tehnolog/index.html").read_text(encoding="utf-8")
    for block in html.split('<script type="application/ld+json">')[1:]:
        body = block.split("</script>", 1)[0]
        assert "<" not in body.replace("\\u003c", "")
        json.loads(body)


def test_pdf_shows_the_text_literally(hostile_site):
    from pypdf import PdfReader

    root, _ = hostile_site
    text = PdfReader(root / "site/print/demo-mashinostroenie/tehnolog-a4.pdf").pages[0].extract_text()
    assert "<script>" in text.replace("\n", "")


def test_failed_validation_leaves_the_old_site(hostile_site, tmp_path):
    root, _ = hostile_site
    site_before = _tree(root / "site")
    path = root / MAP
    saved = path.read_bytes()
    try:
        path.write_text(path.read_text(encoding="utf-8").replace("max: 38000", "max: 1000"), encoding="utf-8")
        assert _build(root) == 1
        assert _tree(root / "site") == site_before
    finally:
        path.write_bytes(saved)


def test_failed_mkdocs_leaves_the_old_site(hostile_site):
    root, _ = hostile_site
    site_before = _tree(root / "site")
    bad = root / "theme" / "overrides" / "main.html"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("{% extends 'base.html' %}{% block content %}{{ broken( }}{% endblock %}", encoding="utf-8")
    try:
        assert _build(root, "--no-print") == 1
        assert _tree(root / "site") == site_before
    finally:
        bad.unlink()


def test_killed_build_leaves_the_old_site(hostile_site):
    root, _ = hostile_site
    site_before = _tree(root / "site")
    proc = subprocess.Popen([sys.executable, "-m", "profkarta", "build", "--site-url", "https://other.example.ru/"],
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(root.glob(".site.new-*/*")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # kill it once the staging folder has its first files, mid-build
    assert proc.poll() is None, "the build ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _tree(root / "site") == site_before
    assert list(root.glob(".site.new-*"))  # the killed build left its staging folder …
    assert _build(root, "--no-print") == 0
    assert not list(root.glob(".site.new-*"))  # … and the next build cleared it away


def test_build_opens_no_network_connection(tmp_path, monkeypatch):
    root = copy_project(tmp_path)
    attempts = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("сеть запрещена в тесте")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(None, a[0]))
    assert _build(root, "--workers", "1") == 0
    assert attempts == []
