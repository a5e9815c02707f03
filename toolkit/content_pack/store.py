"""Applied packs in the data folder: ``content/<version>-<id>/`` per pack, and ``current.json``
naming the active one. Applying writes a new folder, syncs it, then switches the pointer with
one ``os.replace``; a crash before the switch leaves the old content, after it the new."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.atomic import write_atomic
from toolkit.content_pack import rules
from toolkit.content_pack.manifest import Manifest
from toolkit.content_pack.manifest import parse as parse_manifest
from toolkit.content_pack.origin import origin_label
from toolkit.content_pack.rules import PackError
from toolkit.content_pack.verify import VerifiedPack
from toolkit.i18n import _

STAGING_PREFIX = ".staging-"


class AppliedBefore(PackError):
    """An older pack than one applied before, but this very pack was applied here before: it
    may be used again when the person asks for exactly that (``again``)."""


@dataclass(frozen=True)
class AppliedPack:
    folder: str
    version: str


@dataclass(frozen=True)
class Status:
    current: AppliedPack | None
    history: tuple[AppliedPack, ...]  # what rollback goes back to, newest first
    manifest: Manifest | None
    # The highest version ever applied here: kept through rollbacks, so an older pack stays
    # refused even after going back to the bundled content.
    highest: str | None = None

    @property
    def label(self) -> str:
        return origin_label(self.current.version if self.current else None)


def _packs(data_dir: Path | None) -> Path:
    return paths.content_packs_dir(data_dir)


def _read_pointer(data_dir: Path | None) -> dict[str, Any]:
    try:
        raw = json.loads((_packs(data_dir) / paths.CONTENT_POINTER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _applied(raw: Any) -> AppliedPack | None:
    if isinstance(raw, dict) and isinstance(raw.get("folder"), str) and raw.get("version"):
        return AppliedPack(str(raw["folder"]), str(raw["version"]))
    return None


def status(data_dir: Path | None = None) -> Status:
    pointer = _read_pointer(data_dir)
    current = _applied(pointer) if paths.active_pack_root(_base(data_dir)) else None
    history = tuple(a for a in map(_applied, pointer.get("history") or []) if a is not None)
    manifest = None
    if current is not None:
        with contextlib.suppress(OSError, PackError):
            manifest_path = _packs(data_dir) / current.folder / rules.MANIFEST
            manifest = parse_manifest(manifest_path.read_bytes())
    return Status(current, history, manifest, _highest(pointer, [current, *history]))


def _highest(pointer: dict[str, Any], applied: Iterable[AppliedPack | None]) -> str | None:
    """The highest of the recorded high-water mark and the versions of ``applied``."""
    versions = [str(pointer["highest"])] if pointer.get("highest") else []
    versions += [a.version for a in applied if a is not None]
    best: str | None = None
    for version in versions:
        with contextlib.suppress(PackError):
            if rules.newer(version, best):
                best = version
    return best


def applied_here_before(pack: VerifiedPack, data_dir: Path | None = None) -> bool:
    """Whether these exact signed bytes were applied on this computer (their folder is kept)."""
    return (_packs(data_dir) / folder_name(pack)).is_dir()


def check_not_older(pack: VerifiedPack, data_dir: Path | None = None, again: bool = False) -> None:
    """Refuse a pack not newer than the highest ever applied, unless ``again`` re-applies a
    pack applied here before. Raises PackError (AppliedBefore when ``again`` would allow it)."""
    highest = status(data_dir).highest
    if rules.newer(pack.version, highest):
        return
    if not applied_here_before(pack, data_dir):
        raise PackError(
            _(
                "This pack ({version}) is not newer than pack {highest}, which was applied "
                "on this computer before; an older pack is never applied."
            ).format(version=pack.version, highest=highest)
        )
    if not again:
        raise AppliedBefore(
            _(
                "This pack ({version}) is not newer than pack {highest}, applied before. It "
                "was itself applied here before: to use it again, apply it again on purpose."
            ).format(version=pack.version, highest=highest)
        )


def _base(data_dir: Path | None) -> Path:
    return data_dir or paths.data_dir()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder to sync it; os.replace is still atomic there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:  # "x": never follows or overwrites anything
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def folder_name(pack: VerifiedPack) -> str:
    return f"{pack.version}-{hashlib.sha256(pack.manifest_bytes).hexdigest()[:12]}"


def unpack(pack: VerifiedPack, data_dir: Path | None = None) -> str:
    """Step 1: the pack's files in their own new folder, synced. Returns the folder's name."""
    packs = paths.make_private_dir(_packs(data_dir))
    name = folder_name(pack)
    final = packs / name
    if final.is_dir():
        return name  # applied before (then rolled back): the same signed bytes
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=packs))
    try:
        for relative, data in sorted(pack.files.items()):
            target = staging.joinpath(*relative.split("/"))
            if not target.resolve().is_relative_to(staging.resolve()):
                raise PackError(
                    _("The pack holds a path that leaves its folder: {path}").format(path=relative)
                )
            _write_synced(target, data)
        _write_synced(staging / rules.MANIFEST, pack.manifest_bytes)
        _write_synced(staging / rules.SIGNATURE, pack.signature)
        for folder in sorted({p.parent for p in staging.rglob("*")}, reverse=True):
            _fsync_dir(folder)
        os.replace(staging, final)
        _fsync_dir(packs)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return name


def switch(data_dir: Path | None, current: AppliedPack | None, history: list[AppliedPack]) -> None:
    """Step 2: one atomic replace of the pointer file."""

    def as_dict(item: AppliedPack) -> dict[str, str]:
        return {"folder": item.folder, "version": item.version}

    before = _read_pointer(data_dir)
    old_current = _applied(before)
    highest = _highest(before, [old_current, current, *history])
    pointer: dict[str, Any] = {"history": [as_dict(h) for h in history], "highest": highest}
    if current is not None:
        pointer.update(as_dict(current))
    packs = paths.make_private_dir(_packs(data_dir))
    write_atomic(packs / paths.CONTENT_POINTER, json.dumps(pointer, indent=2).encode("utf-8"))
    _fsync_dir(packs)


def apply(pack: VerifiedPack, data_dir: Path | None = None, again: bool = False) -> AppliedPack:
    """Make ``pack`` the content in use; the content before it stays for rollback. ``again``:
    the person chose to re-apply a pack applied here before, older than the highest one."""
    before = status(data_dir)
    if not rules.newer(pack.version, before.current.version if before.current else None):
        raise PackError(_("This pack is not newer than the content in use."))
    check_not_older(pack, data_dir, again)
    clean_staging(data_dir)
    name = unpack(pack, data_dir)
    history = ([before.current] if before.current else []) + list(before.history)
    applied = AppliedPack(name, pack.version)
    switch(data_dir, applied, history)
    return applied


def rollback(data_dir: Path | None = None) -> AppliedPack | None:
    """Go back to the content before the current pack; returns what is now in use."""
    before = status(data_dir)
    if before.current is None:
        raise PackError(_("No content pack is applied: the bundled content is already in use."))
    history = [h for h in before.history if (_packs(data_dir) / h.folder).is_dir()]
    previous = history[0] if history else None
    switch(data_dir, previous, history[1:])
    return previous


def clean_staging(data_dir: Path | None = None) -> None:
    """Remove half-written folders a crash left; they were never in use."""
    packs = _packs(data_dir)
    for leftover in packs.glob(STAGING_PREFIX + "*") if packs.is_dir() else []:
        shutil.rmtree(leftover, ignore_errors=True)


def pack_folder(applied: AppliedPack, data_dir: Path | None = None) -> Path:
    return _packs(data_dir) / applied.folder
