"""Attachments: files copied into a vault encrypted in 1 MiB chunks, streamed both ways.

Each chunk has its own nonce and is bound to (attachment id, chunk index, final flag), so a
missing, reordered or cut-off chunk is detected. The SHA-256 of the original is recorded at
import and checked again whenever the file is read back. The stored length is padded (zeros
after the end, up to a bucket) so a file's exact size is not in the clear; the real size is
in the sealed description.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, BinaryIO

from toolkit.i18n import _
from toolkit.incidents import crypto, store
from toolkit.incidents.crypto import DecryptError
from toolkit.incidents.record import Incident, new_id, now_utc
from toolkit.incidents.store import VaultError
from toolkit.incidents.vault import ItemError, Vault, describe

CHUNK_SIZE = 1024 * 1024
Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
CancelCheck = Callable[[], bool]


class CancelledError(Exception):
    """The person pressed Cancel; the transaction was rolled back, nothing was kept."""


def _never() -> bool:
    return False


def _ignore(_done: int, _total: int) -> None:
    return None


@dataclass
class AttachmentInfo:
    id: str
    record_id: str
    name: str
    size: int
    sha256: str
    kind: str
    imported: str


class AttachmentError(VaultError):
    """An attachment whose stored chunks no longer match what was imported."""


def chunk_aad(attachment_id: str, index: int, final: bool) -> bytes:
    return crypto.aad("chunk", attachment_id, index, b"\x01" if final else b"\x00")


def _read_chunks(source: BinaryIO) -> Iterator[tuple[bytes, bool, int]]:
    """Yield (chunk, is_final, real bytes in it): the file, then zeros up to its bucket."""
    real = 0
    current = source.read(CHUNK_SIZE)
    while True:
        following = source.read(CHUNK_SIZE)
        if following:
            real += len(current)
            yield current, False, len(current)
            current = following
            continue
        real += len(current)
        padding = crypto.padded_length(real, floor=4096) - real
        last_real = len(current)
        while len(current) + padding > CHUNK_SIZE:
            take = CHUNK_SIZE - len(current)
            yield current + bytes(take), False, last_real
            padding -= take
            current, last_real = b"", 0
        yield current + bytes(padding), True, last_real
        return


def add_file(
    vault: Vault,
    record_id: str,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> AttachmentInfo:
    """Copy ``path`` into the vault, encrypted, in one transaction."""
    return add_files(vault, record_id, [path], progress=progress, cancelled=cancelled)[0]


def add_files(
    vault: Vault,
    record_id: str,
    files: Sequence[Path],
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[AttachmentInfo]:
    """Copy several files in ONE transaction: all of them are attached, or none.

    ``cancelled`` is checked before every chunk; when it returns True, CancelledError is
    raised and the rollback leaves no chunk and no attachment row behind.
    """
    record_id = vault.get(record_id).id
    vault.require_writable()
    total = sum(_size_of(Path(p)) for p in files)
    meter = _Meter(progress or _ignore, cancelled or _never, total)
    added: list[AttachmentInfo] = []
    with vault.writing():
        for path in files:
            try:
                with Path(path).open("rb") as source:
                    added.append(_insert(vault, record_id, source, Path(path).name, meter))
            except OSError as exc:
                raise _unreadable(Path(path), exc) from exc
    return added


def add_stream(vault: Vault, record_id: str, source: BinaryIO, name: str) -> AttachmentInfo:
    with vault.writing():
        return _insert(vault, record_id, source, name, _Meter(_ignore, _never, 0))


def save_with_files(
    vault: Vault,
    record: Incident,
    files: Sequence[Path],
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[AttachmentInfo]:
    """Save a record and attach files in ONE transaction: a crash or a full disk leaves either
    nothing or the record with every file."""
    with vault.writing():
        vault.save(record)
        return add_files(vault, record.id, files, progress=progress, cancelled=cancelled)


class _Meter:
    """Counts bytes across files for the progress bar and asks about Cancel before each chunk."""

    def __init__(self, progress: Progress, cancelled: CancelCheck, total: int) -> None:
        self.progress, self.cancelled, self.total, self.done = progress, cancelled, total, 0

    def check(self) -> None:
        if self.cancelled():
            raise CancelledError

    def advance(self, count: int) -> None:
        self.done += count
        self.progress(self.done, max(self.total, self.done))


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from exc


def _unreadable(path: Path, exc: OSError) -> VaultError:
    return VaultError(
        _("Could not read {path}: {reason}").format(path=path, reason=exc.strerror or exc)
    )


def _insert(
    vault: Vault, record_id: str, source: BinaryIO, name: str, meter: _Meter
) -> AttachmentInfo:
    """Write one attachment inside the caller's transaction."""
    conn = vault.conn()
    key = vault.key()
    attachment_id = new_id()
    digest = hashlib.sha256()
    size = 0
    count = 0
    meter.check()
    for index, (chunk, final, real) in enumerate(_read_chunks(source)):
        meter.check()
        digest.update(chunk[:real])
        size += real
        blob = crypto.seal(key, chunk, chunk_aad(attachment_id, index, final))
        conn.execute(
            "INSERT INTO chunks (attachment_id, idx, blob) VALUES (?, ?, ?)",
            (attachment_id, index, blob),
        )
        count = index + 1
        meter.advance(real)
    info = AttachmentInfo(
        id=attachment_id,
        record_id=record_id,
        name=name,
        size=size,
        sha256=digest.hexdigest(),
        kind=mimetypes.guess_type(name)[0] or "application/octet-stream",
        imported=now_utc(),
    )
    meta = vault.seal_json(asdict(info), crypto.aad("attachment", attachment_id, record_id))
    conn.execute(
        "INSERT INTO attachments (id, record_id, meta, size, chunks) VALUES (?, ?, ?, ?, ?)",
        (attachment_id, record_id, meta, crypto.padded_length(size, floor=4096), count),
    )
    with vault.writing() as contents:
        contents.set_attachment(attachment_id, record_id, meta, count)
    return info


def list_for(vault: Vault, record_id: str) -> tuple[list[AttachmentInfo], list[ItemError]]:
    infos: list[AttachmentInfo] = []
    errors: list[ItemError] = []
    rows = vault.conn().execute(
        "SELECT id, meta FROM attachments WHERE record_id = ? ORDER BY rowid", (record_id,)
    )
    for attachment_id, blob in rows.fetchall():
        try:
            data = vault.unseal_json(
                bytes(blob), crypto.aad("attachment", str(attachment_id), record_id)
            )
            infos.append(AttachmentInfo(**data))
        except (DecryptError, ValueError, TypeError) as exc:
            errors.append(ItemError(str(attachment_id), describe(exc)))
    return infos, errors


def attachments(vault: Vault, record_id: str) -> list[AttachmentInfo]:
    return list_for(vault, record_id)[0]


def iter_plain(vault: Vault, info: AttachmentInfo) -> Iterator[bytes]:
    """Decrypted chunks in order; raises AttachmentError if anything was changed or lost."""
    conn = vault.conn()
    key = vault.key()
    digest = hashlib.sha256()
    try:
        row = conn.execute("SELECT chunks FROM attachments WHERE id = ?", (info.id,)).fetchone()
        count = int(row[0]) if row else 0
        left = info.size
        for index in range(count):
            chunk_row = conn.execute(
                "SELECT blob FROM chunks WHERE attachment_id = ? AND idx = ?", (info.id, index)
            ).fetchone()
            if chunk_row is None:
                raise DecryptError("missing chunk")
            plain = crypto.unseal(
                key, bytes(chunk_row[0]), chunk_aad(info.id, index, index == count - 1)
            )[:left]  # the padding after the end is dropped
            left -= len(plain)
            digest.update(plain)
            if plain:
                yield plain
    except (DecryptError, sqlite3.DatabaseError) as exc:
        raise _damaged(info, describe(exc)) from exc
    if count == 0 or digest.hexdigest() != info.sha256:
        raise _damaged(info, _("its SHA-256 no longer matches the original"))


def _damaged(info: AttachmentInfo, reason: str) -> AttachmentError:
    return AttachmentError(
        _("The attachment {name} cannot be read back intact: {reason}.").format(
            name=info.name, reason=reason
        )
    )


def copy_to(
    vault: Vault,
    info: AttachmentInfo,
    target: IO[bytes],
    *,
    on_chunk: Callable[[int], None] | None = None,
) -> None:
    """Write the decrypted file to ``target``; ``on_chunk(size)`` runs before each write,
    so it can report progress or raise to stop (Cancel)."""
    for chunk in iter_plain(vault, info):
        if on_chunk is not None:
            on_chunk(len(chunk))
        target.write(chunk)


def read_bytes(vault: Vault, info: AttachmentInfo, limit: int = 64 * CHUNK_SIZE) -> bytes:
    """A small attachment in memory (a photo for the public copy); refuses large files."""
    if info.size > limit:
        raise VaultError(_("The file {name} is too large to open here.").format(name=info.name))
    return b"".join(iter_plain(vault, info))


def delete(vault: Vault, attachment_id: str) -> None:
    with vault.writing() as contents:
        conn = vault.conn()
        conn.execute("DELETE FROM chunks WHERE attachment_id = ?", (attachment_id,))
        conn.execute("DELETE FROM attachments WHERE id = ?", (attachment_id,))
        contents.attachments.pop(attachment_id, None)
    with contextlib.suppress(sqlite3.Error, OSError):
        store.scrub_wal(vault.conn())
