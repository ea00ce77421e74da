"""Reading a project's data files: from the parse cache when unchanged, else parsed — by one process per core."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from profkarta import parallel
from profkarta.errors import LoadError
from profkarta.findings import Finding, rel
from profkarta.load.parsecache import ParseCache
from profkarta.load.yamlfile import Document, load_yaml, read_text, split_front_matter

# A task: (kind, id, cluster id, path); teams are Markdown with front matter, the rest YAML.
Task = tuple[str, str, "str | None", Path]
PARALLEL_FROM = 400  # below this many files a process pool costs more than it saves


def _read(task: Task, root: Path) -> Document | Finding:
    kind, _, _, path = task
    try:
        return (split_front_matter if kind == "team" else load_yaml)(path, rel(path, root))
    except LoadError as exc:
        return exc.finding


# run in a parse worker on its chunk — (tasks, their documents or findings, root) → what it found, by file — so
# that the CPU-bound per-file checks of a cold run are spread over the cores too (validate passes the rules')
Check = Callable[[list[Task], list["Document | Finding"], Path], dict[str, Any]]


def _read_chunk(args: tuple[list[Task], Path, Check | None]) -> tuple[list[Document | Finding], dict[str, Any]]:
    tasks, root, check = args
    docs = [_read(t, root) for t in tasks]
    found: dict[str, Any] = {}
    if check is not None:
        try:
            found = check(tasks, docs, root)
        except Exception:  # the main process checks whatever the worker did not
            found = {}
    return docs, found


def _read_all(tasks: list[Task], root: Path, cache: ParseCache | None = None, check: Check | None = None,
              found: dict[str, Any] | None = None) -> list[Document | Finding]:
    """Parse every file that changed since the last run (the rest comes from the parse cache); a large project
    is parsed by one process per core (YAML parsing is CPU-bound)."""
    if cache is None:
        return _parse_all(tasks, root, check, found)
    out: list[Document | Finding | None] = [None] * len(tasks)
    todo: list[int] = []
    stats: dict[int, os.stat_result] = {}
    for i, (kind, _, _, path) in enumerate(tasks):
        if kind == "team":  # Markdown with front matter: a few files, parsed every time
            todo.append(i)
            continue
        name = rel(path, root)
        st: os.stat_result | None = None
        try:
            st = path.stat()
            hit, data = cache.trusted(name, st)
            if not hit and name in cache.old:  # dates moved: the same text is not parsed again
                text = read_text(path, name)
                hit, data = cache.by_text(name, st, text)
        except (OSError, LoadError):
            hit = False
        if hit:
            cached = Document(path, name, data)  # positions are read from the file if a finding needs them
            cached.digest = cache.new[name][1]
            out[i] = cached
        else:
            todo.append(i)
            if st is not None:
                stats[i] = st
    for i, doc in zip(todo, _parse_all([tasks[i] for i in todo], root, check, found), strict=True):
        out[i] = doc
        st = stats.get(i)
        if st is not None and isinstance(doc, Document) and doc.text is not None:
            cache.put(doc.rel, st, doc.text, doc.data)
            doc.digest = cache.new[doc.rel][1] if doc.rel in cache.new else None
    cache.save()
    return out  # type: ignore[return-value]


def _parse_all(tasks: list[Task], root: Path, check: Check | None = None,
               found: dict[str, Any] | None = None) -> list[Document | Finding]:
    n = parallel.workers()
    if len(tasks) < PARALLEL_FROM:
        return [_read(t, root) for t in tasks]
    parts = [(part, root, check) for part in _chunks(tasks, n)]
    out: list[Document | Finding] = []
    for docs, said in parallel.imap(_read_chunk, parts, n):
        out.extend(docs)
        if found is not None:
            found.update(said)
    return out


def _chunks(tasks: list[Task], n: int, per_worker: int = 4, least: int = 50) -> list[list[Task]]:
    """About n × per_worker chunks that start at a cluster file where they can, so a worker has a map's cluster."""
    size = max(least, -(-len(tasks) // max(1, n * per_worker)))
    out: list[list[Task]] = [[]]
    for task in tasks:
        if len(out[-1]) >= size and (task[0] != "map" or len(out[-1]) >= 2 * size):
            out.append([])
        out[-1].append(task)
    return [c for c in out if c]
