"""Reading a letter-writing drive's spreadsheet: one row per resident, checked column by column."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from toolkit.directory.encodings import decode as decode_bytes
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.letters.catalog import TemplateMeta

# Short spreadsheet headings and the letter fields they fill.
COLUMN_ALIASES = {
    "name": "sender_name",
    "street": "sender_street",
    "address": "sender_street",
    "city": "sender_city",
    "state": "sender_state",
    "zip": "sender_zip",
    "zip_code": "sender_zip",
}
REQUIRED_COLUMNS = ("name", "street", "city", "state", "zip", "story")
RECIPIENT_COLUMNS = ("recipient_id", "recipient_name", "recipient_title", "recipient_address")
# personal_line: a sentence of the writer's own; allow_mismatch: "yes" sends a letter to someone
# who does not represent the writer (or for another office) after all.
OPTIONAL_COLUMNS = ("personal_line", "allow_mismatch")
MAX_BYTES = 50 * 1024 * 1024


class DriveFileError(UserError):
    """The drive's file cannot be used at all; the message names the file and what is wrong."""


@dataclass(frozen=True)
class CsvRow:
    number: int  # as a spreadsheet shows it: the heading is row 1
    values: dict[str, str]


def decode(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, warning): UTF-8 strictly; else UTF-16, Shift-JIS or Windows/Latin-1, named."""
    return decode_bytes(data, name or _("The file"))


def canonical(heading: str) -> str:
    key = "_".join(heading.replace("\ufeff", "").strip().lower().replace("-", " ").split())
    return COLUMN_ALIASES.get(key, key)


def _read_text(path: Path, notes: list[str] | None = None) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DriveFileError(_("{file} is too large for a drive.").format(file=path))
        text, note = decode(path.read_bytes(), path.name)
        if note and notes is not None:
            notes.append(note)
        return text
    except OSError as exc:
        raise DriveFileError(
            _("Could not read {file}: {reason}").format(file=path, reason=exc.strerror or exc)
        ) from exc


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def check_columns(path: Path, headings: list[str], meta: TemplateMeta) -> list[str]:
    """Canonical column names, or DriveFileError naming the missing and the unknown ones."""
    columns = [canonical(h) for h in headings]
    declared = {f.name for f in meta.fields}
    known = {*COLUMN_ALIASES.values(), "story", *RECIPIENT_COLUMNS, *OPTIONAL_COLUMNS, *declared}
    required = [COLUMN_ALIASES.get(c, c) for c in REQUIRED_COLUMNS]
    required += [f.name for f in meta.fields if f.required]
    missing = [c for c in required if c not in columns]
    unknown = [h for h, c in zip(headings, columns, strict=True) if c not in known and h.strip()]
    if missing or unknown:
        parts = []
        if missing:
            parts.append(_("missing columns: {names}").format(names=", ".join(missing)))
        if unknown:
            parts.append(_("unknown columns: {names}").format(names=", ".join(unknown)))
        expected = ", ".join(
            [*REQUIRED_COLUMNS, *sorted(declared), *RECIPIENT_COLUMNS, *OPTIONAL_COLUMNS]
        )
        raise DriveFileError(
            _("{file}: {problems}. The columns can be: {expected}").format(
                file=path.name, problems="; ".join(parts), expected=expected
            )
        )
    return columns


def read_drive_csv(path: Path, meta: TemplateMeta, notes: list[str] | None = None) -> list[CsvRow]:
    """Every non-empty row of the drive's CSV, with values keyed by letter field name; how the
    file was decoded, when it was not UTF-8, is added to ``notes``."""
    text = _read_text(Path(path), notes)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:4096]))
    try:
        headings = next(reader)
    except StopIteration:
        raise DriveFileError(_("{file} is empty.").format(file=Path(path).name)) from None
    except csv.Error as exc:
        raise DriveFileError(
            _("{file} is not a readable CSV file: {reason}").format(
                file=Path(path).name, reason=exc
            )
        ) from exc
    columns = check_columns(Path(path), headings, meta)
    rows = []
    try:
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            padded = cells + [""] * (len(columns) - len(cells))
            rows.append(CsvRow(number, dict(zip(columns, padded, strict=False))))
    except csv.Error as exc:
        raise DriveFileError(
            _("{file} is not a readable CSV file: {reason}").format(
                file=Path(path).name, reason=exc
            )
        ) from exc
    return rows
