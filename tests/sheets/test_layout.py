"""Columns come from the models (a new optional field gets its column); cells convert both ways exactly."""

from __future__ import annotations

import datetime as dt
from typing import Literal

import pytest
from pydantic import Field

from profkarta.model.base import Strict
from profkarta.sheets.cells import NotCell, cell_value, from_cell, stored
from profkarta.sheets.layout import CHOICE, DATE, INT, LIST, TEXT, TEXT_OR_LIST, model_columns, sheets


class Inner(Strict):
    level: int | None = Field(None, title="Уровень")


class Future(Strict):
    code: str = Field(title="Код")
    mode: Literal["a", "b"] = Field("a", title="Режим", description="a — первый")
    extra_note: str | None = Field(None, title="Новое поле")
    when: dt.date | None = Field(None, title="Дата")
    items: list[str] = Field(default_factory=list, title="Пункты")
    text: str | list[str] | None = Field(None, title="Текст")
    inner: Inner | None = Field(None, title="Вложенное (R9)")
    rows: list[Inner] = Field(default_factory=list, title="Своя таблица")


def test_columns_follow_the_model():
    cols = {c.key: c for c in model_columns(Future)}
    assert list(cols) == ["code", "mode", "extra_note", "when", "items", "text", "inner.level"]
    assert cols["code"].required and not cols["extra_note"].required
    assert (cols["mode"].kind, cols["mode"].choices) == (CHOICE, ("a", "b"))
    assert [cols[k].kind for k in ("when", "items", "text", "inner.level")] == [DATE, LIST, TEXT_OR_LIST, INT]
    assert cols["inner.level"].title == "Вложенное: Уровень" and cols["extra_note"].kind == TEXT


def test_every_sheet_has_its_other_fields_column_and_ids():
    for sheet in sheets():
        keys = [c.key for c in sheet.columns]
        assert "#other" in keys and keys[0].startswith("#"), sheet.name
    stages = next(s for s in sheets() if s.name == "Ступени")
    keys = [c.key for c in stages.columns]
    assert {"#branch", "branch.from", "branch.title", "salary.min", "positions"} <= set(keys)


@pytest.mark.parametrize(("kind", "value", "cell"), [
    (TEXT, "15.02.16", "15.02.16"), (TEXT, "3", "3"), (TEXT, 3, 3), (INT, 45000, 45000),
    (DATE, dt.date(2026, 6, 15), dt.date(2026, 6, 15)), (LIST, ["Токарь", "Фрезеровщик"], "Токарь\nФрезеровщик"),
    (TEXT_OR_LIST, ["Раз", "Два"], "• Раз\n• Два"), (TEXT_OR_LIST, "Абзац\nещё", "Абзац\nещё"),
])
def test_cells_round_trip(kind, value, cell):
    assert cell_value(kind, value) == cell
    assert from_cell(kind, stored(cell)) == value


@pytest.mark.parametrize(("kind", "value"), [
    (INT, "45000"), (INT, 3.0), (TEXT, ""), (TEXT, "   "), (LIST, []), (LIST, ["два\nряда"]), (TEXT, None),
    (TEXT_OR_LIST, "• похоже на список"), (TEXT, "с\rвозвратом"), (DATE, dt.datetime(2026, 1, 1, 10, 0)),
    (INT, 2 ** 60), (TEXT, {"a": 1}), (TEXT, 0.1 + 0.2), (DATE, dt.date(1850, 1, 1)),
])
def test_values_a_cell_would_change_go_to_other_fields(kind, value):
    with pytest.raises(NotCell):
        cell_value(kind, value)


def test_user_typing_is_understood():
    assert from_cell(INT, "45000") == 45000  # typed into a text-formatted cell
    assert from_cell(INT, 45000.0) == 45000
    assert from_cell(INT, "двадцать") == "двадцать"  # the rule will say what is wrong
    assert from_cell(LIST, "• Токарь\n\n• Фрезеровщик ") == ["Токарь", "Фрезеровщик"]
    assert from_cell("bool", "да") is True and from_cell("bool", "Нет") is False
    assert from_cell("dict", "vk: https://vk.com/x\ntelegram: https://t.me/x") == {
        "vk": "https://vk.com/x", "telegram": "https://t.me/x"}
