"""Words and numbers as a Russian reader sees them — one place for rules, pages and print alike."""

from __future__ import annotations

NBSP = "\u00a0"  # no-break space: pages (a sum never wraps)
NNBSP = "\u202f"  # narrow no-break space: print, as Russian typography sets thousands

KIND_RU = {"profession": "профессия", "specialty": "специальность"}
KIND_PLURAL_RU = {"profession": "Профессии", "specialty": "Специальности"}
CLUSTER_KIND_RU = {"opc": "Образовательно-производственный центр (кластер)", "education": "Образовательный кластер"}
CLUSTER_KIND_SHORT = {"opc": "ОПЦ(К)", "education": "образовательный кластер"}


def kind_title(kind: str) -> str:
    """«Профессия» / «Специальность» (empty for an unknown kind)."""
    return KIND_RU.get(kind, "").capitalize()


def thousands(value: int | float, sep: str = NBSP) -> str:
    """28000 → «28 000»."""
    return f"{int(value):,}".replace(",", sep)


def rub(value: int | float | None, sep: str = NBSP) -> str:
    """28000 → «28 000 ₽» (empty for no value)."""
    return "" if value is None else thousands(value, sep) + sep + "₽"


def as_lines(value: object) -> list[str]:
    """A field that may be one string or a list of them, as a list of non-empty lines."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None and str(v).strip()]
    return []


def plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: plural(3, "карта", "карты", "карт") → «карты»."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def some_of(names: list[str], limit: int = 10) -> str:
    """«a, b, c и ещё 197»: a summary line names a few, not two hundred."""
    shown = ", ".join(names[:limit])
    return shown + (f" и ещё {len(names) - limit}" if len(names) > limit else "")
