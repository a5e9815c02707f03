"""The PyInstaller spec's promises, checked without building (packaging/ci_build.sh builds)."""

from __future__ import annotations

import ast
import importlib.util
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
    archive = build.make_tar_gz(folder, tmp_path / "app.tar.gz")
    checksum = build.write_checksum(archive)
    digest, name = checksum.read_text(encoding="utf-8").split()
    assert name == "app.tar.gz" and digest == build.sha256_of(archive)
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
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=True,
        capture_output=True,
    )
    entry = (home / ".local/share/applications/rights-toolkit.desktop").read_text(encoding="utf-8")
    assert f'Exec="{staged}/toolkit"' in entry
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
    for component in ("Python", "Qt 6", "ICU", "Noto Sans CJK", "Noto Sans, Noto Sans Arabic"):
        assert f"- {component}" in text, component
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "SIL Open Font License" in text
    build_source = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert "notices.write_notices(" in build_source
