"""`profkarta packet`: the council meeting document — cover, register, each draft's page with a blank approval block."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from pypdf import PdfReader

from tests.council.councilkit import UNLISTED, mixed_project
from tests.util import run_cli as run
from tests.util import MAP, copy_project, edit

APPROVAL_BLOCK = ("УТВЕРЖДЕНО Протоколом заседания Регионального наблюдательного совета № ____ от ________")


def _flat(text: str) -> str:
    text = re.sub(r"[\u2010\u00ad]\n", "", text)  # WeasyPrint's hyphenation at line ends
    return " ".join(text.split())


@pytest.fixture(scope="module")
def packet(tmp_path_factory):
    """Two drafts (one listed, one the college does not list) and one approved map; built once."""
    root = mixed_project(tmp_path_factory.mktemp("packet"))
    edit(root, UNLISTED, "status: approved", "status: draft")
    return root


def _build(root: Path, capsys, *args: str) -> tuple[int, str, str, Path]:
    name = "-".join(re.sub(r"\W", "", a) for a in args) or "vse"
    out = root / f"zasedanie-{name}.pdf"
    code, stdout, err = run(["packet", *args, "-o", str(out)], root, capsys)
    return code, stdout, err, out


def test_packet_has_cover_register_and_every_draft_with_a_blank_block(packet, capsys):
    code, out, err, pdf = _build(packet, capsys)
    assert code == 0, err
    assert str(pdf) in out and pdf.is_file()
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 4  # cover, register, two drafts
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - 595.3) < 1.5 and abs(h - 841.9) < 1.5  # A4
    pages = [_flat(extract_text(str(pdf), page_numbers=[i])) for i in range(4)]
    cover, register, *drafts = pages
    assert "Свердловская область" in cover and f"Сформировано {dt.date.today():%d.%m.%Y}" in cover
    assert "На утверждение представляются 2 проекта карьерных карт (с. 3–4)" in cover
    assert "Регионального наблюдательного совета" in cover.replace("РЕГИОНАЛЬНОГО НАБЛЮДАТЕЛЬНОГО СОВЕТА",
                                                                  "Регионального наблюдательного совета")
    for code_ in ("15.02.16", "15.02.09", "15.02.06"):
        assert code_ in register
    assert "15.01.38" not in register  # a missing map is not a map to register
    assert "Разработчик: Управляющий совет" in register
    assert "утверждена" in register and "15.06.2026" in register
    assert re.search(r"15\.02\.09 Аддитивные технологии проект 3", register), register
    assert "код не в перечне колледжа" in register
    for text, title in zip(drafts, ("Аддитивные технологии", "Монтаж, техническая эксплуатация"), strict=True):
        assert title in text and "ПРОЕКТ" in text
        assert APPROVAL_BLOCK in text, text[-400:]
    assert "Технология машиностроения" not in " ".join(drafts)  # the approved map is listed, not reprinted
    for i, text in enumerate(pages, 1):
        assert f"Стр. {i} из 4" in text
    titles = [item.title for item in reader.outline]
    assert titles[:2] == ["Обложка", "Перечень карьерных карт"]
    assert titles[2].startswith("Проект: 15.02.09 Аддитивные технологии") and titles[3].startswith("Проект: 15.02.06")
    assert [reader.get_destination_page_number(item) for item in reader.outline] == [0, 1, 2, 3]
    assert reader.metadata.title.startswith("Карьерные карты на утверждение")


def test_packet_by_region_in_short_form(packet, capsys):
    code, _, err, pdf = _build(packet, capsys, "--region", "Свердловская обл.")
    assert code == 0, err
    assert len(PdfReader(str(pdf)).pages) == 4


@pytest.mark.parametrize("args, words", [
    (["--cluster", "nope"], "Кластера «nope» нет"),
    (["--region", "Москва"], "нечего включить"),
])
def test_nothing_in_scope_exits_1(packet, capsys, args, words):
    code, _, err, pdf = _build(packet, capsys, *args)
    assert code == 1 and words in err and not pdf.exists()


def test_nothing_to_approve_exits_1(tmp_path, capsys):
    code, _, err, pdf = _build(copy_project(tmp_path), capsys)
    assert code == 1 and "Утверждать нечего" in err and not pdf.exists()


def test_project_with_errors_exits_1(tmp_path, capsys):
    root = mixed_project(tmp_path)
    edit(root, MAP, "salary: {min: 28000", "salary: {min: 99000")
    code, _, err, pdf = _build(root, capsys)
    assert code == 1 and "ошибка [R2.4]" in err and not pdf.exists()


def test_cluster_and_region_together_is_a_usage_error(tmp_path, capsys):
    code, _, err, _ = _build(copy_project(tmp_path), capsys, "--cluster", "x", "--region", "y")
    assert code == 2 and "ошибка" in err
