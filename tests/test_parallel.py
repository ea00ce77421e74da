"""The pool helper: forked workers do not copy the parent's memory through the cyclic collector."""

from __future__ import annotations

import gc

import pytest

from profkarta import parallel


def _frozen(_: int) -> int:
    return gc.get_freeze_count()


def test_forked_workers_start_with_the_parent_frozen_and_the_parent_thaws():
    if not parallel.fork_is_safe():  # decided when the test runs: earlier tests may have left threads alive
        pytest.skip("fork is unsafe here (threads alive)")
    keep = [[i] for i in range(1000)]  # objects the collector would scan in a child
    p = parallel.pool(2)
    assert p is not None
    with p:
        counts = p.map(_frozen, [1, 2])
    assert all(c >= len(keep) for c in counts)
    assert gc.get_freeze_count() == 0  # the parent collects as before


def test_small_work_runs_inline():
    assert list(parallel.imap(_frozen, [1], 2)) == [gc.get_freeze_count()]
