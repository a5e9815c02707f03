from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import tracemalloc
from pathlib import Path

import pytest
from incidents_support import PASS, new_vault

from toolkit.incidents import attachments as att
from toolkit.incidents import vault
from toolkit.incidents.record import Incident

SIZE = 64 * 1024 * 1024


class RandomSource(io.RawIOBase):
    """64 MiB of random bytes made on the fly, hashed as they are read."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.left = size
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        data = os.urandom(n)
        self.left -= n
        self.digest.update(data)
        return data


class HashSink(io.RawIOBase):
    def __init__(self) -> None:
        super().__init__()
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        chunk = bytes(data)  # type: ignore[call-overload]
        self.digest.update(chunk)
        self.size += len(chunk)
        return len(chunk)


def test_large_attachment_streams_with_bounded_memory(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02"))
    source = RandomSource(SIZE)
    tracemalloc.start()
    try:
        info = att.add_stream(opened, item.id, source, "video.mp4")  # type: ignore[arg-type]
        _current, peak_in = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        sink = HashSink()
        att.copy_to(opened, info, sink)
        _current, peak_out = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.size == SIZE and info.sha256 == source.digest.hexdigest()
    assert sink.size == SIZE and sink.digest.hexdigest() == info.sha256
    assert peak_in < 12 * 1024 * 1024, f"import peak {peak_in / 2**20:.1f} MiB"
    assert peak_out < 12 * 1024 * 1024, f"read peak {peak_out / 2**20:.1f} MiB"
    opened.lock()


def _three_chunk_attachment(data_dir: Path) -> tuple[vault.Vault, att.AttachmentInfo]:
    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02"))
    payload = os.urandom(2 * att.CHUNK_SIZE + 100)
    info = att.add_stream(opened, item.id, io.BytesIO(payload), "clip.mov")
    assert info.sha256 == hashlib.sha256(payload).hexdigest()
    return opened, info


def test_a_changed_chunk_is_detected(data_dir: Path) -> None:
    opened, info = _three_chunk_attachment(data_dir)
    conn = opened.conn()
    blob = bytearray(
        conn.execute(
            "SELECT blob FROM chunks WHERE attachment_id = ? AND idx = 1", (info.id,)
        ).fetchone()[0]
    )
    blob[100] ^= 1
    conn.execute(
        "UPDATE chunks SET blob = ? WHERE attachment_id = ? AND idx = 1", (bytes(blob), info.id)
    )
    with pytest.raises(att.AttachmentError, match=r"clip\.mov"):
        att.copy_to(opened, info, HashSink())
    opened.lock()


@pytest.mark.parametrize("how", ["truncate", "reorder"])
def test_cut_or_reordered_chunks_are_detected(data_dir: Path, how: str) -> None:
    opened, info = _three_chunk_attachment(data_dir)
    conn: sqlite3.Connection = opened.conn()
    if how == "truncate":
        conn.execute("DELETE FROM chunks WHERE attachment_id = ? AND idx = 2", (info.id,))
        conn.execute("UPDATE attachments SET chunks = 2 WHERE id = ?", (info.id,))
    else:
        conn.execute("UPDATE chunks SET idx = 9 WHERE attachment_id = ? AND idx = 0", (info.id,))
        conn.execute("UPDATE chunks SET idx = 0 WHERE attachment_id = ? AND idx = 1", (info.id,))
        conn.execute("UPDATE chunks SET idx = 1 WHERE attachment_id = ? AND idx = 9", (info.id,))
    with pytest.raises(att.AttachmentError):
        att.copy_to(opened, info, HashSink())
    opened.lock()


def test_empty_file_round_trips(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02"))
    info = att.add_stream(opened, item.id, io.BytesIO(b""), "empty.txt")
    assert att.read_bytes(opened, info) == b""
    assert [a.id for a in att.attachments(opened, item.id)] == [info.id]
    opened.lock()


def _counts(opened: vault.Vault) -> tuple[int, int]:
    conn = opened.conn()
    chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM attachments").fetchone()[0]
    return int(chunks), int(rows)


def test_add_files_reports_progress_in_bytes(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02"))
    first, second = tmp_path / "a.bin", tmp_path / "b.bin"
    first.write_bytes(b"a" * (att.CHUNK_SIZE + 10))
    second.write_bytes(b"b" * 5)
    seen: list[tuple[int, int]] = []
    added = att.add_files(
        opened, item.id, [first, second], progress=lambda d, t: seen.append((d, t))
    )
    total = att.CHUNK_SIZE + 15
    assert [a.name for a in added] == ["a.bin", "b.bin"]
    assert seen[-1] == (total, total) and all(t == total for _d, t in seen)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and len(seen) == 3


def test_cancel_mid_import_leaves_no_partial_rows(data_dir: Path, tmp_path: Path) -> None:
    opened, _code = new_vault(data_dir)
    item = opened.save(Incident(start_date="2025-01-02"))
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"kept")
    att.add_file(opened, item.id, kept)
    before = _counts(opened)
    video = tmp_path / "video.mp4"
    video.write_bytes(os.urandom(5 * att.CHUNK_SIZE))
    other = tmp_path / "other.txt"
    other.write_bytes(b"second file in the same batch")
    chunks_written: list[int] = []

    def cancel_after_three() -> bool:
        return len(chunks_written) >= 3

    with pytest.raises(att.CancelledError):
        att.add_files(
            opened,
            item.id,
            [other, video],
            progress=lambda d, t: chunks_written.append(d),
            cancelled=cancel_after_three,
        )
    assert len(chunks_written) == 3  # it really stopped in the middle of the video
    assert _counts(opened) == before  # the whole batch was rolled back, the earlier file kept
    assert [a.name for a in att.attachments(opened, item.id)] == ["kept.txt"]
    # The vault is still consistent and usable afterwards.
    att.add_file(opened, item.id, video)
    opened.lock()
    reopened = vault.Vault("default", data_dir)
    reopened.unlock(PASS)
    names = [a.name for a in att.attachments(reopened, item.id)]
    assert names == ["kept.txt", "video.mp4"]
    sink = HashSink()
    att.copy_to(reopened, att.attachments(reopened, item.id)[1], sink)  # type: ignore[arg-type]
    assert sink.digest.hexdigest() == hashlib.sha256(video.read_bytes()).hexdigest()
    reopened.lock()
