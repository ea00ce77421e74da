"""Every message the rules and the loader produce is Russian: Latin words only in ids, paths, fields and values."""

from __future__ import annotations

import errno
import re

import pytest

from profkarta.errors import LoadError
from profkarta.load.yamlfile import parse_yaml
from profkarta.model import CareerMap, Cluster, Plan, Programme, Team
from profkarta.model.values import SYNONYMS
from tests.load.test_yaml_refusals import REFUSALS
from tests.rules.test_rules_table import CASES
from tests.util import check, copy_project, edit

# Words a Russian message may hold: commands, formats, product names — what the user types or sees on screen.
ALLOWED = {"profkarta", "new", "map", "cluster", "team", "build", "serve", "validate", "init", "strict", "drafts",
           "code", "yaml", "utf", "json", "svg", "png", "jpeg", "jpg", "webp", "pdf", "qr", "id", "true", "false",
           "vs", "windows", "libreoffice", "mkdocs", "extra", "brand", "logo", "https", "http", "url", "site",
           "example", "env", "pt", "packet", "coverage", "export", "import", "xlsx", "csv", "programme", "plan",
           "telegram", "null",
           "schema"}


def _field_names() -> set[str]:
    names: set[str] = set()
    todo = [CareerMap, Cluster, Team, Programme, Plan]
    while todo:
        model = todo.pop()
        for name, field in model.model_fields.items():
            names.add(name.lower())
            if field.alias:  # «from» is written in YAML, «from_» in Python
                names.add(field.alias.lower())
            for arg in [field.annotation, *getattr(field.annotation, "__args__", ())]:
                for sub in [arg, *getattr(arg, "__args__", ())]:
                    if isinstance(sub, type) and hasattr(sub, "model_fields") and sub not in todo:
                        todo.append(sub)
    return names


def _fixture_ids() -> set[str]:
    """Ids of the fixture project (folder and file names, college and employer ids): messages name them as they are."""
    from tests.util import PROJECTS

    root = PROJECTS / "valid_minimal"
    ids = {p.stem for p in root.rglob("*") if p.suffix in (".yaml", ".md", ".png", ".svg", "")}
    for path in root.rglob("*.yaml"):  # college, employer and plan event ids
        ids |= set(re.findall(r"\bid: ([a-z0-9-]+)", path.read_text(encoding="utf-8")))
    ids |= {part for i in list(ids) for part in i.split("-")}
    return ids


FIELDS = _field_names() | {v for field in SYNONYMS.values() for v in field} | _fixture_ids()
QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»|\"[^\"]*\"|'[^']*'")


def latin_words(message: str) -> list[str]:
    text = QUOTED.sub(" ", message)
    words = []
    for token in text.split():
        token = token.strip(".,;:()[]{}—–!?")
        if not re.search(r"[A-Za-z]", token):
            continue
        if re.search(r"[/@_=\\]|\.\w|\w\.\w|^-", token) or re.fullmatch(r"[A-Z]+\d+(\.\d+)?", token):
            continue  # a path, address, field path, option or rule id
        if token in FIELDS:
            continue
        for part in re.split(r"[-–]", token):
            if re.search(r"[A-Za-z]", part) and part.lower() not in ALLOWED | FIELDS:
                words.append(part)
    return words


def test_the_checker_finds_english():
    assert {"found", "character", "cannot", "token"} <= set(latin_words("found character that cannot start any token"))
    assert latin_words("поле «ladder» и program.code в career_maps/x.yaml, kind: specialty") == []


def _rule_messages(tmp_path) -> list[str]:
    messages = []
    for i, (_, file, old, new, rule, _sev, _marker) in enumerate(CASES):
        root = copy_project(tmp_path / str(i))
        edit(root, file, old, new, -1 if rule == "P" and "mandatory" in old else 1)
        messages += [f.message for f in check(root).report.findings]
    return messages


def test_rule_messages_are_russian(tmp_path):
    messages = _rule_messages(tmp_path)
    assert len(messages) >= len(CASES)
    leaks = {m: latin_words(m) for m in messages if latin_words(m)}
    assert not leaks, leaks


YAML_TROUBLE = ["a:\n\tb: 1\n", "a:\n  b: 1\n\tc: 2\n", "a: |\n\tx\n", "key: value\t# c\n\tnext: 1\n", "a: @x\n",
                "a: `x\n", "a: b\n- c\n", "a: {b: 1\n", "a: [1, 2\n", 'a: "x\\q"\n', "a: &x 1\nb: *y\n", "- a\nb: 1\n",
                "a: 1\n%YAML 1.1\n", "a:\n  - b\n c: 1\n", "a: 'x\n"]


@pytest.mark.parametrize("text", [c[1] for c in REFUSALS] + YAML_TROUBLE)
def test_loader_refusals_are_russian(tmp_path, text):
    with pytest.raises(LoadError) as exc:
        parse_yaml(text, "x.yaml", tmp_path / "x.yaml")
    message = exc.value.finding.message
    assert not latin_words(message), message
    if "\t" in text:
        assert "табуляц" in message, message


def test_serve_socket_errors_are_russian():
    from profkarta.commands.serve import socket_problem

    for code in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL, errno.ECONNRESET):
        text = socket_problem(OSError(code, "Address already in use"))
        assert not latin_words(text) and "Address" not in text
    assert "занят" in socket_problem(OSError(errno.EADDRINUSE, "Address already in use"))


def test_mkdocs_yml_syntax_error_is_russian(tmp_path):
    root = copy_project(tmp_path)
    edit(root, "mkdocs.yml", "site_name: Тестовый проект", "site_name: Тестовый проект\n\tx: 1")
    (finding,) = [f for f in check(root).report.findings if f.file == "mkdocs.yml"]
    assert finding.rule == "Y2" and "табуляц" in finding.message and not latin_words(finding.message)
