"""The SQLite file under a vault: schema, pragmas, and opening without ever damaging it.

Only ids, padded sizes and counts are stored in the clear; every other value is a sealed
blob. A vault that fails its check is opened read-only, so nothing is ever written over it.
The write-ahead log is overwritten with zeros before SQLite truncates it, so freed disk blocks
keep no old page (a deleted record, an old key wrap).
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from toolkit.errors import UserError
from toolkit.i18n import _

# 1: the first vaults. 2: checksummed key wraps, sealed manifest and settings, signing key,
# padded sizes, no creation time in the clear. Version 1 vaults are upgraded when unlocked.
SCHEMA_VERSION = 2
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (id TEXT PRIMARY KEY, blob BLOB NOT NULL, updated BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, blob BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS attachments (
    id TEXT PRIMARY KEY, record_id TEXT NOT NULL, meta BLOB NOT NULL,
    size INTEGER NOT NULL, chunks INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attachments_by_record ON attachments (record_id);
CREATE TABLE IF NOT EXISTS chunks (
    attachment_id TEXT NOT NULL, idx INTEGER NOT NULL, blob BLOB NOT NULL,
    PRIMARY KEY (attachment_id, idx)
);
"""
# The tables whose damage matters at unlock; chunks are checked when an attachment is read.
CHECKED_TABLES = ("meta", "records", "drafts", "attachments")


class VaultError(UserError):
    """A vault problem explained for a person (missing, damaged, locked, wrong passphrase)."""


class DamagedVaultError(VaultError):
    """The vault file cannot be read as a database at all."""


class DiskFullError(VaultError):
    """The disk (or USB stick) is full; the transaction was rolled back."""


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        return code == 13 or "disk is full" in str(exc)
    return False


def disk_full() -> DiskFullError:
    return DiskFullError(
        _(
            "The disk is full, so nothing was saved and the vault is as it was before. "
            "Free some space (or use a bigger USB stick), then try again."
        )
    )


def _pragmas(conn: sqlite3.Connection, writable: bool) -> None:
    # temp_store=MEMORY: sorts and temporary tables never spill to temp files on disk.
    conn.execute("PRAGMA temp_store=MEMORY")
    if writable:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        # Deleted records are overwritten with zeros, not left in free pages.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=ON")


def connect(path: Path, *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    mode = "rwc" if create else ("ro" if readonly else "rw")
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    try:
        _pragmas(conn, writable=not readonly)
        if create:
            conn.executescript(SCHEMA)
            if os.name == "posix":
                os.chmod(path, 0o600)
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def damage_report(conn: sqlite3.Connection) -> str:
    """An empty string when the important tables pass SQLite's quick check."""
    problems: list[str] = []
    for table in CHECKED_TABLES:
        rows = conn.execute(f"PRAGMA quick_check({table})").fetchall()
        problems.extend(str(r[0]) for r in rows if r[0] != "ok")
    return "; ".join(problems[:3])


def open_existing(path: Path, name: str) -> tuple[sqlite3.Connection, str]:
    """Open a vault; returns the connection and a damage note ('' when healthy).

    A damaged vault comes back read-only: what can be read stays readable, nothing is written.
    """
    if not path.is_file():
        raise VaultError(_("There is no vault named {name}.").format(name=name))
    try:
        probe = connect(path, readonly=True)
        try:
            note = damage_report(probe)
            probe.execute("SELECT count(*) FROM meta").fetchone()
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedVaultError(
            _(
                "The vault {name} is damaged and cannot be opened ({reason}). The file was left "
                "as it is at {path}; keep a copy and ask for help before deleting it."
            ).format(name=name, reason=exc, path=path)
        ) from exc
    if note:
        return connect(path, readonly=True), note
    try:
        return connect(path), ""
    except sqlite3.DatabaseError as exc:
        raise DamagedVaultError(
            _("The vault {name} could not be opened for writing ({reason}).").format(
                name=name, reason=exc
            )
        ) from exc


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: BEGIN IMMEDIATE ... COMMIT, rolled back on any error.

    A full disk comes out as DiskFullError with a plain message, after the rollback."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    except (sqlite3.Error, OSError) as exc:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        if is_disk_full(exc):
            raise disk_full() from exc
        raise


def wal_path(conn: sqlite3.Connection) -> Path | None:
    row = conn.execute("PRAGMA database_list").fetchone()
    return Path(str(row[2]) + "-wal") if row and row[2] else None


def scrub_wal(conn: sqlite3.Connection) -> bool:
    """Copy every WAL frame into the database, overwrite the WAL with zeros, truncate it.

    Safe with other connections: it goes ahead only when a RESTART checkpoint finished (every
    reader reads the database file alone) and, holding the write lock, the WAL header is still
    the one seen right after it (no writer slipped in). Returns False when it had to skip.
    """
    wal = wal_path(conn)
    if wal is None or not wal.exists():
        return True
    busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
    if busy:
        return False
    with wal.open("r+b") as handle:
        header = handle.read(32)
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False  # another process is writing: it scrubs when it closes
        try:
            handle.seek(0)
            if handle.read(32) != header:
                return False
            size = handle.seek(0, os.SEEK_END)
            handle.seek(0)
            zeros = bytes(min(size, 1024 * 1024))
            left = size
            while left > 0:
                left -= handle.write(zeros[: min(left, len(zeros))])
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            conn.execute("ROLLBACK")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return True


def close(conn: sqlite3.Connection, writable: bool) -> None:
    """Fold the WAL back into the database, scrub it and remove it: no side file lingers."""
    with contextlib.suppress(sqlite3.Error, OSError):
        if writable:
            scrub_wal(conn)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def get_meta(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
