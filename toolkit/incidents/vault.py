"""A vault: one encrypted SQLite file holding records, drafts and attachments.

Several vaults can live in ``<data_dir>/vaults/`` (one per volunteer or household). Nothing
decrypted is ever written to disk; decrypted records live only in this object's memory until
``lock()``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.i18n import _
from toolkit.incidents import crypto, erase, keyslots, manifest, passwords, signing, state, store
from toolkit.incidents.crypto import DecryptError
from toolkit.incidents.manifest import Manifest
from toolkit.incidents.record import Incident, from_dict, now_utc
from toolkit.incidents.store import VaultError

SUFFIX = ".vault"
DEFAULT_NAME = "default"
# Letters of any script (Peña, Núñez, 王), digits, - and _; no spaces, dots or slashes.
NAME_PATTERN = re.compile(r"^[^\W_][\w-]{0,39}$")
MIN_PASSPHRASE = passwords.MIN_LENGTH
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
    # One spelling per name: "Peña" typed on macOS (decomposed) is the same vault as on Windows.
    name = unicodedata.normalize("NFC", name)
    if not NAME_PATTERN.fullmatch(name):
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
    """Crypto-erase a whole vault: destroy its key wraps in place, overwrite, remove.

    What this cannot reach is said by ``erase.limits()`` (copies made earlier)."""
    path = vault_path(name, data_dir)
    if not path.exists():
        raise VaultError(_("There is no vault named {name}.").format(name=name))
    delete_files(path)


def check_passphrase(passphrase: str) -> None:
    """At least 8 characters and not one of the most common passwords (plain reasons)."""
    passwords.check(passphrase)


def create_vault(
    name: str,
    passphrase: str,
    *,
    data_dir: Path | None = None,
    kdf_n: int | None = None,
) -> tuple[Vault, str]:
    """Create a vault and return it unlocked, with its recovery code (show it once, print it).

    ``kdf_n`` lowers the scrypt cost for tests and the self-test only; the app never passes it.
    The file is built under a temporary name and renamed when complete, so a failure (a full
    disk) leaves nothing behind.
    """
    check_passphrase(passphrase)
    path = vault_path(name, data_dir)
    if path.exists():
        raise VaultError(_("A vault named {name} already exists.").format(name=name))
    data_key = crypto.new_data_key()
    vault_id = os.urandom(16).hex()
    rows = keyslots.pass_rows(passphrase, data_key, kdf_n)
    recovery, code = keyslots.recovery_rows(data_key)
    signing_key = signing.new_private()
    first = Manifest(counter=1)
    building = path.with_name(f".{path.name}.new")
    delete_files(building)
    try:
        conn = store.connect(building, create=True)
        try:
            with store.transaction(conn):
                store.set_meta(conn, "version", str(store.SCHEMA_VERSION))
                store.set_meta(conn, "vault_id", vault_id)
                for key, value in {**rows, **recovery}.items():
                    store.set_meta(conn, key, value)
                _write_settings(conn, data_key, {"created": now_utc(), "wipe_after": 0})
                store.set_meta(conn, "signing_public", signing.public_of(signing_key).hex())
                store.set_meta(
                    conn, "signing_key", crypto.seal(data_key, signing_key, SIGNING_AAD).hex()
                )
                store.set_meta(conn, "manifest", manifest.seal(data_key, first))
                state.write_clear(conn, vault_id, state.State())
        finally:
            store.close(conn, writable=True)
        os.replace(building, path)
    except BaseException as exc:
        delete_files(building)
        if store.is_disk_full(exc):
            raise store.disk_full() from exc
        raise
    state.write_side(path, vault_id, state.State(counter=1))
    vault = Vault(name, data_dir)
    vault._open_with_key(data_key)
    return vault, code


BACKUP_SUFFIX = ".tkbackup"


def restore_backup(backup: Path, name: str, *, data_dir: Path | None = None) -> Vault:
    """Put a backup in place as the vault ``name`` (never over an existing one); returns it
    locked. The passphrase or the recovery code of the backed-up vault opens it."""
    path = vault_path(name, data_dir)
    if path.exists():
        raise VaultError(_("A vault named {name} already exists.").format(name=name))
    building = path.with_name(f".{path.name}.new")
    try:
        source = store.connect(Path(backup), readonly=True)
        try:
            if not store.get_meta(source, "wrapped_key"):
                raise VaultError(_("{path} is not a vault backup.").format(path=backup))
            copy = sqlite3.connect(building)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        os.chmod(building, 0o600)
        os.replace(building, path)
    except (OSError, sqlite3.Error) as exc:
        delete_files(building)
        if store.is_disk_full(exc):
            raise store.disk_full() from exc
        raise VaultError(
            _("{path} could not be restored: {reason}").format(path=backup, reason=exc)
        ) from exc
    except BaseException:
        delete_files(building)
        raise
    return Vault(name, data_dir)


SIGNING_AAD = crypto.aad("signing-key")
SETTINGS_AAD = crypto.aad("settings")


def _write_settings(conn: sqlite3.Connection, key: bytes, values: dict[str, Any]) -> None:
    text = json.dumps(values)
    blob = crypto.seal(key, text.ljust(crypto.padded_length(len(text))).encode(), SETTINGS_AAD)
    store.set_meta(conn, "settings", blob.hex())


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
        # What the sealed manifest says is wrong, by record id ("*": the whole vault).
        self.integrity: dict[str, list[str]] = {}
        self._settings: dict[str, Any] = {}
        self._writing: Manifest | None = None

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
        rewrap = False

        def key_from(conn: sqlite3.Connection) -> bytes:
            nonlocal rewrap
            key, rewrap = keyslots.open_with_passphrase(conn, self.name, passphrase)
            return key

        self._unlock_with(key_from, clock, sleep)
        if rewrap and self.writable:
            # Made from a passphrase that was not NFC-normalized: wrap it again, normalized.
            self._set_rows(keyslots.pass_rows(passphrase, self.key(), self._kdf_n()))

    def unlock_with_recovery(
        self, code: str, *, clock: Clock = time.time, sleep: Sleep | None = None
    ) -> None:
        self._unlock_with(
            lambda conn: keyslots.open_with_recovery(conn, self.name, code), clock, sleep
        )

    def _vault_id(self, conn: sqlite3.Connection) -> str:
        return store.get_meta(conn, "vault_id")

    def _unlock_with(
        self, key_from: Callable[[sqlite3.Connection], bytes], clock: Clock, sleep: Sleep | None
    ) -> None:
        if self.unlocked:
            return
        conn, note = store.open_existing(self.path, self.name)
        try:
            vault_id = self._vault_id(conn)
            current = state.combined(conn, self.path, vault_id)
            if current.last_failure > clock() and not note:
                # A last failure "in the future" (a clock set back, or an edit) is taken as
                # now, once, so the wait ends instead of lasting until that date.
                current.last_failure = clock()
                with store.transaction(conn):
                    state.write_clear(conn, vault_id, current)
                state.write_side(self.path, vault_id, current)
            wait = current.wait(clock())
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
                self._record_failure(conn, note, vault_id, current, clock())
                raise
        except DecryptError:
            raise WrongPassphraseError(
                _("Wrong passphrase for the vault {name}.").format(name=self.name)
            ) from None
        except BaseException:
            store.close(conn, writable=False)
            raise
        self._conn, self.damage_note = conn, note
        self._key = key
        if self.writable:
            self._upgrade(conn, key)
        self._read_settings()
        if self.writable and (current.failures or current.wipe_after != self.wipe_after()):
            self._save_state(failures=0)
        self._load_records()

    def _record_failure(
        self,
        conn: sqlite3.Connection,
        note: str,
        vault_id: str,
        current: state.State,
        now: float,
    ) -> None:
        if note:
            store.close(conn, writable=False)
            return
        current.failures += 1
        current.last_failure = now
        with store.transaction(conn):
            state.write_clear(conn, vault_id, current)
        store.close(conn, writable=True)
        state.write_side(self.path, vault_id, current)
        if current.wipe_after and current.failures >= current.wipe_after:
            delete_files(self.path)
            raise WrongPassphraseError(
                _(
                    "Wrong passphrase {n} times: the keys of the vault {name} were destroyed "
                    "and the file erased, as its settings asked."
                ).format(n=current.failures, name=self.name)
                + " "
                + erase.limits()
            )

    def retry_state(self, *, clock: Clock = time.time) -> RetryState:
        """The wait and tries left, from both copies of the state; never changes the file."""
        try:
            conn = store.connect(self.path, readonly=True)
        except sqlite3.Error:
            return RetryState()
        try:
            current = state.combined(conn, self.path, self._vault_id(conn))
        except sqlite3.Error:
            return RetryState()
        finally:
            conn.close()
        wipe = current.wipe_after
        tries_left = max(wipe - current.failures, 0) if wipe else 0
        return RetryState(current.wait(clock()), tries_left)

    def _open_with_key(self, key: bytes) -> None:
        self._conn, self.damage_note = store.open_existing(self.path, self.name)
        self._key = key
        self._read_settings()
        self._load_records()

    def lock(self) -> None:
        """Forget the key and every decrypted record; fold the WAL into the file and zero it."""
        self._key = None
        self._records = {}
        self._errors = []
        self.integrity = {}
        self._settings = {}
        if self._conn is not None:
            store.close(self._conn, writable=self.writable)
            self._conn = None

    close = lock

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # -- upgrades, settings and state ------------------------------------------------------
    def _upgrade(self, conn: sqlite3.Connection, key: bytes) -> None:
        """Version 1 to 2: checksums, sealed settings, signing key, manifest (as found)."""
        if int(store.get_meta(conn, "version", "1") or 1) >= store.SCHEMA_VERSION:
            return
        with store.transaction(conn):
            keyslots.add_checks(conn)
            if not self._vault_id(conn):
                store.set_meta(conn, "vault_id", os.urandom(16).hex())
            wipe = int(store.get_meta(conn, "wipe_after", "0") or 0)
            created = store.get_meta(conn, "created")
            _write_settings(conn, key, {"created": created, "wipe_after": wipe})
            conn.execute("DELETE FROM meta WHERE key = 'created'")
            private = signing.new_private()
            store.set_meta(conn, "signing_public", signing.public_of(private).hex())
            store.set_meta(conn, "signing_key", crypto.seal(key, private, SIGNING_AAD).hex())
            found = manifest.from_file(conn)
            found.counter = 1
            store.set_meta(conn, "manifest", manifest.seal(key, found))
            store.set_meta(conn, "version", str(store.SCHEMA_VERSION))
            vault_id = self._vault_id(conn)
            state.write_clear(conn, vault_id, state.State(wipe_after=wipe))
        state.write_side(self.path, vault_id, state.State(wipe_after=wipe, counter=1))

    def _read_settings(self) -> None:
        conn = self.conn()
        try:
            blob = bytes.fromhex(store.get_meta(conn, "settings"))
            self._settings = json.loads(crypto.unseal(self.key(), blob, SETTINGS_AAD))
        except (ValueError, DecryptError):
            # Version 1 (read-only) or a damaged row: the clear values, as they were.
            self._settings = {
                "created": store.get_meta(conn, "created"),
                "wipe_after": int(store.get_meta(conn, "wipe_after", "0") or 0),
            }

    def _save_state(self, failures: int = 0) -> None:
        conn = self.require_writable()
        vault_id = self._vault_id(conn)
        side, _ok = state.read_side(self.path, vault_id)
        counter = self._counter(conn, side)
        current = state.State(failures, 0.0, self.wipe_after(), counter)
        with store.transaction(conn):
            state.write_clear(conn, vault_id, current)
        state.write_side(self.path, vault_id, current)

    def _counter(self, conn: sqlite3.Connection, side: state.State | None) -> int:
        try:
            found = manifest.unseal(self.key(), manifest.check_row(conn)).counter
        except (ValueError, DecryptError):
            found = 0
        return max(found, side.counter if side else 0)

    def _kdf_n(self) -> int | None:
        """Keep a test vault's cheap cost when rewrapping; real vaults get today's cost."""
        try:
            n = int(json.loads(store.get_meta(self.conn(), "kdf"))["n"])
        except (ValueError, KeyError, TypeError):
            return None
        return n if n < crypto.MIN_REAL_N else None

    def _set_rows(self, rows: dict[str, str]) -> None:
        conn = self.require_writable()
        with store.transaction(conn):
            for key, value in rows.items():
                store.set_meta(conn, key, value)
        # The old wrap is gone from the file; zero the WAL that still held it.
        store.scrub_wal(conn)

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
        """Sealed JSON, padded with spaces to a bucket so its length tells little."""
        text = json.dumps(value, ensure_ascii=False).encode()
        return crypto.seal(self.key(), text.ljust(crypto.padded_length(len(text))), aad)

    def unseal_json(self, blob: bytes, aad: bytes) -> Any:
        return json.loads(crypto.unseal(self.key(), blob, aad))

    @contextlib.contextmanager
    def writing(self) -> Iterator[Manifest]:
        """One transaction that also updates the sealed manifest and the save counter.

        Nested uses join the outer transaction (a record and its files: all or nothing)."""
        if self._writing is not None:
            yield self._writing
            return
        conn = self.require_writable()
        vault_id = self._vault_id(conn)
        with store.transaction(conn):
            try:
                current = manifest.unseal(self.key(), manifest.check_row(conn))
            except (ValueError, DecryptError):
                current = manifest.from_file(conn)
            self._writing = current
            try:
                yield current
            finally:
                self._writing = None
            side, _ok = state.read_side(self.path, vault_id)
            current.counter = max(current.counter, side.counter if side else 0) + 1
            store.set_meta(conn, "manifest", manifest.seal(self.key(), current))
        state.write_side(
            self.path, vault_id, state.State(wipe_after=self.wipe_after(), counter=current.counter)
        )

    # -- keys: rotation --------------------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Wrap the data key with a new passphrase (fresh salt, today's key cost)."""
        check_passphrase(new_passphrase)
        self._set_rows(keyslots.pass_rows(new_passphrase, self.key(), self._kdf_n()))

    def rotate_recovery(self) -> str:
        """A new recovery code; the old one (and any sheet printed with it) no longer opens."""
        self.require_writable()
        rows, code = keyslots.recovery_rows(self.key())
        self._set_rows(rows)
        return code

    def rekey(self, passphrase: str) -> str:
        """A new data key: every blob sealed again, both wraps remade (a new recovery code)."""
        check_passphrase(passphrase)
        if self.integrity:
            raise VaultError(
                _(
                    "The vault reports changes made outside the app, so it was not put under a "
                    "new key (that would hide them). Export what you need first."
                )
            )
        from toolkit.incidents import rekey as rekey_mod

        conn = self.require_writable()
        new_key = crypto.new_data_key()
        rows = keyslots.pass_rows(passphrase, new_key, self._kdf_n())
        recovery, code = keyslots.recovery_rows(new_key)
        with store.transaction(conn):
            rekey_mod.reseal_all(conn, self.key(), new_key)
            for key, value in {**rows, **recovery}.items():
                store.set_meta(conn, key, value)
        self._key = new_key
        store.scrub_wal(conn)
        self._read_settings()
        self._load_records()
        return code

    def split_recovery(self) -> list[str]:
        """A new recovery code, given only as three shares (any two open the vault), for two
        staff members who each keep one; the third goes somewhere safe."""
        from toolkit.incidents import shamir

        return shamir.split_code(self.rotate_recovery())

    def backup_to(self, folder: Path) -> Path:
        """A consistent copy of the vault file in ``folder`` (a USB stick). It is encrypted like
        the vault and opens with the same passphrase or recovery code on another computer."""
        conn = self.conn()
        folder = Path(folder)
        stamp = now_utc()[:10]
        target = folder / f"{self.name}-{stamp}{BACKUP_SUFFIX}"
        partial = folder / f".{target.name}.part"
        try:
            copy = sqlite3.connect(partial)
            try:
                conn.backup(copy)
            finally:
                copy.close()
            with partial.open("rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                partial.unlink()
            if store.is_disk_full(exc):
                raise store.disk_full() from exc
            raise VaultError(
                _("The backup could not be written to {path}: {reason}").format(
                    path=folder, reason=exc
                )
            ) from exc
        return target

    def fingerprint(self) -> str:
        public = store.get_meta(self.conn(), "signing_public")
        return signing.fingerprint(bytes.fromhex(public)) if public else ""

    def sign(self, data: bytes) -> tuple[bytes, bytes]:
        """(public key, signature) of ``data`` with this vault's Ed25519 key."""
        conn = self.conn()
        private = crypto.unseal(
            self.key(), bytes.fromhex(store.get_meta(conn, "signing_key")), SIGNING_AAD
        )
        return signing.public_of(private), signing.sign(private, data)

    def created(self) -> str:
        self.conn()
        return str(self._settings.get("created", ""))

    # -- settings stored in the vault ------------------------------------------------------
    def wipe_after(self) -> int:
        self.conn()
        return int(self._settings.get("wipe_after", 0) or 0)

    def set_wipe_after(self, failures: int) -> None:
        if not (failures == 0 or WIPE_MIN <= failures <= WIPE_MAX):
            raise VaultError(
                _("Erase after wrong passphrases must be off or {low} to {high}.").format(
                    low=WIPE_MIN, high=WIPE_MAX
                )
            )
        conn = self.require_writable()
        self._settings["wipe_after"] = failures
        with store.transaction(conn):
            _write_settings(conn, self.key(), self._settings)
        self._save_state()

    def failures(self) -> int:
        conn = self.conn()
        return state.combined(conn, self.path, self._vault_id(conn)).failures

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
        self._check_manifest(conn)

    def _check_manifest(self, conn: sqlite3.Connection) -> None:
        self.integrity = {}
        if int(store.get_meta(conn, "version", "1") or 1) < 2:
            return
        side, _ok = state.read_side(self.path, self._vault_id(conn))
        try:
            expected = manifest.unseal(self.key(), manifest.check_row(conn))
        except (ValueError, DecryptError, sqlite3.DatabaseError):
            self.integrity = {manifest.WHOLE: [manifest.missing_note()]}
        else:
            try:
                unreadable = frozenset(e.item_id for e in self._errors)
                outside = side.counter if side else 0
                self.integrity = manifest.compare(conn, expected, outside, unreadable)
            except sqlite3.DatabaseError as exc:
                self.integrity = {manifest.WHOLE: [describe(exc)]}
        for record_id, notes in self.integrity.items():
            for text in notes:
                self._errors.append(ItemError(record_id, text))

    def problems_for(self, record_id: str) -> list[str]:
        """What the manifest check found for this record and for the whole vault."""
        self.conn()
        return self.integrity.get(manifest.WHOLE, []) + self.integrity.get(record_id, [])

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
        record.updated = now_utc()
        blob = self.seal_json(record.to_dict(), crypto.aad("record", record.id))
        updated = crypto.seal(self.key(), record.updated.encode(), crypto.aad("updated", record.id))
        with self.writing() as contents:
            conn = self.conn()
            conn.execute(
                "INSERT INTO records (id, blob, updated) VALUES (?, ?, ?) ON CONFLICT(id) "
                "DO UPDATE SET blob = excluded.blob, updated = excluded.updated",
                (record.id, blob, updated),
            )
            conn.execute("DELETE FROM drafts WHERE id = ?", (record.id,))
            contents.set_record(record.id, blob)
        self._records[record.id] = record
        return record

    def delete_record(self, record_id: str) -> None:
        """Remove a record with its draft and attachments, in one transaction; secure_delete
        zeroes the freed pages and the WAL is zeroed, so nothing of it stays decryptable."""
        record_id = self.get(record_id).id
        with self.writing() as contents:
            conn = self.conn()
            conn.execute(
                "DELETE FROM chunks WHERE attachment_id IN "
                "(SELECT id FROM attachments WHERE record_id = ?)",
                (record_id,),
            )
            conn.execute("DELETE FROM attachments WHERE record_id = ?", (record_id,))
            conn.execute("DELETE FROM drafts WHERE id = ?", (record_id,))
            conn.execute("DELETE FROM records WHERE id = ?", (record_id,))
            contents.drop_record(record_id)
        self._records.pop(record_id, None)
        with contextlib.suppress(sqlite3.Error, OSError):
            store.scrub_wal(self.conn())

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
    """Crypto-erase: keys overwritten in place, the file and its side files zeroed, removed."""
    erase.erase_file(path)
    state.remove_side(path)
