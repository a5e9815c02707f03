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

# One time for every archive member, fixed before the build (another commit landing meanwhile
# must not change it): the build and the second archiving below use the same.
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 1700000000)}"
export SOURCE_DATE_EPOCH

# The build fails when a bundled file needs a newer glibc than 2.34 (packaging/elf_check.py);
# the listing of every ELF file's highest GLIBC_x.y is packaging/dist/glibc-report.txt.
python packaging/build.py
echo "glibc: highest needed by any bundled file: $(awk '{print $1}' packaging/dist/glibc-report.txt | grep -v '^-' | sort -V | tail -1) (limit GLIBC_2.34)"

# Unpack what a center downloads, in a fresh folder, and check it against its checksum.
ARCHIVE=$(ls -t packaging/dist/*-linux-*.tar.xz | head -1)
( cd "$(dirname "$ARCHIVE")" && sha256sum -c "$(basename "$ARCHIVE").sha256" )
UNPACKED=$(mktemp -d)
trap 'rm -rf "$UNPACKED"' EXIT
tar -xJf "$ARCHIVE" -C "$UNPACKED"
APPDIR=$(find "$UNPACKED" -mindepth 1 -maxdepth 1 -type d | head -1)

# Reproducible: archiving the same folder again gives the same bytes.
python - "$APPDIR" "$UNPACKED/again.tar.xz" <<'PY'
import sys
from pathlib import Path
sys.path.insert(0, "packaging")
import build
build.make_tar_xz(Path(sys.argv[1]), Path(sys.argv[2]))
PY
FIRST=$(cut -d' ' -f1 "$ARCHIVE.sha256"); SECOND=$(sha256sum "$UNPACKED/again.tar.xz" | cut -d' ' -f1)
if [ "$FIRST" = "$SECOND" ]; then echo "reproducible: archived twice, same hash $FIRST"
else echo "NOT reproducible: $FIRST then $SECOND"; exit 1; fi
rm -f "$UNPACKED/again.tar.xz"

# No path of the build machine inside the bundle (library search paths, the Python prefix).
for built in "$PWD" "$(python -c 'import sys; print(sys.base_prefix)')"; do
  if grep -rlaF "$built" "$APPDIR" >/dev/null; then
    echo "build path $built found in:"; grep -rlaF "$built" "$APPDIR" | head -5; exit 1
  fi
done
echo "no build paths: neither $PWD nor the Python prefix appears in the bundle"

# The launcher the menu entry runs checks glibc before starting the app.
sh "$APPDIR/rights-toolkit" --check-system && echo "launcher: this system's glibc is new enough"

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
offline "$APPDIR/rights-toolkit" --quit-after-show  # through the launcher the menu runs
status=0
offline "$APPDIR/toolkit" selftest | tee "$UNPACKED/selftest.txt" || status=$?

# Portable mode (a USB stick): ToolkitData beside the unpacked, versioned folder holds the data,
# Qt's own settings included; a new version unpacked beside it finds the same data; HOME is
# never written (a GUI session and the upgrade leave a fresh HOME exactly as it was).
PORTABLE_HOME="$UNPACKED/home"
mkdir -p "$PORTABLE_HOME" "$UNPACKED/ToolkitData"
home_tree() { find "$PORTABLE_HOME" -printf '%P %s\n' | sort; }
HOME_BEFORE=$(home_tree)
portable() { env -u TOOLKIT_DATA_DIR -u TOOLKIT_CACHE_DIR -u XDG_CONFIG_HOME -u XDG_CACHE_HOME \
  -u XDG_DATA_HOME HOME="$PORTABLE_HOME" "$@"; }
portable "$APPDIR/toolkit" settings set org_name="Portable Check" >/dev/null
portable "$APPDIR/toolkit" --quit-after-show
grep -q "Portable Check" "$UNPACKED/ToolkitData/settings.json" || { echo "portable mode failed"; status=1; }
UPGRADED="$UNPACKED/RightsToolkit-99.0.0-linux-x86_64"
mv "$APPDIR" "$UPGRADED"  # the next version, unpacked beside the data
portable "$UPGRADED/toolkit" settings show | grep -q "Portable Check" \
  || { echo "portable mode: the upgraded app did not find ToolkitData"; status=1; }
portable "$UPGRADED/toolkit" --quit-after-show
if [ "$(home_tree)" != "$HOME_BEFORE" ]; then
  echo "portable mode wrote into HOME:"; home_tree; status=1
else
  echo "portable mode: data beside the app folder, found after an upgrade, HOME unchanged"
fi
APPDIR="$UPGRADED"

echo "bundle size unpacked: $(du -sm "$APPDIR" | cut -f1) MiB; archive: $(du -sm "$ARCHIVE" | cut -f1) MiB"
echo "frozen selftest: $(grep -E '^[0-9]+ passed, [0-9]+ failed' "$UNPACKED/selftest.txt" || echo 'no summary line')"
exit "$status"
