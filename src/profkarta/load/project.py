"""Discovering a site project on disk: mkdocs.yml, clusters, maps, team pages, programmes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from profkarta.errors import LoadError, ProjectNotFound
from profkarta.findings import ERROR, Finding, rel
from profkarta.load.parsecache import ParseCache
from profkarta.load.reading import Check, Task, _read_all
from profkarta.load.yamlfile import Document, read_text
from profkarta.load.yamlfile import _syntax_error as syntax_error

ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$")
MAPS_DIR = "career_maps"
CONTENT_DIR = "content"
TEAMS_DIR = "content/ambassadors"
PROGRAMME_DIR = "content/popularization"
CACHE_DIR = ".profkarta-cache"


@dataclass
class Entry:
    """One data file of the project and, once its shape is valid, its model."""

    kind: str  # cluster | map | team | programme | plan
    id: str  # a plan's id is "<programme id>/<year>"
    doc: Document
    cluster_id: str = ""  # the cluster a map or cluster file belongs to; "" for teams and programmes
    _model: Any = field(default=None, repr=False)
    _model_class: Any = field(default=None, repr=False)  # a shape known to be valid, validated on first use

    @property
    def model(self) -> Any:
        """The validated model of the file, or None when its shape is not valid."""
        if self._model is None and self._model_class is not None:
            self._model, self._model_class = self._model_class.model_validate(self.doc.data), None
        return self._model

    @model.setter
    def model(self, value: Any) -> None:
        self._model, self._model_class = value, None

    def validate_later(self, model_class: Any) -> None:
        """The file's text validated under this very code before (the check cache says so): build the model only
        when something reads it — validation of an unchanged project never does."""
        self._model, self._model_class = None, model_class

    @property
    def programme_id(self) -> str | None:
        """The programme a plan belongs to."""
        return self.id.split("/")[0] if self.kind == "plan" else None

    @property
    def year(self) -> int | None:
        """The year of a plan."""
        return int(self.id.split("/")[1]) if self.kind == "plan" else None

    @property
    def folder(self) -> Path:
        return self.doc.path.parent


@dataclass
class SiteConfig:
    """What profkarta reads of mkdocs.yml (the rest is passed to mkdocs untouched)."""

    path: Path | None
    site_name: str = "Карьерные карты «Профессионалитета»"
    site_url: str | None = None
    brand_logo: str | None = None
    raw: dict = field(default_factory=dict)


@dataclass
class Project:
    root: Path
    config: SiteConfig
    clusters: dict[str, Entry] = field(default_factory=dict)
    maps: list[Entry] = field(default_factory=list)
    teams: list[Entry] = field(default_factory=list)
    programmes: list[Entry] = field(default_factory=list)
    plans: list[Entry] = field(default_factory=list)
    load_findings: list[Finding] = field(default_factory=list)
    prechecked: dict[str, Any] = field(default_factory=dict)  # what the parse workers' `check` said, by file

    def entries(self) -> list[Entry]:
        return [*self.clusters.values(), *self.maps, *self.teams, *self.programmes, *self.plans]

    def rel(self, path: Path) -> str:
        return rel(path, self.root)


class _ConfigProblem(Exception):
    """mkdocs.yml refers to something that is not there (INHERIT of a missing file)."""


def _mkdocs_load(path: Path) -> dict:
    """mkdocs.yml exactly as mkdocs reads it — !ENV, INHERIT, !relative, the extensions' python tags — once,
    here, so that validate, links, QR codes and the mkdocs build all see the same values."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with path.open("rb") as fh:
            raw = yaml_load(fh)
    except ConfigurationError as exc:
        raise _ConfigProblem(_ru_config_error(str(exc))) from None
    except FileNotFoundError as exc:
        raise _ConfigProblem(f"файл «{exc.filename}», указанный в INHERIT, не найден.") from None
    except (ImportError, AttributeError) as exc:  # a !!python/name of an extension that is not installed
        raise _ConfigProblem(f"в mkdocs.yml указано расширение, которого нет в системе ({exc}).") from None
    return raw if isinstance(raw, dict) else {}


def _ru_config_error(text: str) -> str:
    if "Inherited config file" in text and "does not exist" in text:
        return "файл, указанный в INHERIT, не найден: " + text.split("'")[1] + "." if "'" in text else text
    return text


def read_config(root: Path, findings: list[Finding]) -> SiteConfig:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return SiteConfig(path=None)
    text = None
    try:
        text = read_text(path, "mkdocs.yml")  # the encoding and size checks every project file gets
        yaml.compose(text, Loader=yaml.SafeLoader)  # syntax first: its errors have a line and a Russian text
        raw = _mkdocs_load(path)
    except LoadError as exc:
        findings.append(exc.finding)
        return SiteConfig(path=path)
    except _ConfigProblem as exc:
        findings.append(Finding("mkdocs.yml", 1, 1, ERROR, "Y2", "", f"настройки сайта не читаются: {exc}"))
        return SiteConfig(path=path)
    except yaml.YAMLError as exc:
        findings.append(syntax_error(exc, "mkdocs.yml", 0, text).finding)
        return SiteConfig(path=path)
    if not isinstance(raw, dict):
        raw = {}
    extra: dict = raw["extra"] if isinstance(raw.get("extra"), dict) else {}
    brand: dict = extra["brand"] if isinstance(extra.get("brand"), dict) else {}
    cfg = SiteConfig(path=path, raw=raw)
    if isinstance(raw.get("site_name"), str):
        cfg.site_name = raw["site_name"]
    if isinstance(raw.get("site_url"), str) and raw["site_url"].strip():
        cfg.site_url = raw["site_url"].strip()
    if isinstance(brand.get("logo"), str):
        cfg.brand_logo = brand["logo"]
    return cfg


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above start that holds mkdocs.yml or career_maps/."""
    start = start.resolve()
    for cand in [start, *start.parents]:
        if (cand / "mkdocs.yml").is_file() or (cand / MAPS_DIR).is_dir():
            return cand
    return None


def _bad_id(path: Path, root: Path, what: str) -> Finding:
    return Finding(rel(path, root), 1, 1, ERROR, "N1", "",
                   f"имя «{path.stem if path.is_file() else path.name}» не годится как id {what}: "
                   "используйте строчные латинские буквы, цифры и дефисы (оно входит в адрес страницы), "
                   "например «tokar-2026».")


def _data_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()
                  and not p.name.startswith("."))


def load_project(root: Path, cluster_dirs: list[Path] | None = None, cache: bool = True,
                 check: Check | None = None) -> Project:
    """Read every data file of the project; unreadable files become findings, never exceptions.
    cache: keep parsed files in .profkarta-cache/ and parse only what changed since the last run.
    check: run by each parse worker on its files; what it returns is kept in project.prechecked."""
    root = root.resolve()
    findings: list[Finding] = []
    project = Project(root, read_config(root, findings), load_findings=findings)
    maps_dir = root / MAPS_DIR
    if cluster_dirs is None:
        cluster_dirs = sorted(p for p in maps_dir.iterdir() if p.is_dir() and not p.name.startswith(".")) \
            if maps_dir.is_dir() else []
    tasks: list[Task] = []
    for cdir in cluster_dirs:
        tasks.extend(_cluster_tasks(cdir, project))
    for kind, sub in (("team", TEAMS_DIR), ("programme", PROGRAMME_DIR)):
        folder = root / sub
        if not folder.is_dir():
            continue
        pattern = "*.md" if kind == "team" else "*.y*ml"
        for path in sorted(folder.glob(pattern)):
            if not path.is_file() or path.name.startswith(".") or path.stem.lower() in ("index", "readme"):
                continue
            if not ID_RE.match(path.stem):
                project.load_findings.append(_bad_id(path, root, "команды" if kind == "team" else "программы"))
                continue
            tasks.append((kind, path.stem, None, path))
    tasks.extend(_plan_tasks(root / PROGRAMME_DIR, project))
    parse_cache = ParseCache(root / CACHE_DIR) if cache else None
    docs = _read_all(tasks, root, parse_cache, check, project.prechecked)
    for (kind, id_, cluster, _), doc in zip(tasks, docs, strict=True):
        if isinstance(doc, Finding):
            project.load_findings.append(doc)
            continue
        entry = Entry(kind, id_, doc, cluster or "")
        if kind == "programme" and _old_programme(entry, project):
            continue
        if kind == "cluster":
            project.clusters[id_] = entry
        else:
            {"map": project.maps, "team": project.teams, "programme": project.programmes,
             "plan": project.plans}[kind].append(entry)
    return project


YEAR_RE = re.compile(r"^20\d\d$")


def _plan_tasks(folder: Path, project: Project) -> list[Task]:
    """content/popularization/<programme id>/<year>.yaml: the annual plans (N1: the folder is the programme id)."""
    if not folder.is_dir():
        return []
    tasks: list[Task] = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        files = _data_files(sub)
        if files and not ID_RE.match(sub.name):
            project.load_findings.append(_bad_id(sub, project.root, "программы (папка планов)"))
            continue
        for path in files:
            if path.stem.lower() in ("index", "readme"):
                continue
            if not YEAR_RE.match(path.stem) or path.suffix != ".yaml":
                project.load_findings.append(Finding(
                    project.rel(path), 1, 1, ERROR, "N1", "",
                    f"файл плана называется по году, на который он составлен: «{sub.name}/2026.yaml». "
                    f"Переименуйте «{path.name}» в ГГГГ.yaml."))
                continue
            tasks.append(("plan", f"{sub.name}/{path.stem}", None, path))
    return tasks


def _old_programme(entry: Entry, project: Project) -> bool:
    """A programme written before plans were split off (events inside): say how to split it, skip the file."""
    data = entry.doc.data
    if not isinstance(data, dict) or not any(k in data for k in ("events", "campaign")):
        return False
    key = "events" if "events" in data else "campaign"
    year = data.get("year") if isinstance(data.get("year"), int) else 2026
    project.load_findings.append(entry.doc.finding(
        (key,), "P8", f"программа записана в старом виде: планы мероприятий внутри файла программы. Разделите файл: "
        f"events, campaign и approval плана перенесите в {PROGRAMME_DIR}/{entry.id}/{year}.yaml (план года), "
        "а в файле программы оставьте title, region, period, developer, goal, tasks, audiences, participants "
        "(recommended и additional), indicators, expected_results и approval. Образцы: profkarta new programme ID "
        "и profkarta new plan ПРОГРАММА ГОД.", key=True))
    return True


def _cluster_tasks(cdir: Path, project: Project) -> list[Task]:
    root = project.root
    cpath = cdir / "cluster.yaml"
    if not ID_RE.match(cdir.name):
        project.load_findings.append(_bad_id(cdir, root, "кластера"))
        return []
    if not cpath.is_file():
        project.load_findings.append(Finding(project.rel(cdir), 1, 1, ERROR, "N1", "",
                                             "в папке кластера нет файла cluster.yaml. Создайте его: "
                                             f"profkarta new cluster {cdir.name}"))
        return []
    tasks: list[Task] = [("cluster", cdir.name, cdir.name, cpath)]
    for path in _data_files(cdir):
        if path.name == "cluster.yaml":
            continue
        if path.suffix == ".yml" or not ID_RE.match(path.stem):
            project.load_findings.append(_bad_id(path, root, "карты") if path.suffix == ".yaml" else Finding(
                project.rel(path), 1, 1, ERROR, "N1", "", "файл карты должен иметь расширение .yaml"))
            continue
        tasks.append(("map", path.stem, cdir.name, path))
    return tasks


def resolve_targets(paths: list[str]) -> tuple[Path, list[Path] | None, list[str]]:
    """validate PATH…: the project root, the cluster folders to load, and the files to report on."""
    if not paths:
        root = find_root(Path.cwd())
        if root is None:
            raise ProjectNotFound("здесь нет проекта: не найдены ни mkdocs.yml, ни папка career_maps. "
                                  "Перейдите в папку проекта или создайте его: profkarta init ПАПКА")
        return root, None, []
    roots, scopes, clusters = set(), [], []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise ProjectNotFound(f"путь «{raw}» не существует.")
        p = p.resolve()
        cluster_dir = p if (p / "cluster.yaml").is_file() else (p.parent if p.is_file() and
                                                                 (p.parent / "cluster.yaml").is_file() else None)
        root = find_root(p if p.is_dir() else p.parent)
        if root is None and cluster_dir is not None:
            root = cluster_dir.parent
            clusters.append(cluster_dir)
        if root is None:
            raise ProjectNotFound(f"«{raw}» не относится к проекту карьерных карт: рядом нет mkdocs.yml, "
                                  "career_maps/ или cluster.yaml.")
        roots.add(root)
        if p != root:
            scopes.append(rel(p, root))
    if len(roots) > 1:
        raise ProjectNotFound("указаны файлы из разных проектов; проверяйте их по отдельности.")
    return roots.pop(), (sorted(set(clusters)) or None), scopes
