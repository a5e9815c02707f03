"""Passphrases: NFC, common passwords refused, version 1 vaults still open, keys rotated."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, PASS, new_vault

from toolkit.cli import run as main
from toolkit.incidents import attachments as att
from toolkit.incidents import crypto, passwords, store, vault
from toolkit.incidents.crypto import KdfParams
from toolkit.incidents.record import Incident, now_utc
from toolkit.incidents.store import VaultError

COMPOSED = "contraseña de la casa"
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def _version_1_vault(data_dir: Path, passphrase: str) -> tuple[str, str]:
    """A vault as version 1 wrote it: key from the passphrase as typed, clear metadata."""
    path = vault.vault_path("old", data_dir)
    params = KdfParams.fresh(CHEAP_N)
    key = crypto.new_data_key()
    code = crypto.new_recovery_code()
    salt = crypto.new_data_key()[:16]
    derived = crypto.derive_key(passphrase, params, raw=True)
    conn = store.connect(path, create=True)
    record = Incident(start_date="2025-01-02", what_happened="written by version 1")
    blob = crypto.seal(key, json.dumps(record.to_dict()).encode(), crypto.aad("record", record.id))
    with store.transaction(conn):
        rows = {
            "version": "1",
            "kdf": json.dumps(params.to_json()),
            "wrapped_key": crypto.seal(derived, key, crypto.aad("wrap", "pass")).hex(),
            "recovery_salt": salt.hex(),
            "wrapped_recovery_key": crypto.seal(
                crypto.recovery_key_bytes(code, salt), key, crypto.aad("wrap", "recovery")
            ).hex(),
            "created": now_utc(),
            "failures": "0",
            "wipe_after": "0",
        }
        for name, value in rows.items():
            store.set_meta(conn, name, value)
        updated = crypto.seal(key, b"x", crypto.aad("updated", record.id))
        conn.execute("INSERT INTO records VALUES (?, ?, ?)", (record.id, blob, updated))
    store.close(conn, writable=True)
    return record.id, code


@pytest.mark.parametrize("typed", [COMPOSED, DECOMPOSED])
def test_composed_and_decomposed_accents_open_the_same_vault(data_dir: Path, typed: str) -> None:
    made, _code = vault.create_vault("casa", DECOMPOSED, data_dir=data_dir, kdf_n=CHEAP_N)
    made.lock()
    opened = vault.Vault("casa", data_dir)
    opened.unlock(typed)
    opened.lock()


def test_a_version_1_vault_opens_upgrades_and_is_rewrapped_normalized(data_dir: Path) -> None:
    record_id, code = _version_1_vault(data_dir, DECOMPOSED)
    path = vault.vault_path("old", data_dir)
    opened = vault.Vault("old", data_dir)
    opened.unlock(DECOMPOSED)  # the raw form is tried when the NFC form fails
    assert opened.get(record_id).what_happened == "written by version 1"
    assert opened.load().errors == [] and opened.fingerprint()
    opened.save(Incident(start_date="2025-03-03"))
    opened.lock()
    conn = sqlite3.connect(path)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    conn.close()
    assert meta["version"] == "2" and "created" not in meta and meta["pass_check"]
    again = vault.Vault("old", data_dir)
    again.unlock(COMPOSED)  # now wrapped from the NFC form
    assert len(again.records()) == 2 and again.load().errors == []
    assert again.created()
    again.lock()
    by_code = vault.Vault("old", data_dir)
    by_code.unlock_with_recovery(code)
    by_code.lock()


@pytest.mark.parametrize(
    "weak",
    ["password", "12345678", "Password1", "qwertyuiop", "aaaaaaaaaa", "Summer2024!", "short"],
)
def test_weak_passphrases_are_refused_in_plain_words(data_dir: Path, weak: str) -> None:
    with pytest.raises(passwords.WeakPassphraseError) as refused:
        vault.create_vault("weak", weak, data_dir=data_dir, kdf_n=CHEAP_N)
    assert "common passwords" in str(refused.value) or "at least 8" in str(refused.value)
    assert not list(vault.vaults_dir(data_dir).glob("*weak*"))


def test_the_common_list_is_shipped_and_big_enough() -> None:
    assert len(passwords.common()) >= 1000
    assert passwords.problem("blue river stone 42") == ""


def test_new_vaults_use_the_stronger_kdf() -> None:
    assert crypto.REAL_SCRYPT_N >= 2**18
    assert crypto.MAX_SCRYPT_N >= crypto.REAL_SCRYPT_N


def test_rotations_keep_every_record_and_file(data_dir: Path, tmp_path: Path) -> None:
    opened, old_code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02", what_happened="keep"))
    (tmp_path / "f.bin").write_bytes(b"F" * (2 * 1024 * 1024 + 5))
    att.add_file(opened, item.id, tmp_path / "f.bin")
    opened.change_passphrase("second long phrase 9")
    new_code = opened.rotate_recovery()
    opened.lock()
    with pytest.raises(vault.WrongPassphraseError):
        vault.Vault("default", data_dir).unlock_with_recovery(old_code)
    again = vault.Vault("default", data_dir)
    again.unlock_with_recovery(new_code, sleep=lambda s: None)
    old_key = again.key()
    third_code = again.rekey("third long phrase 10")
    assert again.key() != old_key
    assert again.load().errors == []
    again.lock()
    last = vault.Vault("default", data_dir)
    last.unlock("third long phrase 10", sleep=lambda s: None)
    files = att.attachments(last, item.id)
    assert att.read_bytes(last, files[0]) == (tmp_path / "f.bin").read_bytes()
    assert last.load().errors == []
    last.lock()
    vault.Vault("default", data_dir).unlock_with_recovery(third_code, sleep=lambda s: None)


def test_cli_rotation_commands(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from incidents_support import cheap_kdf

    cheap_kdf(monkeypatch)
    new_vault(data_dir)[0].lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert main(["incidents", "rotate-recovery", "--passphrase-stdin"]) == 0
    assert "new recovery code" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\nanother long phrase 5\n"))
    assert main(["incidents", "rekey", "--passphrase-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("another long phrase 5\npassword\n"))
    assert main(["incidents", "passwd", "--passphrase-stdin"]) != 0
    assert "common passwords" in capsys.readouterr().err
    with pytest.raises(VaultError):
        vault.Vault("default", data_dir).unlock(PASS)


def test_rekey_refuses_to_hide_changes_made_outside_the_app(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.save(Incident(start_date="2025-01-02"))
    opened.lock()
    conn = sqlite3.connect(vault.vault_path("default", data_dir))
    with conn:
        conn.execute("DELETE FROM records")
    conn.close()
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    with pytest.raises(VaultError, match="would hide them"):
        again.rekey("another long phrase 5")
    again.lock()
