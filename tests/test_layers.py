"""Data flows one way — load → model → rules → render → commands/CLI — and the tree says so (checked on every run)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "src" / "profkarta"

# the stages and what each may never import
CORE = ("profkarta.load", "profkarta.model", "profkarta.rules", "profkarta.refdata", "profkarta.findings",
        "profkarta.errors", "profkarta.urls", "profkarta.measure", "profkarta.stages", "profkarta.phones",
        "profkarta.qr", "profkarta.validate", "profkarta.validated", "profkarta.coverage")
FORBIDDEN = {
    "core": ("profkarta.render", "profkarta.commands", "profkarta.cli", "weasyprint", "mkdocs", "material", "rich"),
    "profkarta.model": ("profkarta.load", "profkarta.rules"),
    "profkarta.render": ("profkarta.rules", "profkarta.validate", "profkarta.commands", "profkarta.cli", "rich"),
}
# mkdocs.yml is read once, in the load stage, with mkdocs' own YAML loader (!ENV, INHERIT): that one import only
ALLOWED = {("profkarta.load.project", "mkdocs.utils.yaml"), ("profkarta.load.project", "mkdocs.exceptions")}


def module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno))
            found += [(f"{node.module}.{a.name}", node.lineno) for a in node.names]
    return found


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations() -> list[str]:
    out = []
    for path in sorted(PKG.rglob("*.py")):
        mod = module_name(path)
        rules = []
        if any(_under(mod, c) for c in CORE):
            rules.append(FORBIDDEN["core"])
        for layer in ("profkarta.model", "profkarta.render"):
            if _under(mod, layer):
                rules.append(FORBIDDEN[layer])
        for imported, line in imports_of(path):
            if any(mod == m and _under(imported, allowed) for m, allowed in ALLOWED):
                continue
            for banned in (b for r in rules for b in r):
                if _under(imported, banned):
                    out.append(f"{path.relative_to(PKG.parent)}:{line}: {mod} imports {imported}")
    return out


def test_layers_are_respected():
    assert violations() == []


def test_the_check_sees_a_violation(tmp_path, monkeypatch):
    bad = PKG / "rules" / "_layer_probe.py"
    bad.write_text("from profkarta.render.site import text\n", encoding="utf-8")
    try:
        assert any("_layer_probe" in v for v in violations())
    finally:
        bad.unlink()
