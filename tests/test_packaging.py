"""The PyInstaller spec's promises, checked without building (packaging/ci_build.sh builds)."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import toolkit
from toolkit import paths
from toolkit.cli import COMMAND_MODULES
from toolkit.gui.pages.registry import PAGES
from toolkit.pdf import fonts
from toolkit.selftest import CHECK_MODULES

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "toolkit.spec").read_text(encoding="utf-8")
sys.path.insert(0, str(PACKAGING))

import build  # noqa: E402
import elf_check  # noqa: E402
import spec_support as support  # noqa: E402

LINUX = sys.platform.startswith("linux")


def test_spec_never_packs_with_upx_and_takes_name_and_version_from_the_package() -> None:
    assert re.findall(r"upx=(\w+)", SPEC) == ["False", "False"]
    assert "upx=True" not in SPEC
    assert "support.app_identity()" in SPEC
    identity = support.app_identity()
    assert identity["version"] == toolkit.__version__
    assert identity["name"] == toolkit.APP_NAME
    assert identity["cli_exe"] == "toolkit"


def test_spec_collects_resources_fonts_and_filters_qt() -> None:
    for call in (
        "support.resource_datas()",
        "support.font_package_datas()",
        "support.hidden_imports()",
        "support.EXCLUDED_MODULES",
        "support.drop_unused_binaries(a.binaries, languages)",
        "support.keep_qt_file(entry[0], languages)",
        "COLLECT(",
        "BUNDLE(",
        '("X utf8_mode=1", None, "OPTION")',
    ):
        assert call in SPEC, call
    # The launcher is the same entry point as the installed `toolkit` command.
    launcher = (PACKAGING / "launcher.py").read_text(encoding="utf-8")
    assert "from toolkit.__main__ import main" in launcher


def test_every_asset_and_template_is_bundled_where_paths_looks() -> None:
    datas = {(Path(src), dest) for src, dest in support.resource_datas()}
    sources = {src for src, _dest in datas}
    for tree in ("assets", "templates"):
        for path in (ROOT / tree).rglob("*"):
            if path.is_file() and path.suffix not in {".po", ".pyc"}:
                assert path in sources, path
    for src, dest in datas:
        # Bundled relative to resource_root(), the same layout as the source checkout.
        assert Path(dest) == src.parent.relative_to(ROOT)
    assert (paths.asset("icons", "toolkit.png"), "assets/icons") in datas
    for icon in ("toolkit.png", "toolkit.ico", "toolkit.icns"):
        assert (ROOT / "assets" / "icons" / icon).stat().st_size > 1000


def test_font_packages_are_bundled_and_every_face_is_prebuilt() -> None:
    datas = support.font_package_datas()
    names = {(Path(src).name, dest) for src, dest in datas}
    assert ("NotoSansCJK-Regular.ttc", "noto_cjk_sans_otc") in names
    assert ("LICENSE", "fontpkg_noto_sans") in names
    assert ("LICENSE", "fontpkg_noto_sans_arabic") in names
    # The variable sources are left out only because each face cut from them is an asset,
    # bundled with the other assets where paths looks for it.
    resources = {(Path(src), dest) for src, dest in support.resource_datas()}
    for face in fonts.FACES:
        instance = paths.bundled_fonts_dir() / face.instance_filename
        assert (instance, "assets/fonts") in resources
    bundled_names = {Path(src).name for src, _dest in datas}
    for face in fonts.FACES:
        assert face.filename not in bundled_names


def test_modules_imported_by_name_are_hidden_imports() -> None:
    hidden = set(support.hidden_imports())
    by_name = {*COMMAND_MODULES, *CHECK_MODULES, *(p.target.partition(":")[0] for p in PAGES)}
    assert by_name <= hidden, by_name - hidden
    for name in (
        "PySide6.QtPdf",
        "PySide6.QtPdfWidgets",
        "reportlab.graphics.barcode.qr",
        "reportlab.rl_settings",
        "fontTools.subset",
        "fontTools.pens.cu2quPen",
        "fontTools.ttLib.tables._g_l_y_f",
        "uharfbuzz",
        "bidi",
        "yaml",
        "jinja2",
        "fontpkg_noto_sans",
    ):
        assert name in hidden, name
    assert "toolkit.catalogs" not in hidden  # a developer tool that needs Babel


def _imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_no_app_module_imports_what_the_bundle_leaves_out() -> None:
    """An import of an excluded module would work unfrozen and fail only in the bundle."""
    excluded = set(support.EXCLUDED_MODULES) - {"toolkit.catalogs"}
    package = Path(toolkit.__file__).parent
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "catalogs.py":
            continue
        for name in _imported_names(path):
            if any(name == ex or name.startswith(f"{ex}.") for ex in excluded):
                offenders.append(f"{path.relative_to(package)}: {name}")
    assert offenders == []


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_es.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_help_es.qm", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("PySide6\\Qt6Qml.dll", False),
        ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", False),
        ("PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf", True),
        ("PySide6/QtWidgets.abi3.so", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_qt_files_kept_or_dropped(dest: str, kept: bool) -> None:
    assert support.keep_qt_file(dest, support.interface_languages()) is kept


def test_cups_comes_from_the_machine_on_linux_only() -> None:
    assert not support.keep_binary("libcups.so.2", ("es",), platform="linux")
    assert support.keep_binary("libcups.so.2", ("es",), platform="darwin")


@pytest.mark.skipif(not LINUX or not shutil.which("readelf"), reason="ELF links, Linux only")
def test_libraries_only_a_dropped_binary_needed_are_dropped_too() -> None:
    qt = Path(importlib.util.find_spec("PySide6").origin).parent / "Qt"  # type: ignore[union-attr,arg-type]
    system = Path("/lib/x86_64-linux-gnu")
    files = {
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so": qt
        / "plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Gui.so.6": qt / "lib/libQt6Gui.so.6",
        "libcups.so.2": system / "libcups.so.2",
        "libgnutls.so.30": system / "libgnutls.so.30",
        "libz.so.1": system / "libz.so.1",
    }
    if not all(path.is_file() for path in files.values()):
        pytest.skip("libcups2 or the PySide6 print plugin is not installed here")
    binaries = [(dest, str(src), "BINARY") for dest, src in files.items()]
    kept = {dest for dest, _src, _type in support.drop_unused_binaries(binaries, ("es",))}
    # GnuTLS is reached only through CUPS; zlib is also linked by Qt Gui, so it stays.
    assert kept == {
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libz.so.1",
    }


def test_windows_version_resource_carries_the_package_version() -> None:
    text = support.windows_version_info("1.2.3", "Rights Toolkit", "RightsToolkit")
    assert "filevers=(1, 2, 3, 0)" in text
    assert "StringStruct('ProductVersion', '1.2.3')" in text
    assert "StringStruct('OriginalFilename', 'RightsToolkit.exe')" in text
    # PyInstaller evaluates the file as one Python expression of its versioninfo classes.
    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"


def test_archive_checksum_is_what_sha256sum_checks(tmp_path: Path) -> None:
    folder = tmp_path / "RightsToolkit-0.1.0-linux-x86_64"
    folder.mkdir()
    program = folder / "toolkit"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    archive = build.make_tar_xz(folder, tmp_path / "app.tar.xz")
    checksum = build.write_checksum(archive)
    digest, name = checksum.read_text(encoding="utf-8").split()
    assert name == "app.tar.xz" and digest == build.sha256_of(archive)
    with tarfile.open(archive) as tar:
        member = tar.getmember("RightsToolkit-0.1.0-linux-x86_64/toolkit")
        assert member.mode & 0o111 and member.uname == ""
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "-c", checksum.name], cwd=tmp_path, check=True)


@pytest.mark.skipif(not LINUX, reason="the .desktop menu entry is for Linux")
def test_install_script_adds_a_menu_entry_with_absolute_paths(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "toolkit").write_text("#!/bin/sh\n", encoding="utf-8")
    staged = build.stage_linux(bundle, tmp_path / "unpacked & here")
    home = tmp_path / "home"
    subprocess.run(
        ["sh", str(staged / build.INSTALL_SCRIPT)],
        env={"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C"},
        check=True,
        capture_output=True,
    )
    entry = (home / ".local/share/applications/rights-toolkit.desktop").read_text(encoding="utf-8")
    # The menu runs the launcher, which checks glibc before starting the executable.
    assert f'Exec="{staged}/{build.LAUNCH_SCRIPT}"' in entry
    assert f"Icon={staged}/{build.ICON_FILE}" in entry
    assert f"Name={toolkit.APP_NAME}" in entry


def test_platform_tag_names_the_system_and_machine() -> None:
    tag = build.platform_tag()
    assert re.fullmatch(r"(linux|macos|windows)-[a-z0-9_]+", tag)


def test_bundle_carries_the_licence_and_every_components_notice(tmp_path: Path) -> None:
    import notices

    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    licence, third_party = notices.write_notices(tmp_path)
    assert licence.read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")
    text = third_party.read_text(encoding="utf-8")
    names = notices.runtime_distributions()
    assert {"pyside6-essentials", "reportlab", "jinja2", "cryptography", "pillow"} <= set(names)
    for name in names:
        line = next(row for row in text.splitlines() if row.startswith(f"- {name} "))
        assert line.split(": ", 1)[1].strip(), f"{name} has no licence"
    for component in ("Python", "Qt 6", "ICU", "Noto Sans CJK", "Noto Sans; Noto Sans Arabic"):
        assert f"- {component}" in text, component
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "SIL Open Font License" in text
    build_source = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "notices.write_notices(" in build_source


def _fake_bundle(root: Path) -> Path:
    folder = root / "RightsToolkit-0.1.0-linux-x86_64"
    (folder / "_internal" / "assets").mkdir(parents=True)
    program = folder / "toolkit"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o750)
    for name in ("b.txt", "a.txt", "C.txt"):
        (folder / "_internal" / "assets" / name).write_text(name, encoding="utf-8")
    (folder / "_internal" / "link").symlink_to("assets/a.txt")
    return folder


def _touch_everything(folder: Path, when: int, mode: int) -> None:
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, (when, when))
            if path.is_file() and path.name != "toolkit":
                path.chmod(mode)


def test_the_same_folder_archived_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    folder = _fake_bundle(tmp_path)
    _touch_everything(folder, 1_000_000_000, 0o600)
    first = build.make_tar_xz(folder, tmp_path / "first.tar.xz", epoch=1_750_000_000)
    # Later times and another umask (a second build) must not change a byte.
    _touch_everything(folder, 1_900_000_000, 0o664)
    second = build.make_tar_xz(folder, tmp_path / "second.tar.xz", epoch=1_750_000_000)
    assert build.sha256_of(first) == build.sha256_of(second)
    assert first.read_bytes()[:6] == b"\xfd7zXZ\x00"
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names) and names[0] == folder.name
    assert {m.mtime for m in members} == {1_750_000_000}
    assert {m.uid for m in members} == {0} and {m.uname for m in members} == {""}
    modes = {Path(m.name).name: m.mode for m in members}
    assert modes["toolkit"] == 0o755 and modes["a.txt"] == 0o644 and modes["assets"] == 0o755
    assert next(m for m in members if m.name.endswith("/link")).linkname == "assets/a.txt"
    # The time is the source's: SOURCE_DATE_EPOCH when set.
    os.environ["SOURCE_DATE_EPOCH"] = "1234567890"
    try:
        assert build.source_epoch() == 1234567890
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def test_zip_archives_are_reproducible_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build.sys, "platform", "win32")  # the zipfile path, not macOS ditto
    folder = _fake_bundle(tmp_path)
    (folder / "_internal" / "link").unlink()
    _touch_everything(folder, 1_000_000_000, 0o600)
    first = build.make_zip(folder, tmp_path / "first.zip", epoch=1_750_000_000)
    _touch_everything(folder, 1_900_000_000, 0o664)
    second = build.make_zip(folder, tmp_path / "second.zip", epoch=1_750_000_000)
    assert build.sha256_of(first) == build.sha256_of(second)


def test_glibc_versions_are_read_from_the_version_references() -> None:
    listing = """
Dynamic Section:
  NEEDED               libm.so.6
Version References:
  required from libm.so.6:
    0x069691b5 0x00 16 GLIBC_2.35
    0x09691a75 0x00 05 GLIBC_2.2.5
  required from libstdc++.so.6:
    0x08922974 0x00 04 GLIBCXX_3.4
  required from libc.so.6:
    0x06969194 0x00 24 GLIBC_2.14
"""
    versions = elf_check.required_glibc_versions(listing)
    assert sorted(versions) == [(2, 2, 5), (2, 14), (2, 35)]
    assert max(versions) > elf_check.MAX_GLIBC == (2, 34)
    assert not elf_check.needs_private_glibc(listing)
    # A copy of glibc's own libmvec: packed relocations (glibc 2.36) and glibc's private ABI.
    libmvec = """Version References:
  required from libc.so.6:
    0x00fd0e42 0x00 11 GLIBC_ABI_DT_RELR
    0x09691a75 0x00 09 GLIBC_2.2.5
  required from ld-linux-x86-64.so.2:
    0x0963cf85 0x00 08 GLIBC_PRIVATE
"""
    assert max(elf_check.required_glibc_versions(libmvec)) == (2, 36)
    assert elf_check.needs_private_glibc(libmvec)
    assert not support.keep_binary("libmvec.so.1", ("es",), platform="linux")


HOST_LIBS = Path("/lib/x86_64-linux-gnu")


@pytest.mark.skipif(not LINUX or not shutil.which("objdump"), reason="ELF, needs binutils")
def test_glibc_check_fails_on_a_file_needing_a_newer_glibc(tmp_path: Path) -> None:
    # The build machine's expat needs 2.36 (arc4random_buf); a bundle holding it must fail.
    expat = HOST_LIBS / "libexpat.so.1"
    version = elf_check.highest_glibc(expat) if expat.exists() else None
    if version is None or version <= elf_check.MAX_GLIBC:
        pytest.skip("this machine's libexpat does not need a glibc newer than 2.34")
    shutil.copy(expat, tmp_path / "libexpat.so.1")
    (tmp_path / "notes.txt").write_text("not ELF", encoding="utf-8")
    listing, problems = elf_check.check_glibc(tmp_path)
    assert listing.splitlines() == [f"{elf_check.format_version(version):<14} libexpat.so.1"]
    assert len(problems) == 1 and "arc4random" in problems[0]
    assert not support.keep_binary("libexpat.so.1", ("es",), platform="linux")
    assert not support.keep_binary("libstdc++.so.6", ("es",), platform="linux")


def _build_python_library() -> Path | None:
    found = sorted(Path(sys.base_prefix, "lib").glob("libpython3*.so.1.0"))
    return found[0] if found else None


@pytest.mark.skipif(not LINUX or not shutil.which("objdump"), reason="ELF, needs binutils")
def test_build_paths_and_too_new_symbol_versions_are_edited_out(tmp_path: Path) -> None:
    library = _build_python_library()
    if library is None:
        pytest.skip("this Python has no shared libpython")
    copy = tmp_path / library.name
    shutil.copy(library, copy)
    elf_check.remove_build_paths(copy)
    elf_check.relax_symbol_versions(copy)
    dynamic = subprocess.run(["readelf", "-d", str(copy)], capture_output=True, text=True).stdout
    assert not re.search(r"R(UN)?PATH.*\[/", dynamic), dynamic
    assert "(NEEDED)" in dynamic and "(SONAME)" in dynamic
    version = elf_check.highest_glibc(copy)
    assert version is not None and version <= elf_check.MAX_GLIBC
    # The edited library still works: this Python runs on it (complex abs calls hypot).
    result = subprocess.run(
        [sys.executable, "-c", "print(abs(3 + 4j))"],
        env={**os.environ, "LD_LIBRARY_PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "5.0"


@pytest.mark.skipif(not LINUX, reason="the launcher script is for Linux")
@pytest.mark.parametrize(("glibc", "starts"), [("2.31", False), ("2.34", True), ("2.39", True)])
def test_launcher_explains_an_old_glibc_instead_of_doing_nothing(
    tmp_path: Path, glibc: str, starts: bool
) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = bundle / "toolkit"
    program.write_text('#!/bin/sh\necho "started $*"\n', encoding="utf-8")
    program.chmod(0o755)
    staged = build.stage_linux(bundle, tmp_path / "app")
    tools = tmp_path / "tools"
    tools.mkdir()
    getconf = tools / "getconf"
    getconf.write_text(f'#!/bin/sh\necho "glibc {glibc}"\n', encoding="utf-8")
    getconf.chmod(0o755)
    env = {"PATH": f"{tools}:/usr/bin:/bin", "LANG": "C", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        ["sh", str(staged / build.LAUNCH_SCRIPT), "--quit-after-show"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if starts:
        assert result.returncode == 0 and result.stdout.strip() == "started --quit-after-show"
        return
    assert result.returncode == 1 and "started" not in result.stdout
    assert "needs a newer Linux system" in result.stderr and "glibc 2.31" in result.stderr
    # No terminal and no dialog tool: the explanation is left in a file that is opened.
    left = tmp_path / "rights-toolkit-cannot-start.txt"
    assert "Ubuntu 22.04" in left.read_text(encoding="utf-8")
    # install.sh refuses the menu entry on such a system, and says why.
    home = tmp_path / "home"
    install = subprocess.run(
        ["sh", str(staged / build.INSTALL_SCRIPT)],
        env={**env, "HOME": str(home)},
        capture_output=True,
        text=True,
    )
    assert install.returncode == 1 and "glibc 2.31" in install.stderr
    assert not (home / ".local/share/applications/rights-toolkit.desktop").exists()


PORTABLE_SESSION = """
import os, sys
from pathlib import Path
sys.frozen = True
sys._MEIPASS = {root!r}
sys.executable = {executable!r}
from PySide6.QtWidgets import QFileDialog
from toolkit import paths, settings
from toolkit.gui.app import application, create_main_window
app = application()
window = create_main_window()
window.show()
app.processEvents()
# Qt's own file dialog keeps its folder history in Qt's settings (QtProject.conf).
dialog = QFileDialog(window, "Save", {stick!r})
dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
dialog.show()
app.processEvents()
dialog.accept()
dialog.deleteLater()
loaded = settings.load()
print("org_name=" + loaded.settings.org_name)
loaded.settings.org_name = {org!r}
settings.save(loaded.settings)
window.close()
del dialog, window
app.processEvents()
print("data=" + str(paths.data_dir()))
"""


def _run_portable(stick: Path, folder: str, home: Path, org: str) -> dict[str, str]:
    executable = stick / folder / "toolkit"
    executable.parent.mkdir(parents=True, exist_ok=True)
    code = PORTABLE_SESSION.format(
        root=str(ROOT), executable=str(executable), stick=str(stick), org=org
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "TOOLKIT_")) and key != "HOME"
    }
    env.update({"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)})
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)


def _tree(folder: Path) -> list[tuple[str, int]]:
    return sorted(
        (str(path.relative_to(folder)), path.stat().st_size if path.is_file() else -1)
        for path in folder.rglob("*")
    )


def test_portable_mode_keeps_everything_on_the_stick_through_a_session_and_an_upgrade(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / "Documents").mkdir()
    before = _tree(home)
    stick = tmp_path / "stick"
    shared = stick / paths.PORTABLE_DIR_NAME
    shared.mkdir(parents=True)
    first = _run_portable(stick, "RightsToolkit-0.1.0-linux-x86_64", home, "Center A")
    assert Path(first["data"]) == shared
    # Qt's settings (the file dialog's history) are on the stick too.
    assert list(shared.rglob("QtProject.conf"))
    # The next version, unpacked beside the first, finds the same data.
    second = _run_portable(stick, "RightsToolkit-0.2.0-linux-x86_64", home, "Center B")
    assert second["org_name"] == "Center A" and Path(second["data"]) == shared
    assert _tree(home) == before, "portable mode wrote into HOME"


def test_an_older_versions_data_folder_is_moved_out_for_the_new_version(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    stick = tmp_path / "stick"
    legacy = stick / "RightsToolkit-0.1.0-linux-x86_64" / paths.PORTABLE_DIR_NAME
    legacy.mkdir(parents=True)
    (legacy / "settings.json").write_text('{"org_name": "Old Center"}', encoding="utf-8")
    found = _run_portable(stick, "RightsToolkit-0.2.0-linux-x86_64", home, "New")
    assert found["org_name"] == "Old Center"
    assert Path(found["data"]) == stick / paths.PORTABLE_DIR_NAME and not legacy.exists()
    assert _tree(home) == []


def test_minimum_system_versions_match_what_pyside6_supports() -> None:
    assert support.MACOS_MINIMUM == "14.0" and support.WINDOWS_MINIMUM == "10.0"
    assert '"LSMinimumSystemVersion": support.MACOS_MINIMUM' in SPEC
    assert "11.0" not in SPEC


def test_windows_installer_is_per_user_64_bit_windows_10_with_menu_entry_and_uninstaller() -> None:
    script = (PACKAGING / "windows" / "RightsToolkit.iss").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in script.splitlines() if re.match(r"^[A-Za-z]+=", line)
    )
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["ArchitecturesAllowed"] == "x64compatible"
    assert settings["MinVersion"] == support.WINDOWS_MINIMUM
    assert settings["DefaultDirName"].startswith("{autopf}")  # per user: %LOCALAPPDATA%\Programs
    assert '"{group}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in script  # Start menu
    assert "{uninstallexe}" in script and "UninstallDisplayName" in settings
    assert '#define Bundle "..\\dist\\bundle\\RightsToolkit"' in script


def test_ci_workflow_builds_and_self_tests_on_windows_and_macos() -> None:
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")
    assert "os: [windows-latest, macos-14]" in workflow
    assert 'pip install -c constraints.txt -e ".[build]"' in workflow
    assert "python packaging/build.py" in workflow
    assert workflow.count(" selftest") == 2 and "RightsToolkit.iss" in workflow
    for readme in (ROOT / "README.md", PACKAGING / "README.md"):
        assert "written, not yet run" in " ".join(readme.read_text(encoding="utf-8").split())
