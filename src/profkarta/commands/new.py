"""`profkarta new` (placeholder registration until implemented)."""

from __future__ import annotations


def add_parser(subs) -> None:
    p = subs.add_parser("new", help="(в разработке)")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.errors import UsageError

    raise UsageError("команда new ещё не готова")
