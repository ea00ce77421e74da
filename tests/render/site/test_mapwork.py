"""Share images, slides and embeds made by forked workers during mkdocs are the files one process makes alone;
the cached drawing of share images gives exactly the pixels of ImageDraw.text."""

from __future__ import annotations

import hashlib
import importlib.util
import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from profkarta import parallel
from profkarta.render.site import mapwork, render_site, share
from profkarta.validate import validate

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "gen_corpus.py"
N = 48  # more than mapwork.INLINE_BELOW: the workers really run


def _files(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_workers_write_the_same_site_as_one_process(tmp_path, monkeypatch, fork_here):
    if not fork_here:
        return
    spec = importlib.util.spec_from_file_location("gen_corpus", SCRIPT)
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.generate(N, tmp_path / "corpus", seed=3)
    validated = validate(tmp_path / "corpus")
    assert len(validated.published()) >= mapwork.INLINE_BELOW
    started = []
    real = parallel.Background.__init__

    def spy(self, *args, **kwargs):
        real(self, *args, **kwargs)
        started.append(self._pool is not None)

    monkeypatch.setattr(parallel.Background, "__init__", spy)
    sites = {}
    for workers in (1, 2):
        out = tmp_path / f"site-{workers}"
        out.mkdir()
        res = render_site(validated, out, site_url="https://karty.example.ru/", workers=workers)
        assert res.share_drawn == res.maps == res.channels_rendered
        sites[workers] = _files(out)
    assert started == [False, True]  # one process, then a pool
    one, two = sites[1], sites[2]
    assert one.keys() == two.keys()
    assert sum(name.startswith("share/") for name in one) == res.maps
    differ = sorted(name for name in one if one[name] != two[name])
    assert not differ, differ


@pytest.mark.parametrize("lines", [
    ("«Профессионалитет»", "Специальность 15.02.16", "Технология машиностроения", "Колледж № 9 имени Героя",
     "Зарплата: от 45 000 ₽ до 180 000 ₽ в месяц", "Машиностроение · Свердловская область", ""),
    ("«Профессионалитет»", "Профессия 09.01.03", "Очень длинное название профессии " * 6, "Колледж " * 25,
     "Зарплата: от 1 ₽ до 2 ₽ в месяц", "Где-то далеко · " * 12, "ПРОЕКТ"),
])
def test_cached_text_is_drawn_as_imagedraw_draws_it(lines, monkeypatch):
    fast = io.BytesIO()
    share.draw_share(lines, fast)
    share.draw_share(lines, io.BytesIO())  # the second time from the caches

    def plain(d, xy, text, font, fill):
        d.text(xy, text, font=font, fill=fill)

    monkeypatch.setattr(share, "_text", plain)
    reference = io.BytesIO()
    share.draw_share(lines, reference)
    assert fast.getvalue() == reference.getvalue()
    a, b = Image.open(fast), Image.open(reference)
    assert ImageChops.difference(a.convert("RGB"), b.convert("RGB")).getbbox() is None


def test_build_progress_bar_leaves_the_build_free_to_fork():
    # a refresh thread would make parallel.fork_is_safe() false: `profkarta build` would then do all in one process
    import threading

    from rich.console import Console

    from profkarta.commands.build import progress_bar

    before = threading.active_count()
    with progress_bar(Console(file=io.StringIO(), force_terminal=True)) as bar:
        task = bar.add_task("Страницы", total=2)
        bar.update(task, completed=1)
        assert threading.active_count() == before
        if before == 1:
            assert parallel.fork_is_safe() or not parallel.can_start()
