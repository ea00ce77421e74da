"""An ambassador team page: YAML front matter of content/ambassadors/<team-id>.md."""

from __future__ import annotations

import datetime as dt

from pydantic import ConfigDict, Field

from profkarta.model.base import Strict
from profkarta.model.values import EXAMPLE_HELP, EXAMPLE_TITLE


class Curator(Strict):
    model_config = ConfigDict(title="Куратор")

    name: str = Field(title="ФИО куратора (T)")
    position: str = Field(title="Должность куратора (T)")


class Member(Strict):
    model_config = ConfigDict(title="Участник команды")

    name: str = Field(title="Имя и фамилия (T)")
    program: str | None = Field(None, title="Код специальности")
    course: int | None = Field(None, title="Курс")
    role: str | None = Field(None, title="Роль в команде")
    consent: bool = Field(False, title="Согласие на публикацию фамилии (152-ФЗ)",
                          description="Без согласия показывается имя и первая буква фамилии")


class Activity(Strict):
    model_config = ConfigDict(title="Что сделала команда")

    date: dt.date = Field(title="Дата, ГГГГ-ММ-ДД (T)")
    title: str = Field(title="Что проведено (T)")
    place: str | None = Field(None, title="Где")
    audience: str | None = Field(None, title="Для кого")
    reached: int | None = Field(None, title="Сколько человек охвачено")
    plan_event: str | None = Field(None, title="Мероприятие плана: <программа>/<год>#<id мероприятия>")


class Team(Strict):
    model_config = ConfigDict(title="Команда амбассадоров (параметры страницы)")

    team: str = Field(title="Название команды (T)")
    cluster: str = Field(title="Id кластера (T)")
    college: str = Field(title="Id колледжа (T)")
    curator: Curator = Field(title="Куратор (T)")
    members: list[Member] = Field(title="Участники, 4–7 студентов (T)")
    links: dict[str, str] = Field(default_factory=dict, title="Ссылки (T)",
                                  description="vk, telegram, ok, max, site: адреса https://")
    example: bool = Field(False, title=EXAMPLE_TITLE, description=EXAMPLE_HELP)
    activity: list[Activity] = Field(default_factory=list, title="Что сделала команда (T)")
