"""JSON Schemas of the project's files (for editor autocompletion), built from the models."""

from __future__ import annotations

import json
from pathlib import Path

from profkarta.model import CareerMap, Cluster, Plan, Programme, Team

KINDS = {
    "map": ("career-map.schema.json", CareerMap),
    "cluster": ("cluster.schema.json", Cluster),
    "team": ("team.schema.json", Team),
    "programme": ("programme.schema.json", Programme),
    "plan": ("plan.schema.json", Plan),
}
SCHEMA_DIR = "schemas"


def schema_of(kind: str) -> dict:
    name, model = KINDS[kind]
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema}


def combined() -> dict:
    """One document that describes every kind of file: a choice between the four schemas."""
    defs: dict = {}
    refs = []
    for kind in KINDS:
        s = schema_of(kind)
        defs.update(s.pop("$defs", {}))
        s.pop("$schema", None)
        s.pop("$id", None)
        defs[f"file_{kind}"] = s
        refs.append({"$ref": f"#/$defs/file_{kind}"})
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Файлы проекта profkarta: кластер, карта, команда, программа, план",
            "description": "Схема для подсказок в редакторе (VS Code с расширением YAML).",
            "anyOf": refs, "$defs": defs}


def write_schemas(root: Path) -> list[Path]:
    """Write one schema file per kind into <root>/schemas/ (the scaffolds point there)."""
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (name, _) in KINDS.items():
        path = folder / name
        text = json.dumps(schema_of(kind), ensure_ascii=False, indent=2) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
