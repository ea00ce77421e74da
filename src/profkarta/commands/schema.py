"""`profkarta schema`: print the JSON Schema of the YAML files for editor autocompletion."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from profkarta.schema import KINDS, combined, schema_of, write_schemas


def add_parser(subs) -> None:
    p = subs.add_parser("schema", help="вывести JSON Schema файлов для подсказок в редакторе",
                        description="Печатает JSON Schema файлов проекта (по умолчанию — общую для всех видов). "
                        "В VS Code с расширением YAML первая строка файла «# yaml-language-server: $schema=…» "
                        "включает подсказки и проверку прямо при наборе.")
    p.add_argument("kind", nargs="?", choices=list(KINDS), metavar="ВИД",
                   help="map, cluster, team, programme или plan — схема одного вида файлов")
    p.add_argument("-o", "--output", metavar="ПАПКА", help="записать схемы всех видов файлами в папку ПАПКА/schemas")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.output:
        for path in write_schemas(Path(args.output)):
            sys.stdout.write(f"{path}\n")
        return 0
    doc = schema_of(args.kind) if args.kind else combined()
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return 0
