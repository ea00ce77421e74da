"""Real browser: a site built from script-laden YAML, front matter and Markdown runs no script and opens no dialog."""

from __future__ import annotations

import functools
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.browser.conftest import ARGS, CHROMIUM
from tests.conftest import _Quiet
from tests.util import CLUSTER, MAP, TEAM, copy_project, edit

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PWN = "window.__pk_pwned=1"
# resolves after two animation frames and a task: timers and handlers queued by the page have run by then
SETTLED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    from profkarta.render.site import render_site
    from profkarta.validate import validate

    root = copy_project(tmp_path_factory.mktemp("xss"))
    edit(root, MAP, "title: Технология машиностроения", f"title: '<script>{PWN};alert(1)</script>'")
    edit(root, MAP, "  - title: Практикант", f"  - title: '<img src=x onerror=\"{PWN};alert(2)\">'")
    edit(root, MAP, "    - Единовременная выплата молодым специалистам",
         f"    - '</script><script>{PWN};alert(3)</script>'")
    edit(root, CLUSTER, "name: Образовательно-производственный центр (кластер) «Демо-машиностроение»",
         f"name: '\"><svg onload=\"{PWN};alert(4)\">'")
    edit(root, TEAM, "team: Амбассадоры ДПК «Металл»", f"team: '<iframe srcdoc=\"<script>parent.{PWN}</script>\">'")
    edit(root, TEAM, "Мы рассказываем школьникам", f"<script>{PWN};alert(5)</script>\n"
         f"<a href=\"javascript:{PWN}\" id=\"pk-evil\">ссылка</a>\n\nМы рассказываем школьникам")
    (root / "content" / "index.md").write_text(f"# Главная\n\n<img src=x onerror=\"{PWN};alert(6)\">\n",
                                               encoding="utf-8")
    v = validate(root)
    assert not v.report.errors, [f.format() for f in v.report.errors]
    site = tmp_path_factory.mktemp("xss-site")
    render_site(v, site, site_url="http://127.0.0.1/", pdf_links=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


PAGES = ["", "maps/demo-mashinostroenie/tehnolog/", "clusters/demo-mashinostroenie/", "ambassadors/dpk-metall/",
         "ambassadors/", "clusters/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_script_runs_and_no_dialog_opens(hostile_server, path):
    if not Path(CHROMIUM).exists():
        pytest.skip("нет /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(hostile_server + path)
        page.wait_for_load_state("networkidle")
        page.evaluate(SETTLED)  # every script of the page has had its turn
        if page.locator("#pk-evil").count():
            page.click("#pk-evil")  # a sanitised link has no javascript: left to run
            page.wait_for_load_state("networkidle")
            page.evaluate(SETTLED)
        pwned = page.evaluate("() => window.__pk_pwned || null")
        text = page.inner_text("body")
        browser.close()
    assert dialogs == [] and pwned is None
    if path.startswith("maps/"):
        assert "<script>" in text  # the text is shown as text
