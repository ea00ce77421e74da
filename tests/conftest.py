"""Shared fixtures: a small site project (spec examples + extras), built once per session and served locally."""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parent / "projects" / "spec_example"  # a copy of the spec's example project
SITE_URL = "https://karty.example.test/"
CLUSTER = "demo-mashinostroenie"
HOSTILE = "<script>alert('x')</script> Тест & «кавычки» </script>"

MKDOCS_YML = """\
site_name: Карьерные карты — тест
site_url: https://karty.example.test/
theme:
  name: material
  language: ru
extra:
  brand:
    name: «Профессионалитет»
plugins:
  - search:
      lang: ru
"""


def _programme() -> tuple[dict, dict]:
    """The programme and its 2026 plan: 29 events and 14 campaign items, hostile punctuation, some results."""
    def ev(i: int, mandatory: bool, campaign: bool = False) -> dict:
        e = {"title": f"{'Публикация' if campaign else 'Мероприятие'} № {i}, «день открытых дверей»; тест",
             "audience": "Школьники 8–11 классов"}
        if not campaign:
            e["mandatory"] = mandatory
        if i % 3 == 0:
            e["month"] = f"2026-{(i % 12) + 1:02d}"
        else:
            e["date"] = dt.date(2026, (i % 12) + 1, (i % 27) + 1)
        if campaign:
            e["channel"] = "ВКонтакте"
        if i in (1, 2, 4):  # held long ago, with figures the report sums
            e["result"] = {"held": dt.date(2026, (i % 12) + 1, (i % 27) + 1),
                           **({"reach": 1000 * i} if campaign else {"reached": 100 * i})}
        return e
    programme = {
        "title": "Программа популяризации «Профессионалитета» в Свердловской области на 2026–2027 годы",
        "region": "Свердловская область", "period": [2026, 2027],
        "developer": "Управляющий совет кластера «Демо-машиностроение»",
        "goal": "Рассказать школьникам о профессиях кластеров.",
        "tasks": ["Провести профессиональные пробы", "Разместить карьерные карты"],
        "audiences": ["Школьники 6–11 классов и родители", "Классные руководители школ", "Студенты колледжей",
                      "Преподаватели и мастера колледжей"],
        "participants": {"recommended": ["РОИВ", "Школы", "Колледжи", "Предприятия", "ЦОПП", "ЦЗН", "СМИ",
                                         "Педагоги-психологи"], "additional": ["Амбассадоры"]},
        "indicators": {"pupils_reached": 75, "schools_involved": 80, "students_reached": 100,
                       "enterprises_involved": 65, "kcp_fulfilled": 100},
        "expected_results": ["Школьники знают о кластерах"],
        "approval": {"by": "Председатель регионального наблюдательного совета", "protocol": "3",
                     "date": dt.date(2026, 2, 1)},
    }
    plan = {
        "approval": {"by": "Председатель управляющего совета кластера", "protocol": "5", "date": dt.date(2026, 2, 2)},
        "events": [ev(i, i < 15) for i in range(29)],
        "campaign": [ev(i, True, True) for i in range(14)],
        "results": {"as_of": dt.date(2026, 6, 1), "pupils_reached": 71, "schools_involved": 64,
                    "students_reached": 100, "kcp_fulfilled": 98},
    }
    return programme, plan


def make_project(dest: Path) -> Path:
    """The spec's example project plus a second map, a draft, a programme and hostile text to escape."""
    shutil.copytree(EXAMPLES, dest)
    (dest / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    cdir = dest / "career_maps" / CLUSTER
    base = yaml.safe_load((cdir / "tehnolog.yaml").read_text(encoding="utf-8"))
    base["summary"] = HOSTILE
    (cdir / "tehnolog.yaml").write_text(yaml.safe_dump(base, allow_unicode=True), encoding="utf-8")
    second = dict(base, summary="Наладка и обслуживание станков с ЧПУ.")
    second["program"] = {"code": "15.01.38", "kind": "profession",
                         "title": "Оператор-наладчик металлообрабатывающих станков",
                         "qualification": "Оператор станков с программным управлением", "duration": "1 год 10 месяцев"}
    second["ladder"] = [dict(s) for s in base["ladder"]]
    second["ladder"][1] = dict(second["ladder"][1], positions=["Наладчик металлообрабатывающих станков"])
    (cdir / "operator.yaml").write_text(yaml.safe_dump(second, allow_unicode=True), encoding="utf-8")
    draft = dict(base, status="draft", summary="Черновик карты.")
    draft.pop("approval", None)
    draft["program"] = dict(base["program"], code="15.02.15", title="Технология металлообрабатывающего производства")
    (cdir / "chernovik.yaml").write_text(yaml.safe_dump(draft, allow_unicode=True), encoding="utf-8")
    team = dest / "content" / "ambassadors" / "dpk-metall.md"
    team.write_text(team.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n\n"
                    "[опасная ссылка](javascript:alert(1)) и [сайт](https://example.ru/)\n", encoding="utf-8")
    programme, plan = _programme()
    for stale in (dest / "content" / "popularization").glob("*.yaml"):
        stale.unlink()
    (dest / "content" / "popularization" / "sverdlovsk-2026.yaml").write_text(
        yaml.safe_dump(programme, allow_unicode=True), encoding="utf-8")
    (dest / "content" / "popularization" / "sverdlovsk-2026").mkdir(exist_ok=True)
    (dest / "content" / "popularization" / "sverdlovsk-2026" / "2026.yaml").write_text(
        yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    (dest / "content" / "about.md").write_text("# О проекте\n\nСтраница, написанная вручную.\n", encoding="utf-8")
    return dest


@dataclass
class BuiltSite:
    root: Path
    site: Path
    site_url: str
    result: object


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """The fixture project built once, with print, exactly as `profkarta build` does it."""
    from profkarta.commands.build import build

    root = make_project(tmp_path_factory.mktemp("project") / "proj")
    site = root / "site"
    result = build(root, site, site_url=SITE_URL, workers=1)  # exactly what `profkarta build` runs
    return BuiltSite(root, site, SITE_URL, result)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_server(built_site):
    """The built site on a threaded http.server at 127.0.0.1 and a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(built_site.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def site_project(tmp_path) -> Path:
    """A fresh, writable copy of the fixture project (for tests that change files or build it again)."""
    return make_project(tmp_path / "proj")


@pytest.fixture
def fork_here(request) -> bool:
    """True when fork is safe in this process and the test should go on here. Otherwise (threads left alive by
    earlier tests of the suite) the same test is run alone in a fresh interpreter, must pass there, and False
    tells the test to stop: what it checks was checked."""
    from profkarta import parallel

    if parallel.fork_is_safe():
        return True
    if os.environ.get("PROFKARTA_FRESH_TEST"):
        pytest.skip("fork is unsafe even in a fresh interpreter")
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
                         cwd=request.config.rootpath, capture_output=True, text=True, timeout=900,
                         env={**os.environ, "PROFKARTA_FRESH_TEST": "1"})
    assert res.returncode == 0 and " passed" in res.stdout, res.stdout[-3000:]
    return False
