"""`profkarta schema` (placeholder registration until implemented)."""

from __future__ import annotations


def add_parser(subs) -> None:
    p = subs.add_parser("schema", help="(в разработке)")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.errors import UsageError

    raise UsageError("команда schema ещё не готова")
