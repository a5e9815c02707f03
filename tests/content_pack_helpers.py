"""Building real signed content packs (good and hostile) for the content pack tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from toolkit.content_pack.build import build_pack, make_manifest, write_pack
from toolkit.content_pack.keys import TrustedKey

REPO = Path(__file__).resolve().parent.parent
GUIDE = "assets/guides/en/rights-at-the-door.md"
CORRECTION = "You do not have to open the door. (Corrected in pack.)"
DAY = dt.date(2026, 12, 1)


def new_key() -> tuple[Ed25519PrivateKey, TrustedKey]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return private, TrustedKey("test key", raw, "added")


def corrected_content(folder: Path, extra: str = CORRECTION) -> Path:
    """A content folder holding one corrected guide and one new line in a card."""
    guide = (REPO / GUIDE).read_text(encoding="utf-8")
    target = folder / GUIDE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(guide.rstrip("\n") + f"\n\n{extra}\n", encoding="utf-8")
    return folder


def good_pack(
    tmp: Path, private: Ed25519PrivateKey, version: str = "2026.12.2", extra: str = CORRECTION
) -> Path:
    content = corrected_content(tmp / f"content-{version}", extra)
    out = tmp / f"pack-{version}.zip"
    build_pack(content, version, None, private, out, date=DAY)
    return out


def signed(
    tmp: Path,
    private: Ed25519PrivateKey,
    files: dict[str, bytes],
    listed: dict[str, bytes] | None = None,
    version: str = "2026.12.2",
    apps: tuple[str, ...] = ("0.1",),
    name: str = "hostile.zip",
) -> Path:
    """A pack whose manifest lists ``listed`` (default: ``files``) and holds ``files``."""
    manifest = make_manifest(listed if listed is not None else files, version, None, DAY, apps)
    data = manifest.to_json()
    out = tmp / name
    write_pack(out, data, private.sign(data), files)
    return out


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its hash: "nothing changed on disk" is equality."""
    if not folder.exists():
        return {}
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            found[key] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "/"
    return found
