from __future__ import annotations

import os
import secrets
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, PASS, full_record, new_vault

from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.record import Incident
from toolkit.incidents.store import DamagedVaultError, VaultError
from toolkit.incidents.vault import TooSoonError, WrongPassphraseError


def _records(data_dir: Path, count: int, filler: int = 0) -> list[Incident]:
    opened, _code = new_vault(data_dir)
    saved = []
    for n in range(count):
        item = Incident(start_date="2025-01-02", what_happened=f"story {n} " + "x" * filler)
        saved.append(opened.save(item))
    opened.lock()
    return saved


def test_wrong_passphrase_is_clear_and_changes_nothing(data_dir: Path) -> None:
    _records(data_dir, 1)
    path = vault.vault_path("default", data_dir)
    before = path.read_bytes()
    with pytest.raises(WrongPassphraseError, match="Wrong passphrase"):
        vault.Vault("default", data_dir).unlock("not the passphrase")
    opened = vault.Vault("default", data_dir)
    assert opened.unlocked is False
    with pytest.raises(VaultError, match="locked"):
        opened.records()
    assert path.stat().st_size == len(before)


def test_recovery_code_unlocks_and_sets_a_new_passphrase(data_dir: Path) -> None:
    opened, code = new_vault(data_dir)
    opened.save(Incident(start_date="2025-01-02"))
    opened.lock()
    with pytest.raises(WrongPassphraseError):
        vault.Vault("default", data_dir).unlock_with_recovery("AAAA-BBBB")
    again = vault.Vault("default", data_dir)
    # Typed in lower case with spaces: still accepted.
    again.unlock_with_recovery(code.lower().replace("-", " "), sleep=lambda s: None)
    assert len(again.records()) == 1
    again.change_passphrase("a brand new phrase")
    again.lock()
    third = vault.Vault("default", data_dir)
    third.unlock("a brand new phrase")
    assert len(third.records()) == 1
    third.lock()


def test_delay_grows_after_each_wrong_passphrase(data_dir: Path) -> None:
    _records(data_dir, 1)
    now = [1000.0]
    slept: list[float] = []
    target = vault.Vault("default", data_dir)
    with pytest.raises(WrongPassphraseError):
        target.unlock("wrong one", clock=lambda: now[0])
    now[0] += 0.25
    with pytest.raises(TooSoonError) as too_soon:
        target.unlock("wrong one", clock=lambda: now[0])
    assert too_soon.value.wait == pytest.approx(0.75)
    with pytest.raises(WrongPassphraseError):
        target.unlock("wrong one", clock=lambda: now[0], sleep=slept.append)
    with pytest.raises(WrongPassphraseError):
        target.unlock("wrong one", clock=lambda: now[0], sleep=slept.append)
    assert slept == [pytest.approx(0.75), pytest.approx(2.0)]
    now[0] += 100
    target.unlock(PASS, clock=lambda: now[0])
    assert target.failures() == 0
    target.lock()


def test_optional_wipe_after_failures(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    assert opened.wipe_after() == 0
    opened.set_wipe_after(3)
    opened.lock()
    now = [0.0]
    for _attempt in range(3):
        now[0] += 1000
        with pytest.raises(WrongPassphraseError):
            vault.Vault("default", data_dir).unlock("wrong one", clock=lambda: now[0])
    assert not vault.vault_path("default", data_dir).exists()


def test_quick_delete_of_a_record_and_of_a_vault(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    keep, drop = opened.save(Incident(start_date="2025-01-01")), Incident(start_date="2025-01-02")
    opened.save(drop)
    source = tmp_path / "photo.bin"
    source.write_bytes(b"photo bytes")
    att.add_file(opened, drop.id, source)
    opened.delete_record(drop.id)
    assert [r.id for r in opened.records()] == [keep.id]
    conn = opened.conn()
    assert conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM chunks").fetchone()[0] == 0
    opened.lock()
    vault.delete_vault("default", data_dir)
    assert vault.list_vaults(data_dir) == []


def test_several_vaults_and_drafts(data_dir: Path) -> None:
    first, _c = new_vault(data_dir, "household-1")
    second, _c = new_vault(data_dir, "volunteer_ana")
    assert vault.list_vaults(data_dir) == ["household-1", "volunteer_ana"]
    first.save_draft("abc", {"what_happened": "half written"})
    assert first.drafts() == {"abc": {"what_happened": "half written"}}
    assert second.drafts() == {}
    first.discard_draft("abc")
    assert first.drafts() == {}
    with pytest.raises(VaultError, match="name"):
        vault.vault_path("bad name/..", data_dir)
    first.lock()
    second.lock()


def test_no_plaintext_anywhere_in_the_data_folder(data_dir: Path, tmp_path: Path) -> None:
    marker = "UNIQUEMARKER" + secrets.token_hex(8)
    opened, _code = new_vault(data_dir)
    saved = opened.save(full_record(marker))
    opened.save_draft("draft-1", {"what_happened": f"draft {marker}"})
    source = tmp_path / "outside" / "note.txt"
    source.parent.mkdir()
    source.write_text(f"attachment {marker}\n" * 1000)
    att.add_file(opened, saved.id, source)

    def scan() -> list[str]:
        hits = []
        for path in data_dir.rglob("*"):
            if path.is_file():
                content = path.read_bytes()
                for encoded in (marker.encode(), marker.encode("utf-16-le")):
                    if encoded in content:
                        hits.append(str(path))
        return hits

    assert scan() == []  # while open, with the WAL present
    opened.lock()
    assert scan() == []
    # The vault and, beside it, its throttle and save-counter state (no record content).
    names = sorted(p.name for p in data_dir.rglob("*") if p.is_file())
    assert names == ["default.vault", "default.vault.json"]


def test_killed_during_saves_keeps_every_committed_record(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.lock()
    child = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from toolkit.incidents import vault
        from toolkit.incidents.record import Incident
        v = vault.Vault("default", Path({str(data_dir)!r}))
        v.unlock({PASS!r})
        n = 0
        while True:
            r = v.save(Incident(start_date="2025-01-02", what_happened="x" * 5000 + str(n)))
            print(r.id, flush=True)
            n += 1
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed = [proc.stdout.readline().strip() for _ in range(40)]
    os.kill(proc.pid, 9)
    proc.wait()
    committed += [line.strip() for line in proc.stdout if line.strip()]
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    ids = {r.id for r in again.records()}
    assert set(committed) <= ids
    assert again.load().errors == []
    again.lock()


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x10
    path.write_bytes(bytes(data))


def test_bit_flip_in_a_record_loses_only_that_record(data_dir: Path) -> None:
    saved = _records(data_dir, 5)
    path = vault.vault_path("default", data_dir)
    conn = sqlite3.connect(path)
    blob = conn.execute("SELECT blob FROM records WHERE id = ?", (saved[2].id,)).fetchone()[0]
    conn.close()
    offset = path.read_bytes().index(bytes(blob)) + 40
    _flip(path, offset)
    damaged = path.read_bytes()
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS)
    loaded = opened.load()
    assert {r.id for r in loaded.records} == {r.id for r in saved} - {saved[2].id}
    assert [e.item_id for e in loaded.errors] == [saved[2].id]
    assert "changed or damaged" in loaded.errors[0].reason
    opened.lock()
    assert path.read_bytes() == damaged


def test_bit_flip_in_the_header_is_a_clear_error_and_file_is_kept(data_dir: Path) -> None:
    _records(data_dir, 2)
    path = vault.vault_path("default", data_dir)
    _flip(path, 3)
    damaged = path.read_bytes()
    with pytest.raises(DamagedVaultError, match="damaged"):
        vault.Vault("default", data_dir).unlock(PASS)
    assert path.read_bytes() == damaged


def test_truncated_vault_keeps_what_can_be_read(data_dir: Path) -> None:
    saved = _records(data_dir, 30, filler=3000)
    path = vault.vault_path("default", data_dir)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) * 2 // 3])
    cut = path.read_bytes()
    opened = vault.Vault("default", data_dir)
    try:
        opened.unlock(PASS)
    except DamagedVaultError as exc:
        assert "damaged" in str(exc)
    else:
        loaded = opened.load()
        assert loaded.records, "records before the cut should still be readable"
        assert len(loaded.records) + len(loaded.errors) >= 1
        assert {r.id for r in loaded.records} <= {r.id for r in saved}
        if len(loaded.records) < len(saved):
            assert not opened.writable
            with pytest.raises(VaultError, match="read-only"):
                opened.save(Incident(start_date="2025-01-01"))
        opened.lock()
    assert path.read_bytes() == cut


def test_cheap_kdf_is_only_used_when_asked(data_dir: Path) -> None:
    from toolkit.incidents import crypto

    assert crypto.REAL_SCRYPT_N >= 2**17
    assert crypto.KdfParams.fresh().n == crypto.REAL_SCRYPT_N
    assert crypto.KdfParams.fresh(CHEAP_N).n == CHEAP_N


def test_retry_state_tells_the_wait_and_tries_left_while_locked(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.set_wipe_after(5)
    opened.lock()
    locked = vault.Vault("default", data_dir)
    assert locked.retry_state() == vault.RetryState(0.0, 5)
    with pytest.raises(WrongPassphraseError):
        locked.unlock("wrong one", clock=lambda: 1000.0)
    with pytest.raises(WrongPassphraseError):
        locked.unlock("wrong one", clock=lambda: 1010.0)
    state = locked.retry_state(clock=lambda: 1010.5)
    assert state.wait == pytest.approx(1.5) and state.tries_left == 3
    locked.unlock(PASS, clock=lambda: 2000.0)
    assert locked.wipe_after() == 5
    for bad in (1, 2, 21):
        with pytest.raises(vault.VaultError):
            locked.set_wipe_after(bad)
    locked.set_wipe_after(0)
    locked.lock()
    assert vault.Vault("default", data_dir).retry_state() == vault.RetryState(0.0, 0)
