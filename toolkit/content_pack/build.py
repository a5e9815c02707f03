"""Building and signing a pack from a content folder laid out like the bundled resources."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from toolkit import __version__
from toolkit.atomic import write_atomic
from toolkit.content_pack import rules
from toolkit.content_pack.manifest import FileEntry, Manifest
from toolkit.content_pack.rules import PackError
from toolkit.i18n import _

# Zip timestamps fixed, so the same content gives the same pack bytes.
_EPOCH = (2026, 1, 1, 0, 0, 0)


def collect(content: Path) -> dict[str, bytes]:
    """Every file under ``content`` (assets/..., templates/letters/..., data/...), checked."""
    if not content.is_dir():
        raise PackError(_("{path} is not a folder.").format(path=content))
    files = {}
    for path in sorted(content.rglob("*")):
        if path.is_symlink():
            raise PackError(_("The pack holds a symbolic link: {path}").format(path=path))
        if path.is_file():
            relative = rules.check_path(path.relative_to(content).as_posix())
            files[relative] = path.read_bytes()
    if not files:
        raise PackError(_("{path} holds no content files.").format(path=content))
    return files


def make_manifest(
    files: dict[str, bytes],
    version: str,
    previous: str | None,
    date: dt.date,
    app_versions: tuple[str, ...],
    note: str = "",
) -> Manifest:
    rules.parse_version(version)
    if previous is not None and not rules.newer(version, previous):
        raise PackError(_("The version must be newer than the previous one."))
    entries = tuple(
        FileEntry(path, hashlib.sha256(data).hexdigest(), len(data))
        for path, data in sorted(files.items())
    )
    return Manifest(version, date, previous, app_versions, entries, note)


def write_pack(out: Path, manifest_bytes: bytes, signature: bytes, files: dict[str, bytes]) -> None:
    """The zip; kept apart from signing so tests can write hostile packs the same way."""
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(rules.MANIFEST, manifest_bytes), (rules.SIGNATURE, signature)]:
            archive.writestr(zipfile.ZipInfo(name, _EPOCH), data, zipfile.ZIP_DEFLATED)
        for name, data in sorted(files.items()):
            archive.writestr(zipfile.ZipInfo(name, _EPOCH), data, zipfile.ZIP_DEFLATED)
    write_atomic(out, buffer.getvalue())


def build_pack(
    content: Path,
    version: str,
    previous: str | None,
    key: Ed25519PrivateKey,
    out: Path,
    date: dt.date | None = None,
    app_versions: tuple[str, ...] | None = None,
    note: str = "",
) -> Manifest:
    files = collect(content)
    apps = app_versions or (".".join(__version__.split(".")[:2]),)
    manifest = make_manifest(files, version, previous, date or dt.date.today(), apps, note)
    data = manifest.to_json()
    write_pack(out, data, key.sign(data), files)
    return manifest
