"""The evidence package: untouched originals, a JSON manifest with hashes, and the report.

Written only to the path the person chose (through a ``.part`` file beside it, so a crash
never leaves a half package under the real name). With a passphrase the zip is sealed into a
``.tkpkg`` file (see ``sealed_stream``). ``verify_package`` re-checks every hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

from toolkit import __version__
from toolkit.i18n import _
from toolkit.incidents import attachments as att
from toolkit.incidents.record import now_utc
from toolkit.incidents.report_pdf import build_report
from toolkit.incidents.sealed_stream import MAGIC, OpeningReader, PackageError, SealingWriter
from toolkit.incidents.vault import Vault

FORMAT = "rights-toolkit-evidence/1"
MANIFEST = "manifest.json"
REPORT = "report.pdf"
READ_SIZE = 1024 * 1024


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

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.status == "good" for c in self.checks)


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name).strip(" .") or "file"
    return cleaned[:120]


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
    files = att.attachments(vault, record.id)
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
                report = build_report(record, files, paper=paper, language=language)
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
                archive.writestr(
                    MANIFEST,
                    json.dumps(manifest, indent=2, ensure_ascii=False),
                    compress_type=zipfile.ZIP_DEFLATED,
                )
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


def verify_package(path: Path, passphrase: str | None = None) -> VerifyResult:
    """Check every file listed in the manifest against its SHA-256."""
    path = Path(path)
    if not path.is_file():
        raise PackageError(_("The package {path} was not found.").format(path=path))
    source = _open_source(path, passphrase)
    try:
        try:
            archive = zipfile.ZipFile(source)
            manifest = json.loads(archive.read(MANIFEST))
            listed = {str(entry["path"]): entry for entry in manifest["files"]}
        except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
            raise PackageError(
                _("{path} is not a readable evidence package (no valid manifest).").format(
                    path=path
                )
            ) from exc
        names = set(archive.namelist())
        checks = []
        for name, entry in listed.items():
            expected = str(entry.get("sha256", ""))
            if name not in names:
                checks.append(FileCheck(name, "missing", expected))
                continue
            try:
                actual = _hash_member(archive, name)
            except (zipfile.BadZipFile, OSError, PackageError):
                actual = ""
            status = "good" if actual == expected else "changed"
            checks.append(FileCheck(name, status, expected, actual))
        for name in sorted(names - set(listed) - {MANIFEST}):
            checks.append(FileCheck(name, "extra"))
        record = manifest.get("record", {})
        return VerifyResult(checks, str(manifest.get("exported_at", "")), str(record.get("id", "")))
    finally:
        source.close()
