"""Commented starter files for init and new; never overwrites anything."""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path
from string import Template

from profkarta import refdata
from profkarta.errors import ExistsError, UsageError
from profkarta.load.project import ID_RE, MAPS_DIR, PROGRAMME_DIR, TEAMS_DIR
from profkarta.schema import write_schemas

SPO_CODE = re.compile(r"^\d{2}\.0[12]\.\d{2}$")


def _template(name: str) -> str:
    return resources.files("profkarta").joinpath("scaffold", name).read_text(encoding="utf-8")


def _copy(name: str, dest: Path) -> None:
    with resources.as_file(resources.files("profkarta").joinpath("scaffold", name)) as src:
        shutil.copyfile(src, dest)


def check_id(value: str, what: str) -> None:
    if not ID_RE.match(value):
        raise UsageError(f"«{value}» не годится как id {what}: нужны строчные латинские буквы, цифры и дефисы, "
                         "например «tokar» или «sever-2026».")


def write_new(path: Path, text: str) -> Path:
    """Create a file; refuse if anything is there already (exclusive create, no race)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except FileExistsError:
        raise ExistsError(f"файл {path} уже существует — ничего не перезаписано. Выберите другое имя.") from None
    return path


def new_cluster(root: Path, cluster: str) -> list[Path]:
    check_id(cluster, "кластера")
    folder = root / MAPS_DIR / cluster
    if folder.exists():
        raise ExistsError(f"папка {folder} уже существует — ничего не перезаписано.")
    written = [write_new(folder / "cluster.yaml", Template(_template("cluster.yaml")).safe_substitute(cluster=cluster))]
    (folder / "logos").mkdir()
    for logo in ("industry.svg", "college.svg", "employer.svg"):
        _copy(f"logos/{logo}", folder / "logos" / logo)
        written.append(folder / "logos" / logo)
    write_schemas(root)
    return written


def _cluster_ids(root: Path, cluster: str) -> tuple[str, list[str]]:
    """The first college id and all employer ids of a cluster, to prefill a new map."""
    import yaml

    path = root / MAPS_DIR / cluster / "cluster.yaml"
    if not path.is_file():
        raise UsageError(f"кластера «{cluster}» нет: не найден {path}. Создайте его: profkarta new cluster {cluster}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError):
        data = {}
    colleges = [str(c["id"]) for c in data.get("colleges") or [] if isinstance(c, dict) and c.get("id")]
    employers = [str(e["id"]) for e in data.get("employers") or [] if isinstance(e, dict) and e.get("id")]
    return (colleges[0] if colleges else "college"), (employers or ["employer"])


def program_lines(code: str | None) -> str:
    """The program block of a new map: filled from the SPO list with --code, left for the user without it."""
    if not code:
        return ('  code: ""                    # ЗАПОЛНИТЕ: код по перечню СПО в кавычках, например "15.01.38" (R2.1)\n'
                "  # kind: profession          # не обязательно: .01. — профессия, .02. — специальность, по коду\n"
                '  title: ""                   # ЗАПОЛНИТЕ: название по перечню СПО')
    code = code.strip()
    if not SPO_CODE.match(code):
        raise UsageError(f"«{code}» не похоже на код по перечню СПО: нужен вид NN.01.NN (профессия) или NN.02.NN "
                         "(специальность), например 15.01.38.")
    known = refdata.spo_programs().get(code)
    kind = "profession" if code[3:5] == "01" else "specialty"
    kind_ru = "профессия (.01.)" if kind == "profession" else "специальность (.02.)"
    title = (f"  title: {known.title}" if known else
             '  title: ""                   # ЗАПОЛНИТЕ: кода нет в справочнике — впишите название по перечню')
    return (f'  code: "{code}"              # код по перечню СПО, в кавычках (R2.1)\n'
            f"  kind: {kind}           # {kind_ru} — следует из кода\n{title}")


def new_map(root: Path, cluster: str, map_id: str, code: str | None = None) -> list[Path]:
    check_id(map_id, "карты")
    college, employers = _cluster_ids(root, cluster)
    text = Template(_template("map.yaml")).safe_substitute(map=map_id, college=college, program=program_lines(code),
                                                           employers=", ".join(employers))
    path = write_new(root / MAPS_DIR / cluster / f"{map_id}.yaml", text)
    write_schemas(root)
    return [path]


def new_team(root: Path, team: str, cluster: str | None = None, college: str | None = None) -> list[Path]:
    check_id(team, "команды")
    if cluster is None:
        clusters = sorted(q.parent.name for q in (root / MAPS_DIR).glob("*/cluster.yaml"))
        cluster = clusters[0] if clusters else "cluster"
    if college is None and (root / MAPS_DIR / cluster / "cluster.yaml").is_file():
        college = _cluster_ids(root, cluster)[0]
    text = Template(_template("team.md")).safe_substitute(team=team, cluster=cluster, college=college or "college")
    path = write_new(root / TEAMS_DIR / f"{team}.md", text)
    write_schemas(root)
    return [path]


def new_programme(root: Path, programme: str, year: int | None = None) -> list[Path]:
    """content/popularization/<id>.yaml: the programme of the region of the project's first cluster."""
    import datetime as dt

    check_id(programme, "программы")
    year = year or dt.date.today().year
    region = "Свердловская область"
    for path in sorted((root / MAPS_DIR).glob("*/cluster.yaml")):
        found = re.search(r"^region:\s*([^#\n]+)", path.read_text(encoding="utf-8", errors="replace"), re.M)
        if found:
            region = found.group(1).strip()
            break
    text = Template(_template("programme.yaml")).safe_substitute(programme=programme, year=year, last=year + 2,
                                                                 region=region)
    path = write_new(root / PROGRAMME_DIR / f"{programme}.yaml", text)
    write_schemas(root)
    return [path]


def _plan_items(year: int) -> tuple[str, str]:
    """15 mandatory and 14 optional events, 14 campaign items spread over the year, to rename."""
    events = []
    for i in range(29):
        must = i < 15
        month = 1 + (i * 11) // 29 + 1 if i else 2
        title = f"Обязательное мероприятие {i + 1}" if must else f"Мероприятие по выбору {i - 14}"
        events.append(f'  - month: "{year}-{min(month, 12):02d}"\n'
                      f"    title: {title} — замените название\n"
                      "    audience: Школьники 8–11 классов и родители\n"
                      f"    mandatory: {'true' if must else 'false'}\n"
                      "    place: Где проходит\n"
                      "    responsible: Кто отвечает")
    campaign = [f'  - month: "{year}-{min(2 + (i * 10) // 14, 12):02d}"\n'
                f"    title: Публикация {i + 1} — замените название\n"
                "    channel: ВКонтакте\n"
                "    audience: Школьники и родители" for i in range(14)]
    return "\n".join(events) + "\n", "\n".join(campaign) + "\n"


def new_plan(root: Path, programme: str, year: str | int) -> list[Path]:
    """content/popularization/<programme>/<year>.yaml: the plan of one year, next to its programme."""
    check_id(programme, "программы")
    if not re.match(r"^20\d\d$", str(year)):
        raise UsageError(f"«{year}» — не год. Укажите год плана четырьмя цифрами, например 2027.")
    if not (root / PROGRAMME_DIR / f"{programme}.yaml").is_file():
        raise UsageError(f"программы «{programme}» нет: не найден {PROGRAMME_DIR}/{programme}.yaml. "
                         f"Создайте её: profkarta new programme {programme}")
    events, campaign = _plan_items(int(year))
    text = Template(_template("plan.yaml")).safe_substitute(programme=programme, year=year, events=events,
                                                            campaign=campaign)
    path = write_new(root / PROGRAMME_DIR / programme / f"{year}.yaml", text)
    write_schemas(root)
    return [path]


def init_project(root: Path, example: bool = True) -> list[Path]:
    """A starter project in an empty (or new) folder: settings, home page and, unless asked not to, an example."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ExistsError(f"папка {root} не пуста — ничего не создано. Укажите новую или пустую папку.")
    root.mkdir(parents=True, exist_ok=True)
    written = [write_new(root / "mkdocs.yml", Template(_template("mkdocs.yml")).safe_substitute(title=root.name)),
               write_new(root / "content" / "index.md", _template("index.md"))]
    (root / "theme" / "brand").mkdir(parents=True)
    _copy("brand/professionalitet-placeholder.svg", root / "theme" / "brand" / "professionalitet-placeholder.svg")
    if not example:
        (root / MAPS_DIR).mkdir()
        written += write_schemas(root)
        return written
    written += new_cluster(root, "novyj-klaster")
    written += new_map(root, "novyj-klaster", "tehnolog", "15.02.16")
    written += new_team(root, "ambassadory", "novyj-klaster", "college")
    return written
