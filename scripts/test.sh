#!/usr/bin/env bash
# Runs the whole test suite (sets up first; the set-up is quick when nothing is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m pytest "$@"
