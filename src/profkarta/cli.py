"""Command line: options only; findings and errors become text and exit codes here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from profkarta import __version__
from profkarta.errors import ProfkartaError

# argparse's own words, in Russian (it looks them up through gettext at call time)
_ARGPARSE_RU = {
    "usage: ": "использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "the following arguments are required: %s": "не хватает аргументов: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (выберите из %(choices)s)",
    "expected one argument": "нужно одно значение",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "недопустимое значение: %(value)r",
}


@contextmanager
def russian_argparse() -> Iterator[None]:
    """argparse looks its words up through gettext at call time: translate them while profkarta parses,
    and leave the process as it was (profkarta may be imported by another program)."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = lambda s: _ARGPARSE_RU.get(s, saved(s))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


COMMANDS = ("init", "validate", "build", "serve", "new", "schema", "coverage", "packet", "export", "import")
MODULES = {"import": "import_"}  # a module cannot be named after a Python keyword


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, in Russian
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: ошибка: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    import importlib

    parser = _Parser(prog="profkarta", description="Карьерные карты выпускников «Профессионалитета»: "
                     "проверка по методическим рекомендациям, сайт и печатные материалы.")
    parser.add_argument("--version", action="version", version=f"profkarta {__version__}",
                        help="показать версию и выйти")
    subs = parser.add_subparsers(dest="command", metavar="КОМАНДА", parser_class=_Parser,
                                 title="команды")
    for name in COMMANDS:
        importlib.import_module(f"profkarta.commands.{MODULES.get(name, name)}").add_parser(subs)
    return parser


def main(argv: list[str] | None = None) -> int:
    with russian_argparse():
        parser = build_parser()
        args = parser.parse_args(argv)
        if not args.command:
            parser.print_help()
            return 2
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    try:
        return int(args.run(args) or 0)
    except ProfkartaError as exc:
        err.print(f"[bold red]Ошибка:[/] {exc}", markup=True)
        return exc.exit_code
    except KeyboardInterrupt:
        err.print("Прервано пользователем. Прежние файлы сайта не тронуты.")
        return 130
