"""The two wraps of a vault's data key (passphrase and recovery code), each with a checksum.

The checksum covers the clear rows of a wrap (parameters, salt, wrapped key), so one flipped
bit is reported as damage, never taken for a wrong passphrase (which counts, and may erase).
"""

from __future__ import annotations

import json
import sqlite3

from toolkit.i18n import _
from toolkit.incidents import crypto, store
from toolkit.incidents.crypto import DecryptError, KdfParams, KdfParamsError
from toolkit.incidents.store import VaultError

PASS_AAD = ("wrap", "pass")
RECOVERY_AAD = ("wrap", "recovery")


class DamagedKeyError(VaultError):
    """A key wrap fails its checksum: the file is damaged, the passphrase may be right."""


def damaged(name: str, which: str) -> DamagedKeyError:
    return DamagedKeyError(
        _(
            "The vault file {name} is damaged: its stored key for the {which} was changed, so "
            "it cannot be checked. This did not count as a wrong try and nothing was changed. "
            "Try the other way in (passphrase or recovery code), and keep a copy of the file."
        ).format(name=name, which=which)
    )


def pass_rows(passphrase: str, data_key: bytes, n: int | None = None) -> dict[str, str]:
    """New passphrase wrap: always fresh salt and this app's parameters (never a file's)."""
    params = KdfParams.fresh(n)
    kdf = json.dumps(params.to_json())
    wrapped = crypto.seal(
        crypto.derive_key(passphrase, params), data_key, crypto.aad(*PASS_AAD)
    ).hex()
    return {"kdf": kdf, "wrapped_key": wrapped, "pass_check": crypto.checksum(kdf, wrapped)}


def recovery_rows(data_key: bytes) -> tuple[dict[str, str], str]:
    code = crypto.new_recovery_code()
    salt = crypto.new_data_key()[:16].hex()
    wrapped = crypto.seal(
        crypto.recovery_key_bytes(code, bytes.fromhex(salt)), data_key, crypto.aad(*RECOVERY_AAD)
    ).hex()
    rows = {
        "recovery_salt": salt,
        "wrapped_recovery_key": wrapped,
        "recovery_check": crypto.checksum(salt, wrapped),
    }
    return rows, code


def open_with_passphrase(
    conn: sqlite3.Connection, name: str, passphrase: str
) -> tuple[bytes, bool]:
    """The data key and whether the wrap should be remade (made from a non-NFC passphrase).

    Raises DecryptError for a wrong passphrase, DamagedKeyError for a damaged wrap."""
    kdf, wrapped_hex = store.get_meta(conn, "kdf"), store.get_meta(conn, "wrapped_key")
    check = store.get_meta(conn, "pass_check")
    if check and crypto.checksum(kdf, wrapped_hex) != check:
        raise damaged(name, _("passphrase"))
    try:
        params = KdfParams.from_json(json.loads(kdf))
        wrapped = bytes.fromhex(wrapped_hex)
    except KdfParamsError as exc:
        raise VaultError(
            _(
                "The vault {name} asks for key settings this app refuses ({reason}); "
                "it was not made by this app or it was changed. Nothing was changed."
            ).format(name=name, reason=exc)
        ) from None
    except ValueError:
        raise damaged(name, _("passphrase")) from None
    aad = crypto.aad(*PASS_AAD)
    try:
        return crypto.unseal(crypto.derive_key(passphrase, params), wrapped, aad), False
    except DecryptError:
        if crypto.normalize(passphrase) == passphrase:
            raise
    # Vaults made before normalization: the key may come from the passphrase as typed.
    return crypto.unseal(crypto.derive_key(passphrase, params, raw=True), wrapped, aad), True


def open_with_recovery(conn: sqlite3.Connection, name: str, code: str) -> bytes:
    salt_hex = store.get_meta(conn, "recovery_salt")
    wrapped_hex = store.get_meta(conn, "wrapped_recovery_key")
    check = store.get_meta(conn, "recovery_check")
    if check and crypto.checksum(salt_hex, wrapped_hex) != check:
        raise damaged(name, _("recovery code"))
    try:
        salt, wrapped = bytes.fromhex(salt_hex), bytes.fromhex(wrapped_hex)
    except ValueError:
        raise damaged(name, _("recovery code")) from None
    try:
        recovery = crypto.recovery_key_bytes(code, salt)
    except ValueError:
        raise DecryptError("not a code") from None
    return crypto.unseal(recovery, wrapped, crypto.aad(*RECOVERY_AAD))


def add_checks(conn: sqlite3.Connection) -> None:
    """Version 1 vaults: checksum the wraps as they are now (after a successful unlock)."""
    kdf, wrapped = store.get_meta(conn, "kdf"), store.get_meta(conn, "wrapped_key")
    store.set_meta(conn, "pass_check", crypto.checksum(kdf, wrapped))
    salt, rec = store.get_meta(conn, "recovery_salt"), store.get_meta(conn, "wrapped_recovery_key")
    store.set_meta(conn, "recovery_check", crypto.checksum(salt, rec))
