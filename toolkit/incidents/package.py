"""The evidence package: untouched originals, a JSON manifest with hashes, and the report.

Written only to the path the person chose (through a ``.part`` file beside it, so a crash
never leaves a half package under the real name). With a passphrase the zip is sealed into a
``.tkpkg`` file (see ``sealed_stream``). The manifest (record, export date, every file's name,
size and SHA-256) is signed with the vault's Ed25519 key (``manifest.sig``); ``verify_package``
checks the signature, every hash and size, and refuses duplicate or unsafe member names and
members too large to be a manifest. No package is written while a file of the record cannot
be read or the vault reports changes made outside the app.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from toolkit import __version__
from toolkit.i18n import _
from toolkit.incidents import attachments as att
from toolkit.incidents import signing
from toolkit.incidents.record import now_utc
from toolkit.incidents.report_pdf import make_report_pdf
from toolkit.incidents.sealed_stream import MAGIC, OpeningReader, PackageError, SealingWriter
from toolkit.incidents.vault import Vault

FORMAT = "rights-toolkit-evidence/2"
OLD_FORMATS = ("rights-toolkit-evidence/1",)
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
REPORT = "report.pdf"
READ_SIZE = 1024 * 1024
MAX_MANIFEST = 16 * 1024 * 1024
MAX_MEMBERS = 10_000


@dataclass
class FileCheck:
    path: str
    status: str  # "good", "changed", "missing" or "extra"
    expected: str = ""
    actual: str = ""


@dataclass
class VerifyResult:
    checks: list[FileCheck]
    exported_at: str = ""
    record_id: str = ""
    fingerprint: str = ""  # '' when the package is not signed
    problems: list[str] = field(default_factory=list)

    @property
    def signed(self) -> bool:
        return bool(self.fingerprint)

    @property
    def ok(self) -> bool:
        good = bool(self.checks) and all(c.status == "good" for c in self.checks)
        return good and self.signed and not self.problems


def proves() -> str:
    """What "good" proves, printed by verify."""
    return _(
        "Good means: every file is byte for byte what was exported, nothing was added or "
        "removed, and the list was signed by the vault whose key fingerprint is shown. Compare "
        "that fingerprint with the one printed on the report you were given or on the recovery "
        "sheet. It does not prove that the account is true, or when the events happened."
    )


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "file"
    return cleaned[:120]


def report_warnings(vault: Vault, record_id: str, language: str = "en") -> list[str]:
    """What the package's report cannot print, by field (the record itself keeps every
    character: it is in the manifest), to say before the package is written."""
    from toolkit.incidents.report_pdf import make_report_pdf

    files, _unreadable = att.list_for(vault, record_id)
    return make_report_pdf(vault.get(record_id), files, language=language).warnings


def write_package(
    vault: Vault,
    record_id: str,
    out: Path,
    *,
    passphrase: str | None = None,
    kdf_n: int | None = None,
    paper: str = "letter",
    language: str = "en",
    progress: att.Progress | None = None,
    cancelled: att.CancelCheck | None = None,
) -> Path:
    """Write the package; ``progress(done, total)`` counts original bytes, and ``cancelled``
    is asked before every chunk (CancelledError then removes the partial file)."""
    record = vault.get(record_id)
    files, unreadable = att.list_for(vault, record.id)
    problems = vault.problems_for(record.id) + [e.reason for e in unreadable]
    if problems:
        raise PackageError(
            _(
                "No package was written: the vault reports problems with this record, so files "
                "could be missing: {problems}"
            ).format(problems="; ".join(problems))
        )
    fingerprint = vault.fingerprint()
    out = Path(out)
    total = sum(info.size for info in files)
    done = 0

    def on_chunk(size: int) -> None:
        nonlocal done
        if cancelled is not None and cancelled():
            raise att.CancelledError
        done += size
        if progress is not None:
            progress(done, total)

    partial = out.with_name(f".{out.name}.part")
    try:
        with partial.open("wb") as handle:
            if os.name == "posix":
                os.chmod(partial, 0o600)
            sink: Any = SealingWriter(handle, passphrase, kdf_n) if passphrase else handle
            with zipfile.ZipFile(sink, "w", allowZip64=True) as archive:
                entries: list[dict[str, Any]] = []
                for number, info in enumerate(files, start=1):
                    path = f"originals/{number:02d}-{safe_name(info.name)}"
                    # Stored, not deflated: the originals go in byte for byte.
                    with archive.open(
                        zipfile.ZipInfo(path, (1980, 1, 1, 0, 0, 0)), "w", force_zip64=True
                    ) as member:
                        att.copy_to(vault, info, member, on_chunk=on_chunk)
                    entries.append({"path": path, "role": "original", **asdict(info)})
                if cancelled is not None and cancelled():
                    raise att.CancelledError
                report = make_report_pdf(
                    record,
                    files,
                    paper=paper,
                    language=language,
                    fingerprint=fingerprint,
                    read=lambda info: att.read_bytes(vault, info),
                ).pdf
                archive.writestr(REPORT, report, compress_type=zipfile.ZIP_DEFLATED)
                entries.append(
                    {
                        "path": REPORT,
                        "role": "report",
                        "size": len(report),
                        "sha256": hashlib.sha256(report).hexdigest(),
                    }
                )
                manifest = {
                    "format": FORMAT,
                    "app_version": __version__,
                    "exported_at": now_utc(),
                    "record": record.to_dict(),
                    "files": entries,
                }
                public, _sig = vault.sign(b"")
                manifest["signing"] = {
                    "algorithm": "Ed25519",
                    "public_key": public.hex(),
                    "fingerprint": fingerprint,
                }
                body = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
                archive.writestr(MANIFEST, body, compress_type=zipfile.ZIP_DEFLATED)
                archive.writestr(SIGNATURE, vault.sign(body)[1].hex())
            if sink is not handle:
                sink.close()
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return out


def _hash_member(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as member:
        while block := member.read(READ_SIZE):
            digest.update(block)
    return digest.hexdigest()


def _open_source(path: Path, passphrase: str | None) -> BinaryIO:
    handle = path.open("rb")
    if handle.read(len(MAGIC)) != MAGIC:
        handle.seek(0)
        return handle
    handle.seek(0)
    if passphrase is None:
        handle.close()
        raise PackageError(_("This package is encrypted: a passphrase is needed to verify it."))
    try:
        return OpeningReader(handle, passphrase)  # type: ignore[return-value]
    except BaseException:
        handle.close()
        raise


def is_encrypted(path: Path) -> bool:
    with Path(path).open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ":" in name or ".." in parts or "" in parts[:-1]


def _read_capped(archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > cap:
        raise PackageError(
            _("The {name} in this package is too large ({size} bytes) to be genuine.").format(
                name=name, size=info.file_size
            )
        )
    with archive.open(info) as member:
        data = member.read(cap + 1)
    if len(data) > cap:
        raise PackageError(
            _("The {name} in this package is too large to be genuine.").format(name=name)
        )
    return data


def _check_names(names: list[str]) -> None:
    if len(names) > MAX_MEMBERS:
        raise PackageError(_("This package holds too many files to be genuine."))
    seen: set[str] = set()
    for name in names:
        if unsafe(name):
            raise PackageError(
                _("This package holds a file with an unsafe name ({name}); it was refused.").format(
                    name=name
                )
            )
        if name in seen:
            raise PackageError(
                _(
                    "This package holds two files named {name}: one could hide the other. "
                    "It was refused."
                ).format(name=name)
            )
        seen.add(name)


def _signature(archive: zipfile.ZipFile, body: bytes, manifest: dict[str, Any]) -> str:
    """The fingerprint when the signature holds; raises when it is there and fails."""
    info = manifest.get("signing")
    if manifest.get("format") in OLD_FORMATS and info is None:
        return ""
    try:
        public = bytes.fromhex(str(info["public_key"]))  # type: ignore[index]
        signature = bytes.fromhex(_read_capped(archive, SIGNATURE, 1024).decode("ascii"))
    except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
        raise PackageError(
            _("The signature of this package is missing or damaged: it cannot be trusted.")
        ) from exc
    if not signing.valid(public, signature, body):
        raise PackageError(
            _(
                "The signature does not match the manifest: the record, the export date or the "
                "list of files was changed after export. This package cannot be trusted."
            )
        )
    return signing.fingerprint(public)


def verify_package(path: Path, passphrase: str | None = None) -> VerifyResult:
    """Check the signature, then every file listed in the manifest against its size and
    SHA-256; anything not listed is reported."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(_("The package {path} was not found.").format(path=path))
    source = _open_source(path, passphrase)
    try:
        try:
            archive = zipfile.ZipFile(source)
            names = archive.namelist()
            _check_names(names)
            body = _read_capped(archive, MANIFEST, MAX_MANIFEST)
            manifest = json.loads(body)
            listed = {str(entry["path"]): entry for entry in manifest["files"]}
            if len(listed) != len(manifest["files"]):
                raise PackageError(_("The manifest lists the same file twice."))
            _check_names(list(listed))
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
            raise PackageError(
                _("{path} is not a readable evidence package (no valid manifest).").format(
                    path=path
                )
            ) from exc
        fingerprint = _signature(archive, body, manifest)
        problems = []
        if not fingerprint:
            problems.append(
                _(
                    "This package is not signed (made by an older version): matching hashes "
                    "only show the files agree with a list anyone could have rewritten."
                )
            )
        present = set(names)
        checks = []
        for name, entry in listed.items():
            expected = str(entry.get("sha256", ""))
            if name not in present:
                checks.append(FileCheck(name, "missing", expected))
                continue
            try:
                actual = _hash_member(archive, name)
                size_ok = archive.getinfo(name).file_size == int(entry.get("size", -1))
            except (zipfile.BadZipFile, OSError, PackageError, ValueError, TypeError):
                actual, size_ok = "", False
            status = "good" if actual == expected and size_ok else "changed"
            checks.append(FileCheck(name, status, expected, actual))
        for name in sorted(present - set(listed) - {MANIFEST, SIGNATURE}):
            checks.append(FileCheck(name, "extra"))
        record = manifest.get("record", {})
        return VerifyResult(
            checks,
            str(manifest.get("exported_at", "")),
            str(record.get("id", "")),
            fingerprint,
            problems,
        )
    finally:
        source.close()
