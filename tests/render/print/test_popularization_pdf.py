"""The programme, plan and report PDFs: A4, the approval block filled or blank, both tables, report figures."""

from __future__ import annotations

import pytest
from printkit import pdf_pages, pdf_text

from profkarta import urls
from tests.util import PLAN, PROGRAMME, check, copy_project, edit

pytestmark = pytest.mark.slow
PID = "sverdlovsk-2026"


def _render(root, out, drafts=False) -> dict[str, str]:
    """Lay out the popularization documents the way the print pipeline does; {relative path: extracted text}."""
    from functools import partial

    from profkarta.render.print import engine
    from profkarta.render.print.context import THEME
    from profkarta.render.print.pipeline import _run
    from profkarta.render.print.popularization import plan_jobs
    from profkarta.render.print.templates import base_url

    v = check(root)
    jobs, files = plan_jobs(v.project, out, drafts, {"base_url": base_url(), "allowed": [str(root), str(THEME)]})
    results = _run([partial(dict, job) for job in jobs], 1, lambda: None)
    assert not [r for r in results if "error" in r], results
    assert engine  # the worker module the jobs ran in
    return {rel: pdf_text(out / rel) for rel in files}


@pytest.fixture(scope="module")
def approved(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("pop"))
    out = tmp_path_factory.mktemp("out")
    return out, _render(root, out)


def test_files_and_a4(approved):
    out, texts = approved
    assert sorted(texts) == sorted([urls.programme_pdf(PID), urls.plan_pdf(PID, 2026), urls.report_pdf(PID, 2026)])
    for rel in texts:
        for page in pdf_pages(out / rel):
            assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((595.28, 841.89), abs=1)


def test_programme_pdf_ends_with_filled_approval(approved):
    text = approved[1][urls.programme_pdf(PID)]
    assert "Срок реализации: 2026–2027 годы" in text and "Разработчик: Управляющий совет" in text
    assert "Рекомендуемые участники" in text and "Дополнительные участники" in text and "Ожидаемые результаты" in text
    assert "Выполнение контрольных цифр приёма (КЦП)" in text and "= 100" in text and "≥ 70" in text
    block = "УТВЕРЖДЕНО Протоколом заседания Регионального наблюдательного совета № 1 от 20.01.2026"
    assert block in text[-400:]  # the document ends with it
    assert "____" not in text and "ПРОЕКТ —" not in text and "· ПРОЕКТ" not in text


def test_plan_pdf_has_both_tables_and_its_own_approval(approved):
    out, texts = approved
    text = texts[urls.plan_pdf(PID, 2026)]
    assert "1. План мероприятий" in text and "2. План информационной кампании" in text
    assert "Обязательных мероприятий: 15, мероприятий по выбору: 14." in text
    assert text.count("обязательное") >= 15 and text.count("по выбору") >= 14 and text.count("ВКонтакте") == 14
    assert "Публикация 14" in text and "Мероприятие по выбору 14" in text
    assert "УТВЕРЖДЕНО Протоколом заседания управляющего совета кластера № 2 от 28.01.2026" in text
    pages = pdf_pages(out / urls.plan_pdf(PID, 2026))
    assert len(pages) >= 2
    for page in pages:  # the table header repeats on every page the events run onto
        body = page.extract_text()
        if "Обязательное мероприятие" in body or "Мероприятие по выбору" in body:
            assert "Ответственный" in body


def test_report_pdf_figures(approved):
    text = approved[1][urls.report_pdf(PID, 2026)]
    assert "Отчёт о выполнении плана 2026 года" in text
    assert "Школьники 6–11 классов 75 72 ≥ 70 не выполнен" in text
    assert "Студенты колледжей 100 100 = 100 выполнен" in text
    assert "Предприятия 65 итог не внесён ≥ 60 итог не внесён" in text
    assert "Обязательные мероприятия 15 15 0 0 0" in text and "Мероприятия по выбору 14 12 1 0 1" in text
    assert "Охват мероприятий: 3 384 чел." in text and "Охват информационной кампании: 105 000" in text
    assert "Амбассадоры ДПК «Металл» ДПК 2 1 72" in text


def test_draft_gets_blanks_and_the_mark(tmp_path):
    root = copy_project(tmp_path / "p")
    edit(root, PROGRAMME, "approval:\n  by:", "# approval:\n#   by:")
    edit(root, PROGRAMME, '  protocol: "1"\n  date: 2026-01-20', '#   protocol: "1"\n#   date: 2026-01-20')
    edit(root, PLAN, "approval:\n  by:", "# approval:\n#   by:")
    edit(root, PLAN, '  protocol: "2"\n  date: 2026-01-28', '#   protocol: "2"\n#   date: 2026-01-28')
    out = tmp_path / "out"
    assert _render(root, out) == {}  # a public build leaves drafts out
    texts = _render(root, out, drafts=True)
    for rel in (urls.programme_pdf(PID), urls.plan_pdf(PID, 2026)):
        text = texts[rel]
        assert "УТВЕРЖДЕНО Протоколом заседания Регионального наблюдательного совета № ____ от ________" in text
        assert "ПРОЕКТ — выносится на заседание совета" in text and "· ПРОЕКТ" in text
        assert "№ 1 от" not in text and "№ 2 от" not in text
    assert "· ПРОЕКТ" in texts[urls.report_pdf(PID, 2026)]
