"""One way to spread work over processes: fork where it is safe, spawn elsewhere, inline when it does not pay."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
MAX_WORKERS = 8


def workers(requested: int | None = None) -> int:
    """How many processes: as asked, else one per core, at most MAX_WORKERS, at least one."""
    return max(1, min(requested or os.cpu_count() or 1, MAX_WORKERS))


def fork_is_safe() -> bool:
    """fork copies only the calling thread: with other threads alive (serve's HTTP server, a pool's helpers)
    a lock one of them holds stays locked forever in the child. Fork only a single-threaded process."""
    return ("fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
            and not multiprocessing.current_process().daemon)


def can_start() -> bool:
    """A daemonic worker may not start processes of its own."""
    return not multiprocessing.current_process().daemon


def _context(inherit: bool):
    if fork_is_safe():
        return multiprocessing.get_context("fork")
    if inherit:
        return None  # the work needs what this process holds (fork's copy): run it here instead
    return multiprocessing.get_context("spawn")


def pool(n: int, *, inherit: bool = False, initializer: Callable[..., Any] | None = None,
         initargs: tuple = ()) -> Pool | None:
    """A pool of n processes, or None when the work should run in this process.

    inherit=True: the function reads module state set up before the pool (fork passes it for free); where
    fork is unsafe such work runs inline rather than in spawned processes that would not have that state.
    """
    if n < 2 or not can_start():
        return None
    ctx = _context(inherit)
    if ctx is None:
        return None
    if ctx.get_start_method() != "fork":
        return ctx.Pool(n, initializer=initializer, initargs=initargs)
    # A forked child shares the parent's memory until it writes to it, and the cyclic collector writes into
    # the header of every object it scans: at 10,000 maps each print worker copied about 400 MB of the
    # parent that way. Objects frozen at the fork are never scanned by the children; the parent thaws at once.
    gc.freeze()
    try:
        return ctx.Pool(n, initializer=initializer, initargs=initargs)
    finally:
        gc.unfreeze()


def imap(fn: Callable[[T], R], items: Iterable[T], n: int, *, inherit: bool = False, min_items: int = 2,
         initializer: Callable[..., Any] | None = None, ordered: bool = True) -> Iterator[R]:
    """fn over items in n processes (results in order unless ordered=False), or inline for small work."""
    items = list(items)
    p = pool(min(n, len(items)), inherit=inherit, initializer=initializer) if len(items) >= min_items else None
    if p is None:
        if initializer is not None:
            initializer()
        yield from map(fn, items)
        return
    with p:
        yield from (p.imap(fn, items) if ordered else p.imap_unordered(fn, items))


def imap_batches(fn: Callable[[T], R], items: Iterable[T], n: int, *, batch: int,
                 initializer: Callable[..., Any] | None = None) -> Iterator[R]:
    """fn over items in n processes, results as they come; a fresh pool for every `batch` items.

    For long runs of heavy jobs (national print): items are drawn from the iterable only as the workers take
    them, so a generator that builds each job keeps one or two jobs in memory instead of all of them; and
    workers are replaced every batch, so what a library keeps between jobs (WeasyPrint's and Pango's caches
    grew by about 12 MB a minute per worker) is given back. Every pool is forked from this thread with no
    other thread alive: the pool's own threads of the previous batch have been joined by then."""
    it = iter(items)
    started = False
    while True:
        head = list(islice(it, 1))
        if not head:
            return
        part = chain(head, islice(it, batch - 1))
        p = pool(n, initializer=initializer)
        if p is None:
            if initializer is not None and not started:
                initializer()
            started = True
            yield from map(fn, part)
            continue
        with p:  # leaving the block terminates the workers: every result of the batch has been taken by then
            yield from p.imap_unordered(fn, part)


def chunks(items: list[T], n: int, per_worker: int = 4, least: int = 1) -> list[list[T]]:
    """Split items into about n × per_worker chunks of at least `least` items (fewer round trips)."""
    size = max(least, -(-len(items) // max(1, n * per_worker)))
    return [items[i:i + size] for i in range(0, len(items), size)]


class Background:
    """fn over items in worker processes while this process does something else; wait() collects."""

    def __init__(self, fn: Callable[[T], R], items: list[T], n: int, *, min_items: int = 2, inherit: bool = False):
        """inherit: as for pool(); where fork is unsafe such work runs in this process when wait() is called."""
        self.fn, self.items = fn, items
        self._pool = pool(min(n, len(items)), inherit=inherit) if len(items) >= min_items else None
        self._pending: AsyncResult | None = self._pool.map_async(fn, items) if self._pool is not None else None

    def wait(self) -> list:
        if self._pool is None or self._pending is None:
            return [self.fn(i) for i in self.items]
        try:
            return self._pending.get()
        finally:
            self._pool.close()
            self._pool.join()

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
