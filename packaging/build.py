"""Build the app for the platform this runs on, and archive it with a SHA-256 beside it.

    python packaging/build.py            # Linux .tar.xz, macOS .app in a .zip, Windows .zip
    python packaging/build.py --clean    # start from an empty PyInstaller cache

Needs the build extra (``pip install -c constraints.txt -e ".[build]"``).
Everything lands in packaging/dist/.
"""

from __future__ import annotations

import argparse
import hashlib
import lzma
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

import elf_check  # noqa: E402
import notices  # noqa: E402
import spec_support  # noqa: E402

DESKTOP_FILE = "rights-toolkit.desktop"
ICON_FILE = "rights-toolkit.png"
INSTALL_SCRIPT = "install.sh"
LAUNCH_SCRIPT = "rights-toolkit"
GLIBC_REPORT = DIST / "glibc-report.txt"
# Archive members get this time when neither SOURCE_DATE_EPOCH nor git says otherwise.
FALLBACK_EPOCH = 1_700_000_000


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
        f'Exec="@APPDIR@/{LAUNCH_SCRIPT}"\n'
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
# The same check the menu entry makes: refuse to add an entry that could not start.
if ! sh "$APPDIR/rights-toolkit" --check-system; then
  echo "The menu entry was not added." >&2
  exit 1
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


# The menu entry starts this, not the executable: on a system whose C library (glibc) is too old
# the executable cannot even start, and a menu entry that does nothing explains nothing.
LAUNCH_SH = r"""#!/bin/sh
# Start Rights Toolkit, after checking that this computer's C library (glibc) is new enough.
#   ./rights-toolkit [toolkit arguments]   start the app (what the menu entry runs)
#   ./rights-toolkit --check-system        only check; exit status 1 and an explanation if not
APPDIR=$(cd "$(dirname "$0")" && pwd)
NEED=@NEED@
HAVE=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
[ -n "$HAVE" ] || HAVE=$(ldd --version 2>/dev/null | head -n 1 | grep -oE '[0-9]+[.][0-9]+$')

older() {  # is version $1 older than $2?
  FIRST=$(printf '%s\n%s\n' "$1" "$2" | sort -t . -k 1,1n -k 2,2n | head -n 1)
  [ "$1" != "$2" ] && [ "$FIRST" = "$1" ]
}

explain() {
  case "${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}" in
    es*) printf '%s\n' \
      "Rights Toolkit no puede iniciarse en esta computadora." "" \
      "Necesita un sistema Linux más nuevo: la biblioteca C (glibc) $NEED o posterior." \
      "Esta computadora tiene $1." "" \
      "Funciona, por ejemplo, con Ubuntu 22.04, Linux Mint 21, Debian 12, Fedora 36 o más nuevos." \
      "Actualice el sistema o use otra computadora. Sus datos no se han tocado." ;;
    *) printf '%s\n' \
      "Rights Toolkit cannot start on this computer." "" \
      "It needs a newer Linux system: the C library (glibc) $NEED or later." \
      "This computer has $1." "" \
      "It runs on, for example, Ubuntu 22.04, Linux Mint 21, Debian 12, Fedora 36 or newer." \
      "Update the system or use another computer. Your data has not been touched." ;;
  esac
}

show() {  # the explanation on the terminal, else in a window, else in a file that is opened
  TEXT=$(explain "$1")
  printf '%s\n' "$TEXT" >&2
  [ -t 2 ] && return 0
  if command -v zenity >/dev/null 2>&1; then
    zenity --error --no-markup --text="$TEXT" && return 0
  fi
  if command -v kdialog >/dev/null 2>&1; then kdialog --error "$TEXT" && return 0; fi
  if command -v xmessage >/dev/null 2>&1; then xmessage -center "$TEXT" && return 0; fi
  FILE="${TMPDIR:-/tmp}/rights-toolkit-cannot-start.txt"
  printf '%s\n' "$TEXT" > "$FILE"
  command -v notify-send >/dev/null 2>&1 && notify-send "Rights Toolkit" "$TEXT"
  command -v xdg-open >/dev/null 2>&1 && xdg-open "$FILE" >/dev/null 2>&1 &
  return 0
}

if [ -z "$HAVE" ]; then
  show "no GNU C library (glibc)"
  exit 1
fi
if older "$HAVE" "$NEED"; then
  show "glibc $HAVE"
  exit 1
fi
[ "${1:-}" = "--check-system" ] && exit 0
exec "$APPDIR/toolkit" "$@"
"""


def launch_script() -> str:
    return LAUNCH_SH.replace("@NEED@", ".".join(str(n) for n in elf_check.MAX_GLIBC))


def stage_linux(bundle: Path, staged: Path) -> Path:
    """What goes into the .tar.xz: the bundle, .desktop file, icon, launcher and install.sh."""
    identity = spec_support.app_identity()
    if staged.exists():
        shutil.rmtree(staged)
    shutil.copytree(bundle, staged, symlinks=True)
    shutil.copy2(ROOT / "assets" / "icons" / "toolkit.png", staged / ICON_FILE)
    (staged / DESKTOP_FILE).write_text(
        desktop_entry(identity["name"], identity["version"]), encoding="utf-8"
    )
    for name, text in ((INSTALL_SCRIPT, INSTALL_SH), (LAUNCH_SCRIPT, launch_script())):
        script = staged / name
        script.write_text(text, encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return staged


def source_epoch() -> int:
    """The time every archive member gets: SOURCE_DATE_EPOCH, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    stamp = result.stdout.strip()
    return int(stamp) if result.returncode == 0 and stamp.isdigit() else FALLBACK_EPOCH


def _members(folder: Path) -> list[Path]:
    """The folder and everything in it, in one fixed order (sorted by path, byte-wise)."""
    return [folder, *sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix())]


def _mode(path: Path) -> int:
    # Only "executable or not" survives: the build machine's umask does not reach the archive.
    if path.is_symlink():
        return 0o777
    if path.is_dir() or path.stat().st_mode & stat.S_IXUSR:
        return 0o755
    return 0o644


def make_tar_xz(folder: Path, archive: Path, epoch: int | None = None) -> Path:
    """A reproducible .tar.xz: the same files give the same bytes (times, order, owners, modes).

    xz keeps no time stamp or file name of its own (gzip does), and packs the bundle a quarter
    smaller than gzip.
    """
    mtime = source_epoch() if epoch is None else epoch
    with (
        lzma.open(archive, "wb", format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC64, preset=6) as out,
        tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in _members(folder):
            info = tar.gettarinfo(
                str(path), arcname=str(Path(folder.name) / path.relative_to(folder))
            )
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = mtime
            info.mode = _mode(path)
            info.pax_headers = {}
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    return archive


def make_zip(folder: Path, archive: Path, epoch: int | None = None) -> Path:
    if sys.platform == "darwin" and shutil.which("ditto"):
        # ditto keeps the .app's symlinks, permissions and signature intact.
        subprocess.run(
            ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(folder), str(archive)],
            check=True,
        )
        return archive
    # Reproducible like the .tar.xz: fixed order, time and permissions.
    stamp = time.gmtime(max(source_epoch() if epoch is None else epoch, 315532800))[:6]
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in _members(folder)[1:]:
            if path.is_file():
                name = (Path(folder.name) / path.relative_to(folder)).as_posix()
                info = zipfile.ZipInfo(name, date_time=stamp)  # type: ignore[arg-type]
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (stat.S_IFREG | _mode(path)) << 16
                zf.writestr(info, path.read_bytes(), compresslevel=9)
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


def finish_linux_bundle(bundle: Path) -> None:
    """No build-machine paths in the ELF files, and nothing needing a newer glibc than 2.34.

    Fails the build (SystemExit) when a file still needs a newer glibc; the full listing, one
    line per ELF file with the highest GLIBC_x.y it needs, is in packaging/dist/glibc-report.txt.
    """
    removed: dict[str, int] = {}
    for path in elf_check.elf_files(bundle):
        for search_path in elf_check.remove_build_paths(path):
            removed[search_path] = removed.get(search_path, 0) + 1
        for change in elf_check.relax_symbol_versions(path):
            print(f"build: {path.relative_to(bundle)}: {change}")
    for search_path, count in sorted(removed.items()):
        print(f"build: removed the library search path {search_path} from {count} files")
    _blank_python_prefix(bundle)
    listing, problems = elf_check.check_glibc(bundle)
    GLIBC_REPORT.parent.mkdir(parents=True, exist_ok=True)
    GLIBC_REPORT.write_text(listing, encoding="utf-8")
    limit = elf_check.format_version(elf_check.MAX_GLIBC)
    if problems:
        print(f"build: FAILED: {len(problems)} bundled files need more than {limit}:")
        for problem in problems:
            print(f"  {problem}")
        print("  leave the library out (spec_support.SYSTEM_LIBRARIES) or build on an older system")
        raise SystemExit(1)
    count = len(listing.splitlines())
    print(f"build: glibc check passed: {count} ELF files, none needs more than {limit}")


def _blank_python_prefix(bundle: Path) -> None:
    # The Python build's install prefix is compiled into libpython as a fallback for finding
    # the standard library; the frozen app is told where its library is, so it is never read.
    # Only up to the last "/": the linker shares string tails, and the prefix's last part
    # ("3.11.7") is also the interpreter's version string.
    prefix = sys.base_prefix.encode()
    head = prefix[: prefix.rfind(b"/") + 1]
    for path in bundle.rglob("libpython*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        data = path.read_bytes()
        blanked = data.replace(
            b"\0" + prefix + b"\0", b"\0" * (len(head) + 1) + prefix[len(head) :] + b"\0"
        )
        if blanked != data:
            path.write_bytes(blanked)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def package(bundle: Path) -> Path:
    identity = spec_support.app_identity()
    stem = f"{identity['gui_exe']}-{identity['version']}-{platform_tag()}"
    if sys.platform.startswith("linux"):
        staged = stage_linux(bundle, DIST / stem)
        archive = make_tar_xz(staged, DIST / f"{stem}.tar.xz")
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
    if sys.platform.startswith("linux"):
        finish_linux_bundle(bundle)
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
