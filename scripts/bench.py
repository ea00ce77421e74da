"""Benchmark: profkarta on a synthetic national corpus, each figure next to its baseline, on one machine."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- corpus


def ensure_corpus(n: int, corpus: Path | None, seed: int) -> Path:
    if corpus and (corpus / "career_maps").is_dir():
        return corpus
    out = corpus or Path(tempfile.mkdtemp(prefix=f"profkarta-corpus-{n}-"))
    log(f"Генерирую корпус на {n} карт в {out} …")
    subprocess.run([PY, str(REPO / "scripts" / "gen_corpus.py"), str(n), str(out), "--seed", str(seed)], check=True,
                   stdout=sys.stderr)
    return out


# ---------------------------------------------------------------- validation


def bench_validation(root: Path) -> dict:
    import yaml

    from profkarta.validate import validate

    files = sorted((root / "career_maps").glob("*/*.yaml")) + sorted((root / "content").rglob("*.yaml"))
    teams = sorted((root / "content" / "ambassadors").glob("*.md"))
    t0 = time.perf_counter()
    for f in files:
        yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    for f in teams:
        yaml.load(f.read_text(encoding="utf-8").split("---", 2)[1], Loader=yaml.CSafeLoader)
    bare = time.perf_counter() - t0
    shutil.rmtree(root / ".profkarta-cache", ignore_errors=True)  # cold: no parse cache
    t0 = time.perf_counter()
    result = validate(root)
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    warm_result = validate(root)  # warm: nothing changed since the cold run
    warm = time.perf_counter() - t0
    maps = len(result.project.maps)
    assert warm_result.report.sorted() == result.report.sorted(), "warm validation found something else"
    # one map edited (a comment added: parsed and checked again, same findings): only it and the cross-file
    # rules run again
    edited = result.project.maps[len(result.project.maps) // 2].doc.path
    text = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(text + "\n# правка\n", encoding="utf-8")
        t0 = time.perf_counter()
        edit_result = validate(root)
        one_edit = time.perf_counter() - t0
    finally:
        edited.write_text(text, encoding="utf-8")
    assert edit_result.report.sorted() == result.report.sorted(), "validation after an edit found something else"
    return {"maps": maps, "files": len(files) + len(teams), "seconds": round(full, 2),
            "maps_per_s": round(maps / full), "bare_yaml_seconds": round(bare, 2),
            "bare_maps_per_s": round(maps / bare), "ratio_to_bare": round(full / bare, 2),
            "warm_seconds": round(warm, 2), "warm_maps_per_s": round(maps / warm),
            "one_edit_seconds": round(one_edit, 3),
            "errors": len(result.report.errors), "warnings": len(result.report.warnings)}, result


# ---------------------------------------------------------------- site


PLAIN_PAGE = """# Страница {i}: {title}

{para}

## Раздел

{para}

- пункт первый — {title}
- пункт второй
- пункт третий
"""


def plain_mkdocs(pages: int, work: Path) -> float:
    """A plain mkdocs build of the same number of ordinary Markdown pages, same theme and search.

    Its pages stay out of the navigation, as profkarta's maps do, so both builds are linear.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = work / "docs"
    docs.mkdir(parents=True)
    para = ("Выпускник колледжа работает на предприятии кластера, осваивает оборудование, повышает разряд и "
            "переходит на более оплачиваемую должность. ") * 3
    (docs / "index.md").write_text("# Главная\n\nОбычный сайт mkdocs для сравнения.\n", encoding="utf-8")
    for i in range(pages - 1):
        folder = docs / f"p{i // 500}"
        folder.mkdir(exist_ok=True)
        (folder / f"page-{i}.md").write_text(PLAIN_PAGE.format(i=i, title=f"Технолог {i}", para=para),
                                              encoding="utf-8")
    cfg = work / "mkdocs.yml"
    cfg.write_text(json.dumps({
        "site_name": "Сравнение", "site_url": "https://karty.example.ru/", "docs_dir": str(docs),
        "site_dir": str(work / "site"), "nav": [{"Главная": "index.md"}],
        "theme": {"name": "material", "language": "ru", "font": False},
        "plugins": [{"search": {"lang": "ru"}}]}, ensure_ascii=False), encoding="utf-8")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    t0 = time.perf_counter()
    build(load_config(str(cfg)))
    return time.perf_counter() - t0


def bench_site(validated, work: Path) -> dict:
    from profkarta.render.site import render_site

    out = work / "site"
    out.mkdir(parents=True)
    t0 = time.perf_counter()
    res = render_site(validated, out, site_url="https://karty.example.ru/", pdf_links=False)
    ours = time.perf_counter() - t0
    log(f"  profkarta: {res.pages} страниц за {ours:.1f} с; теперь обычный mkdocs …")
    plain = plain_mkdocs(res.pages, work / "plain")
    index = (out / "search" / "search_index.json").stat().st_size
    return {"pages": res.pages, "search_index_bytes": index,
            "search_index_bytes_per_map": round(index / max(1, res.maps)), "seconds": round(ours, 2),
            "plain_mkdocs_seconds": round(plain, 2),
            "ratio_to_plain": round(ours / plain, 2), "share_images_drawn": res.share_drawn,
            "stages_seconds": {k: round(v, 2) for k, v in res.timings.items()},
            "note": "stages: pages generated; mkdocs (hand-written, cluster, team, programme pages and the map "
                    "shells); waiting for the share images still being drawn by the worker processes; map pages "
                    "filled into the shells"}


# ---------------------------------------------------------------- print


def _sample(validated, m: int):
    from profkarta.validated import Validated

    maps = validated.published()
    step = max(1, len(maps) // m)
    chosen = maps[::step][:m]
    project = dataclasses.replace(validated.project, maps=chosen, teams=[])
    return Validated(project, validated.report), chosen


def bench_print(validated, m: int, work: Path) -> dict:
    from profkarta.render.print import render_print
    from profkarta.render.print.context import Logos, map_context
    from profkarta.render.print.engine import weasy
    from profkarta.measure import start_level
    from profkarta.render.print.templates import base_url, render_html

    sample, chosen = _sample(validated, m)
    wp = weasy()  # the import is paid once, outside both timings
    logos = Logos(sample.project)
    t0 = time.perf_counter()
    for e in chosen:
        html = render_html("map.html.j2", map_context(e, sample.project, "https://karty.example.ru/", logos))
        html = html.replace('class="map fit-0"', f'class="map fit-{start_level(e.model)}"', 1)
        wp.HTML(string=html, base_url=base_url()).write_pdf()
    bare = (time.perf_counter() - t0) / len(chosen)
    walls = {}
    per_map = None
    for workers in (1, 2):
        out = work / f"print-{workers}"
        t0 = time.perf_counter()
        res = render_print(sample, out, site_url="https://karty.example.ru/", workers=workers)
        walls[workers] = time.perf_counter() - t0
        if workers == 1:
            per_map = res.seconds.get("map", walls[1]) / len(chosen)
        shutil.rmtree(out)
    return {"sample_maps": len(chosen), "per_map_seconds": round(per_map, 3),
            "bare_weasyprint_per_map_seconds": round(bare, 3), "ratio_to_bare": round(per_map / bare, 2),
            "wall_1_worker": round(walls[1], 1), "wall_2_workers": round(walls[2], 1),
            "speedup_2_workers": round(walls[1] / walls[2], 2),
            "note": "per map = A4 layout (with fit retries) + PDF write + A3 derived by vector scaling; "
                    "bare = one WeasyPrint layout and write of the same HTML"}


def bench_national_print(validated, work: Path) -> dict:
    """Every print file of the corpus (A4, A3, booklets, cards, plan sheets) from an empty cache, 2 workers."""
    from profkarta.render.print import render_print

    out, cache = work / "out", work / "cache"
    watch = TreeRss(os.getpid())
    watch.start()
    t0 = time.perf_counter()
    res = render_print(validated, out, site_url="https://karty.example.ru/", workers=2, cache_dir=cache)
    wall = time.perf_counter() - t0
    watch.stop = True
    files = sum(1 for p in out.rglob("*.pdf"))
    size = sum(p.stat().st_size for p in out.rglob("*.pdf"))
    shutil.rmtree(work, ignore_errors=True)
    return {"wall_seconds": round(wall, 1), "pdf_files": files, "pdf_bytes": size, "maps": len(res.map_files),
            "booklets": len(res.booklets), "card_sheets": len(res.cards), "plan_sheets": len(res.plans),
            "worker_seconds": {k: round(v, 1) for k, v in res.seconds.items()}, "laid_out": res.rendered,
            "peak_pss_mb": round(watch.peak / 2**20)}


# ---------------------------------------------------------------- full and incremental build


class TreeRss(threading.Thread):
    """Peak memory of a process and all its descendants, sampled from /proc.

    Worker processes are forked, so they share most pages with the parent: the sum of RSS would
    count those pages once per process. The proportional set size (PSS, smaps_rollup) shares each
    page among the processes that map it, so the sum is the memory the build really occupies.
    """

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_rss, self.stop = pid, 0, 0, False

    def run(self) -> None:
        while not self.stop:
            pss, rss = self._tree()
            self.peak, self.peak_rss = max(self.peak, pss), max(self.peak_rss, rss)
            time.sleep(0.5)

    def _tree(self) -> tuple[int, int]:
        children: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if not d.isdigit():
                continue
            try:
                with open(f"/proc/{d}/stat") as fh:
                    parent = int(fh.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(d))
            except (OSError, IndexError, ValueError):
                continue
        pss = rss = 0
        todo = [self.pid]
        while todo:
            p = todo.pop()
            todo.extend(children.get(p, []))
            try:
                with open(f"/proc/{p}/smaps_rollup") as fh:
                    for line in fh:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                        elif line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
            except OSError:
                continue
        return pss, rss


def run_build(root: Path, site: Path, no_print: bool) -> dict:
    cmd = [str(Path(PY).with_name("profkarta")), "build", "-d", str(site), "--site-url", "https://karty.example.ru/"]
    if no_print:
        cmd.append("--no-print")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "200"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    watch = TreeRss(proc.pid)
    watch.start()
    out, _ = proc.communicate()
    watch.stop = True
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"сборка не удалась:\n{out[-3000:]}")
    m = re.search(r"PDF: \d+ \(нарисовано заново (\d+), из кэша (\d+)", out)
    pages = re.search(r"страниц карт нарисовано заново (\d+), из кэша (\d+)", out)
    share = re.search(r"картинок для соцсетей нарисовано (\d+)", out)
    mkdocs_reused = "mkdocs не запускался" in out
    return {"seconds": round(took, 1), "peak_rss_mb": round(watch.peak / 2**20),
            "peak_rss_sum_mb": round(watch.peak_rss / 2**20),
            "pdf_rendered": int(m.group(1)) if m else None, "pdf_reused": int(m.group(2)) if m else None,
            "map_pages_rendered": int(pages.group(1)) if pages else None,
            "map_pages_reused": int(pages.group(2)) if pages else None,
            "share_images_drawn": int(share.group(1)) if share else None, "mkdocs_reused": mkdocs_reused,
            "summary": out.strip().splitlines()[-12:]}


def edit_one_map(root: Path) -> str:
    """Raise one salary maximum in the first approved map (a draft is on neither the site nor the print)."""
    for path in sorted((root / "career_maps").glob("*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if path.name == "cluster.yaml" or not re.search(r"^status: *approved", text, re.M):
            continue
        new = re.sub(r"max: (\d+)", lambda mm: f"max: {int(mm.group(1)) + 1000}", text, count=1)
        path.write_text(new, encoding="utf-8")
        return str(path.relative_to(root))
    raise SystemExit("в корпусе нет утверждённой карты")


def bench_incremental(root: Path, work: Path, no_print: bool) -> dict:
    cache = root / ".profkarta-cache"
    shutil.rmtree(cache, ignore_errors=True)
    site = work / "site-full"
    full = run_build(root, site, no_print)
    log(f"  полная сборка: {full['seconds']} с, пик памяти {full['peak_rss_mb']} МБ; правлю одну карту …")
    edited = edit_one_map(root)
    again = run_build(root, site, no_print)
    return {"full_build": full, "edited": edited, "rebuild": again,
            "rebuild_share_of_full": round(again["seconds"] / full["seconds"], 3)}


# ---------------------------------------------------------------- main


def versions() -> dict:
    from importlib.metadata import version

    out = {"python": platform.python_version(), "cores": os.cpu_count(), "machine": platform.machine()}
    for pkg in ("profkarta", "mkdocs", "mkdocs-material", "weasyprint", "pydantic", "PyYAML", "pypdf"):
        try:
            out[pkg] = version(pkg)
        except Exception:
            out[pkg] = None
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="Замеры profkarta на синтетическом корпусе (рядом — базовые замеры).")
    ap.add_argument("-n", type=int, default=10_000, help="сколько карт в корпусе (по умолчанию 10000)")
    ap.add_argument("--corpus", type=Path, help="готовый корпус (иначе создаётся во временной папке)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--print-sample", type=int, default=60, help="на скольких картах мерить печать")
    ap.add_argument("--no-print-build", action="store_true",
                    help="полную и повторную сборку делать без PDF (для больших N, когда нет часа на печать)")
    ap.add_argument("--skip", default="", help="через запятую: validation,site,print,incremental")
    ap.add_argument("--national-print", action="store_true",
                    help="напечатать весь корпус (A4, A3, буклеты, карточки, планы) с пустым кэшем, 2 процесса")
    ap.add_argument("--json", type=Path, help="записать результаты в файл JSON")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    root = ensure_corpus(args.n, args.corpus, args.seed)
    work = Path(tempfile.mkdtemp(prefix="profkarta-bench-"))
    report: dict = {"n": args.n, "corpus": str(root), "versions": versions()}
    try:
        log("Проверка …")
        report["validation"], validated = bench_validation(root)
        if "site" not in skip:
            log("Сайт …")
            report["site"] = bench_site(validated, work / "s")
        if "print" not in skip:
            log("Печать …")
            report["print"] = bench_print(validated, args.print_sample, work / "p")
        if args.national_print:
            log("Вся печать корпуса …")
            report["national_print"] = bench_national_print(validated, work / "np")
        if "incremental" not in skip:
            log("Полная и повторная сборка …")
            report["incremental"] = bench_incremental(root, work / "i", args.no_print_build)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    show(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def show(r: dict) -> None:
    v = r["versions"]
    print(f"N = {r['n']} карт; ядер: {v['cores']}; Python {v['python']}, mkdocs {v['mkdocs']}, "
          f"mkdocs-material {v['mkdocs-material']}, WeasyPrint {v['weasyprint']}, pydantic {v['pydantic']}")
    val = r["validation"]
    print(f"проверка:   {val['maps_per_s']} карт/с ({val['seconds']} с; ошибок {val['errors']}, предупр. "
          f"{val['warnings']})  | голый yaml CSafeLoader: {val['bare_maps_per_s']} карт/с "
          f"({val['bare_yaml_seconds']} с)"
          f"  | отношение {val['ratio_to_bare']}× (цель ≤ 1,5)")
    print(f"проверка без изменений (тёплый кэш разбора): {val['warm_maps_per_s']} карт/с "
          f"({val['warm_seconds']} с; цель ≥ 5000 карт/с)")
    if "site" in r:
        s = r["site"]
        print(f"сайт:       {s['pages']} страниц за {s['seconds']} с  | обычный mkdocs столько же страниц: "
              f"{s['plain_mkdocs_seconds']} с  | отношение {s['ratio_to_plain']}× (цель ≤ 1,3)")
        print("            по стадиям: " + ", ".join(f"{k} {v} с" for k, v in s["stages_seconds"].items())
              + f"; картинок для соцсетей нарисовано {s['share_images_drawn']}")
        print(f"            поисковый индекс: {s['search_index_bytes']} байт = {s['search_index_bytes_per_map']} "
              "байт на карту (цель ≤ 300)")
    if "print" in r:
        p = r["print"]
        print(f"печать:     {p['per_map_seconds']} с на карту (A4+A3)  | голый WeasyPrint того же HTML: "
              f"{p['bare_weasyprint_per_map_seconds']} с  | отношение {p['ratio_to_bare']}× (цель ≤ 1,2); "
              f"2 процесса быстрее одного в {p['speedup_2_workers']}× (цель ≥ 1,7) на {p['sample_maps']} картах")
    if "national_print" in r:
        n = r["national_print"]
        print(f"вся печать: {n['wall_seconds']} с = {n['wall_seconds'] / 60:.1f} мин (цель ≤ 40 мин при N = 10 000); "
              f"{n['pdf_files']} PDF ({n['pdf_bytes'] / 2**20:.0f} МБ): карт {n['maps']}, буклетов {n['booklets']}, "
              f"листов карточек {n['card_sheets']}, планов {n['plan_sheets']}; сверстано {n['laid_out']}; "
              f"секунды процессов по видам {n['worker_seconds']}; пик памяти {n['peak_pss_mb']} МБ PSS")
    if "incremental" in r:
        i = r["incremental"]
        f, a = i["full_build"], i["rebuild"]
        print(f"полная сборка: {f['seconds']} с, пик памяти {f['peak_rss_mb']} МБ PSS всех процессов "
              f"(сумма RSS {f['peak_rss_sum_mb']} МБ считает общие страницы форков многократно; цель ≤ 1536), "
              f"PDF нарисовано {f['pdf_rendered']}")
        mk = "не запускался (прежний результат из кэша)" if a["mkdocs_reused"] else "собирал заново"
        print(f"после правки одной карты ({i['edited']}): {a['seconds']} с = {i['rebuild_share_of_full'] * 100:.1f} % "
              f"полной (цель ≤ 10 с и ≤ 10 %); пик памяти {a['peak_rss_mb']} МБ; mkdocs {mk}; "
              f"PDF нарисовано заново {a['pdf_rendered']}, из кэша {a['pdf_reused']}; "
              f"страниц карт нарисовано заново {a['map_pages_rendered']}, из кэша {a['map_pages_reused']}; "
              f"картинок для соцсетей {a['share_images_drawn']}")


if __name__ == "__main__":
    sys.exit(main())
