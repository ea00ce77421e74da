"""A workbook saved by LibreOffice Calc (as a user's edit would be) imports with the same data."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from tests.sheets.conftest import assert_book_is_project, columns, find_row

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice не установлен (apt-get install "
                                "libreoffice-calc-nogui): проверка книги, сохранённой в Calc, пропущена")


def _through_calc(book, tmp_path):
    out = tmp_path / "calc"
    profile = (tmp_path / "lo-profile").as_uri()  # a private profile: parallel runs do not lock each other
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(book)], check=True, capture_output=True, timeout=180)
    return out / book.name


def test_calc_saved_workbook_imports_unchanged(demo, demo_book, tmp_path):
    saved = _through_calc(demo_book, tmp_path)
    assert saved.read_bytes() != demo_book.read_bytes()  # really rewritten by Calc
    assert_book_is_project(saved, demo)


def test_calc_keeps_drop_downs_and_text_codes(demo_book, tmp_path):
    wb = openpyxl.load_workbook(_through_calc(demo_book, tmp_path))
    ws = wb["Карты"]
    code = ws.cell(find_row(ws, **{"#map": "tehnolog"}), columns(ws)["program.code"])
    assert code.value == "15.02.16" and code.data_type == "s"
    formulas = [dv.formula1 for dv in wb["Кластеры"].data_validations.dataValidation]
    assert any("opc" in f for f in formulas)
