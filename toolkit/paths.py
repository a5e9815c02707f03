"""Every path the app uses: bundled resources, the private data folder and the font cache.

Nothing else in the project looks at ``sys._MEIPASS`` or platformdirs: a frozen bundle, an
installed wheel and a source checkout all resolve here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP_DIR_NAME = "RightsToolkit"
DATA_ENV = "TOOLKIT_DATA_DIR"
CACHE_ENV = "TOOLKIT_CACHE_DIR"
# A folder with this name next to the executable makes the app portable (a USB stick).
PORTABLE_DIR_NAME = "ToolkitData"
PRIVATE_MODE = 0o700


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resource_root() -> Path:
    """The folder holding ``assets/`` and ``templates/``."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_resources"
    if installed.is_dir():
        return installed
    return package_dir.parent


def assets_dir() -> Path:
    return resource_root() / "assets"


def templates_dir() -> Path:
    return resource_root() / "templates"


def asset(*parts: str) -> Path:
    return assets_dir().joinpath(*parts)


def app_folder() -> Path:
    """The folder a user unpacked: holds the executable, or the ``.app`` on macOS."""
    executable = Path(sys.executable).resolve()
    if executable.parent.name == "MacOS" and executable.parent.parent.name == "Contents":
        return executable.parents[2]  # Rights Toolkit.app
    return executable.parent


def portable_data_dir() -> Path | None:
    """The portable data folder (a USB stick), used only when it already exists.

    It sits beside the unpacked, versioned folder (``RightsToolkit-0.2.0-linux-x86_64``), so
    the next version, unpacked beside it, finds the same data. A ``ToolkitData`` inside the
    versioned folder (how 0.1 kept it) still works; when a newer version finds one only in an
    older version's folder next to its own, it moves it out to the shared place and uses it.
    """
    if not is_frozen():
        return None
    folder = app_folder()
    inside = folder / PORTABLE_DIR_NAME
    if inside.is_dir():
        return inside
    shared = folder.parent / PORTABLE_DIR_NAME
    if shared.is_dir():
        return shared
    return _adopt_from_older_version(folder, shared)


def _adopt_from_older_version(folder: Path, shared: Path) -> Path | None:
    prefix = APP_DIR_NAME + "-"
    try:
        siblings = sorted(
            path
            for path in folder.parent.iterdir()
            if path != folder and path.name.startswith(prefix) and path.is_dir()
        )
    except OSError:
        return None
    for sibling in reversed(siblings):  # the newest older version first
        old = sibling / PORTABLE_DIR_NAME
        if old.is_dir():
            try:
                old.rename(shared)  # same drive: one step, nothing copied
            except OSError:
                return old
            return shared
    return None


def qt_settings_dir() -> Path | None:
    """Where Qt keeps its own settings (file dialog history) in portable mode; None: Qt's default.

    Without this Qt writes ``~/.config/QtProject.conf`` (the registry on Windows) on the
    computer the stick is plugged into.
    """
    portable = None if os.environ.get(DATA_ENV) else portable_data_dir()
    return None if portable is None else portable / "qt"


def make_private_dir(path: Path) -> Path:
    """Create ``path`` readable by its owner only, and tighten it if it already existed."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_MODE)
    if os.name == "posix":
        os.chmod(path, PRIVATE_MODE)
    return path


def data_dir() -> Path:
    """The per-user data folder (settings, vaults, directory), created private."""
    override = os.environ.get(DATA_ENV)
    if override:
        return make_private_dir(Path(override).expanduser())
    portable = portable_data_dir()
    if portable is not None:
        return make_private_dir(portable)
    return make_private_dir(Path(user_data_dir(APP_DIR_NAME, appauthor=False)))


def cache_dir() -> Path:
    """Derived, non-private files (font instances); safe to delete at any time."""
    override = os.environ.get(CACHE_ENV)
    if override:
        base = Path(override).expanduser()
    elif (portable := portable_data_dir()) is not None:
        base = portable / "cache"
    else:
        base = Path(user_cache_dir(APP_DIR_NAME, appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def bundled_fonts_dir() -> Path:
    """The static font faces shipped with the app (``scripts/cut_fonts.py`` makes them)."""
    return assets_dir() / "fonts"


def locale_dir() -> Path:
    return assets_dir() / "locale"


# Signed content packs (toolkit/content_pack): each applied pack is unpacked into
# ``content/<folder>/`` in the data folder, and ``content/current.json`` names the active one.
CONTENT_DIR_NAME = "content"
CONTENT_POINTER = "current.json"


def content_packs_dir(base: Path | None = None) -> Path:
    return (base or data_dir()) / CONTENT_DIR_NAME


def active_pack_root(base: Path | None = None) -> Path | None:
    """The folder of the applied content pack, or None when the bundled content is in use."""
    import json

    packs = content_packs_dir(base) if base is not None else _data_dir_if_any()
    if packs is None:
        return None
    try:
        pointer = json.loads((packs / CONTENT_POINTER).read_text(encoding="utf-8"))
        folder = pointer.get("folder") if isinstance(pointer, dict) else None
    except (OSError, ValueError):
        return None
    if not isinstance(folder, str) or not folder or "/" in folder or folder.startswith("."):
        return None
    root = packs / folder
    return root if root.is_dir() else None


def _data_dir_if_any() -> Path | None:
    # Reading content must not create the data folder (a read-only bundle, the self-test).
    try:
        return content_packs_dir()
    except OSError:
        return None


def content_roots() -> tuple[Path, ...]:
    """Where content is read, first match wins: the applied pack, then the bundled resources."""
    pack = active_pack_root()
    return (pack, resource_root()) if pack is not None else (resource_root(),)


def content_path(*parts: str) -> Path:
    """A content file (``"assets", "cards", "es.yaml"``) from the pack if it holds it."""
    roots = content_roots()
    for root in roots[:-1]:
        candidate = root.joinpath(*parts)
        if candidate.is_file():
            return candidate
    return roots[-1].joinpath(*parts)


def catalog_dir(language: str, domain: str = "toolkit") -> Path:
    """The ``locale`` folder to read ``language``'s interface catalog from: the applied
    pack's when it holds a compiled catalog for that language, else the bundled one."""
    relative = ("assets", "locale", language, "LC_MESSAGES", f"{domain}.mo")
    for root in content_roots()[:-1]:
        if root.joinpath(*relative).is_file():
            return root / "assets" / "locale"
    return locale_dir()


def content_files(folder: tuple[str, ...], pattern: str) -> list[Path]:
    """Files matching ``pattern`` in ``folder`` across the roots, one per name, pack first."""
    found: dict[str, Path] = {}
    for root in content_roots():
        base = root.joinpath(*folder)
        if base.is_dir():
            for path in base.glob(pattern):
                found.setdefault(path.name, path)
    return [found[name] for name in sorted(found)]
