"""Split recovery (two of three shares) and the encrypted backup that restores elsewhere."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
from incidents_support import PASS, new_vault

from toolkit.incidents import shamir, vault
from toolkit.incidents.record import Incident


def test_gf256_field_laws() -> None:
    for a in range(1, 256):
        assert shamir.mul(a, shamir.div(1, a)) == 1
        assert shamir.div(shamir.mul(a, 7), 7) == a
    assert shamir.mul(0x57, 0x83) == 0xC1  # the worked example of FIPS-197


def test_any_two_of_three_shares_rebuild_the_secret() -> None:
    secret = os.urandom(20)
    shares = shamir.split(secret)
    for pair in itertools.permutations(shares, 2):
        assert shamir.combine(list(pair)) == secret
    assert shamir.combine(shares) == secret


def test_one_share_says_nothing() -> None:
    # For a fixed share 1, every value of the first secret byte is possible: over many splits
    # of two different secrets, share 1's first byte takes all 256 values for both.
    seen: dict[int, set[int]] = {0: set(), 255: set()}
    for byte in seen:
        for _n in range(4000):
            seen[byte].add(shamir.split(bytes([byte]))[0][1][0])
    assert seen[0] == seen[255] == set(range(256))


def test_shares_are_typed_like_the_code_and_mistakes_are_caught() -> None:
    code = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
    texts = shamir.split_code(code)
    assert [t[:3] for t in texts] == ["S1-", "S2-", "S3-"]
    assert shamir.join_shares([texts[2].lower().replace("-", " "), texts[0]]) == code
    typo = texts[1][:-1] + ("A" if texts[1][-1] != "A" else "B")
    with pytest.raises(shamir.ShareError, match="mistyped"):
        shamir.join_shares([texts[0], typo])
    with pytest.raises(shamir.ShareError, match="Two different"):
        shamir.join_shares([texts[0], texts[0]])


def test_two_shares_open_the_vault(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.save(Incident(start_date="2025-01-02"))
    shares = opened.split_recovery()
    opened.lock()
    again = vault.Vault("default", data_dir)
    again.unlock_with_recovery(shamir.join_shares([shares[1], shares[2]]))
    assert len(again.records()) == 1
    again.lock()


def test_a_backup_restores_on_another_machine(data_dir: Path, tmp_path: Path) -> None:
    opened, code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02", what_happened="backed up"))
    stick = tmp_path / "usb"
    stick.mkdir()
    backup = opened.backup_to(stick)
    opened.lock()
    assert backup.parent == stick and backup.suffix == vault.BACKUP_SUFFIX
    assert b"backed up" not in backup.read_bytes()
    other = tmp_path / "other-laptop"
    restored = vault.restore_backup(backup, "default", data_dir=other)
    restored.unlock(PASS)
    assert restored.get(item.id).what_happened == "backed up"
    assert restored.load().errors == []
    restored.lock()
    with pytest.raises(vault.VaultError, match="already exists"):
        vault.restore_backup(backup, "default", data_dir=other)
    by_code = vault.Vault("default", other)
    by_code.unlock_with_recovery(code)
    by_code.lock()


def test_cli_split_shares_backup_and_restore(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    from incidents_support import cheap_kdf

    from toolkit.cli import run

    cheap_kdf(monkeypatch)
    new_vault(data_dir)[0].lock()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run(["incidents", "rotate-recovery", "--split", "--passphrase-stdin"]) == 0
    shares = [line for line in capsys.readouterr().out.splitlines() if line.startswith("S")]
    assert len(shares) == 3
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{shares[2]}\n{shares[0]}\n"))
    assert run(["incidents", "list", "--recovery", "--passphrase-stdin"]) == 0
    stick = tmp_path / "usb"
    stick.mkdir()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run(["incidents", "backup", "--to", str(stick), "--passphrase-stdin"]) == 0
    (backup,) = stick.glob("*.tkbackup")
    assert run(["incidents", "restore", str(backup), "--vault", "copy"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run(["incidents", "list", "--vault", "copy", "--passphrase-stdin"]) == 0
