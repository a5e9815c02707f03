#!/usr/bin/env bash
# Refresh constraints.txt, the one list of exact versions that scripts/run.sh, scripts/test.sh,
# .ci/run and the packaging build install. Run it after changing a dependency in pyproject.toml,
# then run the tests and commit both files:
#     bash scripts/lock.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip
"$tmp/venv/bin/python" -m pip install -q ".[test,build]"
{
  echo "# Exact versions for the app, its tests and its build; made by scripts/lock.sh"
  echo "# on $(date -u +%Y-%m-%d) with $("$tmp/venv/bin/python" --version). Install with -c constraints.txt."
  "$tmp/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v -i '^rights-toolkit'
  # What PyInstaller needs only on Windows or macOS (not resolvable on Linux): pinned by hand.
  echo 'pefile==2024.8.26 ; sys_platform == "win32"'
  echo 'pywin32-ctypes==0.2.3 ; sys_platform == "win32"'
  echo 'colorama==0.4.6 ; sys_platform == "win32"'
  echo 'macholib==1.16.4 ; sys_platform == "darwin"'
} > constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) pins"
