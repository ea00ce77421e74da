"""The popularization programme (content/popularization/<id>.yaml) and its annual plans (<id>/<year>.yaml)."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from profkarta.model.base import Strict


class Indicators(Strict):
    model_config = ConfigDict(title="Целевые показатели, %")

    pupils_reached: float = Field(title="Охват школьников 6–11 классов, % (P2: не ниже 70)")
    schools_involved: float = Field(title="Вовлечённые общеобразовательные организации, % (P2: не ниже 70)")
    students_reached: float = Field(title="Охват студентов колледжей, % (P2: 100)")
    enterprises_involved: float = Field(title="Вовлечённые предприятия, % (P2: не ниже 60)")
    kcp_fulfilled: float = Field(title="Выполнение КЦП по программам «Профессионалитета», % (P2: 100)")


class Participants(Strict):
    model_config = ConfigDict(title="Участники программы")

    recommended: list[str] = Field(title="Рекомендуемые участники (P1, P3): РОИВ, школы, колледжи, предприятия, "
                                         "ЦОПП, ЦЗН, СМИ, педагоги-психологи")
    additional: list[str] = Field(title="Дополнительные участники (P1)")


class ProgrammeApproval(Strict):
    model_config = ConfigDict(title="Утверждение")

    by: str = Field(title="Кто утвердил: председатель РНС (или управляющего совета — для плана) (P6)")
    protocol: str | int = Field(title="Номер протокола (P6)")
    date: dt.date = Field(title="Дата протокола, ГГГГ-ММ-ДД (P6)")


class Programme(Strict):
    model_config = ConfigDict(title="Региональная программа популяризации «Профессионалитета»")

    title: str = Field(title="Название программы")
    region: str = Field(title="Субъект РФ (P1)")
    period: list[int] = Field(title="Период: [первый год, последний год] (P1, P4)")
    developer: str = Field(title="Разработчик: управляющий совет кластера (P1)")
    goal: str = Field(title="Цель (P1)")
    tasks: list[str] = Field(title="Задачи (P1)")
    audiences: list[str] = Field(title="Целевые аудитории (P1, P3)")
    participants: Participants = Field(title="Участники (P1, P3)")
    indicators: Indicators = Field(title="Целевые показатели, % (P1, P2)")
    expected_results: list[str] = Field(title="Ожидаемые результаты (P1)")
    approval: ProgrammeApproval | None = Field(None, title="Утверждение председателем РНС (P6); без него — проект")


class EventResult(Strict):
    model_config = ConfigDict(title="Итог мероприятия")

    held: dt.date | None = Field(None, title="Когда проведено, ГГГГ-ММ-ДД (P7)")
    reached: int | None = Field(None, title="Охвачено человек")
    schools: int | None = Field(None, title="Участвовало школ")
    cancelled: bool = Field(False, title="Отменено (тогда held не нужен, причина — в note)")
    note: str | None = Field(None, title="Примечание")


class CampaignResult(Strict):
    model_config = ConfigDict(title="Итог публикации")

    held: dt.date | None = Field(None, title="Когда вышло, ГГГГ-ММ-ДД (P7)")
    reach: int | None = Field(None, title="Охват (просмотры, тираж)")
    cancelled: bool = Field(False, title="Отменено (причина — в note)")
    note: str | None = Field(None, title="Примечание")


class PlanEvent(Strict):
    model_config = ConfigDict(title="Мероприятие плана")

    id: str | None = Field(None, title="Id мероприятия (для активности команд амбассадоров)")
    date: dt.date | None = Field(None, title="Дата, ГГГГ-ММ-ДД (P4)")
    month: str | None = Field(None, title="Месяц \"ГГГГ-ММ\", если точной даты нет (P4)")
    title: str = Field(title="Мероприятие (P5)")
    audience: str = Field(title="Аудитория (P5)")
    mandatory: bool = Field(title="true — обязательное (одно из 15), false — по выбору (одно из 14) (P5)")
    place: str | None = Field(None, title="Место")
    responsible: str | None = Field(None, title="Ответственный")
    result: EventResult | None = Field(None, title="Итог, когда проведено (P7)")


class CampaignItem(Strict):
    model_config = ConfigDict(title="Мероприятие информационной кампании")

    date: dt.date | None = Field(None, title="Дата, ГГГГ-ММ-ДД (P4)")
    month: str | None = Field(None, title="Месяц \"ГГГГ-ММ\" (P4)")
    title: str = Field(title="Материал или мероприятие (P5)")
    channel: str = Field(title="Канал: ВКонтакте, Telegram, региональное ТВ… (P5)")
    audience: str | None = Field(None, title="Аудитория")
    responsible: str | None = Field(None, title="Ответственный")
    result: CampaignResult | None = Field(None, title="Итог, когда вышло (P7)")


class PlanResults(Strict):
    model_config = ConfigDict(title="Фактические показатели года, %")

    as_of: dt.date | None = Field(None, title="На какую дату (P7)")
    pupils_reached: float | None = Field(None, title="Охват школьников 6–11 классов, %")
    schools_involved: float | None = Field(None, title="Вовлечённые школы, %")
    students_reached: float | None = Field(None, title="Охват студентов колледжей, %")
    enterprises_involved: float | None = Field(None, title="Вовлечённые предприятия, %")
    kcp_fulfilled: float | None = Field(None, title="Выполнение КЦП, %")


class Plan(Strict):
    model_config = ConfigDict(title="План популяризации на год (мероприятия, информационная кампания, итоги)")

    approval: ProgrammeApproval | None = Field(None, title="Утверждение председателем РНС или управляющего "
                                                          "совета (P6); без него — проект")
    events: list[PlanEvent] = Field(title="План мероприятий: не менее 15 обязательных и 14 по выбору (P5)")
    campaign: list[CampaignItem] = Field(title="План информационной кампании: не менее 14 (P5)")
    results: PlanResults | None = Field(None, title="Фактические показатели (P7)")


# Kept for imports elsewhere: an event of the plan.
Event = PlanEvent
