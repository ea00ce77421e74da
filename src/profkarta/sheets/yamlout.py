"""Data → YAML text commented like the scaffolds of `profkarta new`, checked to read back the same."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from profkarta.errors import LoadError
from profkarta.load.yamlfile import parse_yaml
from profkarta.model import CareerMap, Cluster, Team
from profkarta.sheets.cells import same_data
from profkarta.sheets.layout import field_order

MODELS: dict[str, type[BaseModel]] = {"cluster": Cluster, "map": CareerMap, "team": Team}
_QUOTE = re.compile(r"^[\d.+\-() ]+$")  # codes, protocol numbers, phones: quoted as in the scaffolds

HEAD = {
    "cluster": ("# yaml-language-server: $schema=../../schemas/cluster.schema.json\n"
                "# Кластер «Профессионалитета». Id кластера — имя этой папки ({id}); оно входит в адреса страниц.\n"),
    "map": ("# yaml-language-server: $schema=../../schemas/career-map.schema.json\n"
            "# Карьерная карта выпускника. Id карты — имя файла ({id}).\n"),
    "team": ("# yaml-language-server: $schema=../../schemas/team.schema.json\n"
             "# Команда амбассадоров: 4–7 студентов и один куратор (правила T). Id команды — имя файла ({id}).\n"),
}
INLINE = {
    "cluster": {"kind": "opc — ОПЦ(К); education — образовательный кластер",
                "industry": "отрасль; должна подходить к виду кластера (правило C1)",
                "region": "субъект РФ (правило R1.4)", "colleges.id": "на колледж ссылаются карты",
                "colleges.programs": "коды, по которым колледж учит в кластере: на каждый — карта (K1)",
                "contacts": "куда звонить абитуриенту и родителям (R1.4)"},
    "map": {"program.code": "код по перечню СПО, в кавычках (R2.1)",
            "program.kind": "specialty — специальность (.02.), profession — профессия (.01.)",
            "college": "id колледжа из cluster.yaml (R1.2)", "employers": "id работодателей из cluster.yaml (R1.3)",
            "status": "draft — проект; approved — утверждена (A1): тогда нужен approval"},
    "team": {"members": "фамилия видна полностью только при consent: true (152-ФЗ)"},
}
BEFORE = {  # a blank line and a comment before these top-level sections
    "map": {"status": "", "ladder": "# Карьерная лестница: не меньше трёх ступеней (R2.2–R2.4). Зарплата — целые "
            "рубли в месяц.", "branches": "# Ветки — возможные траектории после ступени from (счёт от 1).",
            "support": "# Мотивационные инструменты (R3.1–R3.3): строки или {title, description}."},
    "cluster": {"colleges": "", "employers": "", "contacts": ""},
    "team": {},
}


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)  # «  - item» under its key, as in the scaffolds


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = None
    if "\n" in value:
        style = "|"  # PyYAML falls back to quotes where a block cannot hold the text exactly
    elif _QUOTE.match(value):
        style = '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _short(items: list) -> bool:
    return all(isinstance(v, (str, int)) and not isinstance(v, bool) and "\n" not in str(v) for v in items) \
        and sum(len(str(v)) + 2 for v in items) < 70


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=bool(value) and _short(value))


def _dict(dumper: yaml.SafeDumper, value: dict) -> yaml.Node:
    flow = bool(value) and set(value) <= {"min", "avg", "max"} and _short(list(value.values()))
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=flow)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)
_Dumper.add_representer(dict, _dict)


def _field_model(model: Any, key: str) -> Any:
    info = next((f for n, f in getattr(model, "model_fields", {}).items() if (f.alias or n) == key), None)
    if info is None:
        return None
    stack = [info.annotation]
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        stack.extend(typing.get_args(t))
    return None


def ordered(value: Any, model: Any) -> Any:
    """Keys in the model's order (as in the scaffolds), unknown keys after them."""
    if isinstance(value, list):
        return [ordered(v, model) for v in value]
    if not isinstance(value, dict):
        return value
    names = field_order(model) if model is not None else []
    keys = [k for k in names if k in value] + [k for k in value if k not in names]
    return {k: ordered(value[k], _field_model(model, k)) for k in keys}


def _comment(kind: str, text: str) -> str:
    """Comments added line by line; the path of a line is followed by its indentation."""
    out: list[str] = []
    stack: list[tuple[int, str]] = []
    block: int | None = None
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (indent > block or not line.strip()):
            out.append(line)
            continue
        block = None
        m = re.match(r"^(\s*)(- )?([A-Za-z_][\w-]*):( |$)", line)
        if not m:
            out.append(line)
            continue
        depth = len(m.group(1)) + (2 if m.group(2) else 0)
        stack = [(d, k) for d, k in stack if d < depth] + [(depth, m.group(3))]
        path = ".".join(k for _, k in stack)
        if depth == 0 and m.group(3) in BEFORE[kind] and out:
            out.append("")
            if BEFORE[kind][m.group(3)]:
                out.append(BEFORE[kind][m.group(3)])
        if re.search(r":\s*[|>][-+]?\d*$", line):
            block = depth
        note = INLINE[kind].get(path)
        out.append(f"{line}   # {note}" if note and block is None else line)
    return "\n".join(out)


def dump(kind: str, data: dict, ident: str, body: str | None = None) -> str:
    """The file's text; comments are dropped if they would change what the file reads as."""
    data = ordered(data, MODELS[kind])
    plain = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2)
    head = HEAD[kind].format(id=ident)
    for text in (head + _comment(kind, plain.rstrip("\n")) + "\n", head + plain,
                 yaml.safe_dump(data, allow_unicode=True, sort_keys=False), yaml.safe_dump(data, sort_keys=False)):
        if _reads_back(text, data):
            break
    if kind == "team":
        return f"---\n{text}---\n{body or ''}"
    return text


def _reads_back(text: str, data: dict) -> bool:
    try:
        got = parse_yaml(text, "x.yaml", Path("x.yaml")).data
    except LoadError:
        return False
    return equal(got, data)


def equal(a: Any, b: Any) -> bool:
    """Same data whatever the key order (what a YAML reader sees)."""
    return same_data(a, b)
