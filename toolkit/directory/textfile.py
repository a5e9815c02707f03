"""Reading text and CSV files made by other programs: any common encoding, a clear error."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from toolkit.directory.errors import ImportFileError
from toolkit.i18n import _

# Excel on Windows saves "CSV" as cp1252; Latin-1 decodes any byte, so it is the last resort.
FALLBACK_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            _("Could not read {file}: {reason}").format(file=path, reason=exc.strerror or exc)
        ) from exc
    if b"\x00" in data[:4096]:
        raise ImportFileError(_("{file} is not a text file.").format(file=path.name))
    for encoding in FALLBACK_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def header_key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def read_csv(path: Path, required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number, {normalized column: value}); names the first missing column."""
    text = read_text(path)
    lines = text.splitlines()
    first = lines[0] if lines else ""
    # Spreadsheets in many locales save with semicolons.
    delimiter = ";" if first.count(";") > first.count(",") else ","
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
