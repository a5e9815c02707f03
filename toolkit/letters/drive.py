"""Letter-writing drives: many residents' letters from one CSV, ordered by recipient.

Bad rows are reported by row number and skipped; every good row still gets its letter.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.atomic import write_atomic
from toolkit.directory.model import Recipient
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.letters.catalog import TemplateMeta, check_language
from toolkit.letters.compose import Letter, compose
from toolkit.letters.drive_csv import read_drive_csv
from toolkit.letters.fields import FieldError, validate_fields
from toolkit.letters.letter_pdf import (
    CancelledError,
    RenderedLetters,
    render_letter,
    render_letters,
    too_long_warning,
)
from toolkit.letters.mailing import envelopes_pdf, labels_pdf
from toolkit.letters.recipients import Lookup, directory_lookup, recipient_from_values

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str

    def line(self) -> str:
        return _("Row {row}: {reason}").format(row=self.row, reason=self.reason)


@dataclass
class DrivePlan:
    """The drive's good letters, in bundling order, with the row each came from."""

    letters: list[Letter] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    def counts(self) -> list[tuple[str, int]]:
        """(recipient, letters) in the order the letters are printed."""
        counted = Counter(letter.recipient_label for letter in self.letters)
        seen: dict[str, int] = {}
        for letter in self.letters:
            seen.setdefault(letter.recipient_label, counted[letter.recipient_label])
        return list(seen.items())


@dataclass
class DriveOutput:
    files: list[Path]
    letters: int
    pages: int
    warnings: list[RowProblem]


def _row_letter(
    meta: TemplateMeta,
    values: dict[str, str],
    language: str,
    lookup: Lookup,
    default: Recipient | None,
    day: dt.date,
) -> Letter:
    problems: dict[str, str] = {}
    try:
        validate_fields(meta, values)
    except FieldError as exc:
        problems.update(exc.problems)
    try:
        recipient = recipient_from_values(values, meta.recipient_kind, lookup, default)
    except UserError as exc:
        problems["recipient"] = str(exc)
    if problems:
        raise FieldError(problems)
    return compose(meta, values, recipient, language, day)


def plan_drive(
    meta: TemplateMeta,
    csv_path: Path,
    language: str = "en",
    default_recipient: Recipient | None = None,
    lookup: Lookup | None = None,
    day: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DrivePlan:
    """Compose a letter for every good row; rows with problems are listed, not fatal."""
    check_language(meta, language)
    rows = read_drive_csv(csv_path, meta)
    lookup = lookup or directory_lookup()
    day = day or dt.date.today()
    composed: list[tuple[Letter, int]] = []
    plan = DrivePlan()
    for index, row in enumerate(rows):
        if cancelled is not None and cancelled():
            raise CancelledError
        try:
            composed.append(
                (
                    _row_letter(meta, row.values, language, lookup, default_recipient, day),
                    row.number,
                )
            )
        except FieldError as exc:
            plan.problems.append(RowProblem(row.number, str(exc)))
        except UserError as exc:
            plan.problems.append(RowProblem(row.number, str(exc)))
        if progress is not None:
            progress(index + 1, len(rows))
    composed.sort(key=lambda pair: (pair[0].recipient_key, pair[1]))
    plan.letters = [letter for letter, _row in composed]
    plan.rows = [row for _letter, row in composed]
    return plan


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:40] or "letter"


def _page_warnings(plan: DrivePlan, rendered: RenderedLetters) -> list[RowProblem]:
    warnings = []
    for row, pages, notes in zip(plan.rows, rendered.pages, rendered.warnings, strict=True):
        if pages > 1:
            warnings.append(RowProblem(row, too_long_warning(pages)))
        warnings.extend(RowProblem(row, note) for note in notes)
    return warnings


def _write_folder(
    plan: DrivePlan,
    folder: Path,
    paper: str,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[list[Path], int, list[RowProblem]]:
    files, pages, warnings = [], 0, []
    total = len(plan.letters)
    for index, (letter, row) in enumerate(zip(plan.letters, plan.rows, strict=True)):
        if cancelled is not None and cancelled():
            raise CancelledError
        rendered = render_letter(letter, paper)
        name = f"{index + 1:04d}-{_slug(letter.recipient_label)}-row{row}.pdf"
        write_atomic(folder / name, rendered.pdf)
        files.append(folder / name)
        pages += rendered.page_count
        single = DrivePlan([letter], [row])
        warnings.extend(_page_warnings(single, rendered))
        if progress is not None:
            progress(index + 1, total)
    return files, pages, warnings


def write_drive(
    plan: DrivePlan,
    out: Path,
    paper: str = "letter",
    envelopes: Path | None = None,
    labels: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DriveOutput:
    """One combined PDF (``out`` ends in .pdf) or one PDF per letter in the folder ``out``."""
    if not plan.letters:
        raise UserError(_("No letters to print: every row has a problem."))
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        rendered = render_letters(plan.letters, paper, _("Letters"), progress, cancelled)
        write_atomic(out, rendered.pdf)
        files, pages, warnings = [out], rendered.page_count, _page_warnings(plan, rendered)
    else:
        if out.exists() and not out.is_dir():
            raise UserError(_("{path} is not a folder.").format(path=out))
        files, pages, warnings = _write_folder(plan, out, paper, progress, cancelled)
    if envelopes is not None:
        write_atomic(Path(envelopes), envelopes_pdf(plan.letters))
        files.append(Path(envelopes))
    if labels is not None:
        write_atomic(Path(labels), labels_pdf(plan.letters, paper))
        files.append(Path(labels))
    return DriveOutput(files, len(plan.letters), pages, warnings)
