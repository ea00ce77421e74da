#!/usr/bin/env bash
# The lint and type gate: ruff (rules and line length in pyproject.toml) and mypy on src/. Both must be clean.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || bash scripts/setup.sh
.venv/bin/python -m ruff check src tests scripts
.venv/bin/python -m mypy
