"""Long maps fit one page or are warned about (PR1); a rebuild lays out only what changed."""

from __future__ import annotations

import pytest
from printkit import CLUSTER, SITE_URL, add_map, copy_examples, pdf_pages, pdf_text

from profkarta.render.print import render_print
from profkarta.rules.pr1 import check_print_fit
from profkarta.validate import validate

pytestmark = pytest.mark.slow

LONG = ("Подготовка оборудования к работе, наладка, обработка деталей по чертежам и технологическим картам, "
        "контроль размеров измерительным инструментом, ведение документации смены и участие в улучшениях. ")


def _long_map(stages: int, repeat: int, support_items: int, growth: str | None = None) -> str:
    out = ['program: {code: "15.02.16", kind: specialty, title: "Технология машиностроения (длинная карта)"}',
           "college: dpk", "employers: [sever-stanok, ural-privod]", "status: approved",
           "approval: {protocol: '9', date: 2026-06-15}", "ladder:"]
    for i in range(stages):
        out += [f"  - title: Ступень номер {i + 1}", f"    positions: [Должность {i + 1}, Старший специалист {i + 1}]",
                f"    activities: {(LONG * repeat).strip()} КОНЕЦ{i + 1}",
                f"    growth: {growth or (LONG * repeat).strip()}" if i < stages - 1 else "",
                f"    salary: {{min: {30000 + i * 10000}, avg: {35000 + i * 10000}, max: {40000 + i * 10000}}}"]
    out.append("support:")
    for group in ("college", "employer", "region"):
        out.append(f"  {group}:")
        out += [f"    - Мера поддержки номер {k + 1} — обучение, наставничество и выплаты"
                for k in range(support_items)]
    return "\n".join(line for line in out if line) + "\n"


def test_example_needs_no_shortening(tmp_path):
    v = validate(copy_examples(tmp_path / "p"))
    assert check_print_fit(v.project) == []


def test_long_map_fits_or_is_warned_and_nothing_is_clipped(tmp_path):
    root = copy_examples(tmp_path / "p")
    add_map(root, "dlinnaya", text=_long_map(stages=5, repeat=1, support_items=3,
                                                growth="Аттестация на разряд и обучение за счёт работодателя."))
    add_map(root, "ogromnaya", text=_long_map(stages=6, repeat=6, support_items=8).replace('"15.02.16"', '"15.02.15"'))
    v = validate(root)
    findings = {f.file.rsplit("/", 1)[-1]: f for f in check_print_fit(v.project)}
    assert "ogromnaya.yaml" in findings
    f = findings["ogromnaya.yaml"]
    assert f.rule == "PR1" and f.severity == "warning" and f.field.startswith(("ladder[", "support."))
    assert f.line > 1 and "Сократите" in f.message and "ladder[" in f.message
    r = render_print(v, tmp_path / "site", site_url=SITE_URL, workers=2, cache_dir=tmp_path / "cache")
    for map_id in ("dlinnaya", "ogromnaya"):
        path = tmp_path / "site" / r.map_files[(CLUSTER, map_id)]["a4"]
        pages = len(pdf_pages(path))
        warned = any(map_id in w for w in r.warnings) and f"{map_id}.yaml" in findings
        assert pages == 1 or warned, map_id
        text = pdf_text(path)
        stages = 5 if map_id == "dlinnaya" else 6
        for i in range(stages):  # the end of every long text is printed: nothing clipped
            assert f"КОНЕЦ{i + 1}" in text
    assert len(pdf_pages(tmp_path / "site" / r.map_files[(CLUSTER, "dlinnaya")]["a4"])) == 1
    assert "dlinnaya.yaml" not in findings
    # a rebuild takes the maps from the cache, and the map that ran onto a second sheet is still named
    again = render_print(validate(root), tmp_path / "site2", site_url=SITE_URL, workers=2, cache_dir=tmp_path / "cache")
    assert again.rendered == 0
    assert [w for w in again.warnings if "8 pt" in w] == [w for w in r.warnings if "8 pt" in w]
    assert any(f"career_maps/{CLUSTER}/ogromnaya.yaml" in w and "8 pt" in w for w in again.warnings)


def test_many_overflowing_maps_make_one_warning(tmp_path):
    from profkarta.render.print.cache import Overflows

    one = Overflows(tmp_path)
    one.laid_out("k1", "c/a", 2)
    one.laid_out("k0", "c/fits", 1)
    assert one.warning() is not None and "карта c/a не уместилась" in one.warning() and "заняла 2 стр." in one.warning()
    many = Overflows(None)
    for i in range(30):
        many.reused("x", "c/never")  # not known as overflowing: nothing said
        many.laid_out(f"k{i}", f"c/m{i:02d}", 2 + (i == 7))
    text = many.warning()
    assert text is not None and text.count("\n") == 0
    assert "30 карт не уместились" in text and "c/m00" in text and "и ещё 20" in text and "до 3 стр." in text
    one.save()
    assert Overflows(tmp_path).known == {"k1": 2}


def test_rebuild_lays_out_only_the_changed_map(tmp_path):
    root = copy_examples(tmp_path / "p")
    add_map(root, "vtoraya", {'code: "15.02.16"': 'code: "15.02.15"', "Технология машиностроения": "Вторая карта"})
    cache = tmp_path / "cache"

    def build(n: int):
        return render_print(validate(root), tmp_path / f"site{n}", site_url=SITE_URL, cache_dir=cache, workers=2)

    first = build(1)
    # two maps, their two plan sheets, one card sheet, two booklet fronts (college and cluster)
    assert (first.rendered, first.reused) == (7, 0)
    second = build(2)
    assert (second.rendered, second.reused) == (0, 7)
    a4 = first.map_files[(CLUSTER, "tehnolog")]["a4"]
    assert (tmp_path / "site1" / a4).read_bytes() == (tmp_path / "site2" / a4).read_bytes()
    # the short-address pages (each map: a4, a3, booklet, plan; the cluster; the cards) are the same files, one
    # inode: the next build's comparison need not read them
    assert second.redirects == first.redirects and len(first.redirects) == 2 * 4 + 1 + 1
    for rel in first.redirects:
        assert (tmp_path / "site1" / rel).stat().st_ino == (tmp_path / "site2" / rel).stat().st_ino
    path = root / f"career_maps/{CLUSTER}/vtoraya.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("max: 38000", "max: 39000"), encoding="utf-8")
    third = build(3)
    assert (third.rendered, third.reused) == (1, 6)  # the changed map only (its plan sheet shows no maximum)
    assert "39 000" in pdf_text(tmp_path / "site3" / third.map_files[(CLUSTER, "vtoraya")]["a4"]).replace(
        "\u202f", " ")
    booklet = tmp_path / "site3" / third.booklets[0]
    assert "39 000" in pdf_text(booklet)
    logo = root / f"career_maps/{CLUSTER}/logos/sever-stanok.svg"
    logo.write_text(logo.read_text(encoding="utf-8").replace("</svg>", "<!-- new --></svg>"), encoding="utf-8")
    fourth = build(4)
    assert fourth.rendered == 2  # both maps show this employer's logo
    add_map(root, "tretya", {'code: "15.02.16"': 'code: "15.02.14"', "Технология машиностроения": "Третья карта"})
    fifth = build(5)
    assert len(fifth.redirects) == len(first.redirects) + 4  # a new map: a new set of redirect pages, all there
    for rel in fifth.redirects:
        assert "location.replace(" in (tmp_path / "site5" / rel).read_text(encoding="utf-8")


def test_in_process_render_matches_contract(tmp_path):
    """workers=1 renders in this process; the result has the same files."""
    root = copy_examples(tmp_path / "p")
    r = render_print(validate(root), tmp_path / "site", site_url=SITE_URL, workers=1)
    assert r.rendered == 5 and len(r.booklets) == 2 and len(r.cards) == 1


def test_a_job_that_cannot_be_made_stops_the_print_with_its_message(tmp_path, monkeypatch):
    """Jobs are made while the workers run (in the pool's feeding thread): an error there still reaches the
    caller as itself, and the pool does not hang."""
    from profkarta.errors import BuildError
    from profkarta.render.print import pipeline

    root = copy_examples(tmp_path / "p")
    add_map(root, "vtoraya", {'code: "15.02.16"': 'code: "15.02.15"', "Технология машиностроения": "Вторая карта"})
    real = pipeline.map_context

    def broken(entry, *args, **kwargs):
        if entry.id == "vtoraya":
            raise BuildError("карта vtoraya: логотип не читается")
        return real(entry, *args, **kwargs)

    monkeypatch.setattr(pipeline, "map_context", broken)
    with pytest.raises(BuildError, match="логотип не читается"):
        render_print(validate(root), tmp_path / "site", site_url=SITE_URL, workers=2)
