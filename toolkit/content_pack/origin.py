"""Which content a guide, card or letter comes from: "Content: bundled" or "Content pack V".

Kept free of the signature code: every guide notice asks, so this must import quickly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from toolkit import paths
from toolkit.i18n import N_, _, translate_in

BUNDLED = N_("Content: bundled")
FROM_PACK = N_("Content pack {version}")


def origin_label(version: str | None, language: str | None = None) -> str:
    """Where content comes from, in the interface language or in ``language`` (a guide's)."""

    def tr(message: str) -> str:
        return translate_in(language, message) if language else _(message)

    if version is None:
        return tr(BUNDLED)
    return tr(FROM_PACK).format(version=version)


def active_version(data_dir: Path | None = None) -> str | None:
    """The applied pack's version, or None when the bundled content is in use."""
    if paths.active_pack_root(data_dir) is None:
        return None
    base = paths.content_packs_dir(data_dir) if data_dir else paths.content_packs_dir()
    try:
        pointer = json.loads((base / paths.CONTENT_POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = pointer.get("version") if isinstance(pointer, dict) else None
    return str(version) if version else None


def pack_version_for(*files: Path | None, data_dir: Path | None = None) -> str | None:
    """The applied pack's version when any of ``files`` was read from it, else None (bundled)."""
    root = paths.active_pack_root(data_dir)
    if root is None:
        return None
    if any(path is not None and Path(path).is_relative_to(root) for path in files):
        return active_version(data_dir)
    return None


def origin_for(path: Path | None, language: str | None = None, data_dir: Path | None = None) -> str:
    """ "Content pack 2026.12.2" for a file read from the applied pack, else "Content: bundled"."""
    return origin_label(pack_version_for(path, data_dir=data_dir), language)


def grouped_origins(items: Iterable[tuple[str, str | None]]) -> list[str]:
    """One line per origin for (name, pack version) pairs: just the label when all share one,
    else "Content pack 2026.12.2 (Español)", "Content: bundled (English, Tiếng Việt)"."""
    groups: dict[str | None, list[str]] = {}
    for name, version in items:
        groups.setdefault(version, []).append(name)
    if len(groups) <= 1:
        return [origin_label(version) for version in groups]
    ordered = sorted(groups, key=lambda v: (v is None, v or ""))
    return [
        _("{origin} ({names})").format(origin=origin_label(v), names=", ".join(groups[v]))
        for v in ordered
    ]
