"""A methodologist's first hour: init, new map --code, what build refuses to publish, drafts, empty sections."""

from __future__ import annotations

import shutil

from profkarta.cli import build_parser
from tests.cli.test_cli import run
from tests.util import MAP, copy_project, edit

DRAFT = "career_maps/demo-mashinostroenie/operator.yaml"


def _add_draft(root, scaffold_text: bool = False) -> None:
    """A second map of the fixture, a draft for another programme."""
    text = (root / MAP).read_text(encoding="utf-8").replace('code: "15.02.16"', 'code: "15.01.38"')
    text = text.replace("kind: specialty", "kind: profession")
    text = text.replace("title: Технология машиностроения", "title: Оператор-наладчик металлообрабатывающих станков")
    text = text.replace("status: approved", "status: draft")
    if scaffold_text:
        text = text.replace("activities: Разработка", "activities: Что делает работник на этой ступени (замените). Р")
    (root / DRAFT).write_text(text, encoding="utf-8")


def test_init_prints_a_checklist_and_build_refuses_the_example(tmp_path, capsys):
    code, out, _ = run(["init", "p"], tmp_path, capsys)
    assert code == 0 and "site_url" in out and "логотип" in out.lower() and "пример" in out.lower()
    root = tmp_path / "p"
    code, out, err = run(["build", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 1, out + err
    assert "career_maps/novyj-klaster/cluster.yaml:" in out and "ошибка [S1]" in out
    assert "content/ambassadors/ambassadory.md:" in out and "Фамилия Имя Отчество" in out
    assert "example: true" in out and not (tmp_path / "site").exists()
    # the preview build still works: drafts and examples are shown there
    code, out, err = run(["build", "--drafts", "--no-print", "-d", str(tmp_path / "preview")], root, capsys)
    assert code == 0, out + err
    assert (tmp_path / "preview/maps/novyj-klaster/tehnolog/index.html").is_file()


def test_init_empty_has_no_example(tmp_path, capsys):
    code, out, _ = run(["init", "--empty", "p"], tmp_path, capsys)
    root = tmp_path / "p"
    assert code == 0 and "profkarta new cluster" in out
    assert (root / "career_maps").is_dir() and not any((root / "career_maps").iterdir())
    assert not (root / "content/ambassadors").exists()
    code, out, _ = run(["validate", "--format", "json"], root, capsys)
    assert code == 0 and "S1" not in out
    code, out, err = run(["build", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 0, out + err
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Амбассадоры" not in html and "Популяризация" not in html and "пока нет" not in html


def test_new_map_with_code_fills_the_programme(tmp_path, capsys):
    root = copy_project(tmp_path)
    code, out, _ = run(["new", "map", "demo-mashinostroenie", "operator", "--code", "15.01.38"], root, capsys)
    assert code == 0, out
    text = (root / DRAFT).read_text(encoding="utf-8")
    assert 'code: "15.01.38"' in text and "kind: profession" in text
    assert "title: Оператор-наладчик металлообрабатывающих станков" in text
    for optional in ("# qualification:", "# duration:", "# form:", "# base:", "# summary:", "# approval:"):
        assert optional in text, optional
    code, out, _ = run(["validate", "--format", "json"], root, capsys)
    assert code == 0, out
    assert "U1" not in out and "R2.1" not in out
    code, _, err = run(["new", "map", "demo-mashinostroenie", "x", "--code", "15.2.16"], root, capsys)
    assert code == 2 and "NN.01.NN" in err


def test_two_new_maps_without_code_never_collide(tmp_path, capsys):
    root = copy_project(tmp_path)
    for name in ("pervaya", "vtoraya"):
        code, out, _ = run(["new", "map", "demo-mashinostroenie", name], root, capsys)
        assert code == 0 and "--code" in out
    code, out, _ = run(["validate"], root, capsys)
    assert code == 1 and "[U1]" not in out
    assert out.count("ошибка [R2.1] program.code: код профессии или специальности не заполнен") == 2


def test_build_names_left_out_drafts_and_ignores_their_scaffold_text(tmp_path, capsys):
    root = copy_project(tmp_path)
    _add_draft(root, scaffold_text=True)
    code, out, err = run(["build", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 0, out + err
    assert "Не вошли в сайт проекты карт" in out and DRAFT in out
    assert "предупреждение [S1]" in out  # said, but a draft is not published
    assert not (tmp_path / "site/maps/demo-mashinostroenie/operator").exists()


def test_build_refuses_scaffold_text_in_an_approved_map(tmp_path, capsys):
    root = copy_project(tmp_path)
    line = edit(root, MAP, "activities: Разработка операций", "activities: Что делает работник на этой ступени. Р")
    code, out, _ = run(["build", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 1 and f"{MAP}:{line}:" in out and "ошибка [S1]" in out and "ступень 2" in out
    assert not (tmp_path / "site").exists()
    code, out, err = run(["build", "--drafts", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 0, out + err


def test_bad_site_url_is_reported_with_file_and_line(tmp_path, capsys):
    root = copy_project(tmp_path)
    line = edit(root, "mkdocs.yml", "site_url: https://karty.dpk-ural.ru/", "site_url: nmt-nn.ru/karty")
    code, out, _ = run(["validate"], root, capsys)
    assert code == 1 and f"mkdocs.yml:{line}:1: ошибка [S2]" in out and "https://nmt-nn.ru/karty/" in out
    code, out, err = run(["build", "--no-print", "--site-url", "karty.ru", "-d", str(tmp_path / "s")], root, capsys)
    assert code == 1 and "--site-url https://karty.ru/" in err


def test_serve_shows_drafts_by_default(tmp_path):
    from profkarta.commands.livepreview import Preview

    parser = build_parser()
    assert parser.parse_args(["serve"]).drafts is True
    assert parser.parse_args(["serve", "--no-drafts"]).drafts is False
    root = copy_project(tmp_path)
    _add_draft(root)
    preview = Preview(root, "http://127.0.0.1:8000/", drafts=parser.parse_args(["serve"]).drafts)
    try:
        preview.rebuild()
        page = preview.site_dir / "maps/demo-mashinostroenie/operator/index.html"
        assert page.is_file() and "ПРОЕКТ" in page.read_text(encoding="utf-8")
    finally:
        preview.close()


def test_busy_port_is_reported_in_russian(tmp_path, capsys):
    import socket

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    port = sock.getsockname()[1]
    try:
        code, _, err = run(["serve", "--dev-addr", f"127.0.0.1:{port}"], copy_project(tmp_path), capsys)
    finally:
        sock.close()
    assert code == 2 and "порт уже занят" in err and "Address" not in err


def test_empty_sections_are_not_in_the_menu(tmp_path, capsys):
    root = copy_project(tmp_path)
    shutil.rmtree(root / "content/ambassadors")
    shutil.rmtree(root / "content/popularization")
    code, out, err = run(["build", "--no-print", "-d", str(tmp_path / "site")], root, capsys)
    assert code == 0, out + err
    html = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "Кластеры" in html and "Амбассадоры" not in html and "Популяризация" not in html
    assert not (tmp_path / "site/ambassadors/index.html").exists()
