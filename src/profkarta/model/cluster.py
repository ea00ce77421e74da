"""The cluster file (cluster.yaml): kind, industry, region, colleges, employers, contacts."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from profkarta.model.base import Strict
from profkarta.model.values import EXAMPLE_HELP, EXAMPLE_TITLE, ClusterKind


class Contacts(Strict):
    model_config = ConfigDict(title="Контакты")

    address: str | None = Field(None, title="Адрес", description="Почтовый адрес с индексом")
    phone: str | None = Field(None, title="Телефон", description="Например +7 (343) 217-40-02")
    email: str | None = Field(None, title="Электронная почта")
    website: str | None = Field(None, title="Сайт", description="Адрес, начинающийся с https://")


class College(Contacts):
    model_config = ConfigDict(title="Колледж")

    id: str = Field(title="Id колледжа", description="Латиница, цифры и дефисы; на него ссылаются карты")
    name: str = Field(title="Полное название колледжа (R1.2)")
    short_name: str | None = Field(None, title="Краткое название")
    logo: str = Field(title="Логотип колледжа (R1.2)", description="Путь к картинке относительно папки кластера")
    city: str | None = Field(None, title="Город")
    programs: list[str] = Field(default_factory=list, title="Коды профессий и специальностей (K1)",
                                description="На каждый код нужна утверждённая карта; пустой список — "
                                "перечень не составлен, полноту карт проверить нельзя")


class Employer(Strict):
    model_config = ConfigDict(title="Работодатель")

    id: str = Field(title="Id работодателя")
    name: str = Field(title="Название работодателя (R1.3)")
    logo: str = Field(title="Логотип работодателя (R1.3)")
    website: str | None = Field(None, title="Сайт")
    city: str | None = Field(None, title="Город (R1.4)")
    address: str | None = Field(None, title="Адрес (R1.4)", description="Где предприятие: улица, дом")
    description: str | None = Field(None, title="О работодателе")


class Cluster(Strict):
    model_config = ConfigDict(title="Кластер «Профессионалитета» (cluster.yaml)")

    name: str = Field(title="Название кластера")
    kind: ClusterKind = Field(
        title="Вид кластера (C1)", description="opc (ОПЦ(К)) или education (образовательный кластер)")
    industry: str = Field(title="Отрасль (C1)", description="Должна подходить к виду кластера")
    industry_logo: str = Field(title="Логотип отрасли (R1.1)")
    region: str = Field(title="Субъект РФ (R1.4)")
    managing_council: str | None = Field(None, title="Управляющий совет / управляющая компания")
    description: str | None = Field(None, title="О кластере")
    website: str | None = Field(None, title="Сайт кластера")
    colleges: list[College] = Field(title="Колледжи кластера (R1.2)")
    employers: list[Employer] = Field(title="Работодатели кластера (R1.3)")
    contacts: Contacts | None = Field(None, title="Контакты для абитуриентов (R1.4)")
    example: bool = Field(False, title=EXAMPLE_TITLE, description=EXAMPLE_HELP)
