"""Reading text and CSV files made by other programs: any common encoding, a clear error."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Sequence
from pathlib import Path

from toolkit.directory.encodings import decode
from toolkit.directory.errors import ImportFileError
from toolkit.i18n import _

# Warnings about how files were decoded, since the last ``take_notes()``: the directory passes
# them on to the person after an import.
_notes: list[str] = []
MAX_BYTES = 200 * 1024 * 1024


def take_notes() -> list[str]:
    notes = list(dict.fromkeys(_notes))
    _notes.clear()
    return notes


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    try:
        if path.stat().st_size > max_bytes:
            raise ImportFileError(
                _("{file} is too large to import (more than {size} MB).").format(
                    file=path.name, size=max_bytes // (1024 * 1024)
                )
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("Could not read {file}: {reason}").format(file=path, reason=exc.strerror or exc)
        ) from exc
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not utf16 and b"\x00" in data[:4096]:
        raise ImportFileError(_("{file} is not a text file.").format(file=path.name))
    text, note = decode(data, path.name)
    if note:
        _notes.append(note)
    return text


def header_key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_csv(path: Path, required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {normalized column: value}); names the first missing column."""
    text = read_text(path)
    lines = text.splitlines()
    first = lines[0] if lines else ""
    # Spreadsheets in many locales save with semicolons.
    # Excel's "Unicode text" is tab-separated.
    delimiter = max((",", ";", "\t"), key=first.count) if first else ","
    try:
        reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
        header = [header_key(name) for name in next(reader, [])]
        for column in required:
            if column not in header:
                raise ImportFileError(
                    _("{file} has no column named \u201c{column}\u201d (columns: {found}).").format(
                        file=path.name,
                        column=column,
                        found=", ".join(h for h in header if h) or "-",
                    )
                )
        rows = []
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            padded = values + [""] * (len(header) - len(values))
            rows.append((reader.line_num, dict(zip(header, padded, strict=False))))
        return rows
    except csv.Error as exc:
        raise ImportFileError(
            _("{file} is not a readable CSV file: {reason}").format(file=path.name, reason=exc)
        ) from exc
