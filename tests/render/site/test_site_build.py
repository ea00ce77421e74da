"""The build command's contract: atomic SITE_DIR, drafts, site_url choice, mkdocs errors; the live preview."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path

import pytest

from profkarta import urls
from profkarta.cli import main
from profkarta.render.site.ics import _fold
from profkarta.render.site.text import json_for_script, member_name, safe_url

pytestmark = pytest.mark.slow


@pytest.fixture
def project(site_project):
    return site_project


def run_in(root: Path, *argv: str) -> int:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return main(list(argv))
    finally:
        os.chdir(cwd)


def test_validation_errors_leave_site_dir_exactly_as_it_was(project, capsys):
    site = project / "site"
    site.mkdir()
    (site / "marker.txt").write_text("old", encoding="utf-8")
    cluster = project / "career_maps/demo-mashinostroenie/tehnolog.yaml"
    cluster.write_text(cluster.read_text(encoding="utf-8").replace("min: 28000", "min: 99000"), encoding="utf-8")
    assert run_in(project, "build", "--no-print") == 1
    out = capsys.readouterr()
    assert "[R2.4]" in out.out and "не тронута" in out.out
    assert sorted(p.name for p in site.iterdir()) == ["marker.txt"]
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]  # no staging left behind


def test_mkdocs_failure_is_a_russian_build_error_and_keeps_the_old_site(project, capsys):
    site = project / "site"
    site.mkdir()
    (site / "marker.txt").write_text("old", encoding="utf-8")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8") + "  - no-such-plugin-here\n", encoding="utf-8")
    assert run_in(project, "build", "--no-print") == 1
    err = capsys.readouterr().err
    assert "mkdocs не смог собрать сайт" in err
    assert sorted(p.name for p in site.iterdir()) == ["marker.txt"]


def test_build_replaces_site_dir_warns_without_site_url_and_marks_drafts(project, capsys):
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("site_url: https://karty.example.test/\n", ""),
                   encoding="utf-8")
    site = project / "out"
    site.mkdir()
    (site / "stale.html").write_text("x", encoding="utf-8")
    assert run_in(project, "build", "-d", "out", "--no-print", "--drafts") == 0
    out = capsys.readouterr().out
    assert "http://localhost:8000/" in out and "предупреждение" in out and "Сайт собран" in out
    assert not (site / "stale.html").exists()
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert all(m["url"].startswith("http://localhost:8000/") for m in catalog)
    draft = (site / urls.map_page("demo-mashinostroenie", "chernovik") / "index.html").read_text(encoding="utf-8")
    assert "ПРОЕКТ" in draft and 'name="robots" content="noindex"' in draft
    approved = (site / urls.map_page("demo-mashinostroenie", "tehnolog") / "index.html").read_text(encoding="utf-8")
    assert "pk-draft-banner" not in approved


def test_site_url_option_beats_mkdocs_yml(project):
    assert run_in(project, "build", "--no-print", "--site-url", "https://maps.example.org/sub") == 0
    catalog = json.loads((project / "site/catalog.json").read_text(encoding="utf-8"))
    assert catalog[0]["url"].startswith("https://maps.example.org/sub/maps/")


def test_preview_rebuilds_shows_findings_and_injects_reload(project):
    from profkarta.commands.livepreview import Preview, make_server

    preview = Preview(project, "http://127.0.0.1:0/")
    server = make_server(preview, "127.0.0.1", 0)
    import threading

    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        preview.rebuild()
        html = urllib.request.urlopen(base + "/maps/demo-mashinostroenie/tehnolog/").read().decode("utf-8")
        assert "Технология машиностроения" in html and "/__profkarta/reload.js" in html
        version = json.loads(urllib.request.urlopen(base + "/__profkarta/version").read())["version"]
        f = project / "career_maps/demo-mashinostroenie/tehnolog.yaml"
        f.write_text(f.read_text(encoding="utf-8").replace("min: 28000", "min: 99000"), encoding="utf-8")
        preview.rebuild()
        html = urllib.request.urlopen(base + "/").read().decode("utf-8")
        assert "Сайт не собран" in html and "[R2.4]" in html and "tehnolog.yaml" in html
        assert json.loads(urllib.request.urlopen(base + "/__profkarta/version").read())["version"] > version
    finally:
        server.shutdown()
        server.server_close()
        preview.close()


def test_small_helpers():
    assert member_name("Дарья Кузнецова", False) == "Дарья К."
    assert member_name("Дарья Кузнецова", True) == "Дарья Кузнецова"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None
    assert safe_url("https://vk.com/x") == "https://vk.com/x" and safe_url("tel:+7343") == "tel:+7343"
    assert json_for_script({"a": "</script><!--&"}) == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}'
    folded = _fold("SUMMARY:" + "ж" * 100)
    assert all(len(line.encode("utf-8")) <= 75 for line in folded)
    assert "".join(x.lstrip(" ") for x in folded).count("ж") == 100
