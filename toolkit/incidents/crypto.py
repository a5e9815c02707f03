"""Keys and sealing: scrypt from a passphrase, AES-256-GCM with a fresh nonce per write.

A vault has one random data key. It is stored twice, wrapped by the passphrase key and by the
recovery key, so either one unlocks the vault. Every sealed blob is ``nonce || ciphertext``
with associated data that names what it is (purpose and id), so blobs cannot be swapped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

NONCE_SIZE = 12
KEY_SIZE = 32
# New vaults and packages: about 1.2 s and 256 MiB on a 2-core laptop (above OWASP's 2^17 floor).
REAL_SCRYPT_N = 2**18
SCRYPT_R = 8
SCRYPT_P = 1
# Parameters read from any file (vault or package) must fall inside these bounds: the floor
# stops a file from asking for a cheap key, the cap stops one from asking for all the memory.
# Tests and the self-test lower the floor (MIN_SCRYPT_N) to keep unlocking fast.
MIN_SCRYPT_N = 2**10
# Below this a vault was made by a test or the self-test; rewrapping keeps its cost.
MIN_REAL_N = 2**14
MAX_SCRYPT_N = 2**20
MAX_SCRYPT_MEMORY = 1024 * 1024 * 1024  # 128 * n * r bytes
RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters in 8 groups of 4
RECOVERY_GROUP = 4


class DecryptError(Exception):
    """A blob failed authentication: wrong key, or the bytes were changed."""


class KdfParamsError(ValueError):
    """Key-derivation parameters outside what this app accepts (or not parameters at all)."""


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    n: int = REAL_SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def fresh(cls, n: int | None = None) -> KdfParams:
        return cls(salt=os.urandom(16), n=n or REAL_SCRYPT_N)

    def to_json(self) -> dict[str, Any]:
        return {
            "kdf": "scrypt",
            "n": self.n,
            "r": self.r,
            "p": self.p,
            "salt": base64.b64encode(self.salt).decode("ascii"),
        }

    @classmethod
    def from_json(cls, raw: Any) -> KdfParams:
        """Parameters from a file, checked against the floor and the cap before any use."""
        try:
            if not isinstance(raw, dict) or raw.get("kdf") != "scrypt":
                raise KdfParamsError("unknown key derivation")
            n, r, p = (raw[k] for k in ("n", "r", "p"))
            if not all(type(v) is int for v in (n, r, p)):
                raise KdfParamsError("parameters are not whole numbers")
            salt = base64.b64decode(str(raw["salt"]), validate=True)
        except (KeyError, TypeError, binascii.Error) as exc:
            raise KdfParamsError(str(exc)) from None
        check_bounds(n, r, p)
        if len(salt) < 16:
            raise KdfParamsError("salt too short")
        return cls(salt=salt, n=n, r=r, p=p)


def check_bounds(n: int, r: int, p: int) -> None:
    if n & (n - 1) or not MIN_SCRYPT_N <= n <= MAX_SCRYPT_N:
        raise KdfParamsError(f"scrypt n={n} is outside {MIN_SCRYPT_N}..{MAX_SCRYPT_N}")
    if not 1 <= r <= 32 or not 1 <= p <= 4 or 128 * n * r > MAX_SCRYPT_MEMORY:
        raise KdfParamsError(f"scrypt r={r}, p={p} ask for too much")


def normalize(passphrase: str) -> str:
    """NFC, so "ñ" typed as one character or as n + combining tilde is the same passphrase."""
    return unicodedata.normalize("NFC", passphrase)


def derive_key(passphrase: str, params: KdfParams, *, raw: bool = False) -> bytes:
    """The key for ``passphrase`` (NFC-normalized unless ``raw``: vaults made before the
    normalization may hold a key derived from the bytes as typed)."""
    check_bounds(params.n, params.r, params.p)
    text = passphrase if raw else normalize(passphrase)
    kdf = Scrypt(salt=params.salt, length=KEY_SIZE, n=params.n, r=params.r, p=params.p)
    try:
        return kdf.derive(text.encode("utf-8"))
    except MemoryError:
        raise KdfParamsError("not enough memory for these parameters") from None


def recovery_key_bytes(recovery: str, salt: bytes) -> bytes:
    """The recovery code is random, so a fast KDF is enough to turn it into a key."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=salt, info=b"toolkit-recovery")
    return hkdf.derive(parse_recovery_code(recovery))


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_SIZE + 16:
        raise DecryptError("too short")
    try:
        return AESGCM(key).decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], aad)
    except InvalidTag:
        raise DecryptError("authentication failed") from None


def aad(purpose: str, *parts: str | int | bytes) -> bytes:
    """Associated data: a purpose tag and the ids a blob belongs to, unambiguously joined."""
    pieces = [f"toolkit/{purpose}".encode()]
    for part in parts:
        if isinstance(part, int):
            pieces.append(part.to_bytes(8, "big"))
        elif isinstance(part, str):
            pieces.append(part.encode("utf-8"))
        else:
            pieces.append(part)
    return b"\x00".join(len(p).to_bytes(4, "big") + p for p in pieces)


def new_recovery_code() -> str:
    raw = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    groups = [raw[i : i + RECOVERY_GROUP] for i in range(0, len(raw), RECOVERY_GROUP)]
    return "-".join(groups)


def parse_recovery_code(text: str) -> bytes:
    """Read a typed code forgivingly: any case, spaces or dashes, 0/1/8 for O/I/B."""
    cleaned = "".join(c for c in text.upper() if c.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    try:
        raw = base64.b32decode(cleaned)
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != RECOVERY_BYTES:
        raise ValueError("not a recovery code")
    return raw


def padded_length(size: int, floor: int = 256) -> int:
    """A bucket for ``size``: at least ``floor``, then steps of 1/16 of the size's power of two
    (at most 6.25% more), so the stored length no longer tells a known file or text apart."""
    if size <= floor:
        return floor
    step = max(floor, 1 << max(size.bit_length() - 5, 0))
    return -(-size // step) * step


def checksum(*parts: str) -> str:
    """A clear-text check of clear-text rows: tells damage apart from a wrong passphrase."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
