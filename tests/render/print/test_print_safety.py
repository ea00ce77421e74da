"""Drafts carry «ПРОЕКТ»; strings are escaped; the fetcher refuses the network and outside files."""

from __future__ import annotations

import pytest
from printkit import CLUSTER, MAP_FILE, SITE_URL, add_map, copy_examples, pdf_text

from profkarta.render.print import render_print
from profkarta.render.print.fetcher import FetchRefused, resolve_url
from profkarta.render.print.qr import image_mm, qr_svg, short_address
from profkarta.validate import validate


@pytest.mark.slow
def test_draft_watermark_only_in_drafts_build_and_strings_escaped(tmp_path):
    root = copy_examples(tmp_path / "p")
    add_map(root, "chernovik", {"status: approved": "status: draft",
                                'code: "15.02.16"': 'code: "15.02.15"',
                                "Технология машиностроения": "Черновик <b>&amp; «тест»</b>"})
    v = validate(root)
    public = render_print(v, tmp_path / "public", site_url=SITE_URL, workers=2)
    assert (CLUSTER, "chernovik") not in public.map_files
    assert "ПРОЕКТ" not in pdf_text(tmp_path / "public" / public.map_files[(CLUSTER, "tehnolog")]["a4"])
    drafts = render_print(v, tmp_path / "drafts", site_url=SITE_URL, drafts=True, workers=2)
    draft_text = pdf_text(tmp_path / "drafts" / drafts.map_files[(CLUSTER, "chernovik")]["a4"])
    assert "ПРОЕКТ" in draft_text
    assert "Черновик <b>&amp; «тест»</b>" in draft_text  # shown literally, never as markup
    assert "ПРОЕКТ" not in pdf_text(tmp_path / "drafts" / drafts.map_files[(CLUSTER, "tehnolog")]["a4"])
    a3 = pdf_text(tmp_path / "drafts" / drafts.map_files[(CLUSTER, "chernovik")]["a3"])
    assert "ПРОЕКТ" in a3


@pytest.mark.parametrize("url", [
    "http://example.com/logo.png", "https://example.com/x.css", "ftp://example.com/a",
    "file:///etc/passwd", "data:text/html,<script>alert(1)</script>", "data:application/pdf;base64,AAAA",
])
def test_fetcher_refuses_network_outside_files_and_non_images(tmp_path, url):
    with pytest.raises(FetchRefused):
        resolve_url(url, [tmp_path])


def test_fetcher_serves_files_inside_and_image_data(tmp_path):
    (tmp_path / "a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    mime, body, _ = resolve_url((tmp_path / "a.svg").as_uri(), [tmp_path])
    assert mime == "image/svg+xml" and body.startswith(b"<svg")
    link = tmp_path / "out.svg"
    link.symlink_to("/etc/hostname")
    with pytest.raises(FetchRefused):
        resolve_url(link.as_uri(), [tmp_path])
    assert resolve_url("data:image/png;base64,iVBORw0KGgo=", [tmp_path])[0] == "image/png"


@pytest.mark.slow
def test_logo_path_leading_outside_the_project_is_never_loaded(tmp_path):
    root = copy_examples(tmp_path / "p")
    cluster = root / f"career_maps/{CLUSTER}/cluster.yaml"
    text = cluster.read_text(encoding="utf-8")
    cluster.write_text(text.replace("logo: logos/dpk.png", "logo: ../../../../etc/x.png"),
                       encoding="utf-8")
    r = render_print(validate(root), tmp_path / "site", site_url=SITE_URL, workers=1)
    assert any("логотип колледжа" in w for w in r.warnings)
    assert (tmp_path / "site" / r.map_files[(CLUSTER, "tehnolog")]["a4"]).is_file()


def test_qr_helpers():
    url = f"{SITE_URL}/maps/{CLUSTER}/tehnolog/?utm_source=print&utm_campaign={CLUSTER}"
    svg = qr_svg(url)
    assert svg.count("<path") == 1 and "<image" not in svg
    assert image_mm(url, 32.5) > 32.5
    assert short_address(url) == f"karty.example.ru/maps/{CLUSTER}/tehnolog"
    assert MAP_FILE.endswith("tehnolog.yaml")
