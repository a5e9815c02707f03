"""Letter-writing drives: many residents' letters from one CSV, ordered by recipient.

Bad rows are reported by row number and skipped; every good row still gets its letter.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.atomic import write_atomic
from toolkit.directory import model
from toolkit.directory.model import Recipient
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.letters.catalog import TemplateMeta, check_language
from toolkit.letters.compose import Letter, compose
from toolkit.letters.constituency import (
    PlacesLookup,
    directory_places,
    is_true,
    recipient_problems,
)
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
    # Printed but worth a look: a mismatch the row accepted, a district that was not checked.
    notes: list[RowProblem] = field(default_factory=list)
    senders: dict[int, str] = field(default_factory=dict)  # row -> sender, for the summary
    identical: int = 0  # letters whose wording another letter repeats word for word
    file_notes: list[str] = field(default_factory=list)  # how the CSV was read, if not UTF-8

    def counts(self) -> list[tuple[str, int]]:
        """(recipient, letters) in the order the letters are printed."""
        counted = Counter(letter.recipient_label for letter in self.letters)
        seen: dict[str, int] = {}
        for letter in self.letters:
            seen.setdefault(letter.recipient_label, counted[letter.recipient_label])
        return list(seen.items())

    def identical_warning(self) -> str:
        total = len(self.letters)
        if self.identical < IDENTICAL_MIN or self.identical * 3 < total:
            return ""
        return _(
            "{count} of {total} letters have the same wording as another letter (no story or "
            "line of their own). Offices count identical letters as one campaign: ask each "
            "writer for a sentence of their own (the story or personal_line column)."
        ).format(count=self.identical, total=total)


@dataclass
class DriveOutput:
    files: list[Path]
    letters: int
    pages: int
    warnings: list[RowProblem]
    pages_per_letter: list[int] = field(default_factory=list)


class MismatchError(UserError):
    """The recipient does not represent the sender, or the letter is for another office."""


IDENTICAL_MIN = 5
# Printed in this order: senators, representatives, state senators, state representatives,
# councils and other local officials; within each, by office, then by row.
KIND_ORDER = {
    kind: n
    for n, kind in enumerate(
        (
            model.US_SENATOR,
            model.US_REPRESENTATIVE,
            model.STATE_UPPER,
            model.STATE_LOWER,
            model.CITY_COUNCIL,
            model.OTHER,
        )
    )
}


def _row_letter(
    meta: TemplateMeta,
    values: dict[str, str],
    language: str,
    lookup: Lookup,
    default: Recipient | None,
    day: dt.date,
    places: PlacesLookup | None,
) -> tuple[Letter, list[str]]:
    """The row's letter and its notes; FieldError or MismatchError when it must not print."""
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
    mismatches, notes = recipient_problems(meta.level, values, recipient, places)
    if mismatches and not is_true(values.get("allow_mismatch", "")):
        raise MismatchError(
            _("{problems}. Not printed: to send it anyway, put yes in allow_mismatch.").format(
                problems="; ".join(mismatches)
            )
        )
    notes = [_("sent although {problem}").format(problem=p) for p in mismatches] + notes
    return compose(meta, values, recipient, language, day), notes


def _fingerprint(values: dict[str, str]) -> str:
    words = f"{values.get('story', '')} {values.get('personal_line', '')}"
    return " ".join(words.casefold().split())


def plan_drive(
    meta: TemplateMeta,
    csv_path: Path,
    language: str = "en",
    default_recipient: Recipient | None = None,
    lookup: Lookup | None = None,
    day: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    places: PlacesLookup | None = None,
) -> DrivePlan:
    """Compose a letter for every good row; rows with problems are listed, not fatal.
    ``places`` answers which districts a ZIP lies in (default: the imported ZIP tables)."""
    check_language(meta, language)
    file_notes: list[str] = []
    rows = read_drive_csv(csv_path, meta, file_notes)
    lookup = lookup or directory_lookup()
    places = places if places is not None else directory_places()
    day = day or dt.date.today()
    composed: list[tuple[Letter, int]] = []
    plan = DrivePlan(file_notes=file_notes)
    prints: Counter[str] = Counter()
    printed: dict[int, str] = {}
    for index, row in enumerate(rows):
        if cancelled is not None and cancelled():
            raise CancelledError
        plan.senders[row.number] = _sender(row.values)
        try:
            letter, notes = _row_letter(
                meta, row.values, language, lookup, default_recipient, day, places
            )
            composed.append((letter, row.number))
            plan.notes.extend(RowProblem(row.number, note) for note in notes)
            printed[row.number] = _fingerprint(row.values)
            prints[printed[row.number]] += 1
        except UserError as exc:
            plan.problems.append(RowProblem(row.number, str(exc)))
        if progress is not None:
            progress(index + 1, len(rows))
    composed.sort(
        key=lambda pair: (KIND_ORDER.get(pair[0].recipient_kind, 9), pair[0].recipient_key, pair[1])
    )
    plan.letters = [letter for letter, _row in composed]
    plan.rows = [row for _letter, row in composed]
    plan.identical = sum(1 for row in plan.rows if prints[printed[row]] > 1)
    return plan


def _sender(values: dict[str, str]) -> str:
    name = " ".join(values.get("sender_name", "").split())
    place = " ".join(f"{values.get('sender_city', '')} {values.get('sender_state', '')}".split())
    return f"{name} ({place})" if name and place else name or place


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
) -> tuple[list[Path], list[int], list[RowProblem]]:
    files: list[Path] = []
    pages: list[int] = []
    warnings: list[RowProblem] = []
    total = len(plan.letters)
    for index, (letter, row) in enumerate(zip(plan.letters, plan.rows, strict=True)):
        if cancelled is not None and cancelled():
            raise CancelledError
        rendered = render_letter(letter, paper)
        name = f"{index + 1:04d}-{_slug(letter.recipient_label)}-row{row}.pdf"
        write_atomic(folder / name, rendered.pdf)
        files.append(folder / name)
        pages.append(rendered.page_count)
        single = DrivePlan([letter], [row])
        warnings.extend(_page_warnings(single, rendered))
        if progress is not None:
            progress(index + 1, total)
    return files, pages, warnings


class NoLettersError(UserError):
    """Every row of the drive has a problem; the message lists each one."""


def no_letters_message(plan: DrivePlan) -> str:
    lines = [_("No letters to print: every row has a problem.")]
    lines += [problem.line() for problem in plan.problems]
    return "\n".join(lines)


SUMMARY_COLUMNS = ("row", "sender", "recipient", "office", "pages", "problems")


def summary_rows(plan: DrivePlan, pages: list[int]) -> list[dict[str, str]]:
    """One line per row of the drive, in row order: what was printed for whom, or why not."""
    found: dict[int, dict[str, str]] = {}
    notes: dict[int, list[str]] = {}
    for problem in [*plan.notes]:
        notes.setdefault(problem.row, []).append(problem.reason)
    for index, (letter, row) in enumerate(zip(plan.letters, plan.rows, strict=True)):
        found[row] = {
            "row": str(row),
            "sender": plan.senders.get(row, letter.sender_name),
            "recipient": letter.recipient_label,
            "office": letter.office or (letter.mailing_address[-1:] or ("",))[0],
            "pages": str(pages[index]) if index < len(pages) else "",
            "problems": "; ".join(notes.get(row, [])),
        }
    for problem in plan.problems:
        found[problem.row] = {
            "row": str(problem.row),
            "sender": plan.senders.get(problem.row, ""),
            "recipient": "",
            "office": "",
            "pages": "0",
            "problems": _("not printed: {reason}").format(reason=problem.reason),
        }
    return [found[row] for row in sorted(found)]


def summary_csv(plan: DrivePlan, pages: list[int]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, SUMMARY_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for line in summary_rows(plan, pages):
        # A spreadsheet runs cells that start with = + - @ as formulas: keep them text.
        writer.writerow({k: ("'" + v if v[:1] in "=+-@" else v) for k, v in line.items()})
    # A byte-order mark, so that Excel opens the accents right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_drive(
    plan: DrivePlan,
    out: Path,
    paper: str = "letter",
    envelopes: Path | None = None,
    labels: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    summary: Path | None = None,
) -> DriveOutput:
    """One combined PDF (``out`` ends in .pdf) or one PDF per letter in the folder ``out``;
    one envelope and one label per letter, in the letters' order; a summary CSV for the
    organizer, also when no row could be printed."""
    if not plan.letters:
        if summary is not None:
            write_atomic(Path(summary), summary_csv(plan, []))
        raise NoLettersError(no_letters_message(plan))
    out = Path(out)
    if out.suffix.lower() == ".pdf":
        rendered = render_letters(plan.letters, paper, _("Letters"), progress, cancelled)
        write_atomic(out, rendered.pdf)
        files, pages, warnings = [out], rendered.page_count, _page_warnings(plan, rendered)
        per_letter = list(rendered.pages)
    else:
        if out.exists() and not out.is_dir():
            raise UserError(_("{path} is not a folder.").format(path=out))
        files, per_letter, warnings = _write_folder(plan, out, paper, progress, cancelled)
        pages = sum(per_letter)
    if envelopes is not None:
        write_atomic(Path(envelopes), envelopes_pdf(plan.letters))
        files.append(Path(envelopes))
    if labels is not None:
        write_atomic(Path(labels), labels_pdf(plan.letters, paper))
        files.append(Path(labels))
    if summary is not None:
        write_atomic(Path(summary), summary_csv(plan, per_letter))
        files.append(Path(summary))
    return DriveOutput(files, len(plan.letters), pages, warnings, per_letter)
