"""``toolkit directory import|find|status|book``: the representatives directory from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from toolkit import paths
from toolkit.directory import display
from toolkit.directory.addressbook import BookEntry, provenance_lines
from toolkit.directory.book_files import FORMATS
from toolkit.directory.directory import FEDERAL, STATE, Directory, SourceInfo
from toolkit.directory.model import KINDS, Recipient
from toolkit.directory.parsed import OPENSTATES, ZCCD
from toolkit.directory.safe_text import safe, safe_json
from toolkit.errors import UserError
from toolkit.i18n import _


def say(text: str = "") -> None:
    print(safe(text))


def say_json(text: str) -> None:
    print(safe_json(text))


def warn_all(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"toolkit: warning: {safe(warning)}", file=sys.stderr)


def guarded(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """The command with its error messages made safe for a terminal: they quote files."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except UserError as exc:
            raise UserError(safe(str(exc))) from exc

    return run


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "directory", help=_("import representatives data, find who represents a ZIP code")
    )
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    imp = actions.add_parser("import", help=_("import data files or folders you downloaded"))
    imp.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    imp.set_defaults(func=guarded(import_files))

    find = actions.add_parser("find", help=_("find representatives by ZIP code or by state"))
    where = find.add_mutually_exclusive_group(required=True)
    where.add_argument("--zip", help=_("a 5-digit ZIP code"))
    where.add_argument("--state", help=_("a two-letter state code, such as IL"))
    find.add_argument("--district", help=_("a district number (with --state); AL for at-large"))
    find.add_argument(
        "--level",
        choices=(FEDERAL, STATE),
        default=FEDERAL,
        help=_("federal (Congress) or state legislators"),
    )
    find.add_argument(
        "--chamber",
        choices=("upper", "lower"),
        help=_("with --level state: only the upper or lower chamber"),
    )
    find.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    find.set_defaults(func=guarded(find_recipients))

    status = actions.add_parser("status", help=_("show what is imported and how old it is"))
    status.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    status.set_defaults(func=guarded(show_status))

    book = actions.add_parser("book", help=_("the address book: city councils and others"))
    register_book(book)


def register_book(book: argparse.ArgumentParser) -> None:
    actions = book.add_subparsers(
        dest="book_action", metavar="ACTION", required=True, parser_class=type(book)
    )
    add = actions.add_parser("add", help=_("add a contact"))
    add_entry_arguments(add, required=True)
    add.set_defaults(func=guarded(book_add))
    edit = actions.add_parser("edit", help=_("change a contact (only the fields given)"))
    edit.add_argument("id", metavar="ID", help=_("the contact's id, such as book-3"))
    add_entry_arguments(edit, required=False)
    edit.set_defaults(func=guarded(book_edit))
    delete = actions.add_parser("delete", help=_("delete a contact"))
    delete.add_argument("id", metavar="ID", help=_("the contact's id, such as book-3"))
    delete.set_defaults(func=guarded(book_delete))
    listing = actions.add_parser("list", help=_("list the contacts"))
    listing.add_argument("--state", help=_("only contacts in this state"))
    listing.add_argument("--city", help=_("only contacts in this city"))
    listing.add_argument("--json", action="store_true", help=_("print JSON for scripts"))
    listing.set_defaults(func=guarded(book_list))
    imp = actions.add_parser(
        "import",
        help=_(
            "add contacts from a CSV file (name, title, organization, address; optional kind, "
            "city, state, source, verified_on) or a vCard file (.vcf)"
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(func=guarded(book_import))
    export = actions.add_parser("export", help=_("write every contact to a CSV or vCard file"))
    export.add_argument("--format", choices=FORMATS, required=True, dest="file_format")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.set_defaults(func=guarded(book_export))


def add_entry_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--name", required=required, help=_("full name"))
    parser.add_argument("--title", help=_("title, such as Councilmember"))
    parser.add_argument("--organization", help=_("such as City Council of Springfield"))
    parser.add_argument("--address", help=_("mailing address; separate lines with \\n"))
    parser.add_argument("--kind", help=_("one of: {kinds}").format(kinds=", ".join(KINDS)))
    parser.add_argument("--city", help=_("city"))
    parser.add_argument("--state", help=_("two-letter state code"))
    parser.add_argument(
        "--source", help=_("where the address comes from, such as \u201cCity clerk's website\u201d")
    )
    parser.add_argument(
        "--verified-on",
        dest="verified_on",
        metavar="YYYY-MM-DD",
        help=_("the day you checked the address (\u201ctoday\u201d for today)"),
    )


def open_directory() -> Directory:
    return Directory(paths.data_dir())


def import_files(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        results = directory.import_paths(args.paths)
        warn_all(directory.warnings)
    for result in results:
        say(
            _("Imported {count} records ({source}) from {file}").format(
                count=result.count, source=result.source, file=result.file
            )
        )
    return 0


def print_recipients(directory: Directory, recipients: list[Recipient]) -> None:
    for recipient in recipients:
        say()
        say(f"{display.one_line(recipient)}  [{recipient.id}]")
        say("    " + display.first_address(recipient))
        if directory.term_ended(recipient):
            say(
                "    "
                + _("Warning: this term ended on {date}; import newer data.").format(
                    date=recipient.term_end
                )
            )


def relevant_sources(directory: Directory, args: argparse.Namespace) -> list[SourceInfo]:
    infos = directory.data_as_of()
    if args.level == STATE:
        return [i for i in infos if i.kind == OPENSTATES and i.source.endswith(args.state.lower())]
    return [i for i in infos if i.kind != OPENSTATES and (args.zip or i.kind != ZCCD)]


def find_recipients(args: argparse.Namespace) -> int:
    if args.zip and (args.district or args.level == STATE):
        raise UserError(_("--district and --level state go with --state, not with --zip."))
    with open_directory() as directory:
        if args.zip:
            return find_zip(directory, args)
        recipients = directory.find_by_state(args.state, args.district, args.level, args.chamber)
        if args.json:
            data = [display.recipient_json(r, directory.term_ended(r)) for r in recipients]
            say_json(json.dumps(data, indent=2, ensure_ascii=False))
            return 0
        if not recipients:
            raise UserError(
                _("No one found for {state} district {district}.").format(
                    state=args.state.upper(), district=args.district
                )
            )
        print_recipients(directory, recipients)
        say()
        for info in relevant_sources(directory, args):
            say(display.as_of_line(info))
    return 0


def find_zip(directory: Directory, args: argparse.Namespace) -> int:
    """Every congressional, state senate and state house candidate, with its share of the ZIP."""
    result = directory.find_all_by_zip(args.zip)
    if args.json:
        data = []
        for candidate in result.candidates:
            item = display.recipient_json(
                candidate.recipient, directory.term_ended(candidate.recipient)
            )
            item["zip_share"] = candidate.share
            item["zip_level"] = candidate.level
            data.append(item)
        say_json(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for level in ("cd", "sldu", "sldl"):
        places = result.places.get(level, [])
        if len(places) > 1:
            names = ", ".join(display.zip_place(p) for p in places)
            say(
                _(
                    "ZIP {zip} spans {count} {what} ({names}): choose the one for your street "
                    "address."
                ).format(
                    zip=result.zip, count=len(places), what=display.level_name(level), names=names
                )
            )
    for candidate in result.candidates:
        recipient = candidate.recipient
        say()
        say(f"{display.one_line(recipient)}  [{recipient.id}]")
        if candidate.share is not None:
            say("    " + display.share_line(candidate.share))
        say("    " + display.first_address(recipient))
        if directory.term_ended(recipient):
            say(
                "    "
                + _("Warning: this term ended on {date}; import newer data.").format(
                    date=recipient.term_end
                )
            )
    say()
    for place in result.unmatched:
        say(
            _("No one imported holds {place}: import that state's Open States data again.").format(
                place=display.zip_place(place)
            )
        )
    for missing in result.missing:
        say(_("{what}: not imported yet, so not listed.").format(what=missing))
    infos = [
        i
        for i in directory.data_as_of()
        if i.kind != OPENSTATES
        or any(i.source.endswith("-" + c.recipient.state.lower()) for c in result.candidates)
    ]
    for info in infos:
        say(display.as_of_line(info))
    for warning in display.redrawn_warnings(result):
        say(warning)
    return 0


def show_status(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        infos = directory.data_as_of()
        expired = directory.expired_terms()
        contacts = len(directory.book_list())
    if args.json:
        data = {
            "sources": [info.__dict__ for info in infos],
            "expired_terms": [r.id for r in expired],
            "address_book": contacts,
        }
        say_json(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    say(display.as_of_summary([]) if not infos else "\n".join(map(display.as_of_line, infos)))
    say(_("Address book: {count} contacts").format(count=contacts))
    if expired:
        say(_("Warning: {count} terms have ended; import newer data.").format(count=len(expired)))
    return 0


BOOK_FIELDS = (
    "name",
    "title",
    "organization",
    "address",
    "kind",
    "city",
    "state",
    "source",
    "verified_on",
)


def entry_from_args(args: argparse.Namespace, base: BookEntry) -> BookEntry:
    values = {name: getattr(args, name) for name in BOOK_FIELDS}
    if values["address"] is not None:
        values["address"] = values["address"].replace("\\n", "\n")
    if values["verified_on"] is not None and values["verified_on"].strip().lower() == "today":
        values["verified_on"] = date.today().isoformat()
    current = base.__dict__
    return BookEntry(**{k: v if v is not None else current[k] for k, v in values.items()})


def book_add(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        recipient = directory.book_add(entry_from_args(args, BookEntry(name="")))
    say(_("Added {name} as {id}").format(name=recipient.full_name, id=recipient.id))
    return 0


def book_edit(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        entry = entry_from_args(args, directory.book_entry(args.id))
        recipient = directory.book_edit(args.id, entry)
    say(_("Saved {name} ({id})").format(name=recipient.full_name, id=recipient.id))
    return 0


def book_delete(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        directory.book_delete(args.id)
    say(_("Deleted {id}").format(id=args.id))
    return 0


def book_list(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        contacts = directory.book_contacts(args.state, args.city)
        today = directory.today()
    if args.json:
        data = []
        for recipient, entry in contacts:
            item = display.recipient_json(recipient, False)
            item["contact_source"] = entry.source
            item["verified_on"] = entry.verified_on
            data.append(item)
        say_json(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not contacts:
        say(
            _(
                "The address book is empty: add contacts with "
                "\u201ctoolkit directory book add\u201d."
            )
        )
    for contact, entry in contacts:
        say(f"{display.one_line(contact)}  [{contact.id}]")
        if contact.organization:
            say("    " + contact.organization)
        say("    " + display.first_address(contact))
        for line in provenance_lines(entry, today):
            say("    " + line)
    return 0


def book_import(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        added = directory.book_import(args.file)
        warn_all(directory.warnings)
    say(_("Added {count} contacts from {file}").format(count=len(added), file=args.file.name))
    return 0


def book_export(args: argparse.Namespace) -> int:
    with open_directory() as directory:
        count = directory.book_export(args.out, args.file_format)
    say(_("Wrote {count} contacts to {file}").format(count=count, file=args.out))
    return 0
