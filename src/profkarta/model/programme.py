"""The regional popularization programme (content/popularization/<id>.yaml) with its plans."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from profkarta.model.base import Strict


class Indicators(Strict):
    model_config = ConfigDict(title="Целевые показатели")

    pupils_reached: float = Field(title="Охват школьников 6–11 классов, % (P, не ниже 70)")
    schools_involved: float = Field(title="Вовлечённые школы, % (P, не ниже 70)")
    students_reached: float = Field(title="Охват студентов колледжей, % (P, 100)")
    enterprises_involved: float = Field(title="Вовлечённые предприятия, % (P, не ниже 60)")


class Event(Strict):
    model_config = ConfigDict(title="Мероприятие")

    date: dt.date | None = Field(None, title="Дата (ГГГГ-ММ-ДД)")
    month: str | None = Field(None, title="Месяц (ГГГГ-ММ), если точной даты нет")
    title: str = Field(title="Мероприятие (P)")
    audience: str = Field(title="Аудитория (P)")
    mandatory: bool = Field(True, title="Обязательное мероприятие")
    place: str | None = Field(None, title="Место")
    responsible: str | None = Field(None, title="Ответственный")
    channel: str | None = Field(None, title="Канал (для информационной кампании)")


class ProgrammeApproval(Strict):
    model_config = ConfigDict(title="Утверждение программы")

    by: str = Field(title="Председатель регионального наблюдательного совета (P)")
    protocol: str | int = Field(title="Номер протокола (P)")
    date: dt.date = Field(title="Дата протокола (P)")


class Programme(Strict):
    model_config = ConfigDict(title="Региональная программа популяризации")

    title: str = Field(title="Название программы")
    region: str = Field(title="Субъект РФ")
    year: int | None = Field(None, title="Год плана")
    goal: str = Field(title="Цель (P)")
    tasks: list[str] = Field(title="Задачи (P)")
    audiences: list[str] = Field(title="Целевые аудитории (P)")
    participants: list[str] = Field(title="Участники (P)")
    indicators: Indicators = Field(title="Целевые показатели (P)")
    events: list[Event] = Field(title="План мероприятий (P): не менее 15 обязательных и 14 по выбору")
    campaign: list[Event] = Field(title="План информационной кампании (P): не менее 14 мероприятий")
    approval: ProgrammeApproval = Field(title="Утверждение председателем РНС (P)")
