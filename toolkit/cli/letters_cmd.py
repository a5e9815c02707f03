"""``toolkit templates list``, ``toolkit letter`` and ``toolkit letters batch``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.directory.safe_text import safe, safe_json
from toolkit.errors import UserError
from toolkit.i18n import _, current_language

LEVEL_CHOICES = ("federal", "state", "city")
PAPERS = ("letter", "a4")


def guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The command with its error messages made safe for a terminal: they quote files."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except UserError as exc:
            raise UserError(safe(str(exc))) from exc

    return run


def register(subparsers: Any) -> None:
    templates = subparsers.add_parser("templates", help=_("list the letter templates"))
    actions = templates.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(templates)
    )
    listing = actions.add_parser("list", help=_("list the letter templates"))
    listing.add_argument("--level", choices=LEVEL_CHOICES, help=_("only this level"))
    listing.add_argument("--lang", help=_("only templates written in this language"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(func=guarded(list_templates_cmd))

    letter = subparsers.add_parser("letter", help=_("write one letter as a PDF"))
    letter.add_argument("template_id", metavar="TEMPLATE_ID")
    letter.add_argument(
        "--set",
        dest="pairs",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help=_("fill in a field, e.g. --set sender_name='Ana Ruiz'"),
    )
    letter.add_argument("--data", type=Path, help=_("a JSON file with the field values"))
    letter.add_argument("--to", dest="recipient_id", help=_("a recipient id from the directory"))
    letter.add_argument(
        "--office",
        type=int,
        default=None,
        help=_(
            "which of the recipient's offices to address (1 = first; default: the office "
            "nearest the sender)"
        ),
    )
    letter.add_argument(
        "--allow-mismatch",
        action="store_true",
        help=_(
            "print the letter even though the recipient does not represent the sender's ZIP "
            "or holds another office than the letter is written for"
        ),
    )
    _common(letter)
    target = letter.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, help=_("the PDF file to write"))
    target.add_argument("--text", action="store_true", help=_("print the letter as plain text"))
    letter.set_defaults(func=guarded(letter_cmd))

    letters = subparsers.add_parser("letters", help=_("letter-writing drives"))
    drive = letters.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(letters)
    )
    batch = drive.add_parser("batch", help=_("one letter per row of a CSV file"))
    batch.add_argument("template_id", metavar="TEMPLATE_ID")
    batch.add_argument("--csv", type=Path, required=True, help=_("the residents' CSV file"))
    batch.add_argument(
        "--out",
        type=Path,
        required=True,
        help=_("one combined PDF (FILE.pdf) or a folder for one PDF per letter"),
    )
    batch.add_argument("--envelopes", type=Path, help=_("also write #10 envelopes to this PDF"))
    batch.add_argument("--labels", type=Path, help=_("also write address labels to this PDF"))
    batch.add_argument(
        "--summary",
        type=Path,
        help=_(
            "also write a CSV for the organizer: row, sender, recipient, office, pages, problems"
        ),
    )
    batch.add_argument(
        "--to",
        dest="recipient_id",
        help=_("the recipient for rows that name none (a directory id)"),
    )
    _common(batch)
    batch.set_defaults(func=guarded(batch_cmd))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", help=_("the letter's language (en or es)"))
    parser.add_argument("--paper", choices=PAPERS, help=_("paper size (default: the settings)"))
    parser.add_argument("--date", help=_("the date printed on the letter, as YYYY-MM-DD"))


def _warn(message: str) -> None:
    print(f"toolkit: warning: {safe(message)}", file=sys.stderr)


def _template_json(meta: Any, language: str) -> dict[str, Any]:
    from toolkit.letters.fields import template_fields

    return {
        "id": meta.id,
        "level": meta.level,
        "recipient_kind": meta.recipient_kind,
        "title": meta.title_in(language),
        "summary": meta.summary_in(language),
        "status_note": meta.status_in(language),
        "facts_checked": meta.facts_checked,
        "wording_reviewed": meta.dates.wording_reviewed.isoformat(),
        "recheck_by": meta.dates.recheck_by.isoformat(),
        "may_be_out_of_date": meta.dates.is_stale(),
        "languages": list(meta.languages),
        "content_pack": meta.content_pack,
        "content_origin": meta.content_origin(),
        "bills": [{"number": b.number, "title": b.title, "chamber": b.chamber} for b in meta.bills],
        "fields": [
            {
                "name": f.name,
                "label": f.label,
                "required": f.required,
                "max_length": f.max_length,
                "multiline": f.multiline,
            }
            for f in template_fields(meta, language)
        ],
    }


def list_templates_cmd(args: argparse.Namespace) -> int:
    from toolkit.letters.catalog import list_templates

    language = args.lang or current_language()
    found = list_templates(args.level, args.lang)
    if args.json:
        print(
            safe_json(
                json.dumps(
                    [_template_json(m, language) for m in found], indent=2, ensure_ascii=False
                )
            )
        )
        return 0
    if not found:
        print(_("No templates match."))
    for meta in found:
        bills = ", ".join(b.number for b in meta.bills)
        print(
            f"{meta.id:<28} {meta.level:<8} {meta.title_in(language)}"
            + (f"  [{bills}]" if bills else "")
            + f"  ({meta.content_origin()})"
        )
    return 0


def _day(raw: str | None) -> dt.date:
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise UserError(
            _("--date must look like 2026-11-25, not {value}").format(value=raw)
        ) from None


def _paper(raw: str | None) -> str:
    if raw:
        return str(raw)
    from toolkit import settings

    return settings.load().settings.paper


def _language(meta: Any, raw: str | None) -> str:
    from toolkit.letters.catalog import check_language

    if raw:
        return check_language(meta, raw)
    preferred = current_language()
    return preferred if preferred in meta.languages else meta.languages[0]


def _values(args: argparse.Namespace, meta: Any) -> dict[str, str]:
    from toolkit.letters.drive_csv import RECIPIENT_COLUMNS
    from toolkit.letters.fields import unknown_fields

    values: dict[str, str] = {}
    if args.data is not None:
        values.update(_read_json(args.data))
    for pair in args.pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise UserError(_("--set needs FIELD=VALUE, not {pair!r}").format(pair=pair))
        values[name.strip()] = value
    unknown = [n for n in unknown_fields(meta, list(values)) if n not in RECIPIENT_COLUMNS]
    if unknown:
        raise UserError(
            _("Unknown field(s) for template '{id}': {names}").format(
                id=meta.id, names=", ".join(unknown)
            )
        )
    return values


def _read_json(path: Path) -> dict[str, str]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserError(
            _("Could not read {file}: {reason}").format(file=path, reason=exc.strerror or exc)
        ) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(
            _("{file} is not valid JSON: {reason}").format(file=path, reason=exc)
        ) from exc
    if not isinstance(raw, dict):
        raise UserError(
            _("{file} must hold one JSON object of field names and values.").format(file=path)
        )
    return {str(k): "" if v is None else str(v) for k, v in raw.items()}


def _warn_if_stale(meta: Any) -> None:
    """Past its re-check date a template's facts may have changed: say so (never in the letter)."""
    from toolkit import settings
    from toolkit.content_dates import stale_warning

    current = settings.load().settings
    warning = stale_warning(meta.dates, current_language(), current.org_name, current.hotline)
    if warning:
        _warn(warning)


def letter_cmd(args: argparse.Namespace) -> int:
    from toolkit.atomic import write_atomic
    from toolkit.letters.catalog import get_template
    from toolkit.letters.compose import compose, copy_text
    from toolkit.letters.constituency import directory_places, recipient_problems
    from toolkit.letters.fields import validate_fields
    from toolkit.letters.letter_pdf import render_letter, too_long_warning
    from toolkit.letters.recipients import directory_lookup, recipient_from_values

    meta = get_template(args.template_id)
    language = _language(meta, args.lang)
    values = _values(args, meta)
    if args.recipient_id:
        values["recipient_id"] = args.recipient_id
    validate_fields(meta, values)
    recipient = recipient_from_values(values, meta.recipient_kind, directory_lookup())
    mismatches, notes = recipient_problems(meta.level, values, recipient, directory_places())
    if mismatches and not args.allow_mismatch:
        raise UserError(
            _("Not written: {problems}. To write it anyway, add --allow-mismatch.").format(
                problems="; ".join(mismatches)
            )
        )
    for note in [*mismatches, *notes]:
        _warn(note)
    letter = compose(
        meta,
        values,
        recipient,
        language,
        _day(args.date),
        None if args.office is None else args.office - 1,
    )
    _warn_if_stale(meta)
    for warning in letter.warnings:
        _warn(warning)
    if args.text:
        print(safe(copy_text(letter), keep_newlines=True), end="")
        return 0
    rendered = render_letter(letter, _paper(args.paper))
    for note in rendered.warnings[0]:
        _warn(note)
    if rendered.page_count > 1:
        _warn(too_long_warning(rendered.page_count))
    write_atomic(args.out, rendered.pdf)
    print(_("Wrote {path}").format(path=args.out))
    return 0


def batch_cmd(args: argparse.Namespace) -> int:
    from toolkit.letters.catalog import get_template
    from toolkit.letters.drive import plan_drive, write_drive
    from toolkit.letters.recipients import RecipientError, directory_lookup

    meta = get_template(args.template_id)
    language = _language(meta, args.lang)
    lookup = directory_lookup()
    default = None
    if args.recipient_id:
        default = lookup(args.recipient_id)
        if default is None:
            raise RecipientError(
                _("Unknown recipient '{id}': it is not in the directory.").format(
                    id=args.recipient_id
                )
            )
    plan = plan_drive(meta, args.csv, language, default, lookup, _day(args.date))
    _warn_if_stale(meta)
    for file_note in plan.file_notes:
        _warn(file_note)
    for problem in plan.problems:
        print(safe(_("skipped: {problem}").format(problem=problem.line())), file=sys.stderr)
    for note in plan.notes:
        _warn(note.line())
    if plan.identical_warning():
        _warn(plan.identical_warning())
    output = write_drive(
        plan,
        args.out,
        _paper(args.paper),
        args.envelopes,
        args.labels,
        summary=args.summary,
    )
    for warning in output.warnings:
        _warn(warning.line())
    print(
        _("Letters: {letters}. Pages: {pages}. Rows skipped: {bad}.").format(
            letters=output.letters, pages=output.pages, bad=len({p.row for p in plan.problems})
        )
    )
    for label, count in plan.counts():
        print(safe(f"  {count:>5}  {label}"))
    for path in output.files:
        print(safe(_("Wrote {path}").format(path=path)))
    return 0
