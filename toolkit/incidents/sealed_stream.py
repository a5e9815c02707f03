"""The ``.tkpkg`` format: a file encrypted with a passphrase, in chunks, readable at random.

Layout (all integers big-endian)::

    magic        8 bytes   b"TKPKG\\x00\\x01\\x00"  (format 1)
    header_len   4 bytes
    header       JSON: {"cipher": "AES-256-GCM", "kdf": "scrypt", "n", "r", "p", "salt" (base64),
                        "chunk_size": 1048576}
    chunks       each: nonce (12 bytes) || AES-GCM ciphertext of up to chunk_size bytes || tag (16)

The key is scrypt(passphrase, salt, n, r, p), 32 bytes. Chunk i is sealed with associated data
= header bytes, i (8 bytes) and a final flag (1 byte, 1 on the last chunk only), so a cut,
reordered or altered package fails to open. Every chunk but the last holds exactly chunk_size
bytes, which lets a reader seek without decrypting what comes before. Inside is a zip file.
"""

from __future__ import annotations

import io
import json
import os
import struct
from typing import Any, BinaryIO

from toolkit.i18n import _
from toolkit.incidents import crypto
from toolkit.incidents.crypto import DecryptError, KdfParams, KdfParamsError
from toolkit.incidents.store import VaultError

MAGIC = b"TKPKG\x00\x01\x00"
CHUNK_SIZE = 1024 * 1024
OVERHEAD = crypto.NONCE_SIZE + 16
MAX_HEADER = 64 * 1024


class PackageError(VaultError):
    pass


def _chunk_aad(header: bytes, index: int, final: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


class SealingWriter(io.RawIOBase):
    """A write-only stream that encrypts everything written to ``target`` in chunks."""

    def __init__(self, target: BinaryIO, passphrase: str, kdf_n: int | None = None) -> None:
        super().__init__()
        params = KdfParams.fresh(kdf_n)
        self._key = crypto.derive_key(passphrase, params)
        header_data: dict[str, Any] = {"cipher": "AES-256-GCM", **params.to_json()}
        header_data["chunk_size"] = CHUNK_SIZE
        self._header = json.dumps(header_data, sort_keys=True).encode()
        self._target = target
        self._buffer = bytearray()
        self._index = 0
        self._position = 0
        target.write(MAGIC + struct.pack(">I", len(self._header)) + self._header)

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._buffer.extend(chunk)
        self._position += len(chunk)
        # Keep at least one byte back so the last chunk written is always the final one.
        while len(self._buffer) > CHUNK_SIZE:
            self._emit(bytes(self._buffer[:CHUNK_SIZE]), final=False)
            del self._buffer[:CHUNK_SIZE]
        return len(chunk)

    def _emit(self, plain: bytes, final: bool) -> None:
        aad = _chunk_aad(self._header, self._index, final)
        self._target.write(crypto.seal(self._key, plain, aad))
        self._index += 1

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._target.flush()
        super().close()


class OpeningReader(io.RawIOBase):
    """A seekable read-only view of a ``.tkpkg`` file's plaintext, one chunk in memory."""

    def __init__(self, source: BinaryIO, passphrase: str) -> None:
        super().__init__()
        self._source = source
        if source.read(len(MAGIC)) != MAGIC:
            raise PackageError(_("This is not an encrypted evidence package (.tkpkg)."))
        (length,) = struct.unpack(">I", source.read(4).rjust(4, b"\x00"))
        if length > MAX_HEADER:
            raise PackageError(_("The package header is damaged."))
        self._header = source.read(length)
        try:
            info = json.loads(self._header)
            params = KdfParams.from_json(info)
            self._chunk = int(info["chunk_size"])
            if self._chunk != CHUNK_SIZE:
                raise ValueError("unexpected chunk size")
        except KdfParamsError as exc:
            raise PackageError(
                _(
                    "The package asks for key settings this app refuses ({reason}); it was not "
                    "made by this app or it was changed."
                ).format(reason=exc)
            ) from exc
        except (ValueError, KeyError, TypeError) as exc:
            raise PackageError(_("The package header is damaged.")) from exc
        self._start = len(MAGIC) + 4 + length
        source.seek(0, os.SEEK_END)
        stored = source.tell() - self._start
        stride = self._chunk + OVERHEAD
        self._count = max(1, -(-stored // stride))
        last_stored = stored - (self._count - 1) * stride
        if last_stored < OVERHEAD:
            raise PackageError(_("The package is cut short or damaged."))
        self._size = (self._count - 1) * self._chunk + last_stored - OVERHEAD
        self._key = crypto.derive_key(passphrase, params)
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        self._plain_chunk(0, first=True)

    def _plain_chunk(self, index: int, first: bool = False) -> bytes:
        if self._cached and self._cached[0] == index:
            return self._cached[1]
        stride = self._chunk + OVERHEAD
        self._source.seek(self._start + index * stride)
        blob = self._source.read(stride)
        final = index == self._count - 1
        try:
            plain = crypto.unseal(self._key, blob, _chunk_aad(self._header, index, final))
        except DecryptError:
            if first:
                raise PackageError(
                    _("Wrong passphrase for this package, or the package was changed.")
                ) from None
            raise PackageError(
                _("The package was changed or damaged (part {n}).").format(n=index + 1)
            ) from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._size or not len(view):
            return 0
        index, offset = divmod(self._pos, self._chunk)
        plain = self._plain_chunk(index)
        piece = plain[offset : offset + len(view)]
        view[: len(piece)] = piece
        self._pos += len(piece)
        return len(piece)

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self._size - self._pos
        out = bytearray()
        while len(out) < size:
            buf = bytearray(min(size - len(out), self._chunk))
            got = self.readinto(buf)
            if not got:
                break
            out.extend(buf[:got])
        return bytes(out)


def is_sealed(path_head: bytes) -> bool:
    return path_head.startswith(MAGIC)
