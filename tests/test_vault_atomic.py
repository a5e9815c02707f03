"""Kills during ``add --attach``, a full disk (a 1 MiB tmpfs, or ENOSPC injected), a failed
init: nothing half-done is kept and nothing committed is lost."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from incidents_support import CHEAP_N, PASS, new_vault

from toolkit.cli import run
from toolkit.incidents import attachments as att
from toolkit.incidents import store, vault
from toolkit.incidents.record import Incident

KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from toolkit.incidents import attachments as att, vault
    from toolkit.incidents.record import Incident

    data, after, files = Path(sys.argv[1]), int(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
    opened = vault.Vault("default", data)
    opened.unlock("correct horse battery")
    seen = [0]

    def progress(done, total):
        seen[0] += 1
        if seen[0] == after:
            os.kill(os.getpid(), signal.SIGKILL)

    record = Incident(start_date="2025-05-05", what_happened="killed while saving")
    att.save_with_files(opened, record, files, progress=progress)
    os.kill(os.getpid(), signal.SIGKILL)  # after the commit, before any clean close
    """
)


def _check_all_or_nothing(data_dir: Path, sizes: list[int]) -> bool:
    """True if the record is there with every file, False if neither is; fails otherwise."""
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS)
    try:
        assert opened.load().errors == []
        killed = [r for r in opened.records() if r.what_happened == "killed while saving"]
        assert len([r for r in opened.records() if r.what_happened == "kept"]) == 1
        if not killed:
            return False
        files = att.attachments(opened, killed[0].id)
        assert sorted(f.size for f in files) == sorted(sizes)
        for info in files:
            assert len(att.read_bytes(opened, info)) == info.size
        return True
    finally:
        opened.lock()


def test_a_kill_during_add_leaves_nothing_or_everything(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    opened.save(Incident(start_date="2025-01-01", what_happened="kept"))
    opened.lock()
    files = [tmp_path / "one.bin", tmp_path / "two.bin"]
    files[0].write_bytes(os.urandom(3 * 1024 * 1024 + 11))
    files[1].write_bytes(os.urandom(1024 * 1024))
    outcomes = []
    for after in (1, 2, 4, 99):
        result = subprocess.run(
            [sys.executable, "-c", KILLER, str(data_dir), str(after), *map(str, files)],
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == -signal.SIGKILL, result.stderr.decode()
        outcomes.append(_check_all_or_nothing(data_dir, [f.stat().st_size for f in files]))
        if outcomes[-1]:
            with vault.Vault("default", data_dir) as again:
                again.unlock(PASS)
                again.delete_record(
                    next(r.id for r in again.records() if r.what_happened != "kept")
                )
    assert outcomes == [False, False, False, True]


def test_the_cli_killed_at_random_moments_never_keeps_half_a_record(
    data_dir: Path, tmp_path: Path
) -> None:
    opened, _code = new_vault(data_dir)
    opened.save(Incident(start_date="2025-01-01", what_happened="kept"))
    opened.lock()
    record = tmp_path / "record.json"
    record.write_text('{"start_date": "2025-05-05", "what_happened": "killed while saving"}')
    big = tmp_path / "video.bin"
    big.write_bytes(os.urandom(6 * 1024 * 1024))
    env = {**os.environ, "TOOLKIT_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "toolkit", "incidents", "add", str(record)]
    command += ["--attach", str(big), "--passphrase-stdin"]
    for delay in (0.3, 0.5, 0.8, 1.2):
        child = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
        assert child.stdin is not None
        child.stdin.write(f"{PASS}\n".encode())
        child.stdin.flush()
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        if _check_all_or_nothing(data_dir, [big.stat().st_size]):
            with vault.Vault("default", data_dir) as again:
                again.unlock(PASS)
                again.delete_record(
                    next(r.id for r in again.records() if r.what_happened != "kept")
                )


@contextlib.contextmanager
def _tiny_disk(where: Path) -> Iterator[Path]:
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_says_so_and_keeps_the_vault(tmp_path: Path) -> None:
    with _tiny_disk(tmp_path / "stick") as stick:
        data = stick / "data"
        opened, _code = vault.create_vault("default", PASS, data_dir=data, kdf_n=CHEAP_N)
        kept = opened.save(Incident(start_date="2025-01-01", what_happened="kept"))
        source = tmp_path / "video.bin"
        source.write_bytes(os.urandom(2 * 1024 * 1024))
        with pytest.raises(store.DiskFullError, match="The disk is full"):
            att.save_with_files(
                opened, Incident(start_date="2025-02-02", what_happened="too big"), [source]
            )
        assert [r.id for r in opened.records()] == [kept.id] or kept.id in {
            r.id for r in opened.records()
        }
        opened.lock()
        again = vault.Vault("default", data)
        again.unlock(PASS)
        assert [r.what_happened for r in again.records()] == ["kept"]
        assert again.load().errors == []
        again.lock()
        # Fill what is left, then try to create another vault: nothing is left behind.
        with contextlib.suppress(OSError), (stick / "filler").open("wb") as filler:
            while True:
                filler.write(bytes(64 * 1024))
        before = sorted(p.name for p in vault.vaults_dir(data).iterdir())
        with pytest.raises(store.VaultError, match="disk is full"):
            vault.create_vault("second", PASS, data_dir=data, kdf_n=CHEAP_N)
        assert sorted(p.name for p in vault.vaults_dir(data).iterdir()) == before


def test_a_failed_init_leaves_nothing_behind(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def full(src: object, dst: object) -> None:
        if str(dst).endswith(".vault"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(store.DiskFullError):
        vault.create_vault("default", PASS, data_dir=data_dir, kdf_n=CHEAP_N)
    assert list(vault.vaults_dir(data_dir).rglob("*")) == []


def test_cli_init_removes_the_vault_when_the_sheet_cannot_be_written(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from incidents_support import cheap_kdf

    cheap_kdf(monkeypatch)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    code = run(
        ["incidents", "init", "--passphrase-stdin", "--recovery-sheet", str(blocked / "s.pdf")]
    )
    assert code != 0
    assert "Nothing was created" in capsys.readouterr().err
    assert vault.list_vaults(data_dir) == []
