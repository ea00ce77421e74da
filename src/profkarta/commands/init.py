"""`profkarta init` (placeholder registration until implemented)."""

from __future__ import annotations


def add_parser(subs) -> None:
    p = subs.add_parser("init", help="(в разработке)")
    p.set_defaults(run=run)


def run(args) -> int:
    from profkarta.errors import UsageError

    raise UsageError("команда init ещё не готова")
