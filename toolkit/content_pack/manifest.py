"""The pack's manifest: format, version, date, the version it replaces, the app versions it is
for, and every file with its size and SHA-256. Read only after its signature checked out."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from toolkit.content_pack import rules
from toolkit.content_pack.rules import PackError
from toolkit.i18n import _

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
KEYS = {"format", "version", "date", "previous", "app_versions", "files", "note"}


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    version: str
    date: dt.date
    previous: str | None
    app_versions: tuple[str, ...]
    files: tuple[FileEntry, ...]
    note: str = ""

    def to_json(self) -> bytes:
        data: dict[str, Any] = {
            "format": rules.FORMAT,
            "version": self.version,
            "date": self.date.isoformat(),
            "previous": self.previous,
            "app_versions": list(self.app_versions),
            "note": self.note,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _bad(problem: str) -> PackError:
    return PackError(_("The pack's manifest is not valid: {problem}").format(problem=problem))


def _entry(raw: Any) -> FileEntry:
    if not isinstance(raw, dict) or set(raw) != {"path", "sha256", "size"}:
        raise _bad(_("each file needs exactly a path, a sha256 and a size."))
    path = rules.check_path(raw["path"])
    digest, size = raw["sha256"], raw["size"]
    if not isinstance(digest, str) or not _SHA256.match(digest):
        raise _bad(_("the SHA-256 of {path} is not 64 hex digits.").format(path=path))
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise _bad(_("the size of {path} is not a number of bytes.").format(path=path))
    if size > rules.MAX_ENTRY_BYTES:
        raise PackError(
            _("The file {path} in the pack is too large ({size} bytes, at most {limit}).").format(
                path=path, size=size, limit=rules.MAX_ENTRY_BYTES
            )
        )
    return FileEntry(path, digest, size)


def parse(data: bytes) -> Manifest:
    """Check the manifest field by field; any problem is a PackError saying which."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _bad(_("it is not JSON.")) from None
    if not isinstance(raw, dict):
        raise _bad(_("it is not a JSON object."))
    if raw.get("format") != rules.FORMAT:
        raise PackError(
            _("The pack has format {found}; this app reads format {known}.").format(
                found=str(raw.get("format"))[:20], known=rules.FORMAT
            )
        )
    unknown = sorted(set(raw) - KEYS)
    if unknown:
        raise _bad(_("unknown field {field}.").format(field=", ".join(unknown)[:80]))
    version = raw.get("version")
    rules.parse_version(version)
    previous = raw.get("previous")
    if previous is not None:
        rules.parse_version(previous)
    try:
        date = dt.date.fromisoformat(str(raw.get("date")))
    except ValueError:
        raise _bad(_('"date" must be a date like 2026-12-01.')) from None
    apps = raw.get("app_versions")
    if not isinstance(apps, list) or not apps or not all(isinstance(a, str) for a in apps):
        raise _bad(_('"app_versions" must be a list like ["0.1"].'))
    files = raw.get("files")
    if not isinstance(files, list) or not files:
        raise _bad(_('"files" must be a list of files.'))
    if len(files) > rules.MAX_FILES:
        raise PackError(_("The pack holds too many files (at most {n}).").format(n=rules.MAX_FILES))
    entries = tuple(_entry(item) for item in files)
    folded = [e.path.casefold() for e in entries]
    if len(set(folded)) != len(folded):
        raise PackError(_("The pack lists the same file twice."))
    if sum(e.size for e in entries) > rules.MAX_TOTAL_BYTES:
        raise PackError(
            _("The pack's files are too large together (at most {limit} bytes).").format(
                limit=rules.MAX_TOTAL_BYTES
            )
        )
    note = raw.get("note", "")
    return Manifest(
        version=str(version),
        date=date,
        previous=None if previous is None else str(previous),
        app_versions=tuple(apps),
        files=entries,
        note=str(note)[:500],
    )
