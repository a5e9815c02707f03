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


def portable_data_dir() -> Path | None:
    """The data folder beside the executable, used only when it already exists."""
    if not is_frozen():
        return None
    candidate = Path(sys.executable).resolve().parent / PORTABLE_DIR_NAME
    return candidate if candidate.is_dir() else None


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
