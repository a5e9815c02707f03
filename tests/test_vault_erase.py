"""Attacks on erase and on the throttle: carving after erase, deleted records, counter edits,
damaged key wraps. Real SQLite files, real encryption, bytes read back through open fds."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, PASS, new_vault

from toolkit.incidents import attachments as att
from toolkit.incidents import crypto, erase, state, vault
from toolkit.incidents.keyslots import DamagedKeyError
from toolkit.incidents.record import Incident
from toolkit.incidents.vault import TooSoonError, WrongPassphraseError


def _meta(path: Path, key: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])
    finally:
        conn.close()


def _set_meta(path: Path, key: str, value: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    conn.close()


def _opens(data: bytes, where: Path, code: str) -> bool:
    """Can a copy of these bytes be opened with the passphrase or the recovery code?"""
    vaults = where / "vaults"
    vaults.mkdir(parents=True, exist_ok=True)
    (vaults / "carved.vault").write_bytes(data)
    for attempt in ("pass", "code"):
        carved = vault.Vault("carved", where)
        try:
            if attempt == "pass":
                carved.unlock(PASS, sleep=lambda s: None)
            else:
                carved.unlock_with_recovery(code, sleep=lambda s: None)
        except vault.VaultError:
            continue
        carved.lock()
        return True
    return False


def _vault_with_record(data_dir: Path) -> tuple[Path, str, Incident]:
    opened, code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02", what_happened="secret story"))
    opened.lock()
    return vault.vault_path("default", data_dir), code, item


def test_a_copy_carved_after_the_keys_are_destroyed_opens_with_neither(
    data_dir: Path, tmp_path: Path
) -> None:
    path, code, _item = _vault_with_record(data_dir)
    before = path.read_bytes()
    assert _opens(before, tmp_path / "control", code)  # the attack works on the old bytes
    old_wraps = [_meta(path, "wrapped_key"), _meta(path, "wrapped_recovery_key")]
    assert erase.destroy_keys(path)
    carved = path.read_bytes()  # what a disk carver finds if the file is never overwritten
    for wrap in old_wraps:
        assert wrap.encode() not in carved
        assert bytes.fromhex(wrap) not in carved
    assert not _opens(carved, tmp_path / "carved", code)


def test_delete_whole_vault_leaves_only_zeros_behind_an_open_fd(data_dir: Path) -> None:
    path, _code, _item = _vault_with_record(data_dir)
    fd = os.open(path, os.O_RDONLY)
    try:
        size = os.fstat(fd).st_size
        vault.delete_vault("default", data_dir)
        assert not path.exists()
        left = os.pread(fd, size, 0)
    finally:
        os.close(fd)
    assert left == bytes(size)
    assert not state.state_path(path).exists()


def test_erase_after_wrong_passphrases_destroys_the_keys_first(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.set_wipe_after(3)
    opened.lock()
    path = vault.vault_path("default", data_dir)
    fd = os.open(path, os.O_RDONLY)
    try:
        for _n in range(3):
            with pytest.raises(WrongPassphraseError) as wrong:
                vault.Vault("default", data_dir).unlock("not the phrase", sleep=lambda s: None)
        assert "erased" in str(wrong.value) and "copies made earlier" in str(wrong.value)
        size = os.fstat(fd).st_size
        assert os.pread(fd, size, 0) == bytes(size)
    finally:
        os.close(fd)
    assert not path.exists()


def test_a_deleted_record_leaves_no_ciphertext_in_the_file_or_the_wal(
    data_dir: Path, tmp_path: Path
) -> None:
    opened, _code = new_vault(data_dir)
    keep = opened.save(Incident(start_date="2025-01-02", what_happened="keep me"))
    gone = opened.save(Incident(start_date="2025-01-03", what_happened="delete me " * 50))
    source = tmp_path / "photo.bin"
    source.write_bytes(os.urandom(3000))
    att.add_file(opened, gone.id, source)
    conn = opened.conn()
    blob = bytes(conn.execute("SELECT blob FROM records WHERE id = ?", (gone.id,)).fetchone()[0])
    chunk = bytes(conn.execute("SELECT blob FROM chunks").fetchone()[0])
    path = opened.path
    wal = path.with_name(path.name + "-wal")
    opened.delete_record(gone.id)
    for piece in (blob[:64], blob[-64:], chunk[:64], chunk[-64:]):
        for target in (path, wal):
            if target.exists():
                assert piece not in target.read_bytes(), target.name
    opened.lock()
    for piece in (blob[:64], chunk[:64]):
        assert piece not in path.read_bytes()
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    assert [r.id for r in again.records()] == [keep.id]
    assert again.load().errors == []
    again.lock()


def test_one_sql_update_does_not_reset_the_wait(data_dir: Path) -> None:
    path, _code, _item = _vault_with_record(data_dir)
    now = 5000.0
    for _n in range(4):
        with pytest.raises(WrongPassphraseError):
            vault.Vault("default", data_dir).unlock(
                "wrong", clock=lambda: now, sleep=lambda s: None
            )
    _set_meta(path, "failures", "0")
    _set_meta(path, "last_failure", "0")
    with pytest.raises(TooSoonError) as too_soon:
        vault.Vault("default", data_dir).unlock(PASS, clock=lambda: now + 1)
    assert too_soon.value.wait == pytest.approx(7.0)


def test_a_last_failure_in_the_future_counts_as_now_and_the_wait_is_capped(
    data_dir: Path,
) -> None:
    path, _code, _item = _vault_with_record(data_dir)
    with pytest.raises(WrongPassphraseError):
        vault.Vault("default", data_dir).unlock("wrong", clock=lambda: 100.0)
    year = 100.0 + 365 * 86400
    _set_meta(path, "last_failure", repr(year))
    _set_meta(path, "failures", "500")
    side = state.state_path(path)
    body = json.loads(side.read_text())
    body["state"]["last_failure"] = year
    side.write_text(json.dumps(body))
    wait = vault.Vault("default", data_dir).retry_state(clock=lambda: 200.0).wait
    assert wait <= 300.0
    with pytest.raises(TooSoonError):
        vault.Vault("default", data_dir).unlock(PASS, clock=lambda: 200.0)
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS, clock=lambda: 200.0 + 301)
    assert opened.failures() == 0
    opened.lock()


def test_edited_erase_setting_neither_disables_nor_arms_erase(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.set_wipe_after(3)
    opened.lock()
    path = vault.vault_path("default", data_dir)
    _set_meta(path, "wipe_after", "0")  # try to get unlimited tries
    assert vault.Vault("default", data_dir).retry_state().tries_left == 3
    vault.delete_vault("default", data_dir)

    opened, _code = new_vault(data_dir)  # erase off
    opened.lock()
    _set_meta(path, "wipe_after", "3")  # try to turn typing mistakes into an erase
    for _n in range(4):
        with pytest.raises(WrongPassphraseError):
            vault.Vault("default", data_dir).unlock("wrong", sleep=lambda s: None)
    assert path.exists()


def test_a_flipped_bit_in_the_key_wrap_is_damage_not_a_wrong_passphrase(
    data_dir: Path,
) -> None:
    opened, code = new_vault(data_dir)
    opened.set_wipe_after(3)
    opened.lock()
    path = vault.vault_path("default", data_dir)
    wrapped = _meta(path, "wrapped_key")
    flipped = wrapped[:40] + ("0" if wrapped[40] != "0" else "1") + wrapped[41:]
    _set_meta(path, "wrapped_key", flipped)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = path.read_bytes()
    for _n in range(4):  # more than the erase setting, with the right passphrase
        with pytest.raises(DamagedKeyError, match="damaged"):
            vault.Vault("default", data_dir).unlock(PASS)
    assert path.read_bytes() == before
    rescued = vault.Vault("default", data_dir)
    rescued.unlock_with_recovery(code)
    assert rescued.failures() == 0
    rescued.change_passphrase("a fresh long phrase 7")
    rescued.lock()
    vault.Vault("default", data_dir).unlock("a fresh long phrase 7")


def test_failure_counters_are_per_vault(data_dir: Path) -> None:
    new_vault(data_dir, "first")[0].lock()
    new_vault(data_dir, "second")[0].lock()
    for _n in range(3):
        with pytest.raises(WrongPassphraseError):
            vault.Vault("first", data_dir).unlock("wrong", sleep=lambda s: None)
    assert vault.Vault("first", data_dir).retry_state().wait > 0
    assert vault.Vault("second", data_dir).retry_state().wait == 0
    second = vault.Vault("second", data_dir)
    second.unlock(PASS)
    second.lock()


def test_kdf_parameters_from_a_file_have_a_floor_and_a_cap(data_dir: Path) -> None:
    path, _code, _item = _vault_with_record(data_dir)
    params = json.loads(_meta(path, "kdf"))
    for n in (2**24, 2, 1000):
        params["n"] = n
        text = json.dumps(params)
        _set_meta(path, "kdf", text)
        _set_meta(path, "pass_check", crypto.checksum(text, _meta(path, "wrapped_key")))
        with pytest.raises(vault.VaultError, match="refuses"):
            vault.Vault("default", data_dir).unlock(PASS)
    assert CHEAP_N >= crypto.MIN_SCRYPT_N
