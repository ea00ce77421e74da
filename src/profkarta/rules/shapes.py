"""Shape checks: pydantic errors become findings under the rule the field serves."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from profkarta.findings import ERROR, Finding
from profkarta.load.project import Entry
from profkarta.load.yamlfile import Document, loc_str
from profkarta.model import CareerMap, Cluster, Plan, Programme, Team
from profkarta.model.values import SYNONYMS, normalise
from profkarta.rules.publish import where

MODELS: dict[str, type[BaseModel]] = {"cluster": Cluster, "map": CareerMap, "team": Team, "programme": Programme,
                                     "plan": Plan}

# Which rule a field serves: the longest matching pattern wins; "*" matches any key or index.
RULE_OF_FIELD: dict[str, list[tuple[tuple, str]]] = {
    "cluster": [
        ((), "C1"), (("name",), "C1"), (("kind",), "C1"), (("industry",), "C1"),
        (("industry_logo",), "R1.1"), (("region",), "R1.4"), (("website",), "R1.4"),
        (("contacts",), "R1.4"), (("colleges",), "R1.2"), (("colleges", "*", "address"), "R1.4"),
        (("colleges", "*", "phone"), "R1.4"), (("colleges", "*", "email"), "R1.4"),
        (("colleges", "*", "website"), "R1.4"), (("colleges", "*", "programs"), "K1"),
        (("employers",), "R1.3"), (("managing_council",), "C1"), (("description",), "C1"),
        (("employers", "*", "city"), "R1.4"), (("employers", "*", "address"), "R1.4"),
    ],
    "map": [
        ((), "R2.1"), (("program",), "R2.1"), (("college",), "R1.2"), (("employers",), "R1.3"),
        (("status",), "A1"), (("approval",), "A1"), (("ladder",), "R2.2"),
        (("ladder", "*", "activities"), "R2.3"), (("ladder", "*", "growth"), "R2.3"),
        (("ladder", "*", "salary"), "R2.4"), (("ladder", "*", "when"), "R2.5"), (("ladder", "*", "years"), "R2.5"),
        (("branches",), "R2.2"), (("branches", "*", "stages", "*", "activities"), "R2.3"),
        (("branches", "*", "stages", "*", "growth"), "R2.3"), (("branches", "*", "stages", "*", "salary"), "R2.4"),
        (("branches", "*", "stages", "*", "when"), "R2.5"), (("branches", "*", "stages", "*", "years"), "R2.5"),
        (("support",), "R3.1"), (("support", "college"), "R3.1"),
        (("support", "employer"), "R3.2"), (("support", "region"), "R3.3"), (("summary",), "R2.1"),
    ],
    "team": [((), "T")],
    "programme": [((), "P1"), (("approval",), "P6")],
    "plan": [((), "P5"), (("events", "*", "date"), "P4"), (("events", "*", "month"), "P4"),
             (("campaign", "*", "date"), "P4"), (("campaign", "*", "month"), "P4"), (("approval",), "P6"),
             (("events", "*", "result"), "P7"), (("campaign", "*", "result"), "P7"), (("results",), "P7")],
}

WHAT_TO_WRITE = {
    "int": "целое число без пробелов, точек и букв, например 45000",
    "str": "текст",
    "bool": "true или false",
    "date": "дата в виде ГГГГ-ММ-ДД, например 2026-06-15",
    "list": "список: каждый элемент на новой строке после «- »",
    "dict": "набор полей «имя: значение» с отступом",
    "float": "число, например 75",
}

# What to write for a missing field whose meaning is not obvious from its name.
MISSING_HINT = {
    "mandatory": " Напишите mandatory: true (обязательное, одно из 15) или mandatory: false (по выбору, одно из 14).",
    "channel": " Укажите, где выходит материал: ВКонтакте, Telegram, региональное ТВ, сайт колледжа…",
}


def rule_for(kind: str, loc: tuple) -> str:
    best, best_len = "Y6", -1
    for pattern, rule in RULE_OF_FIELD[kind]:
        if len(pattern) > len(loc) or len(pattern) <= best_len:
            continue
        if all(p == "*" or p == part for p, part in zip(pattern, loc, strict=False)):
            best, best_len = rule, len(pattern)
    return best


def _data_loc(data: Any, loc: tuple) -> tuple[tuple, bool, bool]:
    """(location in the data, the last part is a missing key, a union branch failed there).

    pydantic names the branch of a union it tried (e.g. "constrained-str", "SupportItem") in loc;
    such a name is not in the data, so the error is about the value at the path so far.
    """
    out: list = []
    cur = data
    for i, part in enumerate(loc):
        if (isinstance(cur, dict) and part in cur) or (
                isinstance(cur, list) and isinstance(part, int) and part < len(cur)):
            out.append(part)
            cur = cur[part]
        elif isinstance(cur, dict) and isinstance(part, str) and i == len(loc) - 1:
            out.append(part)
            return tuple(out), True, False
        else:
            return tuple(out), False, True
    return tuple(out), False, False


# the first Russian word for each stored value, shown next to it in messages
RU_WORD = {stored: words[0] for field in SYNONYMS.values() for stored, words in field.items()}

UNION_WHAT = {"college": "текст или пара полей title/description", "employer": "текст или пара полей title/description",
              "region": "текст или пара полей title/description", "activities": "текст или список строк",
              "growth": "текст или список строк", "protocol": "номер протокола (текст или число)",
              "years": "число лет после выпуска, например years: [2, 5] (в конце можно null)"}


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Known field names of the model that holds the key at loc (for «did you mean»)."""
    cur: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(cur, "model_fields", {})
        field = fields.get(part) or next((f for f in fields.values() if f.alias == part), None)
        if field is None:
            return []
        ann = field.annotation
        cur = _model_in(ann)
        if cur is None:
            return []
    return [f.alias or name for name, f in getattr(cur, "model_fields", {}).items()]


def _model_in(ann: Any) -> type[BaseModel] | None:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def _message(err: Mapping[str, Any], value: Any, missing: bool, known: list[str]) -> str:
    kind = err["type"]
    name = str(err["loc"][-1]) if err["loc"] else ""
    if kind == "extra_forbidden":
        guess = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f" Возможно, имелось в виду «{guess[0]}»?" if guess else (
            f" Допустимые поля здесь: {', '.join(known)}." if known else "")
        return f"неизвестное поле «{name}»: оно не будет использовано.{hint} Исправьте или удалите его."
    if missing or kind == "missing":
        return f"не заполнено обязательное поле «{name}». Добавьте его.{MISSING_HINT.get(name, '')}"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "").replace("' or '", "', '").replace(chr(39), "")
        words = [w.strip() for w in expected.split(",")]
        shown = ", ".join(f"{w} ({RU_WORD[w]})" if w in RU_WORD else w for w in words)
        return f"недопустимое значение «{value}». Допустимо: {shown}."
    if value is None:
        return "значение пустое. Заполните его или удалите строку."
    for key, what in WHAT_TO_WRITE.items():
        if kind.startswith(key) or kind.startswith(key + "_") or (key == "dict" and kind == "model_type") \
                or (key == "dict" and kind == "model_attributes_type"):
            hint = ""
            if key == "str" and isinstance(value, (int, float)):
                hint = " Возьмите значение в кавычки, иначе YAML прочитает его как число."
            shown = value if not isinstance(value, (dict, list)) else (
                "словарь" if isinstance(value, dict) else "список")
            return f"ожидается {what}, а записано «{shown}».{hint}"
    if kind in ("int_from_float",):
        return f"ожидается {WHAT_TO_WRITE['int']}, а записано «{value}»."
    return f"недопустимое значение «{value}» ({err.get('msg', kind)}). Исправьте его."


def check_shape(entry: Entry) -> list[Finding]:
    """Validate one file against its model; set entry.model when the shape is valid."""
    doc: Document = entry.doc
    data = doc.data
    if not isinstance(data, dict):
        rule = {"team": "T", "programme": "P1", "plan": "P5"}.get(entry.kind, "Y6")
        what = "блок параметров между строками «---»" if entry.kind == "team" else "набор полей «имя: значение»"
        return [doc.finding((), rule, f"файл пуст или не содержит {what}. Заполните его по образцу "
                            "(profkarta new …).")]
    normalise(entry.kind, data)  # «утверждена», «профессия», «ОПЦ» → the values the rules compare with
    try:
        entry.model = MODELS[entry.kind].model_validate(data)
        return []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    out: list[Finding] = []
    seen: set = set()
    for err in errors:
        loc, missing, union = _data_loc(data, tuple(err["loc"]))
        if missing and loc[-1] not in _fields_at(MODELS[entry.kind], loc):
            loc, missing, union = loc[:-1], False, True  # the "missing key" is a union branch's name
        kind = "union" if union else err["type"]
        if (loc, kind) in seen or (union and (loc, "union") in seen):
            continue
        seen.add((loc, kind))
        if entry.kind == "map" and loc == ("program", "kind") and missing:
            continue  # kind follows from the code; R2.1 says what is wrong with the code itself
        value = doc.get(loc)
        if kind == "extra_forbidden":
            known = _fields_at(MODELS[entry.kind], loc)
            out.append(doc.finding(loc, "Y4", _message(err, value, False, known), key=True))
            continue
        if kind == "union":
            field = next((p for p in reversed(loc) if isinstance(p, str)), "")
            what = UNION_WHAT.get(field, "значение другого вида")
            shown = f"словарь с полями {', '.join(map(str, value))}" if isinstance(value, dict) else value
            msg = f"ожидается {what}, а записано «{shown}». Исправьте запись по образцу."
        else:
            msg = _message(err, value, missing, [])
        msg = where(entry, loc) + msg  # «ступень 2 «Наладчик»: …», «колледж 1 «dpk»: …»
        if loc == ("support",) and missing:
            for sub, rule in (("college", "R3.1"), ("employer", "R3.2"), ("region", "R3.3")):
                out.append(doc.finding(("support", sub), rule,
                                       f"нет раздела «support.{sub}». Добавьте хотя бы одну меру."))
            continue
        out.append(Finding(doc.rel, *doc.pos(loc), ERROR, rule_for(entry.kind, loc), loc_str(loc), msg))
    return out
