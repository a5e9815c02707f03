"""The 14 edits of a closed vault file: each is reported in plain words at unlock (or, for
the bytes of an attachment, before any export), and what was not touched still opens."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from incidents_support import PASS, new_vault

from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.package import write_package
from toolkit.incidents.record import Incident
from toolkit.incidents.store import VaultError

Edit = Callable[[sqlite3.Connection, dict[str, str], Path], None]


def _setup(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    opened, _code = new_vault(data_dir)
    first = opened.save(Incident(start_date="2025-01-02", what_happened="first account"))
    second = opened.save(Incident(start_date="2025-01-03", what_happened="second account"))
    (tmp_path / "a.bin").write_bytes(b"A" * 5000)
    (tmp_path / "b.bin").write_bytes(b"B" * 5000)
    (tmp_path / "c.bin").write_bytes(b"C" * 5000)
    a, b = att.add_files(opened, first.id, [tmp_path / "a.bin", tmp_path / "b.bin"])
    (c,) = att.add_files(opened, second.id, [tmp_path / "c.bin"])
    opened.lock()
    return {"first": first.id, "second": second.id, "a": a.id, "b": b.id, "c": c.id}


def _flip(conn: sqlite3.Connection, table: str, column: str, where: str, arg: str) -> None:
    blob = bytearray(
        conn.execute(f"SELECT {column} FROM {table} WHERE {where} = ?", (arg,)).fetchone()[0]
    )
    blob[len(blob) // 2] ^= 0x01
    conn.execute(f"UPDATE {table} SET {column} = ? WHERE {where} = ?", (bytes(blob), arg))


def _rollback_record(conn: sqlite3.Connection, ids: dict[str, str], tmp: Path) -> None:
    conn.execute("UPDATE records SET blob = ?, updated = ? WHERE id = ?", (*_older, ids["first"]))


_older: tuple[bytes, bytes] = (b"", b"")


def _swap_records(conn: sqlite3.Connection, ids: dict[str, str], tmp: Path) -> None:
    a = conn.execute("SELECT blob FROM records WHERE id = ?", (ids["first"],)).fetchone()[0]
    b = conn.execute("SELECT blob FROM records WHERE id = ?", (ids["second"],)).fetchone()[0]
    conn.execute("UPDATE records SET blob = ? WHERE id = ?", (b, ids["first"]))
    conn.execute("UPDATE records SET blob = ? WHERE id = ?", (a, ids["second"]))


def _delete_attachment(conn: sqlite3.Connection, ids: dict[str, str], tmp: Path) -> None:
    conn.execute("DELETE FROM chunks WHERE attachment_id = ?", (ids["b"],))
    conn.execute("DELETE FROM attachments WHERE id = ?", (ids["b"],))


def _old_copy_rows(tmp: Path, sql: str) -> list[tuple[object, ...]]:
    old = sqlite3.connect(tmp / "before.vault")
    try:
        return old.execute(sql).fetchall()
    finally:
        old.close()


def _readd_deleted_record(conn: sqlite3.Connection, ids: dict[str, str], tmp: Path) -> None:
    for row in _old_copy_rows(tmp, "SELECT id, blob, updated FROM records"):
        conn.execute("INSERT OR IGNORE INTO records VALUES (?, ?, ?)", row)


def _readd_deleted_attachment(conn: sqlite3.Connection, ids: dict[str, str], tmp: Path) -> None:
    for row in _old_copy_rows(tmp, "SELECT * FROM attachments"):
        conn.execute("INSERT OR IGNORE INTO attachments VALUES (?, ?, ?, ?, ?)", row)
    for row in _old_copy_rows(tmp, "SELECT * FROM chunks"):
        conn.execute("INSERT OR IGNORE INTO chunks VALUES (?, ?, ?)", row)


EDITS: dict[str, tuple[Edit, str, str]] = {
    # name: (edit, the record it hurts, words that must appear)
    "record bit flipped": (
        lambda c, i, t: _flip(c, "records", "blob", "id", i["first"]),
        "first",
        "changed or damaged",
    ),
    "record deleted": (
        lambda c, i, t: c.execute("DELETE FROM records WHERE id = ?", (i["first"],)),
        "first",
        "removed",
    ),
    "record rolled back": (_rollback_record, "first", "not the version last saved"),
    "records swapped": (_swap_records, "first", "changed or damaged"),
    "attachment deleted": (_delete_attachment, "first", "was removed"),
    "attachment moved": (
        lambda c, i, t: c.execute(
            "UPDATE attachments SET record_id = ? WHERE id = ?", (i["second"], i["b"])
        ),
        "first",
        "moved to record",
    ),
    "attachment hidden by one bit": (
        lambda c, i, t: _flip(c, "attachments", "meta", "id", i["b"]),
        "first",
        "changed or damaged",
    ),
    "chunk deleted": (
        lambda c, i, t: c.execute("DELETE FROM chunks WHERE attachment_id = ?", (i["a"],)),
        "first",
        "changed or damaged",
    ),
    "chunk count lowered": (
        lambda c, i, t: c.execute("UPDATE attachments SET chunks = 0 WHERE id = ?", (i["a"],)),
        "first",
        "changed or damaged",
    ),
    "manifest deleted": (
        lambda c, i, t: c.execute("DELETE FROM meta WHERE key = 'manifest'"),
        "first",
        "missing or was changed",
    ),
    "manifest bit flipped": (
        lambda c, i, t: c.execute(
            "UPDATE meta SET value = substr(value, 1, 40) || "
            "(CASE substr(value, 41, 1) WHEN '0' THEN '1' ELSE '0' END) || substr(value, 42) "
            "WHERE key = 'manifest'"
        ),
        "first",
        "missing or was changed",
    ),
    "deleted record put back": (_readd_deleted_record, "deleted", "added to the vault file"),
    "deleted attachment put back": (_readd_deleted_attachment, "second", "added from outside"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_edit_is_reported_at_unlock_and_blocks_the_package(
    data_dir: Path, tmp_path: Path, name: str
) -> None:
    global _older
    ids = _setup(data_dir, tmp_path)
    path = vault.vault_path("default", data_dir)
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS)
    conn = opened.conn()
    _older = conn.execute(
        "SELECT blob, updated FROM records WHERE id = ?", (ids["first"],)
    ).fetchone()
    gone = opened.save(Incident(start_date="2025-01-04", what_happened="to be deleted"))
    (tmp_path / "d.bin").write_bytes(b"D" * 100)
    att.add_file(opened, ids["second"], tmp_path / "d.bin")
    opened.lock()
    shutil.copy(path, tmp_path / "before.vault")
    opened.unlock(PASS)
    first = opened.get(ids["first"])
    first.what_happened = "first account, corrected"
    opened.save(first)
    opened.delete_record(gone.id)
    extra = [i for i in att.attachments(opened, ids["second"]) if i.name == "d.bin"]
    att.delete(opened, extra[0].id)
    opened.lock()
    ids["deleted"] = gone.id

    edit, hurt, words = EDITS[name]
    conn = sqlite3.connect(path)
    with conn:
        edit(conn, ids, tmp_path)
    conn.close()

    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    errors = again.load().errors
    text = " ".join(e.reason for e in errors)
    assert errors and words in text, text
    assert again.problems_for(ids[hurt]) or ids[hurt] in {e.item_id for e in errors}
    if hurt != "deleted":
        with pytest.raises(VaultError):
            write_package(again, ids[hurt], tmp_path / "out.zip")
        assert not (tmp_path / "out.zip").exists()
    untouched = "second" if hurt == "first" else "first"
    if name not in ("records swapped", "attachment moved", "manifest deleted"):
        assert again.get(ids[untouched]).what_happened.startswith(untouched)
    again.lock()


def test_a_flipped_bit_in_an_attachment_stops_the_package(data_dir: Path, tmp_path: Path) -> None:
    ids = _setup(data_dir, tmp_path)
    path = vault.vault_path("default", data_dir)
    conn = sqlite3.connect(path)
    with conn:
        _flip(conn, "chunks", "blob", "attachment_id", ids["a"])
    conn.close()
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS)
    with pytest.raises(att.AttachmentError, match="cannot be read back intact"):
        write_package(opened, ids["first"], tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()
    opened.lock()


def test_an_older_copy_of_the_whole_file_is_reported(data_dir: Path, tmp_path: Path) -> None:
    _setup(data_dir, tmp_path)
    path = vault.vault_path("default", data_dir)
    shutil.copy(path, tmp_path / "old.vault")
    opened = vault.Vault("default", data_dir)
    opened.unlock(PASS)
    opened.save(Incident(start_date="2025-02-01", what_happened="added later"))
    opened.lock()
    shutil.copy(tmp_path / "old.vault", path)
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    assert "older than the last one saved" in " ".join(e.reason for e in again.load().errors)
    again.lock()


def test_the_report_names_the_problem_before_it_is_written(
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    from toolkit.cli import run

    ids = _setup(data_dir, tmp_path)
    conn = sqlite3.connect(vault.vault_path("default", data_dir))
    with conn:
        _flip(conn, "attachments", "meta", "id", ids["b"])
    conn.close()
    out = tmp_path / "report.pdf"
    args = ["incidents", "export", ids["first"], "--out", str(out), "--passphrase-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run(args) != 0
    err = capsys.readouterr().err
    assert "not written" in err and "changed or damaged" in err and not out.exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASS}\n"))
    assert run([*args, "--anyway"]) == 0 and out.exists()
