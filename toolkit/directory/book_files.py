"""Address-book files: import a CSV or vCard file, export the contacts as either."""

from __future__ import annotations

from pathlib import Path

from toolkit.directory import addressbook, vcard
from toolkit.directory.addressbook import BookEntry
from toolkit.directory.errors import DirectoryError, ImportFileError
from toolkit.directory.textfile import read_text
from toolkit.i18n import _

CSV = "csv"
VCARD = "vcard"
FORMATS = (CSV, VCARD)
VCARD_SUFFIXES = (".vcf", ".vcard")


def is_vcard(path: Path, text: str) -> bool:
    return path.suffix.lower() in VCARD_SUFFIXES or text.lstrip("\ufeff \r\n").upper().startswith(
        "BEGIN:VCARD"
    )


def parse_book_file(path: Path) -> list[BookEntry]:
    """Every contact in a CSV or vCard file, checked; a bad one stops the import and is named."""
    path = Path(path)
    text = read_text(path)
    if not is_vcard(path, text):
        return addressbook.parse_book_csv(path)
    entries = []
    for line, raw in vcard.parse_vcard(text, path.name):
        try:
            entries.append(addressbook.clean_entry(raw))
        except DirectoryError as exc:
            raise ImportFileError(
                _("{file}, contact at line {line}: {reason}").format(
                    file=path.name, line=line, reason=exc
                )
            ) from exc
    if not entries:
        raise ImportFileError(_("{file} has no contacts.").format(file=path.name))
    return entries


def export_bytes(entries: list[BookEntry], file_format: str) -> bytes:
    """The file's bytes: CSV in UTF-8 with a byte-order mark (so spreadsheets read the accents
    right), vCard 4.0 in plain UTF-8 as RFC 6350 asks."""
    if file_format == CSV:
        return addressbook.book_csv_text(entries).encode("utf-8-sig")
    if file_format == VCARD:
        return vcard.vcard_text(entries).encode("utf-8")
    raise DirectoryError(
        _("Unknown format {format!r}: use csv or vcard.").format(format=file_format)
    )
