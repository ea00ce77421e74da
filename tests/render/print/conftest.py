"""Fixtures for print tests: the example project built once per session."""

from __future__ import annotations

import pytest
from printkit import SITE_URL, copy_examples

from profkarta.validate import validate


@pytest.fixture(scope="session")
def public_build(tmp_path_factory):
    """The example project built once (public build, no cache): (validated, out_dir, result)."""
    from profkarta.render.print import render_print

    root = copy_examples(tmp_path_factory.mktemp("ex") / "project")
    v = validate(root)
    out = tmp_path_factory.mktemp("site")
    progress: list[tuple[int, int]] = []
    result = render_print(v, out, site_url=SITE_URL, workers=2, on_progress=lambda d, t: progress.append((d, t)))
    return v, out, result, progress
