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
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

NONCE_SIZE = 12
KEY_SIZE = 32
# About 0.6 s and 128 MiB on a 2-core laptop (measured): slow enough to make guessing costly.
REAL_SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
RECOVERY_BYTES = 20  # 160 bits: 32 base32 characters in 8 groups of 4
RECOVERY_GROUP = 4


class DecryptError(Exception):
    """A blob failed authentication: wrong key, or the bytes were changed."""


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
    def from_json(cls, raw: dict[str, Any]) -> KdfParams:
        if raw.get("kdf") != "scrypt":
            raise ValueError("unknown key derivation")
        return cls(
            salt=base64.b64decode(raw["salt"]), n=int(raw["n"]), r=int(raw["r"]), p=int(raw["p"])
        )


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    kdf = Scrypt(salt=params.salt, length=KEY_SIZE, n=params.n, r=params.r, p=params.p)
    return kdf.derive(passphrase.encode("utf-8"))


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


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
