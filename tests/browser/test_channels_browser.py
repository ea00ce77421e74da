"""Channels in a real browser: slides driven by keys end on a readable QR, a saved cluster opens offline (also in
a subfolder), an embed inside another origin's iframe reports its height and loads nothing from elsewhere."""

from __future__ import annotations

import functools
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from profkarta import urls
from tests.browser.test_site_browser import CL

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MAP = "tehnolog"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(directory: Path, prefix: str = ""):
    """A local server of directory, optionally under a path prefix (a site published in a subfolder)."""

    class Handler(_Quiet):
        def translate_path(self, path: str) -> str:
            if prefix:
                if not path.startswith(prefix):
                    return str(directory / "__nothing__")
                path = "/" + path[len(prefix):]
            return super().translate_path(path)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix or '/'}"


@pytest.fixture(scope="module")
def subfolder_server(built_site):
    server, url = _serve(built_site.site, "/karty/")
    yield url
    server.shutdown()
    server.server_close()


def _outside_recorder(context, allowed: set[str]) -> list[str]:
    seen: list[str] = []

    def on_request(req):
        netloc = req.url.split("/")[2] if "://" in req.url else ""
        if req.url.startswith(("http:", "https:")) and netloc not in allowed:
            seen.append(req.url)
    context.on("request", on_request)
    return seen


def _font_sizes(page) -> list[float]:
    """Computed font sizes of every element with its own visible text on the current slide."""
    return page.evaluate("""() => {
      const out = [];
      const slide = [...document.querySelectorAll('.slide')].find(s => !s.hidden);
      for (const el of [slide, ...slide.querySelectorAll('*'), ...document.querySelectorAll('.controls *')]) {
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (own && el.getClientRects().length) out.push(parseFloat(getComputedStyle(el).fontSize));
      }
      return out;
    }""")


def test_slides_step_with_keys_and_end_on_a_readable_qr(browser, site_server, built_site):
    import zxingcpp
    from PIL import Image

    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="ru-RU")
    outside = _outside_recorder(context, {site_server.split("/")[2]})
    page = context.new_page()
    page.goto(site_server + urls.map_slides(CL, MAP))
    counter = page.locator(".counter")
    total = page.locator(".slide").count()
    assert total >= 3 + 4  # title, four stages, support, where to study, QR
    assert counter.inner_text() == f"1 / {total}"
    sizes = []
    for key, want in (("ArrowRight", 2), ("Space", 3), ("PageDown", 4), ("ArrowLeft", 3), ("PageUp", 2),
                      ("ArrowDown", 3), ("ArrowUp", 2)):
        sizes += _font_sizes(page)
        page.keyboard.press(key)
        assert counter.inner_text() == f"{want} / {total}", key
    for _ in range(total):
        sizes += _font_sizes(page)
        page.keyboard.press("ArrowRight")
    assert counter.inner_text() == f"{total} / {total}"  # it stops at the last slide
    assert sizes and min(sizes) >= 28, min(sizes)  # readable from the back of a classroom
    assert page.locator(".slide:not([hidden])").get_attribute("data-kind") == "qr"
    shot = Image.open(io.BytesIO(page.screenshot())).convert("L")
    found = [b.text for b in zxingcpp.read_barcodes(shot)]
    want = urls.with_marker(urls.absolute(built_site.site_url, urls.map_page(CL, MAP)), "slides")
    assert found == [want]
    page.keyboard.press("Home")
    assert counter.inner_text() == f"1 / {total}"
    assert outside == []
    context.close()


def test_slides_need_no_network_once_loaded(browser, site_server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(site_server + urls.map_slides(CL, MAP))
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    assert requests == []  # fonts, styles, script and QR are inside the file; logos were loaded with it
    context.close()


@pytest.mark.parametrize("server", ["site_server", "subfolder_server"])
def test_saved_cluster_opens_offline(browser, request, server):
    root = request.getfixturevalue(server)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    outside = _outside_recorder(context, {root.split("/")[2]})
    page = context.new_page()
    page.goto(root + urls.cluster_page(CL))
    page.evaluate("() => navigator.serviceWorker.ready")
    button = page.locator("[data-pk-offline] button")
    button.click()
    status = page.locator(".pk-offline-status")
    page.wait_for_function("() => document.querySelector('.pk-offline-status').hasAttribute('data-pk-saved')",
                           timeout=30000)
    text = status.inner_text()
    assert "Готово" in text and ("КБ" in text or "МБ" in text), text
    assert int(status.get_attribute("data-pk-saved")) > 100_000
    context.set_offline(True)
    for rel, marker in ((urls.map_page(CL, MAP), "Карьерная лестница"), (urls.map_slides(CL, MAP), "Ступень 1"),
                        (urls.cluster_page(CL), "Карьерные карты"),
                        (urls.map_page(CL, MAP) + "?utm_source=qr", "Карьерная лестница")):
        page.goto(root + rel)
        assert marker in page.content(), rel
    # a page that was not saved is not there: the worker answers with the saved how-to page instead
    page.goto(root + urls.programme_page("sverdlovsk-2026"))
    assert "Карты без интернета" in page.content() and "Программа популяризации" not in page.content()
    # the styles came from the saved copy too: the page is laid out, not bare HTML
    page.goto(root + urls.map_page(CL, MAP))
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") in ("sticky",
                                                                                                     "fixed")
    context.set_offline(False)
    assert outside == []
    context.close()


HOST_PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Сайт колледжа</title></head>
<body><h1>Колледж</h1>{snippet}
<script>window.heights=[];addEventListener("message",function(e){{if(e.data&&e.data.type==="profkarta:height")
window.heights.push([e.origin,e.data.height])}});</script></body></html>"""


def test_embed_in_an_iframe_of_another_origin_reports_its_height(browser, site_server, tmp_path):
    from profkarta.render.site.snippets import iframe_snippet

    embed = site_server + urls.embed_map(CL, MAP)
    snippet = iframe_snippet(embed, "Карьерная карта")
    (tmp_path / "index.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
    server, host = _serve(tmp_path)
    try:
        context = browser.new_context(viewport={"width": 900, "height": 800})
        site_origin = site_server.rstrip("/")
        outside = _outside_recorder(context, {site_server.split("/")[2], host.split("/")[2]})
        page = context.new_page()
        page.goto(host)
        assert host.split("/")[2] != site_server.split("/")[2]  # two origins
        page.wait_for_function("() => window.heights.length > 0", timeout=15000)
        origin, height = page.evaluate("() => window.heights[window.heights.length - 1]")
        assert origin == site_origin and 300 < height < 5000
        frame_box = page.locator("iframe").bounding_box()
        assert abs(frame_box["height"] - height) <= 2  # the snippet's listener followed the height
        frame = page.frame_locator("iframe")
        assert "Практикант" in frame.locator("body").inner_text()
        links = frame.locator("a")
        assert links.count() >= 2
        for i in range(links.count()):
            assert links.nth(i).get_attribute("target") == "_blank"
            assert "noopener" in links.nth(i).get_attribute("rel")
        assert context.cookies() == []
        inner = next(f for f in page.frames if f.url.startswith(site_server))
        assert inner.evaluate("() => localStorage.length + sessionStorage.length") == 0
        assert inner.locator(".md-header").count() == 0  # no site header, nav or footer
        assert outside == []
        context.close()
    finally:
        server.shutdown()
        server.server_close()
