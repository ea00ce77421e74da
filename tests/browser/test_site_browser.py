"""Real-browser tests (Debian chromium via Playwright): filters, Russian search, QR, offline, axe-core, a11y mode."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from profkarta import urls

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CL = "demo-mashinostroenie"
PAGES = ["", urls.map_page(CL, "tehnolog"), urls.cluster_page(CL), urls.team_page("dpk-metall"),
         urls.programme_page("sverdlovsk-2026"), urls.programme_page("sverdlovsk-2026") + "calendar/",
         "clusters/", "ambassadors/", "popularization/", "about/", urls.plan_page("sverdlovsk-2026", 2026),
         urls.report_page("sverdlovsk-2026", 2026)]


@pytest.fixture
def page(browser, site_server):
    """A page that refuses and records every request outside the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    pg = context.new_page()
    local = urlsplit(site_server).netloc
    pg.outside = []

    def guard(route):
        u = urlsplit(route.request.url)
        if u.scheme in ("http", "https", "ws", "wss") and u.netloc != local:
            pg.outside.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/*", guard)
    yield pg
    context.close()


def test_catalog_filter_narrows_to_the_right_map(page, site_server):
    page.goto(site_server)
    cards = page.locator("li.pk-card")
    assert cards.count() == 2
    page.select_option("#pk-f-program", "15.01.38")
    visible = page.locator("li.pk-card:visible")
    assert visible.count() == 1
    assert "Оператор-наладчик" in visible.first.inner_text()
    assert "Найдено 1 карта" in page.locator(".pk-count").inner_text()
    page.click("button.pk-reset")
    page.fill("#pk-f-text", "машиностроению")
    expect(page.locator("li.pk-card:visible")).to_have_count(1)  # waits for the filter, no fixed pause
    assert "Технология машиностроения" in page.locator("li.pk-card:visible").first.inner_text()
    page.goto(site_server + "?program=15.02.16")  # a filtered view can be shared as a link
    assert page.locator("li.pk-card:visible").count() == 1


def test_catalog_filter_by_group_keeps_its_maps_and_goes_into_the_link(page, site_server):
    page.goto(site_server)
    options = page.locator("#pk-f-group option").all_inner_texts()
    assert options == ["Все", "15.00.00 Машиностроение"]
    page.select_option("#pk-f-group", "15.00.00")
    assert page.locator("li.pk-card:visible").count() == 2
    assert "group=15.00.00" in page.url
    page.evaluate("""() => { const c = document.querySelector('li.pk-card'); c.setAttribute('data-group', '09.00.00');
                     document.querySelector('#pk-f-group').dispatchEvent(new Event('change', {bubbles: true})); }""")
    assert page.locator("li.pk-card:visible").count() == 1  # a card of another group is hidden


def test_russian_search_finds_a_map_by_an_inflected_word(page, site_server):
    page.goto(site_server)
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    page.fill("input.md-search__input", "наладчиками")  # the page says «Наладчик …»
    page.keyboard.press("End")  # material reacts to key events; fill() alone types no keys
    result = page.locator(".md-search-result__item a[href*='maps/demo-mashinostroenie/operator/']")
    result.first.wait_for(timeout=15000)
    assert result.count() >= 1


def test_qr_button_shows_a_qr_of_the_page_url(page, site_server):
    import zxingcpp
    from PIL import Image

    page.goto(site_server + urls.map_page(CL, "tehnolog"))
    page.get_by_text("Показать QR-код").first.click()
    dialog = page.locator("dialog.pk-qr-dialog[open]")
    dialog.wait_for(timeout=5000)
    shot = dialog.locator("svg").screenshot()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(shot)))
    assert found, "QR not decoded"
    expected = urls.absolute("https://karty.example.test/", urls.map_page(CL, "tehnolog"))
    assert found[0].text == urls.with_marker(expected, "qr", CL)
    page.keyboard.press("Escape")
    assert page.locator("dialog.pk-qr-dialog[open]").count() == 0


def test_no_request_leaves_the_local_server(page, site_server):
    seen = []
    page.on("request", lambda r: seen.append(r.url))
    for rel in PAGES:
        page.goto(site_server + rel)
        page.wait_for_load_state("networkidle")
    page.goto(site_server)
    page.click("label.md-search__icon, .md-search__input")
    page.fill("input.md-search__input", "технолог")
    page.keyboard.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.outside == [], page.outside
    assert seen and all(u.startswith(site_server) or u.startswith("data:") for u in seen)


@pytest.mark.parametrize("rel", ["", urls.map_page(CL, "tehnolog"), urls.team_page("dpk-metall"),
                                 urls.programme_page("sverdlovsk-2026"), urls.report_page("sverdlovsk-2026", 2026)])
def test_axe_reports_no_serious_or_critical_violation(page, site_server, rel):
    axe_js = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
    page.goto(site_server + rel)
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_accessible_version_is_remembered_and_can_be_turned_off(page, site_server):
    page.goto(site_server + urls.map_page(CL, "tehnolog"))
    page.click("button.pk-a11y-toggle")
    assert "pk-a11y" in page.evaluate("document.documentElement.className")
    page.click("button[data-pk-scheme='wb']")
    page.click("button[data-pk-images]")
    page.reload()
    cls = page.evaluate("document.documentElement.className")
    assert "pk-a11y-scheme-wb" in cls and "pk-a11y-noimg" in cls
    assert page.locator("img.pk-logo--brand").is_hidden()
    page.click("button.pk-a11y-off")
    assert "pk-a11y" not in page.evaluate("document.documentElement.className").split()
    page.keyboard.press("Tab")  # the skip link / first control is reachable by keyboard
    assert page.evaluate("document.activeElement && document.activeElement.tagName") in ("A", "BUTTON")


def _expected_counts(today) -> dict[str, tuple[int, int, int]]:
    """(held, overdue, upcoming) of the conftest plan, worked out here from its dates, not by the report code."""
    import calendar
    import datetime as dt

    out = {}
    for key, items in (("mandatory", range(15)), ("optional", range(15, 29)), ("campaign", range(14))):
        held = overdue = upcoming = 0
        for i in items:
            month, day = (i % 12) + 1, (i % 27) + 1
            last = dt.date(2026, month, calendar.monthrange(2026, month)[1] if i % 3 == 0 else day)
            if i in (1, 2, 4):
                held += 1
            elif last < today:
                overdue += 1
            else:
                upcoming += 1
        out[key] = (held, overdue, upcoming)
    return out


def test_report_page_is_reachable_and_shows_the_figures(page, site_server):
    import csv
    import datetime as dt

    page.goto(site_server + urls.programme_page("sverdlovsk-2026"))
    page.get_by_role("link", name="Отчёт о выполнении плана 2026 года").click()
    page.wait_for_load_state("domcontentloaded")
    assert page.url.endswith(urls.report_page("sverdlovsk-2026", 2026))
    assert page.locator("h1").inner_text() == "Отчёт о плане 2026 года"
    pupils = page.locator("li[data-indicator='pupils_reached']")
    assert "Цель 75 %" in pupils.inner_text() and "факт 71 %" in pupils.inner_text()
    assert "не выполнен" in pupils.inner_text()
    assert "✓ выполнен" in page.locator("li[data-indicator='students_reached']").inner_text()
    enterprises = page.locator("li[data-indicator='enterprises_involved']")
    assert "итог не внесён" in enterprises.inner_text() and enterprises.locator(".pk-meter-fill").count() == 0
    meter = pupils.locator(".pk-meter").bounding_box()
    fill = pupils.locator(".pk-meter-fill").bounding_box()
    floor = pupils.locator(".pk-meter-floor").bounding_box()
    assert fill["width"] / meter["width"] == pytest.approx(0.71, abs=0.01)  # the bar is drawn to scale
    assert (floor["x"] - meter["x"]) / meter["width"] == pytest.approx(0.70, abs=0.01)
    for key, (held, overdue, upcoming) in _expected_counts(dt.date.today()).items():
        cells = page.locator(f"tr[data-count='{key}'] td").all_inner_texts()
        assert cells == [str(held + overdue + upcoming), str(held), "0", str(overdue), str(upcoming)], key
    assert page.locator("[data-total='events']").inner_text() == "700"
    assert page.locator("[data-total='campaign']").inner_text() == "7\u00a0000"
    href = page.get_by_role("link", name="Таблица отчёта (CSV)").get_attribute("href")
    body = page.request.get(page.url + href).body()
    rows = list(csv.reader(body.decode("utf-8-sig").splitlines()))
    assert rows[0][0] == "раздел" and sum(r[0] == "мероприятие" for r in rows) == 29
    assert page.outside == []
