"""What applying a verified pack would change, against the content in use now."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from toolkit import paths
from toolkit.content_pack.verify import VerifiedPack
from toolkit.i18n import _

# Content folders, as in the bundled resources, and how each is named to a person.
KINDS = (
    ("assets/guides/", "guides"),
    ("assets/cards/", "cards"),
    ("assets/flyers/", "flyers"),
    ("templates/letters/", "letters"),
    ("assets/locale/", "catalogs"),
    ("data/", "directory data"),
)
MAX_DIFF_LINES = 400


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    diffs: dict[str, str] = field(default_factory=dict)  # changed guides: unified text diff

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.removed)


def kind_of(path: str) -> str:
    return next((kind for prefix, kind in KINDS if path.startswith(prefix)), "other")


def _pack_files(root: Path | None) -> dict[str, Path]:
    if root is None:
        return {}
    found = {}
    for prefix, _kind in KINDS:
        base = root / prefix
        for path in base.rglob("*") if base.is_dir() else []:
            if path.is_file():
                found[path.relative_to(root).as_posix()] = path
    return found


def _bundled(relative: str) -> Path | None:
    path = paths.resource_root() / relative
    return path if path.is_file() else None


def _read(path: Path | None) -> bytes | None:
    try:
        return path.read_bytes() if path is not None else None
    except OSError:
        return None


def diff_text(old: bytes, new: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(),
        new.decode("utf-8", "replace").splitlines(),
        fromfile=_("{name} (in use)").format(name=name),
        tofile=_("{name} (in the pack)").format(name=name),
        lineterm="",
    )
    shown = list(lines)
    if len(shown) > MAX_DIFF_LINES:
        shown = [
            *shown[:MAX_DIFF_LINES],
            _("… ({n} more lines)").format(n=len(shown) - MAX_DIFF_LINES),
        ]
    return "\n".join(shown)


def compare(pack: VerifiedPack, data_dir: Path | None = None) -> Changes:
    """Added, changed and removed files; a file the pack does not hold stays bundled."""
    current = _pack_files(paths.active_pack_root(data_dir))
    changes = Changes()
    for relative in sorted(set(current) | set(pack.files)):
        old = _read(current.get(relative)) if relative in current else _read(_bundled(relative))
        new = pack.files.get(relative)
        if new is None:
            new = _read(_bundled(relative))
        if old is None and new is not None:
            changes.added.append(relative)
        elif old is not None and new is None:
            changes.removed.append(relative)
        elif old != new and old is not None and new is not None:
            changes.changed.append(relative)
            if kind_of(relative) == "guides":
                changes.diffs[relative] = diff_text(old, new, relative.rsplit("/", 1)[-1])
    return changes


def summary_lines(changes: Changes) -> list[str]:
    """One line per file, for the CLI and the preview."""
    if changes.empty:
        return [_("The pack changes nothing in the content in use.")]
    lines: list[str] = []
    for label, items in (
        (_("added"), changes.added),
        (_("changed"), changes.changed),
        (_("removed"), changes.removed),
    ):
        lines.extend(f"{label}: {path}" for path in items)
    return lines
