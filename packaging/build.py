"""Build the app for the platform this runs on, and archive it with a SHA-256 beside it.

    python packaging/build.py            # Linux .tar.gz, macOS .app in a .zip, Windows .zip
    python packaging/build.py --clean    # start from an empty PyInstaller cache

Needs the build extra (``pip install -c constraints.txt -e ".[build]"``).
Everything lands in packaging/dist/.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = HERE / "dist"
BUNDLE_DIST = DIST / "bundle"
WORK = HERE / "build" / "work"
sys.path.insert(0, str(HERE))

import notices  # noqa: E402
import spec_support  # noqa: E402

DESKTOP_FILE = "rights-toolkit.desktop"
ICON_FILE = "rights-toolkit.png"
INSTALL_SCRIPT = "install.sh"


def platform_tag() -> str:
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    if sys.platform.startswith("win"):
        return f"windows-{machine}"
    if sys.platform == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


def check_translations() -> None:
    """Warn when the compiled interface translations lag behind the sources."""
    result = subprocess.run(
        [sys.executable, "-m", "toolkit.catalogs", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).strip().splitlines()
        print(
            f"build: warning: {len(lines)} translation problems (run `python -m toolkit.catalogs`"
            " and translate before a release), first ones:"
        )
        for line in lines[:3]:
            print(f"  {line}")


def run_pyinstaller(clean: bool) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(BUNDLE_DIST),
        "--workpath",
        str(WORK),
        *(["--clean"] if clean else []),
        str(HERE / "toolkit.spec"),
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    identity = spec_support.app_identity()
    if sys.platform == "darwin":
        return BUNDLE_DIST / f"{identity['name']}.app"
    return BUNDLE_DIST / identity["gui_exe"]


def desktop_entry(name: str, version: str) -> str:
    # Exec and Icon are filled in with absolute paths by install.sh, where the folder ends up.
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={name}\n"
        f"Version=1.5\n"
        "Comment=Know-your-rights guides, rights cards, letters and incident notes, offline\n"
        "Comment[es]=Guías de derechos, tarjetas, cartas y notas de incidentes, sin conexión\n"
        'Exec="@APPDIR@/toolkit"\n'
        "Icon=@APPDIR@/" + ICON_FILE + "\n"
        "Terminal=false\n"
        "Categories=Office;Education;\n"
        "StartupWMClass=toolkit\n"
        f"X-RightsToolkit-Version={version}\n"
    )


INSTALL_SH = r"""#!/bin/sh
# Add Rights Toolkit to this user's application menu (no administrator rights needed).
#   sh install.sh              add the menu entry for the app in this folder
#   sh install.sh --uninstall  remove the menu entry (the folder itself stays)
# Run it again if you move this folder.
set -eu
APPDIR=$(cd "$(dirname "$0")" && pwd)
APPS="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
ENTRY="$APPS/rights-toolkit.desktop"
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$ENTRY"
  echo "Removed $ENTRY"
  exit 0
fi
mkdir -p "$APPS"
# Escape the characters sed treats specially in a replacement.
SAFE=$(printf '%s' "$APPDIR" | sed 's/[&|\\]/\\&/g')
sed "s|@APPDIR@|$SAFE|g" "$APPDIR/rights-toolkit.desktop" > "$ENTRY"
chmod 644 "$ENTRY"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
echo "Rights Toolkit is now in your applications menu ($ENTRY)."
echo "To keep its data on this drive instead (USB stick), create: $APPDIR/ToolkitData"
"""


def stage_linux(bundle: Path, staged: Path) -> Path:
    """The folder that goes into the .tar.gz: the bundle, a .desktop file, icon and install.sh."""
    identity = spec_support.app_identity()
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(bundle, staged, symlinks=True)
    shutil.copy2(ROOT / "assets" / "icons" / "toolkit.png", staged / ICON_FILE)
    (staged / DESKTOP_FILE).write_text(
        desktop_entry(identity["name"], identity["version"]), encoding="utf-8"
    )
    script = staged / INSTALL_SCRIPT
    script.write_text(INSTALL_SH, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return staged


def _normalized(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Same files, same archive: no build machine's user names or owners inside.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def make_tar_gz(folder: Path, archive: Path) -> Path:
    with tarfile.open(archive, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=folder.name, filter=_normalized)
    return archive


def make_zip(folder: Path, archive: Path) -> Path:
    if sys.platform == "darwin" and shutil.which("ditto"):
        # ditto keeps the .app's symlinks, permissions and signature intact.
        subprocess.run(
            ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(folder), str(archive)],
            check=True,
        )
        return archive
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, str(Path(folder.name) / path.relative_to(folder)))
    return archive


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksum(archive: Path) -> Path:
    """``<hash>  <name>``: the format sha256sum -c and shasum -a 256 -c read."""
    target = archive.with_name(archive.name + ".sha256")
    target.write_text(f"{sha256_of(archive)}  {archive.name}\n", encoding="utf-8")
    return target


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def package(bundle: Path) -> Path:
    identity = spec_support.app_identity()
    stem = f"{identity['gui_exe']}-{identity['version']}-{platform_tag()}"
    if sys.platform.startswith("linux"):
        staged = stage_linux(bundle, DIST / stem)
        archive = make_tar_gz(staged, DIST / f"{stem}.tar.gz")
        shutil.rmtree(staged)
        return archive
    if sys.platform == "darwin":
        return make_zip(bundle, DIST / f"{stem}.zip")
    staged = DIST / stem
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(bundle, staged)
    archive = make_zip(staged, DIST / f"{stem}.zip")
    shutil.rmtree(staged)
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument(
        "--no-archive", action="store_true", help="build the bundle folder only (CI, bench)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    check_translations()
    bundle = run_pyinstaller(args.clean)
    notices.write_notices(bundle / "Contents" / "Resources" if bundle.suffix == ".app" else bundle)
    print(f"build: bundle {bundle} ({folder_size(bundle) / 1e6:.1f} MB unpacked)")
    if not args.no_archive:
        archive = package(bundle)
        checksum = write_checksum(archive)
        print(f"build: archive {archive} ({archive.stat().st_size / 1e6:.1f} MB)")
        print(f"build: checksum {checksum}: {checksum.read_text(encoding='utf-8').strip()}")
    print(f"build: done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
