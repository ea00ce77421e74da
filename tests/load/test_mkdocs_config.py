"""mkdocs.yml is read once, with mkdocs' own loader: !ENV and INHERIT reach links, catalog.json and QR codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from profkarta.load.project import load_project
from tests.render.print.printkit import read_qr
from tests.util import copy_project

ENV_URL = "https://env.example.org/karty/"


def _use_env_site_url(root, var="PK_TEST_SITE_URL"):
    cfg = root / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if not ln.startswith("site_url:")]
    lines.insert(1, f"site_url: !ENV [{var}, 'http://localhost:8000/']")
    cfg.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_env_tag_and_inherit_are_read(tmp_path, monkeypatch):
    root = copy_project(tmp_path)
    _use_env_site_url(root)
    monkeypatch.setenv("PK_TEST_SITE_URL", ENV_URL)
    assert load_project(root).config.site_url == ENV_URL
    monkeypatch.delenv("PK_TEST_SITE_URL")
    assert load_project(root).config.site_url == "http://localhost:8000/"  # the default in the tag
    # INHERIT: the site's name comes from a base file
    (root / "base.yml").write_text("site_name: Карты из базового файла\n", encoding="utf-8")
    cfg = root / "mkdocs.yml"
    text = "\n".join(ln for ln in cfg.read_text(encoding="utf-8").splitlines() if not ln.startswith("site_name"))
    cfg.write_text("INHERIT: base.yml\n" + text + "\n", encoding="utf-8")
    assert load_project(root).config.site_name == "Карты из базового файла"


def test_missing_inherit_is_a_finding_not_a_crash(tmp_path):
    root = copy_project(tmp_path)
    cfg = root / "mkdocs.yml"
    cfg.write_text("INHERIT: nowhere.yml\n" + cfg.read_text(encoding="utf-8"), encoding="utf-8")
    found = load_project(root).load_findings
    assert any(f.file == "mkdocs.yml" and "INHERIT" in f.message for f in found), found


@pytest.mark.slow
def test_env_site_url_reaches_catalog_pages_and_every_qr(tmp_path):
    root = copy_project(tmp_path)
    _use_env_site_url(root)
    env = {**os.environ, "PK_TEST_SITE_URL": ENV_URL, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "profkarta", "build", "-d", "site"], cwd=root, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    site = root / "site"
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert catalog and all(m["url"].startswith(ENV_URL) for m in catalog)
    page = (site / "maps" / "demo-mashinostroenie" / "tehnolog" / "index.html").read_text(encoding="utf-8")
    assert f'href="{ENV_URL}maps/demo-mashinostroenie/tehnolog/"' in page  # canonical link
    assert "localhost" not in page
    # every print file with a QR code: handouts, posters, booklets, cards (council documents carry none)
    pdfs = sorted(p for p in site.joinpath("print").rglob("*.pdf") if "popularization" not in p.parts)
    assert pdfs
    for pdf in pdfs:
        codes = read_qr(pdf, dpi=100)
        assert codes and all(c.startswith(ENV_URL) for c in codes), (pdf.name, codes)
