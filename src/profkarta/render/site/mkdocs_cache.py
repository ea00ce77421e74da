"""mkdocs only when its input changed: its output is a cache entry keyed by every page, template and setting.

Map and cluster pages are filled into shells afterwards, and the map cards of the catalog and of team
pages are deferred (pages.PageWriter.defer), so editing a map leaves mkdocs' input unchanged: a
rebuild hard-links the previous output instead of running mkdocs again.
"""

from __future__ import annotations

import functools
import json
import shutil
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from profkarta.cache import Cache, folder_hash, link_or_copy, make_key, replace_file, walk_files
from profkarta.errors import BuildError
from profkarta.render.site.mkdocs_run import run_mkdocs

# Plugins whose output depends on nothing but the pages and settings (others may read git, the clock, the net).
PURE_PLUGINS = {"search", "material/search", "tags", "material/tags", "offline", "material/offline"}
PATH_SETTINGS = ("docs_dir", "site_dir", "config_file_path")  # temporary folders: not part of the output


@dataclass
class MkdocsRun:
    warnings: list[str] = field(default_factory=list)
    reused: bool = False


def _stable(value: object) -> object:
    """Settings as JSON that does not depend on memory addresses (mkdocs takes functions, e.g. slugify)."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, functools.partial):
        return ["partial", _stable(value.func), _stable(value.args), _stable(value.keywords)]
    if callable(value):
        cells = [c.cell_contents for c in (getattr(value, "__closure__", None) or ())]
        return ["callable", getattr(value, "__module__", ""), getattr(value, "__qualname__", type(value).__name__),
                _stable(cells)]
    text = str(value)
    return type(value).__qualname__ if " at 0x" in text else text


def _versions() -> list[str | None]:
    out: list[str | None] = []
    for pkg in ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2"):
        try:
            out.append(version(pkg))
        except PackageNotFoundError:
            out.append(None)
    return out


def mkdocs_key(config: dict, build: Path) -> str | None:
    """The key of mkdocs' output, or None when something outside the pages could change it (hooks, plugins)."""
    plugins = config.get("plugins") or []
    names = [p if isinstance(p, str) else next(iter(p), "") for p in plugins if isinstance(p, (str, dict))]
    if config.get("hooks") or any(n not in PURE_PLUGINS for n in names):
        return None
    from mkdocs.utils import get_build_date

    settings = {k: v for k, v in config.items() if k not in PATH_SETTINGS}
    theme = dict(settings.get("theme") or {})
    theme.pop("custom_dir", None)  # its files are hashed below (build/overrides)
    settings["theme"] = theme
    # the build date is in the sitemap (lastmod): a new day rebuilds, as a clean build would differ
    return make_key("mkdocs", _stable(settings), folder_hash(build / "docs", build / "overrides"), _versions(),
                    get_build_date())


def run_or_reuse_mkdocs(config: dict, build: Path, out_dir: Path, cache_dir: Path | None) -> MkdocsRun:
    """Put mkdocs' output into out_dir: linked from the cache when its input is unchanged, else built."""
    cache = Cache(cache_dir)
    key = mkdocs_key(config, build) if cache_dir is not None else None
    notes_key = make_key("mkdocs-warnings", key) if key else None
    if key and notes_key and cache.link_tree(key, out_dir):
        notes = cache.load(notes_key, ["warnings.json"])
        if notes is not None:
            return MkdocsRun(json.loads(notes["warnings.json"]), True)
    try:
        site = cache.tmp_dir() if key else build / "mkdocs-site"
    except OSError:  # a read-only cache only costs time
        key, site = None, build / "mkdocs-site"
    try:
        warnings = run_mkdocs({**config, "site_dir": str(site)}, build / "mkdocs.yml")
        if key and notes_key and cache.store_tree(key, site):
            cache.store(notes_key, {"warnings.json": json.dumps(warnings, ensure_ascii=False).encode("utf-8")})
            if cache.link_tree(key, out_dir):
                return MkdocsRun(warnings, False)
            raise BuildError("кэш сборки испорчен во время сборки: удалите папку .profkarta-cache и соберите снова.")
        for rel, path in walk_files(site).items():
            link_or_copy(path, out_dir / rel)
        return MkdocsRun(warnings, False)
    finally:
        if key:  # a folder in the cache; one inside the build folder goes with it (removed in the background)
            shutil.rmtree(site, ignore_errors=True)


def fill_deferred(out_dir: Path, deferred: dict[str, dict[str, str]]) -> None:
    """Put the deferred parts (map cards) into the pages mkdocs built, as new files (never into a linked one)."""
    for page, parts in deferred.items():
        path = out_dir / page / "index.html"
        html = path.read_text(encoding="utf-8")
        for mark, part in parts.items():
            if mark not in html:
                raise BuildError(f"в странице {page or '/'} нет места для списка карт: проверьте свои шаблоны "
                                 "в theme/ (фильтр defer должен стоять в HTML-части страницы).")
            html = html.replace(mark, part)
        replace_file(path, html)
