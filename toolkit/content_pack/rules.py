"""What a content pack may hold: its limits, the paths and file types allowed, version numbers."""

from __future__ import annotations

import re

from toolkit.errors import UserError
from toolkit.i18n import _

FORMAT = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
MAX_PACK_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_ENTRY_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 100 * 1024 * 1024
MAX_FILES = 5000
# Text compresses about tenfold; far more than this is a compression bomb.
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 64 * 1024
MAX_PATH = 200

_NAME = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
# Each allowed folder, with the file types it may hold. Nothing here is ever executed.
ALLOWED = (
    re.compile(rf"^assets/guides/{_NAME}/{_NAME}\.md$"),
    re.compile(rf"^assets/cards/{_NAME}\.yaml$"),
    re.compile(rf"^assets/flyers/{_NAME}\.yaml$"),
    re.compile(rf"^templates/letters/{_NAME}\.(yaml|j2)$"),
    re.compile(rf"^assets/locale/{_NAME}/LC_MESSAGES/toolkit\.(po|mo)$"),
    re.compile(rf"^data/(?:{_NAME}/)*{_NAME}\.(csv|json|yaml|yml)$"),
)
_VERSION = re.compile(r"^[0-9]{1,9}(\.[0-9]{1,9}){0,3}$")


class PackError(UserError):
    """A pack that is refused: unsigned, tampered, malformed, unsafe or not for this app."""


def check_path(path: object) -> str:
    """The entry's path if it is a safe relative path in an allowed folder, else PackError."""
    if not isinstance(path, str) or not path:
        raise PackError(_("The pack lists a file without a name."))
    shown = path[:80]
    if path.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", path):
        raise PackError(_("The pack holds an absolute path: {path}").format(path=shown))
    parts = path.replace("\\", "/").split("/")
    if ".." in parts:
        raise PackError(
            _("The pack holds a path that leaves its folder: {path}").format(path=shown)
        )
    if "\\" in path or len(path) > MAX_PATH or any(p in ("", ".") for p in parts):
        raise PackError(_("The pack holds a malformed path: {path}").format(path=shown))
    if not any(rule.match(path) for rule in ALLOWED):
        raise PackError(
            _("The pack holds a file outside the allowed folders and types: {path}").format(
                path=shown
            )
        )
    return path


def parse_version(text: object) -> tuple[int, ...]:
    """``2026.12.2`` or ``7`` as a tuple of numbers that compare in order."""
    if isinstance(text, int) and not isinstance(text, bool) and text >= 0:
        return (text,)
    if not isinstance(text, str) or not _VERSION.match(text):
        raise PackError(
            _('The pack version "{version}" is not a number like 2026.12.2.').format(
                version=str(text)[:40]
            )
        )
    return tuple(int(part) for part in text.split("."))


def newer(candidate: str, current: str | None) -> bool:
    if current is None:
        return True
    a, b = parse_version(candidate), parse_version(current)
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)) > b + (0,) * (width - len(b))


def app_matches(app_versions: list[str], app_version: str) -> bool:
    """``"0.1"`` matches 0.1.0 and 0.1.7; ``"0.1.3"`` only that release."""
    mine = app_version.split(".")
    return any(mine[: len(v.split("."))] == v.split(".") for v in app_versions)
