#!/usr/bin/env bash
# CI: build the Linux bundle with the one build command, unpack the archive a center would
# download, check its SHA-256, and run the frozen self-test from it offscreen with the network
# cut off. Prints the bundle size and the self-test's "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's X11 plugin links these; PyInstaller copies them from this machine into the bundle.
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  BUILD_DEBS="binutils libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0
    libxcb-xkb1 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3"
  missing=""
  for deb in $BUILD_DEBS; do dpkg -s "$deb" >/dev/null 2>&1 || missing="$missing $deb"; done
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

PYTHON="${PYTHON:-python3}"
VENV="${VENV:-.venv}"  # the same environment scripts/test.sh sets up
[ -d "$VENV" ] || "$PYTHON" -m venv "$VENV"
. "$VENV/bin/activate"
python -m pip install -q -c constraints.txt -e ".[build]"

python packaging/build.py

# Unpack what a center downloads, in a fresh folder, and check it against its checksum.
ARCHIVE=$(ls -t packaging/dist/*-linux-*.tar.gz | head -1)
( cd "$(dirname "$ARCHIVE")" && sha256sum -c "$(basename "$ARCHIVE").sha256" )
UNPACKED=$(mktemp -d)
trap 'rm -rf "$UNPACKED"' EXIT
tar -xzf "$ARCHIVE" -C "$UNPACKED"
APPDIR=$(find "$UNPACKED" -mindepth 1 -maxdepth 1 -type d | head -1)

# Network made to fail: a private network namespace with no interfaces (root, or an
# unprivileged user namespace); otherwise the app's own guard plus a dead proxy.
offline() {
  if unshare -n true 2>/dev/null; then
    unshare -n "$@"
  elif unshare -rn true 2>/dev/null; then
    unshare -rn "$@"
  else
    echo "ci_build: no network namespace here; relying on the app's network guard" >&2
    http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 all_proxy=http://127.0.0.1:9 \
      no_proxy="" "$@"
  fi
}

export QT_QPA_PLATFORM=offscreen
export TOOLKIT_DATA_DIR="$UNPACKED/data" TOOLKIT_CACHE_DIR="$UNPACKED/cache"
offline "$APPDIR/toolkit" --version
offline "$APPDIR/toolkit" --quit-after-show
status=0
offline "$APPDIR/toolkit" selftest | tee "$UNPACKED/selftest.txt" || status=$?

# Portable mode: a ToolkitData folder beside the executable holds the data (USB stick).
mkdir "$APPDIR/ToolkitData"
env -u TOOLKIT_DATA_DIR -u TOOLKIT_CACHE_DIR "$APPDIR/toolkit" settings set org_name="Portable Check" >/dev/null
grep -q "Portable Check" "$APPDIR/ToolkitData/settings.json" || { echo "portable mode failed"; status=1; }
echo "portable mode: settings kept in ToolkitData beside the executable"

echo "bundle size unpacked: $(du -sm "$APPDIR" | cut -f1) MiB; archive: $(du -sm "$ARCHIVE" | cut -f1) MiB"
echo "frozen selftest: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$UNPACKED/selftest.txt" || echo 'no summary line')"
exit "$status"
