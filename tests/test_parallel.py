"""The pool helper: forked workers do not copy the parent's memory through the cyclic collector."""

from __future__ import annotations

import gc

from profkarta import parallel


def _frozen(_: int) -> int:
    return gc.get_freeze_count()


def test_forked_workers_start_with_the_parent_frozen_and_the_parent_thaws(fork_here):
    if not fork_here:
        return
    keep = [[i] for i in range(1000)]  # objects the collector would scan in a child
    p = parallel.pool(2)
    assert p is not None
    with p:
        counts = p.map(_frozen, [1, 2])
    assert all(c >= len(keep) for c in counts)
    assert gc.get_freeze_count() == 0  # the parent collects as before


def test_small_work_runs_inline():
    assert list(parallel.imap(_frozen, [1], 2)) == [gc.get_freeze_count()]


def _pid(_: int) -> int:
    import os

    return os.getpid()


def test_batches_take_items_lazily_and_replace_the_workers(fork_here):
    if not fork_here:
        return
    made: list[int] = []

    def items():
        for i in range(12):
            made.append(i)
            yield i

    seen = []
    pids = []
    for pid in parallel.imap_batches(_pid, items(), 2, batch=4):
        seen.append(len(made))
        pids.append(pid)
    assert len(pids) == 12
    assert seen[0] < 12  # the first result came before every item had been made
    assert len(set(pids)) > 2  # each batch of 4 ran in a fresh pair of workers


def test_batches_inline_with_one_worker_calls_the_initializer_once():
    calls = []
    out = list(parallel.imap_batches(abs, iter([-1, -2, -3]), 1, batch=2, initializer=lambda: calls.append(1)))
    assert out == [1, 2, 3] and calls == [1]
