"""Every page type on phones (no sideways scroll) and axe-core at phone and desktop widths (no serious issue)."""

from __future__ import annotations

from pathlib import Path

import pytest

from profkarta import urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CL = "demo-mashinostroenie"
PAGE_TYPES = {
    "home": "",
    "map": urls.map_page(CL, "tehnolog"),
    "cluster": urls.cluster_page(CL),
    "team": urls.team_page("dpk-metall"),
    "programme": urls.programme_page("sverdlovsk-2026"),
    "calendar": urls.programme_page("sverdlovsk-2026") + "calendar/",
    "about": "about/",
}
PHONES = [320, 360, 390, 412]
WIDER_THAN_VIEWPORT = """() => {
  const cw = document.documentElement.clientWidth, out = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > cw + 0.5)
      out.push(e.tagName.toLowerCase() + '.' + e.className + ' → ' + Math.round(r.right));
  }
  return out.slice(0, 5);
}"""


def _open(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="ru-RU")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("width", PHONES)
def test_no_page_scrolls_sideways_on_a_phone(browser, site_server, width):
    wide = {}
    for name, rel in PAGE_TYPES.items():
        context, page = _open(browser, site_server + rel, width)
        try:
            scroll, client = page.evaluate("[document.documentElement.scrollWidth, "
                                           "document.documentElement.clientWidth]")
            assert client <= width  # the viewport really is that narrow
            if scroll > client:
                wide[name] = (scroll, page.evaluate(WIDER_THAN_VIEWPORT))
        finally:
            context.close()
    assert wide == {}, f"при ширине {width} px страница шире экрана: {wide}"


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_axe_finds_nothing_serious_at_phone_and_desktop_width(browser, site_server, name, width):
    axe_js = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
    context, page = _open(browser, site_server + PAGE_TYPES[name], width)
    try:
        page.add_script_tag(path=str(axe_js))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_desktop_tab_bar_text_reads_at_4_5_to_1(browser, site_server):
    """The tab bar (material dims inactive tabs) against the brand colour, computed as the browser paints it."""
    from profkarta.render.site.palette import contrast

    context, page = _open(browser, site_server, 1280)
    try:
        tabs = page.evaluate("""() => [...document.querySelectorAll('.md-tabs__link')].map(a => {
          const s = getComputedStyle(a), bar = getComputedStyle(document.querySelector('.md-tabs'));
          return [s.color, s.opacity, getComputedStyle(a.closest('li')).opacity, bar.backgroundColor];
        })""")
    finally:
        context.close()
    assert tabs, "на широком экране нет вкладок"

    def rgb(css: str) -> tuple[int, int, int]:
        return tuple(int(float(v)) for v in css[css.index("(") + 1:css.index(")")].split(",")[:3])  # type: ignore

    for color, opacity, item_opacity, bg in tabs:
        fg, back, alpha = rgb(color), rgb(bg), float(opacity) * float(item_opacity)
        seen = tuple(round(b + (f - b) * alpha) for f, b in zip(fg, back, strict=True))
        assert contrast(seen, back) >= 4.5, (color, opacity, bg)
