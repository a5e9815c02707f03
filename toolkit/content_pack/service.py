"""The steps the CLI and the Settings page share: verify a file, see its changes, apply it."""

from __future__ import annotations

from pathlib import Path

from toolkit.content_pack import store
from toolkit.content_pack.changes import Changes, compare
from toolkit.content_pack.checks import check_content
from toolkit.content_pack.keys import TrustedKey
from toolkit.content_pack.verify import VerifiedPack, verify_pack


def verify(
    source: Path,
    data_dir: Path | None = None,
    keys: list[TrustedKey] | None = None,
    again: bool = False,
) -> VerifiedPack:
    """Everything checked against the content in use and the highest pack ever applied
    (``again``: re-apply on purpose a pack applied here before); raises PackError (or
    store.AppliedBefore), writes nothing."""
    current = store.status(data_dir).current
    pack = verify_pack(source, current.version if current else None, keys)
    store.check_not_older(pack, data_dir, again)
    check_content(pack)
    return pack


def preview(
    source: Path,
    data_dir: Path | None = None,
    keys: list[TrustedKey] | None = None,
    again: bool = False,
) -> tuple[VerifiedPack, Changes]:
    pack = verify(source, data_dir, keys, again)
    return pack, compare(pack, data_dir)


def apply_file(
    source: Path,
    data_dir: Path | None = None,
    keys: list[TrustedKey] | None = None,
    again: bool = False,
) -> store.AppliedPack:
    return store.apply(verify(source, data_dir, keys, again), data_dir, again)
