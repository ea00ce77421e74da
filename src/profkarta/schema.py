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


HTTP_URL = r"^https?://[^\s/?#]+([/?#]\S*)?$"
# a path inside the project: no scheme (no URL), not absolute, no «..» step
LOCAL_PATH = r"^(?![A-Za-z][A-Za-z0-9+.-]*:|/|\\)(?!(.*[/\\])?\.\.([/\\]|$)).+$"
EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
POSITIVE_RUBLES = {"type": "integer", "exclusiveMinimum": 0}
NOT_EMPTY = {"minItems": 1, "minLength": 1}  # a list with an item, or a text with a letter (as the field allows)

# What the guideline says about a field's shape, added to the models' own schema (the models stay shapes
# only, and other fields or Russian synonyms added to them come through untouched). Keyed by model class
# name and field; None is the model itself. Each constraint is one the rule also enforces: the editor
# shows the same mistake as `profkarta validate`, earlier. Enums come from the models' Literal types.
CONSTRAINTS: dict[tuple[str, str | None], dict] = {
    ("Program", "code"): {"pattern": r"^\d{2}\.0[12]\.\d{2}$"},  # R2.1
    ("Program", "title"): {"minLength": 1},
    ("CareerMap", "ladder"): {"minItems": 3},  # R2.2
    ("CareerMap", "employers"): {"minItems": 1},  # R1.3
    ("CareerMap", "college"): {"minLength": 1},  # R1.2
    ("CareerMap", None): {"if": {"properties": {"status": {"const": "approved"}}, "required": ["status"]},
                          "then": {"required": ["approval"]}},  # A1
    ("Approval", "protocol"): {"minLength": 1},
    ("Stage", "positions"): {"minItems": 1, "items": {"minLength": 1}},  # R2.2
    ("Stage", "activities"): NOT_EMPTY,  # R2.3
    ("Salary", "min"): POSITIVE_RUBLES,  # R2.4
    ("Salary", "avg"): POSITIVE_RUBLES,
    ("Salary", "max"): POSITIVE_RUBLES,
    ("Support", "college"): {"minItems": 1},  # R3.1
    ("Support", "employer"): {"minItems": 1},  # R3.2
    ("Support", "region"): {"minItems": 1},  # R3.3
    ("Cluster", "industry_logo"): {"pattern": LOCAL_PATH},  # R1.1
    ("Cluster", "website"): {"pattern": HTTP_URL},
    ("Cluster", "colleges"): {"minItems": 1},
    ("Cluster", "employers"): {"minItems": 1},
    ("Contacts", "website"): {"pattern": HTTP_URL},  # R1.4
    ("Contacts", "email"): {"pattern": EMAIL},
    ("College", "website"): {"pattern": HTTP_URL},
    ("College", "email"): {"pattern": EMAIL},
    ("College", "logo"): {"pattern": LOCAL_PATH},  # R1.2
    ("Employer", "logo"): {"pattern": LOCAL_PATH},  # R1.3
    ("Employer", "website"): {"pattern": HTTP_URL},
    ("Team", "members"): {"minItems": 4, "maxItems": 7},  # T
    ("Team", "links"): {"additionalProperties": {"type": "string", "pattern": HTTP_URL}},
    ("Curator", "name"): {"minLength": 1},
    ("Curator", "position"): {"minLength": 1},
    ("Member", "course"): {"minimum": 1, "maximum": 6},  # a college course (the T rules do not check it yet)
    ("Indicators", "pupils_reached"): {"minimum": 70},  # P: the federal floors
    ("Indicators", "schools_involved"): {"minimum": 70},
    ("Indicators", "students_reached"): {"minimum": 100},
    ("Indicators", "enterprises_involved"): {"minimum": 60},
    ("Indicators", "kcp_fulfilled"): {"minimum": 100},
    ("PlanEvent", None): {"anyOf": [{"required": ["date"]}, {"required": ["month"]}]},  # P4: a date or a month
    ("PlanEvent", "month"): {"pattern": MONTH},
    ("CampaignItem", None): {"anyOf": [{"required": ["date"]}, {"required": ["month"]}]},
    ("CampaignItem", "month"): {"pattern": MONTH},
    ("Plan", "events"): {"allOf": [  # P5: 15 mandatory and 14 optional events
        {"contains": {"properties": {"mandatory": {"const": True}}, "required": ["mandatory"]}, "minContains": 15},
        {"contains": {"properties": {"mandatory": {"const": False}}, "required": ["mandatory"]}, "minContains": 14}]},
    ("Plan", "campaign"): {"minItems": 14, "items": {"required": ["channel"]}},  # P5
}


def _constrain(model_name: str, schema: dict) -> None:
    props = schema.get("properties") or {}
    for (model, fld), extra in CONSTRAINTS.items():
        if model != model_name:
            continue
        target = schema if fld is None else props.get(fld)
        if isinstance(target, dict):
            for key, value in extra.items():
                target[key] = _merged(target.get(key), value)


def _merged(old: object, new: object) -> object:
    if isinstance(old, dict) and isinstance(new, dict):
        return {**old, **new}
    return new


def applied_constraints(schema: dict, root_name: str) -> set[tuple[str, str | None]]:
    """Which table entries found their model and field in a schema (a test keeps the table from rotting)."""
    found = set()
    for name, sub in [(root_name, schema), *(schema.get("$defs") or {}).items()]:
        for model, fld in CONSTRAINTS:
            if model == name and (fld is None or fld in (sub.get("properties") or {})):
                found.add((model, fld))
    return found


def schema_of(kind: str) -> dict:
    name, model = KINDS[kind]
    schema = model.model_json_schema()  # type: ignore[attr-defined,unused-ignore]
    _constrain(model.__name__, schema)
    for def_name, sub in (schema.get("$defs") or {}).items():
        _constrain(def_name, sub)
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
