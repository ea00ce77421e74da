"""Per-map work that needs nothing from mkdocs (share image, slides, embed): worker processes do it while it runs."""

from __future__ import annotations

from pathlib import Path

from profkarta import parallel
from profkarta.render.site.channels import ChannelWriter
from profkarta.render.site.share import write_share

INLINE_BELOW = 40  # a pool costs more than it saves for a handful of maps
_STATE: dict = {}  # what forked workers inherit: the share jobs and the channel writer


def _run(indices: list[int]) -> tuple[int, int]:
    """(share images drawn anew, maps whose slides and embed were rendered) for some maps."""
    jobs, channels = _STATE["share"], _STATE["channels"]
    drawn = made = 0
    for i in indices:
        lines, out, cache = jobs[i]
        drawn += write_share(lines, Path(out), Path(cache) if cache else None)
        made += channels.write_map(channels.data.maps[i])
    return drawn, made


class MapWork:
    """Draws every map's share image and writes its slides and embed, by forked workers while mkdocs builds.

    The two do not meet: mkdocs writes none of these files. Where fork is unsafe (serve's threads) the work
    runs in this process when wait() is called."""

    def __init__(self, share_jobs: list[tuple[tuple[str, ...], str, str | None]], channels: ChannelWriter,
                 workers: int | None = None):
        if len(share_jobs) != len(channels.data.maps):
            raise ValueError("one share image per map")
        out = channels.out_dir
        self.jobs = [(lines, str(out / rel), cache) for lines, rel, cache in share_jobs]
        self.channels = channels
        self.workers = parallel.workers(workers)
        self._work: parallel.Background | None = None

    def start(self) -> None:
        _STATE.update(share=self.jobs, channels=self.channels)
        items = parallel.chunks(list(range(len(self.jobs))), self.workers, per_worker=8, least=10)
        self._work = parallel.Background(_run, items, self.workers, inherit=True,
                                         min_items=2 if len(self.jobs) >= INLINE_BELOW else 10**9)

    def wait(self) -> tuple[int, int]:
        """(share images drawn anew, maps whose slides and embed were rendered); the rest came from the cache."""
        if self._work is None:
            self.start()
        assert self._work is not None
        try:
            done = self._work.wait()
        finally:
            _STATE.clear()
        self.channels.write_colleges()
        return sum(d for d, _ in done), sum(m for _, m in done)

    def cancel(self) -> None:
        if self._work is not None:
            self._work.cancel()
        _STATE.clear()
