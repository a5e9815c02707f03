"""Crypto-erase: destroy both key wraps in place, then overwrite and remove the file.

Once the passphrase wrap and the recovery wrap are overwritten with random bytes (and the WAL
that held the new pages is folded in and zeroed), no copy of the file made from here on can be
opened by anyone. Copies made earlier (backups, a synced folder, a disk image) are out of reach.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from toolkit.i18n import _
from toolkit.incidents import store

KEY_ROWS = ("wrapped_key", "wrapped_recovery_key", "signing_key", "manifest", "settings")


def limits() -> str:
    """Shown wherever erase is offered or reported."""
    return _(
        "Erasing destroys the keys in this vault file and overwrites it. It cannot reach copies "
        "made earlier: backups, synced folders, exported packages or a copy of the disk."
    )


def side_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def destroy_keys(path: Path) -> bool:
    """Overwrite every key wrap (and the sealed rows) in place with random bytes of the same
    length, then fold the WAL into the file and zero it. False if the file could not be read
    as a database (it is still overwritten by ``erase_file``)."""
    try:
        conn = store.connect(path)
    except sqlite3.Error:
        return False
    try:
        with store.transaction(conn):
            for key in KEY_ROWS:
                value = store.get_meta(conn, key)
                if value:
                    store.set_meta(conn, key, os.urandom(len(value) // 2 + 1).hex()[: len(value)])
        store.scrub_wal(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except (sqlite3.Error, OSError):
        return False
    finally:
        conn.close()
    return True


def _overwrite(path: Path) -> None:
    with contextlib.suppress(OSError), path.open("r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        block = bytes(1024 * 1024)
        left = size
        while left > 0:
            left -= handle.write(block[: min(left, len(block))])
        handle.flush()
        os.fsync(handle.fileno())


def erase_file(path: Path) -> None:
    """Destroy the keys, overwrite the file and its side files with zeros, fsync, unlink."""
    if path.exists():
        destroy_keys(path)
    for item in side_files(path):
        if item.exists():
            _overwrite(item)
        with contextlib.suppress(FileNotFoundError):
            item.unlink()
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
