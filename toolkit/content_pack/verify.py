"""Verify a pack before reading anything in it: the signature over the exact manifest bytes,
then the manifest, then every zip entry against it. Nothing is written while verifying."""

from __future__ import annotations

import hashlib
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidSignature

from toolkit import __version__
from toolkit.content_pack import manifest as manifest_mod
from toolkit.content_pack import rules
from toolkit.content_pack.keys import TrustedKey, trusted_keys
from toolkit.content_pack.manifest import Manifest
from toolkit.content_pack.rules import PackError
from toolkit.i18n import _


@dataclass(frozen=True)
class VerifiedPack:
    """A pack whose signature, manifest and every file checked out; files held in memory."""

    source: Path
    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    key: TrustedKey
    files: dict[str, bytes] = field(repr=False)

    @property
    def version(self) -> str:
        return self.manifest.version


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read at most ``limit`` bytes whatever the entry's header claims."""
    with archive.open(info) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise PackError(
            _("The file {path} in the pack is larger than it says.").format(path=info.filename)
        )
    return data


def _check_info(info: zipfile.ZipInfo) -> None:
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackError(_("The pack holds a symbolic link: {path}").format(path=name[:80]))
    if info.is_dir():
        raise PackError(_("The pack holds a folder entry: {path}").format(path=name[:80]))
    if info.flag_bits & 0x1:
        raise PackError(_("The pack holds an encrypted file: {path}").format(path=name[:80]))
    if info.file_size > rules.RATIO_FLOOR_BYTES and (
        info.compress_size == 0 or info.file_size / info.compress_size > rules.MAX_RATIO
    ):
        raise PackError(
            _("The file {path} in the pack is compressed suspiciously well (a zip bomb?).").format(
                path=name[:80]
            )
        )


def _signature_key(data: bytes, signature: bytes, keys: list[TrustedKey]) -> TrustedKey:
    for key in keys:
        try:
            key.public_key().verify(signature, data)
        except InvalidSignature:
            continue
        return key
    raise PackError(
        _(
            "The pack's signature does not match any trusted key: it was changed "
            "or not signed by a key this app trusts."
        )
    )


def verify_pack(
    source: Path,
    applied_version: str | None = None,
    keys: list[TrustedKey] | None = None,
    app_version: str = __version__,
) -> VerifiedPack:
    """Check everything; any problem is a PackError for the person. Writes nothing."""
    source = Path(source)
    try:
        if source.is_symlink() or not source.is_file():
            raise PackError(_("{path} is not a content pack file.").format(path=source))
        if source.stat().st_size > rules.MAX_PACK_BYTES:
            raise PackError(_("The pack file is too large."))
        with zipfile.ZipFile(source) as archive:
            return _verify_archive(source, archive, applied_version, keys, app_version)
    except zipfile.BadZipFile:
        raise PackError(
            _("{path} is not a content pack (not a zip file).").format(path=source)
        ) from None
    except (OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise PackError(
            _("The pack {path} could not be read ({reason}).").format(
                path=source, reason=type(exc).__name__
            )
        ) from exc


def _verify_archive(
    source: Path,
    archive: zipfile.ZipFile,
    applied_version: str | None,
    keys: list[TrustedKey] | None,
    app_version: str,
) -> VerifiedPack:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(names) != len(set(names)):
        raise PackError(_("The pack holds the same file twice."))
    by_name = {info.filename: info for info in infos}
    if rules.SIGNATURE not in by_name:
        raise PackError(_("The pack is not signed (it has no manifest.sig)."))
    if rules.MANIFEST not in by_name:
        raise PackError(_("The pack has no manifest.json."))
    for name in (rules.MANIFEST, rules.SIGNATURE):
        _check_info(by_name[name])
    manifest_bytes = _read_limited(archive, by_name[rules.MANIFEST], rules.MAX_MANIFEST_BYTES)
    signature = _read_limited(archive, by_name[rules.SIGNATURE], 1024)
    key = _signature_key(manifest_bytes, signature, trusted_keys() if keys is None else keys)
    manifest = manifest_mod.parse(manifest_bytes)
    if not rules.app_matches(list(manifest.app_versions), app_version):
        raise PackError(
            _("This pack is for app version {wanted}; this is version {mine}.").format(
                wanted=", ".join(manifest.app_versions)[:80], mine=app_version
            )
        )
    if not rules.newer(manifest.version, applied_version):
        raise PackError(
            _(
                "This pack ({version}) is not newer than the content in use ({current}); "
                "an older pack is never applied."
            ).format(version=manifest.version, current=applied_version)
        )
    listed = {entry.path for entry in manifest.files}
    extra = sorted(set(by_name) - listed - {rules.MANIFEST, rules.SIGNATURE})
    if extra:
        rules.check_path(extra[0])  # the clearest message if the name itself is unsafe
        raise PackError(
            _("The pack holds a file its manifest does not list: {path}").format(path=extra[0][:80])
        )
    files: dict[str, bytes] = {}
    for entry in manifest.files:
        info = by_name.get(entry.path)
        if info is None:
            raise PackError(_("The pack is missing {path}.").format(path=entry.path))
        _check_info(info)
        data = _read_limited(archive, info, entry.size)
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackError(
                _(
                    "The file {path} in the pack was changed after signing "
                    "(its SHA-256 does not match)."
                ).format(path=entry.path)
            )
        files[entry.path] = data
    return VerifiedPack(source, manifest, manifest_bytes, signature, key, files)
