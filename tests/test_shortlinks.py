"""Short print addresses q/<code>/: stable, one per page and product, relative redirects, clashes refused."""

from __future__ import annotations

import re

import pytest

from profkarta import shortlinks
from profkarta.errors import BuildError


def test_codes_are_stable_short_and_differ_by_product():
    page = "maps/kluster/karta/"
    codes = {m: shortlinks.code(page, m) for m in shortlinks.MEDIA}
    assert len(set(codes.values())) == len(codes)
    assert all(re.fullmatch(rf"[a-z2-7]{{{shortlinks.CODE_LEN}}}", c) for c in codes.values())
    assert codes["a4"] == shortlinks.code(page, "a4")  # the same every build: printed codes never go stale
    assert shortlinks.qr_url("https://college.ru/karty/", page, "a4") == f"https://college.ru/karty/q/{codes['a4']}/"
    assert shortlinks.full_url("https://college.ru/karty/", page, "a3") == \
        "https://college.ru/karty/maps/kluster/karta/?utm_source=print&utm_medium=a3"


def test_redirect_is_relative_so_a_subfolder_site_works():
    html = shortlinks.redirect_html("maps/k/m/", "plan")
    assert 'content="0; url=../../maps/k/m/?utm_source=plan&amp;utm_medium=plan"' in html
    assert 'location.replace("../../maps/k/m/?utm_source=plan&utm_medium=plan")' in html
    assert "utm_campaign" not in html and "http" not in html.replace("http-equiv", "")


def test_a_clash_of_codes_is_refused(monkeypatch):
    monkeypatch.setattr(shortlinks, "code", lambda page, medium: "samecod")
    reg = shortlinks.Registry()
    reg.add("maps/a/b/", "a4")
    reg.add("maps/a/b/", "a4")  # the same page twice is fine
    with pytest.raises(BuildError):
        reg.add("maps/c/d/", "a4")
