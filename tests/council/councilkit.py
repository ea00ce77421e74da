"""A project with every coverage status: approved, draft, missing, and a map the college does not list."""

from __future__ import annotations

from pathlib import Path

from tests.util import CLUSTER, MAP, copy_project, edit

DRAFT = "career_maps/demo-mashinostroenie/additivnye.yaml"
UNLISTED = "career_maps/demo-mashinostroenie/metall.yaml"
SITE_URL = "https://karty.dpk-ural.ru/"  # site_url of tests/projects/valid_minimal/mkdocs.yml
UNLISTED_TITLE = ("title: Монтаж, техническая эксплуатация и ремонт холодильно-компрессорных и теплонасосных машин "
                  "и установок (по отраслям)")


def mixed_project(tmp_path: Path) -> Path:
    """15.02.16 approved (tehnolog), 15.02.09 draft, 15.01.38 missing, 15.02.06 approved but not listed."""
    root = copy_project(tmp_path)
    edit(root, CLUSTER, 'programs: ["15.02.16"]', 'programs: ["15.02.16", "15.02.09", "15.01.38"]')
    base = (root / MAP).read_text(encoding="utf-8")
    draft = base.replace('code: "15.02.16"', 'code: "15.02.09"').replace(
        "title: Технология машиностроения", "title: Аддитивные технологии").replace("status: approved", "status: draft")
    draft = draft.replace('approval:\n  body: Региональный наблюдательный совет Свердловской области\n  protocol: "7"\n'
                          "  date: 2026-06-15\n", "")
    (root / DRAFT).write_text(draft, encoding="utf-8")
    unlisted = base.replace('code: "15.02.16"', 'code: "15.02.06"').replace(
        "title: Технология машиностроения", UNLISTED_TITLE).replace(
        'protocol: "7"', 'protocol: "8/2026"').replace("date: 2026-06-15", "date: 2026-07-01")
    (root / UNLISTED).write_text(unlisted, encoding="utf-8")
    return root
