"""The local address book: city councils and anyone else a center writes to."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from toolkit.digits import western_digits
from toolkit.directory import model
from toolkit.directory.errors import DirectoryError, ImportFileError
from toolkit.directory.model import Office, Recipient
from toolkit.directory.states import is_state_code
from toolkit.directory.textfile import read_csv
from toolkit.i18n import N_, _

ID_PREFIX = "book-"
SOURCE_LABEL = "address book"
CSV_COLUMNS = ("name", "title", "organization", "address")
EXPORT_COLUMNS = (*CSV_COLUMNS, "kind", "city", "state", "source", "verified_on")
# A contact checked more than a year ago may have moved or left office.
STALE_AFTER_DAYS = 365
MAX_LENGTHS = {
    "name": 200,
    "title": 100,
    "organization": 200,
    "address": 600,
    "city": 100,
    "state": 2,
    "source": 200,
}
MAX_ADDRESS_LINES = 6
# Words a person may write in the "kind" column, besides the kind names themselves.
KIND_WORDS = {
    "council": model.CITY_COUNCIL,
    "city council": model.CITY_COUNCIL,
    "councilmember": model.CITY_COUNCIL,
    "city": model.CITY_COUNCIL,
    "senator": model.US_SENATOR,
    "representative": model.US_REPRESENTATIVE,
    "state senator": model.STATE_UPPER,
    "state representative": model.STATE_LOWER,
}
FIELD_LABELS = {
    "name": N_("name"),
    "title": N_("title"),
    "organization": N_("organization"),
    "address": N_("address"),
    "city": N_("city"),
    "state": N_("state"),
    "source": N_("source"),
}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "m.d.", "md", "phd", "ph.d.", "esq."}


@dataclass(frozen=True)
class BookEntry:
    """What a person types for a contact; ``address`` holds one line per line of the envelope."""

    name: str
    title: str = ""
    organization: str = ""
    address: str = ""
    kind: str = ""  # "" lets the entry guess: a council title or organization means city council
    city: str = ""
    state: str = ""
    source: str = ""  # where the address came from: "City clerk's website", "phone call"
    verified_on: str = ""  # YYYY-MM-DD, the day someone last checked it


def parse_kind(raw: str) -> str:
    word = " ".join(raw.strip().lower().replace("_", " ").split())
    if not word:
        return ""
    if word.replace(" ", "_") in model.KINDS:
        return word.replace(" ", "_")
    if word in KIND_WORDS:
        return KIND_WORDS[word]
    raise DirectoryError(
        _("Unknown kind {kind!r}: use one of {kinds}.").format(
            kind=raw, kinds=", ".join(model.KINDS)
        )
    )


def last_name(name: str) -> str:
    words = [w.strip(",") for w in name.split()]
    while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
        words.pop()
    return words[-1] if words else ""


# "121 N LaSalle St, Room 107, Chicago, IL 60602" typed on one line: the city line is split off.
_CITY_LINE = re.compile(r",\s*(?P<city>[^,]+,?\s+[A-Z]{2},?\s+\d{5}(?:-\d{4})?)\s*$")


def address_lines(address: str) -> tuple[str, ...]:
    """One line per envelope line: newlines, or " | " where a spreadsheet cell has one line."""
    raw = address.replace("\r", "\n").replace("|", "\n").split("\n")
    lines = [line.strip() for line in raw if line.strip()]
    if len(lines) == 1 and (match := _CITY_LINE.search(lines[0])):
        lines = [lines[0][: match.start()].strip(), match["city"].strip()]
    return tuple(lines)


def clean_entry(entry: BookEntry) -> BookEntry:
    """The entry with spaces trimmed and its kind decided; raises naming the first bad field."""
    values = {name: " ".join(str(getattr(entry, name)).split()) for name in MAX_LENGTHS}
    values["address"] = "\n".join(address_lines(entry.address))
    values["state"] = values["state"].upper()
    if not values["name"]:
        raise DirectoryError(_("The name is required."))
    if values["state"] and not is_state_code(values["state"]):
        raise DirectoryError(
            _("The state must be a two-letter code such as IL, not {state!r}.").format(
                state=values["state"]
            )
        )
    for field_name, limit in MAX_LENGTHS.items():
        if len(values[field_name]) > limit:
            raise DirectoryError(
                _("The {field} is too long: at most {limit} characters.").format(
                    field=_(FIELD_LABELS[field_name]), limit=limit
                )
            )
    if len(address_lines(values["address"])) > MAX_ADDRESS_LINES:
        raise DirectoryError(
            _("The address has too many lines: at most {limit}.").format(limit=MAX_ADDRESS_LINES)
        )
    values["verified_on"] = clean_date(entry.verified_on)
    kind = parse_kind(entry.kind)
    if not kind:
        words = f"{values['title']} {values['organization']}".lower()
        kind = model.CITY_COUNCIL if "council" in words else model.OTHER
    return replace(entry, kind=kind, **values)


def clean_date(raw: str) -> str:
    """A "verified on" date as YYYY-MM-DD ("" when none); raises if it is no real date."""
    text = western_digits(raw.strip())
    if not text:
        return ""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise DirectoryError(
            _("The \u201cverified on\u201d date must be written YYYY-MM-DD, not {date!r}.").format(
                date=raw
            )
        ) from exc


def is_stale(entry: BookEntry, today: date) -> bool:
    """True when the contact was last checked more than a year before ``today``."""
    if not entry.verified_on:
        return False
    return (today - date.fromisoformat(entry.verified_on)).days > STALE_AFTER_DAYS


def provenance_lines(entry: BookEntry, today: date) -> list[str]:
    """Where the contact came from and when it was checked, for lists a person chooses from."""
    lines = []
    if entry.source:
        lines.append(_("Source: {source}").format(source=entry.source))
    if not entry.verified_on:
        lines.append(_("Not verified yet: check the address before writing."))
    elif is_stale(entry, today):
        lines.append(
            "\u26a0 "
            + _(
                "Verified on {date}, more than a year ago: check this contact again before writing."
            ).format(date=entry.verified_on)
        )
    else:
        lines.append(_("Verified on {date}").format(date=entry.verified_on))
    return lines


def to_recipient(number: int, entry: BookEntry) -> Recipient:
    lines = address_lines(entry.address)
    office = Office(label=entry.organization or "Address", lines=lines)
    return Recipient(
        id=f"{ID_PREFIX}{number}",
        kind=entry.kind,
        full_name=entry.name,
        last_name=last_name(entry.name),
        title=entry.title,
        chamber="council" if entry.kind == model.CITY_COUNCIL else "",
        state=entry.state,
        party="",
        offices=(office,) if lines else (),
        source=SOURCE_LABEL,
        organization=entry.organization,
    )


def book_number(recipient_id: str) -> int | None:
    rest = recipient_id[len(ID_PREFIX) :] if recipient_id.startswith(ID_PREFIX) else ""
    return int(rest) if rest.isdigit() else None


def parse_book_csv(path: Path) -> list[BookEntry]:
    """Every row of an address-book CSV, checked; a bad row stops the import and is named."""
    entries = []
    for line, row in read_csv(path, CSV_COLUMNS):
        raw = BookEntry(
            name=row["name"],
            title=row["title"],
            organization=row["organization"],
            address=row["address"],
            kind=row.get("kind", ""),
            city=row.get("city", ""),
            state=row.get("state", ""),
            source=row.get("source", ""),
            verified_on=row.get("verified_on", ""),
        )
        try:
            entries.append(clean_entry(raw))
        except DirectoryError as exc:
            raise ImportFileError(
                _("{file}, line {line}: {reason}").format(file=path.name, line=line, reason=exc)
            ) from exc
    if not entries:
        raise ImportFileError(_("{file} has no rows.").format(file=path.name))
    return entries


def book_csv_text(entries: list[BookEntry]) -> str:
    """The contacts as CSV that ``parse_book_csv`` reads back: multi-line addresses quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for entry in entries:
        writer.writerow([getattr(entry, column) for column in EXPORT_COLUMNS])
    return out.getvalue()
