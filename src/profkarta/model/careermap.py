"""The career map file (<map-id>.yaml): programme, ladder of stages, support measures, approval."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field, model_validator

from profkarta.model.base import Strict
from profkarta.model.values import EXAMPLE_HELP, EXAMPLE_TITLE, ProgramKind, Status, kind_of_code


def _kind_optional(schema: dict) -> None:
    """In the editor's schema kind is optional too: the model derives it from the code."""
    schema["required"] = [r for r in schema.get("required", []) if r != "kind"]


class Program(Strict):
    model_config = ConfigDict(title="Профессия или специальность", json_schema_extra=_kind_optional)

    code: str = Field(title="Код по перечню СПО (R2.1)", description="Вид NN.0K.NN, например \"15.02.16\" — в кавычках")
    kind: ProgramKind = Field(
        title="Профессия или специальность (R2.1)",
        description="profession (профессия) — .01., specialty (специальность) — .02.; если не указано — по коду")
    title: str = Field(title="Название профессии или специальности (R2.1)")
    qualification: str | None = Field(None, title="Квалификация")
    duration: str | None = Field(None, title="Срок обучения")
    form: str | None = Field(None, title="Форма обучения")
    base: str | None = Field(None, title="На базе (9 или 11 классов)")

    @model_validator(mode="before")
    @classmethod
    def _kind_from_code(cls, data: object) -> object:
        """The code already says profession (.01.) or specialty (.02.): kind may be left out."""
        if isinstance(data, dict) and data.get("kind") is None and kind_of_code(data.get("code")):
            return {**data, "kind": kind_of_code(data.get("code"))}
        return data


class Approval(Strict):
    model_config = ConfigDict(title="Утверждение")

    body: str | None = Field(None, title="Кто утвердил (A1)",
                             description="Для утверждённой карты обязательно: региональный наблюдательный совет "
                             "региона кластера, например «Региональный наблюдательный совет Свердловской области»")
    protocol: str | int = Field(title="Номер протокола (A1)")
    date: dt.date = Field(title="Дата протокола (A1)", description="ГГГГ-ММ-ДД, не в будущем")


class Salary(Strict):
    model_config = ConfigDict(title="Зарплата, ₽ в месяц")

    min: int = Field(title="Минимум, ₽ в месяц (R2.4)")
    avg: int = Field(title="Средняя, ₽ в месяц (R2.4)")
    max: int = Field(title="Максимум, ₽ в месяц (R2.4)")


class Stage(Strict):
    model_config = ConfigDict(title="Ступень карьеры")

    title: str | None = Field(None, title="Название ступени")
    positions: list[str] = Field(title="Должности на ступени (R2.2)")
    when: str | None = Field(None, title="Когда (курс, стаж) (R2.5)",
                             description="Например «3–4 курс» или «2–5 лет после выпуска»")
    years: list[float | None] | None = Field(
        None, title="Годы после выпуска [от, до] (R2.5)",
        description="Для шкалы времени: [2, 5] — через 2–5 лет после выпуска; [-1, 0] — последний курс; "
                    "[10, null] — от 10 лет")
    activities: str | list[str] = Field(title="Чем занимается (R2.3)")
    growth: str | list[str] | None = Field(None, title="Как перейти на следующую ступень (R2.3)")
    salary: Salary = Field(title="Зарплата (R2.4)")


class Branch(Strict):
    model_config = ConfigDict(title="Ветка карьеры", populate_by_name=True)

    start: int = Field(alias="from", title="После какой ступени лестницы (R2.2)",
                       description="Номер ступени основной лестницы, считая с 1")
    title: str = Field(title="Название ветки (R2.2)", description="Например «Экспертная траектория»")
    stages: list[Stage] = Field(title="Ступени ветки (R2.2–R2.5)")


class SupportItem(Strict):
    model_config = ConfigDict(title="Мера поддержки")

    title: str = Field(title="Мера поддержки")
    description: str | None = Field(None, title="Подробнее")


class Support(Strict):
    model_config = ConfigDict(title="Мотивационные инструменты")

    college: list[str | SupportItem] = Field(title="Поддержка колледжа (R3.1)")
    employer: list[str | SupportItem] = Field(title="Социальные проекты работодателя (R3.2)")
    region: list[str | SupportItem] = Field(title="Меры поддержки региона (R3.3)")


class CareerMap(Strict):
    model_config = ConfigDict(title="Карьерная карта выпускника")

    program: Program = Field(title="Профессия или специальность (R2.1)")
    college: str = Field(title="Id колледжа из cluster.yaml (R1.2)")
    employers: list[str] = Field(title="Id работодателей из cluster.yaml (R1.3)")
    status: Status = Field("draft", title="Статус (A1)",
                           description="draft (проект) — не публикуется; approved (утверждена) — нужен approval")
    approval: Approval | None = Field(None, title="Утверждение наблюдательным советом (A1)")
    summary: str | None = Field(None, title="Коротко о профессии")
    ladder: list[Stage] = Field(title="Карьерная лестница (R2.2–R2.5)")
    branches: list[Branch] = Field(default_factory=list, title="Ветки: другие траектории (R2.2–R2.5)",
                                   description="Экспертная, через высшее образование, переход в смежную профессию")
    support: Support = Field(title="Мотивационные инструменты (R3.1–R3.3)")
    example: bool = Field(False, title=EXAMPLE_TITLE, description=EXAMPLE_HELP)


def item_title(item: str | SupportItem) -> str:
    return item if isinstance(item, str) else item.title
