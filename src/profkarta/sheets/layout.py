"""Sheets and columns of the workbook, derived from the pydantic models so new fields show up by themselves."""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel

from profkarta.model import CareerMap, Cluster, College, Employer, Member, Stage, SupportItem, Team

# Structural columns: not fields of a file but the file's id and the row's place in it.
CLUSTER_ID, MAP_ID, TEAM_ID = "#cluster", "#map", "#team"
BRANCH, SECTION, FORM, OTHER, BODY = "#branch", "#section", "#form", "#other", "#body"
BRANCH_PREFIX = "branch."
FORM_FIELDS = "поля"  # a support measure written as {title, description} even without a description
SECTIONS = {"college": "колледж", "employer": "работодатель", "region": "регион"}
SECTIONS_BACK = {v: k for k, v in SECTIONS.items()} | {k: k for k in SECTIONS}

# Column kinds: how a value becomes a cell and back (see cells.py).
TEXT, INT, DATE, BOOL, LIST, TEXT_OR_LIST, DICT, CHOICE, ID = (
    "text", "int", "date", "bool", "list", "text_or_list", "dict", "choice", "id")


@dataclass
class Column:
    key: str  # dotted path inside the row's object ("salary.min"), or a structural "#…" key
    title: str
    hint: str
    kind: str
    choices: tuple[str, ...] = ()  # fixed values for a drop-down list
    list_name: str = ""  # a drop-down list kept on the «Списки» sheet (regions, industries)
    required: bool = False

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split("."))


@dataclass
class Sheet:
    name: str
    what: str  # one line for «Как заполнять»
    columns: list[Column] = field(default_factory=list)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)


KIND_HINT = {TEXT: "текст", INT: "целое число", DATE: "дата ДД.ММ.ГГГГ", BOOL: "ИСТИНА или ЛОЖЬ",
             LIST: "по одному на строке (Alt+Enter)", TEXT_OR_LIST: "текст; список — строки с «• »",
             DICT: "строки «имя: адрес»", CHOICE: "выберите из списка", ID: "латиница, цифры, дефисы"}


def _strip(t: Any) -> Any:
    """X | None → X; Annotated[X, …] → X (validators do not change what a cell holds)."""
    if typing.get_origin(t) is typing.Annotated:
        return _strip(typing.get_args(t)[0])
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(t) if a is not type(None)]
        if len(args) == 1:
            return _strip(args[0])
        return typing.Union[tuple(args)]  # noqa: UP007 - built from a runtime tuple
    return t


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def _kind(t: Any) -> tuple[str, tuple[str, ...]] | None:
    """The column kind of a field type, or None when it needs its own sheet or the «другие поля» column."""
    t = _strip(t)
    origin, args = typing.get_origin(t), typing.get_args(t)
    if t is str:
        return TEXT, ()
    if t is bool:
        return BOOL, ()
    if t is int or t is float:
        return INT, ()
    if t is dt.date:
        return DATE, ()
    if origin is Literal:
        return CHOICE, tuple(str(a) for a in args)
    if origin is list and args and args[0] is str:
        return LIST, ()
    if origin is dict and args == (str, str):
        return DICT, ()
    if origin in (typing.Union, types.UnionType):
        if set(args) <= {str, int}:
            return TEXT, ()
        if str in args and any(typing.get_origin(a) is list and typing.get_args(a) == (str,) for a in args):
            return TEXT_OR_LIST, ()
    return None


# Column titles of nested fields: the parent's name in front, shorter where the field's own title says enough.
SHORT_PREFIX = {"program": "", "salary": "Зарплата: ", "approval": "Утверждение: ", "contacts": "Контакты: ",
                "curator": "Куратор: "}


def field_order(model: Any) -> list[str]:
    """Field keys with the model's own fields first (a College's id and name before inherited contacts)."""
    own = set(getattr(model, "__annotations__", {}))
    fields = getattr(model, "model_fields", {})
    names = sorted(fields, key=lambda n: n not in own)  # stable: declaration order within each group
    return [fields[n].alias or n for n in names]


def model_columns(model: type[BaseModel], skip: frozenset[str] | set[str] = frozenset(), prefix: str = "",
                  title_prefix: str = "") -> list[Column]:
    """Every field the model declares, nested models flattened as «parent.field»; lists of models skipped."""
    out: list[Column] = []
    by_key = {(info.alias or name): info for name, info in model.model_fields.items()}
    for key in field_order(model):
        info = by_key[key]
        if key in skip:
            continue
        t = _strip(info.annotation)
        title = (info.title or key).strip()
        if _is_model(t):
            head = SHORT_PREFIX.get(key, title.split(" (")[0] + ": ")
            out.extend(model_columns(t, prefix=f"{prefix}{key}.", title_prefix=f"{title_prefix}{head}"))
            continue
        kind = _kind(t)
        if kind is None:
            continue  # lists of models: a sheet of their own or the «другие поля» column
        hint = info.description or KIND_HINT[kind[0]]
        if kind[0] == CHOICE:
            hint = f"{' / '.join(kind[1])}; {info.description}" if info.description else " / ".join(kind[1])
        out.append(Column(f"{prefix}{key}", f"{title_prefix}{title}", hint, kind[0], kind[1],
                          required=info.is_required()))
    return out


def _lists(columns: list[Column]) -> list[Column]:
    """Drop-downs backed by reference data: regions and industries."""
    for c in columns:
        if c.key in ("region",):
            c.list_name = "regions"
        elif c.key == "industry":
            c.list_name = "industries"
    return columns


def branch_model() -> type[BaseModel] | None:
    """The model of map branches («возможные траектории»), when the model declares them."""
    info = CareerMap.model_fields.get("branches")
    if info is None:
        return None
    t = _strip(info.annotation)
    if typing.get_origin(t) is list and _is_model(typing.get_args(t)[0]):
        return typing.get_args(t)[0]
    return None


def branch_columns() -> list[Column]:
    model = branch_model()
    if model is not None:
        cols = model_columns(model, skip={"stages"}, prefix=BRANCH_PREFIX, title_prefix="Ветка: ")
    else:  # before branches are in the model: the shape the spec gives (section 9)
        cols = [Column(BRANCH_PREFIX + "from", "Ветка: после ступени", "номер ступени лестницы, от 1", INT),
                Column(BRANCH_PREFIX + "title", "Ветка: название", "например «Экспертная траектория»", TEXT)]
    return cols


def _other(what: str) -> Column:
    return Column(OTHER, "Другие поля", f"YAML: поля {what}, которым нет своего столбца", TEXT)


def sheets() -> list[Sheet]:
    cid = Column(CLUSTER_ID, "Кластер (id папки)", "id кластера: латиница, цифры, дефисы", ID, required=True)
    mid = Column(MAP_ID, "Карта (id файла)", "id карты: латиница, цифры, дефисы", ID, required=True)
    tid = Column(TEAM_ID, "Команда (id файла)", "id команды: латиница, цифры, дефисы", ID, required=True)
    clusters = Sheet("Кластеры", "один кластер на строке (файл cluster.yaml)",
                     [cid, *_lists(model_columns(Cluster, skip={"colleges", "employers"})), _other("кластера")])
    colleges = Sheet("Колледжи", "колледжи кластеров: строка — колледж, по порядку",
                     [cid, *model_columns(College), _other("колледжа")])
    employers = Sheet("Работодатели", "работодатели кластеров: строка — работодатель, по порядку",
                      [cid, *model_columns(Employer), _other("работодателя")])
    maps = Sheet("Карты", "одна карьерная карта на строке (файл <карта>.yaml)",
                 [cid, mid, *model_columns(CareerMap, skip={"ladder", "support", "branches"}), _other("карты")])
    branch = Column(BRANCH, "Ветка", "пусто — основная лестница; 1, 2… — номер ветки", INT)
    stages = Sheet("Ступени", "ступени лестницы по порядку, затем ступени веток (столбец «Ветка»)",
                   [cid, mid, branch, *model_columns(Stage), _other("ступени"), *branch_columns(),
                    Column(BRANCH_PREFIX + OTHER, "Ветка: другие поля", "YAML: поля ветки без своего столбца", TEXT)])
    section = Column(SECTION, "Раздел", "колледж / работодатель / регион", CHOICE, tuple(SECTIONS.values()),
                     required=True)
    form = Column(FORM, "Запись", "пусто — как получится; «поля» — всегда {title, description}", CHOICE,
                  (FORM_FIELDS,))
    support = Sheet("Поддержка", "меры поддержки карт: строка — мера, по порядку внутри раздела",
                    [cid, mid, section, *model_columns(SupportItem), form, _other("меры")])
    teams = Sheet("Команды", "команды амбассадоров (файл content/ambassadors/<команда>.md)",
                  [tid, *model_columns(Team, skip={"members"}),
                   Column(BODY, "Текст страницы", "Markdown после параметров", TEXT), _other("команды")])
    members = Sheet("Участники", "участники команд: строка — участник, по порядку",
                    [tid, *model_columns(Member), _other("участника")])
    return [clusters, colleges, employers, maps, stages, support, teams, members]


HOWTO = "Как заполнять"
LISTS = "Списки"
HEADER_ROWS = 3  # title, hint, YAML key; data from row 4
