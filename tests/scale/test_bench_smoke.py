"""scripts/bench.py still runs against the code as it is (its figures are quoted in notes; a stale import would
only show at measuring time otherwise). Tiny N: this checks that it runs, not how fast."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def test_bench_runs_every_stage_on_a_tiny_corpus(tmp_path):
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "bench.py"), "-n", "12", "--print-sample", "2",
                           "--no-print-build", "--corpus", str(tmp_path / "c")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for stage in ("проверка:", "сайт:", "печать:", "полная сборка:", "после правки одной карты"):
        assert stage in done.stdout, (stage, done.stdout)
