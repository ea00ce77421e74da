"""Importing profkarta, or using it as a library, leaves the process as it was: argparse, Pillow, environment."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import argparse, os, pkgutil, importlib, json
from PIL import Image, ImageFile
before = (argparse._, Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, dict(os.environ))
import profkarta
skip = {"profkarta.__main__"}
for mod in pkgutil.walk_packages(profkarta.__path__, "profkarta."):
    if mod.name not in skip:
        importlib.import_module(mod.name)
after_import = (argparse._, Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, dict(os.environ))
from profkarta.validate import validate
from profkarta.cli import main
validate(__import__("pathlib").Path(ROOT))
try:
    main(["validate", "--help"])
except SystemExit:
    pass
after_use = (argparse._, Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, dict(os.environ))
print(json.dumps([before == after_import, before == after_use]))
"""


def test_import_and_use_change_no_process_wide_setting(tmp_path):
    from tests.util import copy_project

    root = copy_project(tmp_path)  # has raster logos: the image check runs with its own Pillow limits
    done = subprocess.run([sys.executable, "-c", SCRIPT.replace("ROOT", repr(str(root)))], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[true, true]", done.stdout + done.stderr
