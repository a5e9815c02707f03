#!/usr/bin/env bash
# Set up a virtual environment with the test tools and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
[ -d .venv ] || "$PYTHON" -m venv .venv
. .venv/bin/activate
python -m pip install -q -c constraints.txt --upgrade pip
python -m pip install -q -c constraints.txt -e ".[test]"
python -m pytest "$@"
