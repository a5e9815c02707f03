"""What goes into the PyInstaller bundle, as plain functions the spec calls and the tests check.

The spec (``toolkit.spec``) stays short; the choices live here: the resources collected, the
fonts prepared at build time, the modules imported by name, and the Qt files left out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path, PurePath

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD_DIR = HERE / "build"
if str(ROOT) not in sys.path:  # the spec runs from anywhere; the toolkit lives in ROOT
    sys.path.insert(0, str(ROOT))

# Resource trees copied whole, so any guide, card text or template added later is bundled.
RESOURCE_TREES = ("assets", "templates")
# Sources and caches that never belong in a bundle (catalog sources are compiled to .mo).
SKIPPED_SUFFIXES = frozenset({".po", ".pot", ".pyc"})
SKIPPED_DIRS = frozenset({"__pycache__", ".git"})

# The oldest systems PySide6 6.12 runs on: macOS 14 (Finder shows "needs macOS 14" instead of
# the app crashing, through the bundle's LSMinimumSystemVersion), 64-bit Windows 10 (the
# installer's MinVersion and ArchitecturesAllowed in packaging/windows/RightsToolkit.iss).
MACOS_MINIMUM = "14.0"
WINDOWS_MINIMUM = "10.0"

FONT_PACKAGES = ("fontpkg_noto_sans", "fontpkg_noto_sans_arabic", "noto_cjk_sans_otc")

# Imported by name (importlib) somewhere, so PyInstaller cannot see them by reading imports.
HIDDEN_PACKAGES = (
    "reportlab.graphics.barcode",  # QR codes; barcode modules are looked up by name
    "fontTools.ttLib.tables",  # table modules are imported by tag when a font is read
)
HIDDEN_MODULES = (
    "reportlab.rl_settings",
    "reportlab.graphics.renderPDF",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "uharfbuzz",
    "bidi",
    "bidi.algorithm",
    "cryptography.hazmat.primitives.ciphers.aead",
    "cryptography.hazmat.primitives.kdf.scrypt",
    "cryptography.hazmat.primitives.kdf.pbkdf2",
    "yaml",
    "jinja2",
    "fontTools.subset",
    "fontTools.pens.cu2quPen",
    "fontTools.ttLib",
    "fontTools.ttLib.ttCollection",
    *FONT_PACKAGES,
)
# Development tools inside the package that the app never runs (catalogs needs Babel).
DEV_ONLY_MODULES = ("toolkit.catalogs",)

# Qt bindings the app never imports; each would drag in tens of MB of libraries.
UNUSED_QT_MODULES = (
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtBluetooth",
    "PySide6.QtCharts",
    "PySide6.QtConcurrent",
    "PySide6.QtDataVisualization",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtXml",
)
EXCLUDED_MODULES = (
    *UNUSED_QT_MODULES,
    *DEV_ONLY_MODULES,
    "babel",
    "tkinter",
    "_tkinter",
    "test",
    "unittest",
    "pydoc_data",
    "lib2to3",
    "idlelib",
    "pip",
    "setuptools",
    "pkg_resources",
    "pytest",
    "_pytest",
    "hypothesis",
    "numpy",
    "IPython",
    "matplotlib",
    "PyInstaller",
    # Pillow's AVIF codec (5 MB of libraries) and Tk bridge: logos are PNG or JPEG.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    # The app never opens a connection, so no TLS; hashlib falls back to its built-in digests.
    # (OpenSSL is 5 MB; cryptography carries its own copy for the vault.)
    "ssl",
    "_ssl",
    "_hashlib",
    "readline",
)

# Qt plugin folders the app never loads: other windowing systems, networking, SQL, QML, GL
# devices, and desktop themes (the gtk3 theme needs GTK, which a bare machine may lack).
DROPPED_PLUGIN_DIRS = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "platformthemes",
        "position",
        "qmllint",
        "qmltooling",
        "sqldrivers",
        "tls",
        "vectorimageformats",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-graphics-integration-server",
        "wayland-shell-integration",
    }
)
# Single plugins left out; the stem after "lib"/"q" is matched so one rule fits every platform.
DROPPED_PLUGINS = frozenset(
    {
        "platforms/qeglfs",
        "platforms/qlinuxfb",
        "platforms/qminimalegl",
        "platforms/qvkkhrdisplay",
        "platforms/qvnc",
        "platforms/qwayland",
        "platforms/qwayland-egl",
        "platforms/qwayland-generic",
        "platforms/qdirect2d",
        "imageformats/qpdf",  # the app shows PDFs through QtPdf, never as images
        "imageformats/qtiff",
        "imageformats/qtga",
        "imageformats/qwbmp",
        "imageformats/qicns",
        "platforminputcontexts/qtvirtualkeyboardplugin",
    }
)
# Qt libraries only the dropped plugins and modules need.
DROPPED_QT_LIBRARY_PREFIXES = (
    "Qt6Designer",
    "Qt6EglFs",
    "Qt6Help",
    "Qt6Labs",
    "Qt6Lottie",
    "Qt6OpenGL",  # and OpenGLWidgets: Qt Gui draws widgets without it
    "Qt6Qml",
    "Qt6Quick",
    "Qt6Sql",
    "Qt6Test",
    "Qt6UiTools",
    "Qt6VirtualKeyboard",
    "Qt6Wayland",
    "Qt6WlShell",
    "Qt6Xml",
)


# Linux libraries taken from the machine rather than the bundle: CUPS must match the machine's
# print server (Debian package libcups2); without it the app runs and only printing is off.
# Leaving it out also drops GnuTLS and the rest of its chain (about 6 MB).
# The C++ runtime and expat are on every desktop system (Qt itself and fontconfig need them),
# and the build machine's copies need glibc 2.35/2.36 (arc4random, _dl_find_object): the
# bundle must start on glibc 2.34 (elf_check.MAX_GLIBC). Qt needs at most GLIBCXX_3.4.29
# (GCC 11: RHEL 9; Ubuntu 22.04 has GCC 12's).
# libmvec (glibc's vector maths, which x265 for HEIC photos links) is part of glibc itself.
SYSTEM_LIBRARIES = ("libcups.so", "libstdc++.so", "libgcc_s.so", "libexpat.so", "libmvec.so")


def app_identity() -> dict[str, str]:
    """Name and version straight from the package, so a release cannot ship a stale number."""
    import toolkit

    return {
        "name": toolkit.APP_NAME,
        "version": toolkit.__version__,
        "gui_exe": toolkit.APP_NAME.replace(" ", ""),
        "cli_exe": "toolkit",
        "bundle_id": "org.rightstoolkit." + toolkit.APP_NAME.replace(" ", "").lower(),
    }


def interface_languages() -> tuple[str, ...]:
    from toolkit.i18n import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

    return tuple(code for code in SUPPORTED_LANGUAGES if code != SOURCE_LANGUAGE)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every file under assets/ and templates/, as (source file, folder in the bundle)."""
    datas = []
    for tree in RESOURCE_TREES:
        for path in sorted((root / tree).rglob("*")):
            relative = path.relative_to(root)
            if not path.is_file() or path.suffix in SKIPPED_SUFFIXES:
                continue
            if SKIPPED_DIRS.intersection(relative.parts):
                continue
            datas.append((str(path), str(relative.parent)))
    return datas


def font_package_datas() -> list[tuple[str, str]]:
    """The font packages' own files (licences, the CJK collection) where their code looks.

    A variable font that every face in ``fonts.FACES`` is cut from is left out: the bundle
    carries those faces ready-made in ``assets/fonts`` (``scripts/cut_fonts.py``), and the
    variable files are 5 MB the frozen app would never read.
    """
    from toolkit.pdf import fonts

    replaced = {(face.package, face.filename) for face in fonts.FACES}
    datas = []
    for package in FONT_PACKAGES:
        package_dir = Path(str(import_module(package).__file__)).parent
        for path in sorted(package_dir.rglob("*")):
            if not path.is_file() or path.suffix in {".py", ".pyc"}:
                continue
            if "__pycache__" in path.parts or (package, path.name) in replaced:
                continue
            folder = PurePath(package) / path.parent.relative_to(package_dir)
            datas.append((str(path), str(folder)))
    return datas


def submodules(package: str) -> list[str]:
    """``package`` and every module under it, found on disk (importing only subpackages)."""
    import pkgutil

    module = import_module(package)
    found = [package]
    for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}."):
        found.append(info.name)
    return found


def hidden_imports() -> list[str]:
    """The whole toolkit package (commands, checks and pages are imported by name) and the rest."""
    found = [name for name in submodules("toolkit") if name not in DEV_ONLY_MODULES]
    for package in HIDDEN_PACKAGES:
        found += submodules(package)
    return sorted(set(found) | set(HIDDEN_MODULES))


def _plugin_key(dest: PurePath) -> tuple[str, str] | None:
    parts = dest.parts
    if "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return None
    folder = parts[index + 1]
    # libqxcb.so (Linux), libqcocoa.dylib (macOS), qwindows.dll (Windows): compare "qxcb".
    stem = parts[-1].split(".")[0].removeprefix("lib")
    return folder, stem


def keep_qt_file(dest_name: str, languages: tuple[str, ...]) -> bool:
    """Whether a file PyInstaller collected (by its path in the bundle) stays in the bundle."""
    dest = PurePath(dest_name.replace("\\", "/"))
    name = dest.name
    if "translations" in dest.parts and name.endswith(".qm"):
        # Only qtbase (the app loads no other catalog), only for the interface languages.
        return any(name == f"qtbase_{lang}.qm" for lang in languages)
    plugin = _plugin_key(dest)
    if plugin is not None:
        folder, stem = plugin
        if folder in DROPPED_PLUGIN_DIRS:
            return False
        return (
            f"{folder}/{stem}" not in DROPPED_PLUGINS and f"{folder}/q{stem}" not in DROPPED_PLUGINS
        )
    if "PySide6" in dest.parts or name.startswith(("libQt6", "Qt6")):
        # libQt6Quick.so.6 (Linux), Qt6Quick.dll (Windows), QtQuick.framework/... (macOS).
        framework = next(
            (p.removesuffix(".framework") for p in dest.parts if p.endswith(".framework")), None
        )
        library = _qt_library_key(framework or name)
        return not library.startswith(
            tuple(_qt_library_key(p) for p in DROPPED_QT_LIBRARY_PREFIXES)
        )
    return True


def _qt_library_key(name: str) -> str:
    return name.removeprefix("lib").lower().replace("qt6", "qt", 1)


def keep_binary(dest_name: str, languages: tuple[str, ...], platform: str = sys.platform) -> bool:
    if platform.startswith("linux") and _base_name(dest_name).startswith(SYSTEM_LIBRARIES):
        return False
    return keep_qt_file(dest_name, languages)


def _direct_needs(path: str) -> set[str]:
    """Base names of the libraries a binary links against directly."""
    if sys.platform.startswith("linux") and shutil.which("readelf"):
        # ldd (what PyInstaller uses on Linux) lists the whole chain; readelf lists direct links.
        result = subprocess.run(
            ["readelf", "-d", path], capture_output=True, text=True, check=False
        )
        found = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", result.stdout)
        return {name.lower() for name in found}
    from PyInstaller.depend.bindepend import get_imports

    return {PurePath(name).name.lower() for name, _path in get_imports(path)}


def _reachable(starts: set[str], graph: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    pending = list(starts)
    while pending:
        for name in graph.get(pending.pop(), set()):
            if name not in seen:
                seen.add(name)
                pending.append(name)
    return seen


def drop_unused_binaries(
    binaries: list[tuple[str, str, str]], languages: tuple[str, ...]
) -> list[tuple[str, str, str]]:
    """Drop unused Qt files, and the libraries only they needed (GTK for the theme, ...)."""
    by_name = {_base_name(entry[0]): entry for entry in binaries}
    dropped = {name for name, entry in by_name.items() if not keep_binary(entry[0], languages)}
    kept = set(by_name) - dropped
    # Links between bundled binaries only; a dropped library is a dead end.
    graph = {name: _direct_needs(by_name[name][1]) & kept for name in kept}
    graph.update({name: _direct_needs(by_name[name][1]) & kept for name in dropped})
    maybe_orphans = _reachable(dropped, graph)
    roots = kept - maybe_orphans
    needed = roots | _reachable(roots, {name: graph[name] for name in kept})
    return [entry for entry in binaries if _base_name(entry[0]) in needed]


def _base_name(dest_name: str) -> str:
    # Windows import tables may spell a DLL's name in another case than the file.
    return PurePath(dest_name.replace("\\", "/")).name.lower()


def windows_version_info(version: str, name: str, exe_name: str) -> str:
    """A PyInstaller version resource (shown in Windows Explorer's Properties, Details tab)."""
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    numbers += [0] * (4 - len(numbers))
    tuple_text = ", ".join(str(n) for n in numbers)
    fields = {
        "CompanyName": name,
        "FileDescription": name,
        "FileVersion": version,
        "InternalName": exe_name,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": name,
        "ProductVersion": version,
    }
    strings = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in fields.items()
    )
    return f"""# Generated by packaging/spec_support.py from toolkit.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers=({tuple_text}), prodvers=({tuple_text}),
    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{strings}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_windows_version_file(exe_name: str) -> str:
    identity = app_identity()
    path = BUILD_DIR / f"version_info_{exe_name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        windows_version_info(identity["version"], identity["name"], exe_name), encoding="utf-8"
    )
    return str(path)


def icon_for_platform(platform: str = sys.platform) -> str | None:
    """The executable's icon (Linux executables have none: the .desktop file names the PNG)."""
    icons = ROOT / "assets" / "icons"
    if platform.startswith("win"):
        return str(icons / "toolkit.ico")
    if platform == "darwin":
        return str(icons / "toolkit.icns")
    return None
