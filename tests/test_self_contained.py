"""The repository stands on its own: no code, test or script reads a path outside it."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# an absolute path into a machine's folders, or a climb out of the repository to a sibling folder
OUTSIDE = re.compile(r"""["'](/(work|home|root|tmp/shared|mnt)/[^"']*)["']|\.\./(shared|\.library)\b""")


def _sources() -> list[Path]:
    files = []
    for top in ("src", "tests", "scripts", ".ci"):
        files += [p for p in (REPO / top).rglob("*") if p.is_file() and p.suffix in (".py", ".sh", "") and
                  "__pycache__" not in p.parts and p.resolve() != Path(__file__).resolve()]
    return files


def test_nothing_reads_outside_the_repository():
    hits = []
    for path in _sources():
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                hits.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not hits, "пути за пределами репозитория:\n" + "\n".join(hits)


def test_the_pattern_catches_what_it_should():
    shared = "sha" + "red"  # spelt apart, so that this file is no example of what it forbids
    assert OUTSIDE.search(f'EXAMPLES = Path("/work/{shared}/spec/examples")')
    assert OUTSIDE.search(f'root / "../{shared}/data"')
    assert not OUTSIDE.search('EXAMPLES = REPO / "tests" / "projects"')
