"""Cost of PDF tags (PDF/UA-1): CPU seconds per map A4, laid out once, written with and without tags.

Usage: .venv/bin/python scripts/bench_pdf_tags.py [PROJECT] [MAPS]   (default: this repository's demo, 4 maps)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from profkarta.render.print import engine
from profkarta.render.print.context import THEME, Logos, map_context
from profkarta.render.print.templates import base_url, render_html
from profkarta.validate import validate


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    v = validate(root)
    norm = Path(tempfile.mkdtemp(prefix="bench-tags-"))
    logos = Logos(v.project, normalized=norm)
    allowed = [str(v.project.root), str(THEME), str(norm)]
    engine.init_worker()
    spent = {"layout": 0.0, False: 0.0, True: 0.0}
    maps = list(v.published(True))[:count]
    rounds = 4
    for e in maps:
        html = render_html("map.html.j2", map_context(e, v.project, "https://karty.example.ru/", logos))
        for r in range(rounds):
            t = time.process_time()
            doc = engine.layout(html, base_url(), allowed)
            spent["layout"] += time.process_time() - t
            for tagged in ((False, True) if r % 2 == 0 else (True, False)):  # alternate: no warm-cache bias
                engine.TAGGED = tagged
                t = time.process_time()
                engine.write_pdf(doc)
                spent[tagged] += time.process_time() - t
    n = len(maps) * rounds
    plain = (spent["layout"] + spent[False]) / n
    extra = (spent[True] - spent[False]) / n
    print(f"карт: {len(maps)}; на карту: вёрстка {spent['layout'] / n:.3f} с, "
          f"запись без тегов {spent[False] / n:.3f} с, с тегами {spent[True] / n:.3f} с; "
          f"теги добавляют {extra:.3f} с = {100 * extra / plain:.1f} % времени печати A4")


if __name__ == "__main__":
    main()
