"""A vault: one encrypted SQLite file holding records, drafts and attachments.

Several vaults can live in ``<data_dir>/vaults/`` (one per volunteer or household). Nothing
decrypted is ever written to disk; decrypted records live only in this object's memory until
``lock()``.
"""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.i18n import _
from toolkit.incidents import crypto, store, throttle
from toolkit.incidents.crypto import DecryptError, KdfParams
from toolkit.incidents.record import Incident, from_dict, now_utc
from toolkit.incidents.store import VaultError

SUFFIX = ".vault"
DEFAULT_NAME = "default"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")
MIN_PASSPHRASE = 8
# Erasing after wrong passphrases: off (0) or this many wrong tries in a row.
WIPE_MIN, WIPE_MAX = 3, 20
Clock = Callable[[], float]
Sleep = Callable[[float], None]


class WrongPassphraseError(VaultError):
    pass


class TooSoonError(VaultError):
    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass
class ItemError:
    """A record or attachment that could not be read; the rest of the vault still is."""

    item_id: str
    reason: str


@dataclass
class RetryState:
    """What a locked vault says about the next try (read without the passphrase)."""

    wait: float = 0.0  # seconds before the next try is allowed
    tries_left: int = 0  # wrong tries left before the vault is erased; 0 when erasing is off


@dataclass
class Loaded:
    records: list[Incident] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)


def vaults_dir(data_dir: Path | None = None) -> Path:
    return paths.make_private_dir((data_dir or paths.data_dir()) / "vaults")


def check_name(name: str) -> str:
    if not NAME_PATTERN.match(name):
        raise VaultError(
            _(
                "A vault name may use letters, digits, - and _ (at most 40, no spaces): {name!r}"
            ).format(name=name)
        )
    return name


def vault_path(name: str, data_dir: Path | None = None) -> Path:
    return vaults_dir(data_dir) / f"{check_name(name)}{SUFFIX}"


def list_vaults(data_dir: Path | None = None) -> list[str]:
    return sorted(p.name[: -len(SUFFIX)] for p in vaults_dir(data_dir).glob(f"*{SUFFIX}"))


def side_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def delete_vault(name: str, data_dir: Path | None = None) -> None:
    """Remove a whole vault and its SQLite side files."""
    path = vault_path(name, data_dir)
    if not path.exists():
        raise VaultError(_("There is no vault named {name}.").format(name=name))
    for item in side_files(path):
        with contextlib.suppress(FileNotFoundError):
            item.unlink()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise VaultError(
            _("The passphrase must be at least {n} characters long.").format(n=MIN_PASSPHRASE)
        )


def create_vault(
    name: str,
    passphrase: str,
    *,
    data_dir: Path | None = None,
    kdf_n: int | None = None,
) -> tuple[Vault, str]:
    """Create a vault and return it unlocked, with its recovery code (show it once, print it).

    ``kdf_n`` lowers the scrypt cost for tests and the self-test only; the app never passes it.
    """
    check_passphrase(passphrase)
    path = vault_path(name, data_dir)
    if path.exists():
        raise VaultError(_("A vault named {name} already exists.").format(name=name))
    params = KdfParams.fresh(kdf_n)
    data_key = crypto.new_data_key()
    code = crypto.new_recovery_code()
    recovery_salt = crypto.new_data_key()[:16]
    wrapped = crypto.seal(
        crypto.derive_key(passphrase, params), data_key, crypto.aad("wrap", "pass")
    )
    wrapped_recovery = crypto.seal(
        crypto.recovery_key_bytes(code, recovery_salt), data_key, crypto.aad("wrap", "recovery")
    )
    conn = store.connect(path, create=True)
    try:
        with store.transaction(conn):
            store.set_meta(conn, "version", str(store.SCHEMA_VERSION))
            store.set_meta(conn, "kdf", json.dumps(params.to_json()))
            store.set_meta(conn, "wrapped_key", wrapped.hex())
            store.set_meta(conn, "recovery_salt", recovery_salt.hex())
            store.set_meta(conn, "wrapped_recovery_key", wrapped_recovery.hex())
            store.set_meta(conn, "created", now_utc())
            store.set_meta(conn, "failures", "0")
            store.set_meta(conn, "wipe_after", "0")
    finally:
        store.close(conn, writable=True)
    vault = Vault(name, data_dir)
    vault._open_with_key(data_key)
    return vault, code


class Vault:
    """One vault file. Locked until ``unlock``; ``lock`` forgets the key and every record."""

    def __init__(self, name: str, data_dir: Path | None = None) -> None:
        self.name = check_name(name)
        self.path = vault_path(name, data_dir)
        self.damage_note = ""
        self._conn: sqlite3.Connection | None = None
        self._key: bytes | None = None
        self._records: dict[str, Incident] = {}
        self._errors: list[ItemError] = []

    # -- unlocking -------------------------------------------------------------------------
    @property
    def unlocked(self) -> bool:
        return self._key is not None

    @property
    def writable(self) -> bool:
        return not self.damage_note

    def unlock(
        self, passphrase: str, *, clock: Clock = time.time, sleep: Sleep | None = None
    ) -> None:
        def key_from(conn: sqlite3.Connection) -> bytes:
            params = KdfParams.from_json(json.loads(store.get_meta(conn, "kdf")))
            wrapped = bytes.fromhex(store.get_meta(conn, "wrapped_key"))
            return crypto.unseal(
                crypto.derive_key(passphrase, params), wrapped, crypto.aad("wrap", "pass")
            )

        self._unlock_with(key_from, clock, sleep)

    def unlock_with_recovery(
        self, code: str, *, clock: Clock = time.time, sleep: Sleep | None = None
    ) -> None:
        def key_from(conn: sqlite3.Connection) -> bytes:
            salt = bytes.fromhex(store.get_meta(conn, "recovery_salt"))
            wrapped = bytes.fromhex(store.get_meta(conn, "wrapped_recovery_key"))
            try:
                recovery = crypto.recovery_key_bytes(code, salt)
            except ValueError:
                raise DecryptError("not a code") from None
            return crypto.unseal(recovery, wrapped, crypto.aad("wrap", "recovery"))

        self._unlock_with(key_from, clock, sleep)

    def _unlock_with(
        self, key_from: Callable[[sqlite3.Connection], bytes], clock: Clock, sleep: Sleep | None
    ) -> None:
        if self.unlocked:
            return
        conn, note = store.open_existing(self.path, self.name)
        try:
            failures = int(store.get_meta(conn, "failures", "0") or 0)
            last = float(store.get_meta(conn, "last_failure", "0") or 0)
            wait = throttle.remaining(failures, last, clock())
            if wait > 0:
                if sleep is None:
                    raise TooSoonError(
                        _(
                            "Too many wrong passphrases. Wait {seconds} seconds, then try again."
                        ).format(seconds=int(wait + 0.999)),
                        wait,
                    )
                sleep(wait)
            try:
                key = key_from(conn)
            except DecryptError:
                self._record_failure(conn, note, failures + 1, clock())
                raise
        except DecryptError:
            raise WrongPassphraseError(
                _("Wrong passphrase for the vault {name}. Nothing was changed.").format(
                    name=self.name
                )
            ) from None
        except BaseException:
            store.close(conn, writable=not note)
            raise
        if failures and not note:
            with store.transaction(conn):
                store.set_meta(conn, "failures", "0")
        self._conn, self.damage_note = conn, note
        self._key = key
        self._load_records()

    def _record_failure(
        self, conn: sqlite3.Connection, note: str, failures: int, now: float
    ) -> None:
        wipe_after = int(store.get_meta(conn, "wipe_after", "0") or 0)
        if note:
            store.close(conn, writable=False)
            return
        with store.transaction(conn):
            store.set_meta(conn, "failures", str(failures))
            store.set_meta(conn, "last_failure", repr(now))
        store.close(conn, writable=True)
        if wipe_after and failures >= wipe_after:
            delete_files(self.path)
            raise WrongPassphraseError(
                _(
                    "Wrong passphrase {n} times: the vault {name} was erased, "
                    "as its settings asked."
                ).format(n=failures, name=self.name)
            )

    def retry_state(self, *, clock: Clock = time.time) -> RetryState:
        """The wait and tries left, from the clear meta table; never changes the file."""
        try:
            conn = store.connect(self.path, readonly=True)
        except sqlite3.Error:
            return RetryState()
        try:
            failures = int(store.get_meta(conn, "failures", "0") or 0)
            last = float(store.get_meta(conn, "last_failure", "0") or 0)
            wipe_after = int(store.get_meta(conn, "wipe_after", "0") or 0)
        except (sqlite3.Error, ValueError):
            return RetryState()
        finally:
            conn.close()
        tries_left = max(wipe_after - failures, 0) if wipe_after else 0
        return RetryState(throttle.remaining(failures, last, clock()), tries_left)

    def _open_with_key(self, key: bytes) -> None:
        self._conn, self.damage_note = store.open_existing(self.path, self.name)
        self._key = key
        self._load_records()

    def lock(self) -> None:
        """Forget the key and every decrypted record; fold the WAL into the file."""
        self._key = None
        self._records = {}
        self._errors = []
        if self._conn is not None:
            store.close(self._conn, writable=self.writable)
            self._conn = None

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -- helpers ---------------------------------------------------------------------------
    def conn(self) -> sqlite3.Connection:
        if self._conn is None or self._key is None:
            raise VaultError(_("The vault {name} is locked.").format(name=self.name))
        return self._conn

    def key(self) -> bytes:
        self.conn()
        assert self._key is not None
        return self._key

    def require_writable(self) -> sqlite3.Connection:
        conn = self.conn()
        if self.damage_note:
            raise VaultError(
                _(
                    "The vault {name} is damaged ({note}); it is open read-only so nothing more "
                    "is lost. Export what you need, then ask for help."
                ).format(name=self.name, note=self.damage_note)
            )
        return conn

    def seal_json(self, value: Any, aad: bytes) -> bytes:
        return crypto.seal(self.key(), json.dumps(value, ensure_ascii=False).encode(), aad)

    def unseal_json(self, blob: bytes, aad: bytes) -> Any:
        return json.loads(crypto.unseal(self.key(), blob, aad))

    def change_passphrase(self, new_passphrase: str) -> None:
        """Wrap the data key with a new passphrase (after unlocking with the recovery code)."""
        check_passphrase(new_passphrase)
        conn = self.require_writable()
        params = KdfParams.from_json(json.loads(store.get_meta(conn, "kdf")))
        params = KdfParams.fresh(params.n)
        wrapped = crypto.seal(
            crypto.derive_key(new_passphrase, params), self.key(), crypto.aad("wrap", "pass")
        )
        with store.transaction(conn):
            store.set_meta(conn, "kdf", json.dumps(params.to_json()))
            store.set_meta(conn, "wrapped_key", wrapped.hex())

    def created(self) -> str:
        return store.get_meta(self.conn(), "created")

    # -- settings stored in the vault ------------------------------------------------------
    def wipe_after(self) -> int:
        return int(store.get_meta(self.conn(), "wipe_after", "0") or 0)

    def set_wipe_after(self, failures: int) -> None:
        if not (failures == 0 or WIPE_MIN <= failures <= WIPE_MAX):
            raise VaultError(
                _("Erase after wrong passphrases must be off or {low} to {high}.").format(
                    low=WIPE_MIN, high=WIPE_MAX
                )
            )
        conn = self.require_writable()
        with store.transaction(conn):
            store.set_meta(conn, "wipe_after", str(failures))

    def failures(self) -> int:
        return int(store.get_meta(self.conn(), "failures", "0") or 0)

    # -- records ---------------------------------------------------------------------------
    def _load_records(self) -> None:
        conn = self.conn()
        self._records, self._errors = {}, []
        try:
            ids = [str(r[0]) for r in conn.execute("SELECT id FROM records")]
        except sqlite3.DatabaseError as exc:
            self._errors.append(ItemError("*", str(exc)))
            return
        for record_id in ids:
            try:
                row = conn.execute("SELECT blob FROM records WHERE id = ?", (record_id,)).fetchone()
                data = self.unseal_json(bytes(row[0]), crypto.aad("record", record_id))
                record = from_dict(data, validate=False)
                if record.id != record_id:
                    raise DecryptError("id mismatch")
            except (sqlite3.DatabaseError, DecryptError, ValueError, TypeError) as exc:
                self._errors.append(ItemError(record_id, describe(exc)))
                continue
            self._records[record_id] = record

    def reload(self) -> None:
        """Decrypt every record again from the file (another process may have saved)."""
        self._load_records()

    def load(self) -> Loaded:
        """Every readable record (newest incident first) and what could not be read."""
        self.conn()
        ordered = sorted(
            self._records.values(),
            key=lambda r: (r.start_date, r.start_time, r.created),
            reverse=True,
        )
        return Loaded(ordered, list(self._errors))

    def records(self) -> list[Incident]:
        return self.load().records

    def get(self, record_id: str) -> Incident:
        self.conn()
        if record_id in self._records:
            return self._records[record_id]
        found = [rid for rid in self._records if rid.startswith(record_id)] if record_id else []
        if len(found) == 1:
            return self._records[found[0]]
        raise VaultError(
            _("No record {id} in the vault {name}.").format(id=record_id, name=self.name)
        )

    def save(self, record: Incident) -> Incident:
        """Validate, encrypt and commit one record in one transaction; drops its draft."""
        record.validate()
        conn = self.require_writable()
        record.updated = now_utc()
        blob = self.seal_json(record.to_dict(), crypto.aad("record", record.id))
        updated = crypto.seal(self.key(), record.updated.encode(), crypto.aad("updated", record.id))
        with store.transaction(conn):
            conn.execute(
                "INSERT INTO records (id, blob, updated) VALUES (?, ?, ?) ON CONFLICT(id) "
                "DO UPDATE SET blob = excluded.blob, updated = excluded.updated",
                (record.id, blob, updated),
            )
            conn.execute("DELETE FROM drafts WHERE id = ?", (record.id,))
        self._records[record.id] = record
        return record

    def delete_record(self, record_id: str) -> None:
        """Remove a record with its draft and attachments, in one transaction."""
        record_id = self.get(record_id).id
        conn = self.require_writable()
        with store.transaction(conn):
            conn.execute(
                "DELETE FROM chunks WHERE attachment_id IN "
                "(SELECT id FROM attachments WHERE record_id = ?)",
                (record_id,),
            )
            conn.execute("DELETE FROM attachments WHERE record_id = ?", (record_id,))
            conn.execute("DELETE FROM drafts WHERE id = ?", (record_id,))
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
        self._records.pop(record_id, None)

    # -- drafts ----------------------------------------------------------------------------
    def save_draft(self, record_id: str, data: dict[str, Any]) -> None:
        conn = self.require_writable()
        blob = self.seal_json(data, crypto.aad("draft", record_id))
        with store.transaction(conn):
            conn.execute(
                "INSERT INTO drafts (id, blob) VALUES (?, ?) "
                "ON CONFLICT(id) DO UPDATE SET blob = excluded.blob",
                (record_id, blob),
            )

    def drafts(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for draft_id, blob in self.conn().execute("SELECT id, blob FROM drafts"):
            try:
                data = self.unseal_json(bytes(blob), crypto.aad("draft", str(draft_id)))
            except (DecryptError, ValueError) as exc:
                self._errors.append(ItemError(str(draft_id), describe(exc)))
                continue
            if isinstance(data, dict):
                found[str(draft_id)] = data
        return found

    def discard_draft(self, record_id: str) -> None:
        conn = self.require_writable()
        with store.transaction(conn):
            conn.execute("DELETE FROM drafts WHERE id = ?", (record_id,))


def describe(exc: BaseException) -> str:
    if isinstance(exc, DecryptError):
        return _("the encrypted data was changed or damaged")
    if isinstance(exc, sqlite3.DatabaseError):
        return _("the vault file is damaged here ({reason})").format(reason=exc)
    return _("unreadable content ({reason})").format(reason=type(exc).__name__)


def delete_files(path: Path) -> None:
    for item in side_files(path):
        with contextlib.suppress(FileNotFoundError):
            item.unlink()
