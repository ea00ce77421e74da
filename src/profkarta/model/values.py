"""Enumerations written the way people write them: Russian synonyms normalised to the stored values."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, WithJsonSchema

# stored value → the words a methodologist may write instead (compared lower-case, «ё» as «е»)
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "program_kind": {
        "profession": ("профессия", "проф"),
        "specialty": ("специальность", "спец"),
    },
    "status": {
        "draft": ("проект", "черновик"),
        "approved": ("утверждена", "утверждено", "утвержден", "утверждён", "утвердили"),
    },
    "cluster_kind": {
        "opc": ("опк", "опц", "опц(к)", "опцк", "образовательно-производственный центр",
                "образовательно-производственный центр (кластер)"),
        "education": ("образовательный", "образовательный кластер"),
    },
}
CODE = re.compile(r"^\d{2}\.0[12]\.\d{2}$")


def _key(value: str) -> str:
    return " ".join(value.strip().lower().replace("ё", "е").split())


def canon(field: str, value: Any) -> Any:
    """The stored value for a synonym; anything else is returned as it is (the model judges it)."""
    if not isinstance(value, str):
        return value
    key = _key(value)
    for stored, words in SYNONYMS[field].items():
        if key == stored or key in (_key(w) for w in words):
            return stored
    return value


def kind_of_code(code: Any) -> str | None:
    """.01. is a profession, .02. a specialty (the SPO list's numbering)."""
    if isinstance(code, str) and CODE.match(code.strip()):
        return "profession" if code.strip()[3:5] == "01" else "specialty"
    return None


def _enum(field: str, *stored: str) -> Any:
    words = [w for s in stored for w in (s, *SYNONYMS[field][s])]
    return Annotated[Literal[stored], BeforeValidator(lambda v: canon(field, v)),  # type: ignore[valid-type,unused-ignore]
                     WithJsonSchema({"type": "string", "enum": words})]


ProgramKind = _enum("program_kind", "profession", "specialty")
Status = _enum("status", "draft", "approved")
ClusterKind = _enum("cluster_kind", "opc", "education")

EXAMPLE_TITLE = "Пример, оставленный намеренно (S1)"
EXAMPLE_HELP = "true — файл-пример из заготовки публикуется как есть; без этой отметки сборка его не пропустит"

# where each enumeration sits in a file's data (for normalising the loaded data the rules read)
PLACES: dict[str, list[tuple[tuple, str]]] = {
    "map": [(("program", "kind"), "program_kind"), (("status",), "status")],
    "cluster": [(("kind",), "cluster_kind")],
}


def normalise(kind: str, data: Any) -> None:
    """Rewrite synonyms in loaded data in place, so the rules see the same values as the models."""
    for path, field in PLACES.get(kind, []):
        holder = data
        for part in path[:-1]:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and path[-1] in holder:
            holder[path[-1]] = canon(field, holder[path[-1]])
