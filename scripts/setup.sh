#!/usr/bin/env bash
# Sets up a fresh Debian machine for profkarta: system libraries, browser for tests, .venv with the package.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pango/HarfBuzz for WeasyPrint (libharfbuzz-subset0 halves PDF time), DejaVu fonts (Cyrillic),
# poppler-utils (pdftoppm for looking at PDFs), chromium for the browser tests.
PKGS="python3 python3-venv python3-dev libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
fonts-dejavu-core fonts-dejavu-extra poppler-utils chromium"
missing=""
for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# LibreOffice Calc without GUI (≈270 MB, ≈30 s): the test that imports a workbook saved by Calc.
if ! dpkg -s libreoffice-calc-nogui >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui \
    >/dev/null || echo "LibreOffice не установлен: тест книги, сохранённой в Calc, будет пропущен"
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".[test]"
echo "Готово: окружение в .venv, команда .venv/bin/profkarta"
