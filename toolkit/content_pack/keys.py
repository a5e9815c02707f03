"""Ed25519 keys: the project's public keys shipped in ``assets/keys``, and keys a center adds.

A public key file is one line, ``toolkit-ed25519 BASE64 NAME``; a fingerprint is the start of
the key's SHA-256, for reading aloud over the phone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from toolkit import paths
from toolkit.atomic import write_atomic
from toolkit.content_pack.rules import PackError
from toolkit.i18n import _

KEY_PREFIX = "toolkit-ed25519"
MAX_KEY_FILE = 4096


@dataclass(frozen=True)
class TrustedKey:
    name: str
    raw: bytes
    source: str  # "bundled" or "added"

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    def public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


def fingerprint(raw: bytes) -> str:
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def public_line(key: Ed25519PublicKey, name: str) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"{KEY_PREFIX} {base64.b64encode(raw).decode('ascii')} {name}\n"


def parse_public(text: str, source: str = "added") -> TrustedKey:
    parts = text.strip().split(maxsplit=2)
    try:
        if len(parts) < 2 or parts[0] != KEY_PREFIX:
            raise ValueError
        raw = base64.b64decode(parts[1], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error):
        raise PackError(
            _('This is not a content pack key (a line starting "{prefix}").').format(
                prefix=KEY_PREFIX
            )
        ) from None
    name = parts[2].strip() if len(parts) > 2 else fingerprint(raw)
    return TrustedKey(name[:80], raw, source)


def read_public(path: Path, source: str = "added") -> TrustedKey:
    try:
        data = path.read_bytes()[: MAX_KEY_FILE + 1]
        text = data.decode("utf-8") if len(data) <= MAX_KEY_FILE else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(
            _("The key file {path} could not be read ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    return parse_public(text, source)


def bundled_keys_dir() -> Path:
    return paths.asset("keys")


def added_keys_dir(data_dir: Path | None = None) -> Path:
    return paths.content_packs_dir(data_dir) / "keys"


def _keys_in(folder: Path, source: str) -> list[TrustedKey]:
    found = []
    for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        try:
            found.append(read_public(path, source))
        except PackError:
            continue  # a broken key file trusts nothing; the others still count
    return found


def trusted_keys(data_dir: Path | None = None) -> list[TrustedKey]:
    """The project's keys, then the keys this center added on purpose."""
    return _keys_in(bundled_keys_dir(), "bundled") + _keys_in(added_keys_dir(data_dir), "added")


def trust(path: Path, data_dir: Path | None = None) -> TrustedKey:
    """Add a public key a center chose to trust; returns it (show its fingerprint)."""
    key = read_public(path)
    digest = hashlib.sha256(key.raw).hexdigest()[:16]
    target = added_keys_dir(data_dir) / f"{digest}.pub"
    paths.make_private_dir(target.parent.parent)
    text = f"{KEY_PREFIX} {base64.b64encode(key.raw).decode('ascii')} {key.name}\n"
    write_atomic(target, text.encode("utf-8"))
    return key


def generate(private_path: Path, public_path: Path, name: str) -> TrustedKey:
    """A new key pair for a maintainer: the private key is written readable by its owner only."""
    if private_path.exists():
        raise PackError(_("{path} already exists; not overwritten.").format(path=private_path))
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_atomic(private_path, pem)
    private_path.chmod(0o600)
    line = public_line(private.public_key(), name)
    write_atomic(public_path, line.encode("utf-8"))
    return parse_public(line, "added")


def load_private(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise PackError(
            _("The private key {path} could not be read ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise PackError(_("The private key {path} is not an Ed25519 key.").format(path=path))
    return key
