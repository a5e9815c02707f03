"""Self-test check for content packs: a pack is built, signed, verified, applied and rolled back
in the self-test's own data folder, a tampered copy is refused, and the project key ships."""

from __future__ import annotations

import zipfile
from pathlib import Path

from toolkit.selftest import check

GUIDE = "assets/guides/en/rights-at-the-door.md"


@check("content packs")
def content_pack_round_trip(data: Path) -> str:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    from toolkit import paths
    from toolkit.content_pack import keys, service, store
    from toolkit.content_pack.build import build_pack
    from toolkit.content_pack.rules import PackError

    bundled = [k for k in keys.trusted_keys(data) if k.source == "bundled"]
    if not bundled:
        raise AssertionError("no project public key in assets/keys")
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    trusted = [keys.TrustedKey("self-test", raw, "added")]
    content = data / "selftest-pack"
    target = content / GUIDE
    target.parent.mkdir(parents=True, exist_ok=True)
    original = (paths.resource_root() / GUIDE).read_text(encoding="utf-8")
    target.write_text(original + "\nSelf-test line.\n", encoding="utf-8")
    pack = data / "selftest-pack.zip"
    build_pack(content, "1", None, private, pack)
    tampered = data / "selftest-tampered.zip"
    with zipfile.ZipFile(pack) as old, zipfile.ZipFile(tampered, "w") as new:
        for info in old.infolist():
            body = old.read(info)
            new.writestr(
                info, body.replace(b"Self-test", b"Tampered") if info.filename == GUIDE else body
            )
    try:
        service.verify(tampered, data, trusted)
    except PackError:
        pass
    else:
        raise AssertionError("a tampered pack was accepted")
    applied = service.apply_file(pack, data, trusted)
    unpacked = (store.pack_folder(applied, data) / GUIDE).read_text(encoding="utf-8")
    if "Self-test line." not in unpacked or store.status(data).current != applied:
        raise AssertionError("the applied pack is not in use")
    if store.rollback(data) is not None or store.status(data).current is not None:
        raise AssertionError("rollback did not restore the bundled content")
    return f"applied and rolled back, tampered copy refused, {len(bundled)} project key"
