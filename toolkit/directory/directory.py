"""``Directory``: import public data, find who represents a ZIP or district, keep an address book.

Everything lives in ``directory.sqlite3`` in the data folder. Each import is one transaction: a
bad file leaves what was there before untouched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from toolkit.atomic import write_atomic
from toolkit.digits import western_digits
from toolkit.directory import addressbook, book_files, districts, model, store, textfile
from toolkit.directory.addressbook import BookEntry
from toolkit.directory.detect import parse_path
from toolkit.directory.errors import (
    DatabaseError,
    DirectoryError,
    NoMatchError,
    NotImportedError,
    UnknownRecipientError,
)
from toolkit.directory.model import Recipient
from toolkit.directory.parsed import CONGRESS, OPENSTATES
from toolkit.directory.states import is_state_code
from toolkit.i18n import _

FEDERAL = "federal"
STATE = "state"
FEDERAL_KINDS = (model.US_SENATOR, model.US_REPRESENTATIVE)
STATE_KINDS = (model.STATE_UPPER, model.STATE_LOWER)
SELECT_RECIPIENTS = f"SELECT {', '.join(store.RECIPIENT_COLUMNS)} FROM recipients"
BOOK_SELECT = (
    "SELECT n, kind, name, title, organization, address, city, state, source, verified_on FROM book"
)
# Senators first, then representatives by district number.
ORDER = (
    " ORDER BY state, CASE WHEN kind IN ('us_senator', 'state_upper') THEN 0 ELSE 1 END,"
    " CAST(district AS INTEGER), district, last_name"
)


@dataclass(frozen=True)
class SourceInfo:
    """One imported source: when it was imported, and the newest date found in its data."""

    source: str  # "congress", "district-offices", "zccd", "openstates-il"
    kind: str
    file: str
    imported_at: str  # ISO date and time
    dataset_date: str  # ISO date or ""
    count: int
    vintage: str = ""  # Census tables: "cd:119", "sldu:2024"


@dataclass(frozen=True)
class ZipDistrict:
    """A district a ZIP area touches, and its share of the ZIP's land (None: not known)."""

    level: str  # "cd", "sldu", "sldl"
    state: str
    district: str
    share: float | None

    @property
    def division(self) -> str:
        return districts.division_id(self.state, self.level, self.district)


@dataclass(frozen=True)
class Candidate:
    """Someone who may represent a ZIP: the district's share of the ZIP's land, when known."""

    recipient: Recipient
    share: float | None
    level: str  # "cd", "sldu", "sldl", or "state" for a senator


@dataclass
class ZipResult:
    """What ``find_all_by_zip`` found: the candidates, the districts no one imported holds, and
    the data still to import for a complete answer."""

    zip: str
    places: dict[str, list[ZipDistrict]] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)
    unmatched: list[ZipDistrict] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportResult:
    source: str
    kind: str
    file: str
    count: int


def normalize_zip(raw: str) -> str:
    text = western_digits(raw.strip())
    zip5 = text.split("-")[0].strip()
    if len(zip5) != 5 or not zip5.isdigit():
        raise NoMatchError(
            _("{zip!r} is not a ZIP code: enter the 5 digits, such as 60601.").format(zip=raw)
        )
    return zip5


def normalize_state(raw: str) -> str:
    code = raw.strip().upper()
    if not is_state_code(code):
        raise NoMatchError(
            _("{state!r} is not a state: use the two-letter code, such as IL.").format(state=raw)
        )
    return code


def normalize_district(raw: str | int) -> str:
    text = str(raw).strip()
    if text.lower() in ("al", "at-large", "at large", "atlarge"):
        return "0"
    return str(int(text)) if text.isdigit() else text


class Directory:
    """The directory in ``data_dir``; ``today`` is injectable so tests can move the clock."""

    def __init__(self, data_dir: Path, today: Callable[[], date] = date.today) -> None:
        self.data_dir = Path(data_dir)
        self.today = today
        self._conn: sqlite3.Connection | None = None
        # Warnings of the last import: a file that was not UTF-8, and how it was read.
        self.warnings: list[str] = []

    @property
    def path(self) -> Path:
        return self.data_dir / store.FILE_NAME

    def connection(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = store.connect(self.data_dir)
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Directory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            # A full disk or a file locked by another program: nothing was changed.
            raise DatabaseError(
                _("Could not save to {path} ({reason}); nothing was changed.").format(
                    path=self.path, reason=exc
                )
            ) from exc

    # Imports

    def import_path(self, path: Path) -> list[ImportResult]:
        """Import a file or a folder of files; nothing is stored unless every file is good."""
        return self.import_paths([path])

    def import_paths(self, paths: Iterable[Path]) -> list[ImportResult]:
        today = self.today().isoformat()
        textfile.take_notes()
        # A folder's files come in name order, so legislators-current.json (the richer file)
        # is stored after legislators-current.csv and wins.
        parsed = [item for path in paths for item in parse_path(Path(path), today)]
        self.warnings = textfile.take_notes()
        stamp = datetime.now().isoformat(timespec="seconds")
        with self._transaction() as conn:
            for item in parsed:
                store.write_parsed(conn, item, stamp, _shown_name(item.path))
        return [ImportResult(p.source, p.kind, _shown_name(p.path), p.count) for p in parsed]

    def data_as_of(self) -> list[SourceInfo]:
        rows = self.connection().execute(
            "SELECT source, kind, file, imported_at, dataset_date, count, vintage FROM sources"
            " ORDER BY source"
        )
        return [SourceInfo(*row) for row in rows]

    # Lookups

    def districts_for_zip(self, zip_code: str) -> list[tuple[str, str]]:
        """(state, district) pairs the ZIP touches; raises when the ZIP is not in the table."""
        zip5 = normalize_zip(zip_code)
        if "cd" not in self.zip_levels():
            raise NotImportedError(
                _(
                    "The ZIP-to-district table is not imported yet: import zccd.csv first "
                    "(toolkit directory import zccd.csv)."
                )
            )
        places = sorted(
            self.zip_districts(zip5, "cd"),
            key=lambda p: (p.state, int(p.district) if p.district.isdigit() else 0),
        )
        if not places:
            raise NoMatchError(
                _(
                    "No district found for ZIP {zip}. PO-box ZIPs are not in the table: look up "
                    "by state and district instead."
                ).format(zip=zip5)
            )
        return [(p.state, p.district) for p in places]

    def zip_levels(self) -> set[str]:
        """Which ZIP tables are imported: "cd" (zccd.csv or the Census file), "sldu", "sldl"."""
        conn = self.connection()
        levels = {row[0] for row in conn.execute("SELECT DISTINCT level FROM zip_districts")}
        if conn.execute("SELECT 1 FROM zccd LIMIT 1").fetchone() is not None:
            levels.add("cd")
        return levels

    def zip_districts(self, zip_code: str, level: str) -> list[ZipDistrict]:
        """The districts of ``level`` a ZIP touches, largest share first; [] when the table for
        that level is imported but lacks the ZIP, or is not imported at all."""
        zip5 = normalize_zip(zip_code)
        conn = self.connection()
        rows = conn.execute(
            "SELECT state, district, share FROM zip_districts WHERE zcta = ? AND level = ?"
            " ORDER BY share DESC, state, CAST(district AS INTEGER), district",
            (zip5, level),
        ).fetchall()
        if rows or level != "cd":
            return [ZipDistrict(level, state, district, share) for state, district, share in rows]
        return [
            ZipDistrict(level, state, district, None)
            for state, district in conn.execute(
                "SELECT state, district FROM zccd WHERE zcta = ?"
                " ORDER BY state, CAST(district AS INTEGER)",
                (zip5,),
            )
        ]

    def find_all_by_zip(self, zip_code: str) -> ZipResult:
        """Every member of Congress and every state legislator who may represent the ZIP, each
        with the share of the ZIP's land in their district (senators: their state's share)."""
        zip5 = normalize_zip(zip_code)
        levels = self.zip_levels()
        if not levels:
            raise NotImportedError(
                _(
                    "No ZIP table is imported yet: import zccd.csv or the Census ZCTA relationship "
                    "files (tab20_cd11920_zcta520_natl.txt, tab20_sldu202420_zcta520_natl.txt, "
                    "tab20_sldl202420_zcta520_natl.txt)."
                )
            )
        places = {level: self.zip_districts(zip5, level) for level in ("cd", "sldu", "sldl")}
        if not any(places.values()):
            raise NoMatchError(
                _(
                    "No district found for ZIP {zip}. PO-box ZIPs are not in the table: look up "
                    "by state and district instead."
                ).format(zip=zip5)
            )
        result = ZipResult(zip5, places=places)
        if places["cd"] and self._imported(CONGRESS):
            self._federal_candidates(places["cd"], result)
        elif places["cd"]:
            result.missing.append(_("Congress members"))
        for level in ("sldu", "sldl"):
            self._state_candidates(places[level], level, result)
        return result

    def _federal_candidates(self, cd: list[ZipDistrict], result: ZipResult) -> None:
        for state in dict.fromkeys(place.state for place in cd):
            mine = [place for place in cd if place.state == state]
            known = [place.share for place in mine if place.share is not None]
            state_share = round(min(sum(known), 1.0), 4) if len(known) == len(mine) else None
            shares = {place.district: place.share for place in mine}
            for recipient in self._federal(state, list(shares)):
                if recipient.kind == model.US_SENATOR:
                    result.candidates.append(Candidate(recipient, state_share, "state"))
                else:
                    result.candidates.append(
                        Candidate(recipient, shares.get(recipient.district), "cd")
                    )

    def _state_candidates(self, places: list[ZipDistrict], level: str, result: ZipResult) -> None:
        kind = model.STATE_UPPER if level == "sldu" else model.STATE_LOWER
        for state in dict.fromkeys(place.state for place in places):
            if not self._imported(f"{OPENSTATES}-{state.lower()}"):
                name = _("State legislators of {state}").format(state=state)
                if name not in result.missing:
                    result.missing.append(name)
                continue
            people: dict[str, list[Recipient]] = {}
            sql = SELECT_RECIPIENTS + " WHERE state = ? AND kind = ?" + ORDER
            for recipient in self._recipients(sql, [state, kind]):
                people.setdefault(districts.recipient_division(recipient), []).append(recipient)
            for place in (p for p in places if p.state == state):
                found = people.get(place.division, [])
                if not found:
                    result.unmatched.append(place)
                result.candidates.extend(Candidate(r, place.share, level) for r in found)

    def _imported(self, source: str) -> bool:
        row = self.connection().execute("SELECT 1 FROM sources WHERE source = ?", (source,))
        return row.fetchone() is not None

    def find_by_zip(self, zip_code: str) -> list[Recipient]:
        """Every senator of every state and every representative of every district the ZIP
        touches: a ZIP can span districts and states, so the person chooses."""
        places = self.districts_for_zip(zip_code)
        self._require(CONGRESS, _("Congress members"), "legislators-current.csv")
        found: list[Recipient] = []
        for state in dict.fromkeys(state for state, _district in places):
            districts = [district for s, district in places if s == state]
            found.extend(self._federal(state, districts))
        return found

    def find_by_state(
        self,
        state: str,
        district: str | int | None = None,
        level: str = FEDERAL,
        chamber: str | None = None,
    ) -> list[Recipient]:
        """Federal: the state's senators and its representatives (of ``district`` if given).
        State: legislators of both chambers (or ``chamber`` "upper"/"lower"), by district."""
        code = normalize_state(state)
        wanted = None if district is None or str(district).strip() == "" else district
        if level == FEDERAL:
            self._require(CONGRESS, _("Congress members"), "legislators-current.csv")
            districts = None if wanted is None else [normalize_district(wanted)]
            return self._federal(code, districts)
        self._require(
            f"{OPENSTATES}-{code.lower()}",
            _("State legislators of {state}").format(state=code),
            "openstates/" + code.lower(),
        )
        sql = SELECT_RECIPIENTS + " WHERE state = ? AND kind IN (?, ?)"
        params: list[str] = [code, *STATE_KINDS]
        if wanted is not None:
            sql += " AND district = ? COLLATE NOCASE"
            params.append(normalize_district(wanted))
        if chamber:
            sql += " AND chamber = ?"
            params.append(chamber)
        return self._recipients(sql + ORDER, params)

    def get(self, recipient_id: str) -> Recipient:
        number = addressbook.book_number(recipient_id)
        if number is not None:
            return self._book_recipient(number)
        found = self._recipients(SELECT_RECIPIENTS + " WHERE id = ?", [recipient_id])
        if not found:
            raise UnknownRecipientError(
                _(
                    "No one with the id {id!r} is in the directory or the address book: look "
                    "them up with \u201ctoolkit directory find\u201d."
                ).format(id=recipient_id)
            )
        return found[0]

    def term_ended(self, recipient: Recipient, today: date | None = None) -> bool:
        """True when the recipient's term end date is past (unknown dates never count)."""
        day = (today or self.today()).isoformat()
        return bool(recipient.term_end) and recipient.term_end < day

    def expired_terms(self, today: date | None = None) -> list[Recipient]:
        day = (today or self.today()).isoformat()
        sql = SELECT_RECIPIENTS + " WHERE term_end != '' AND term_end < ?"
        return self._recipients(sql + ORDER, [day])

    def count(self, level: str = FEDERAL) -> int:
        kinds = FEDERAL_KINDS if level == FEDERAL else STATE_KINDS
        row = (
            self.connection()
            .execute("SELECT count(*) FROM recipients WHERE kind IN (?, ?)", kinds)
            .fetchone()
        )
        return int(row[0])

    # Address book

    def book_list(self, state: str | None = None, city: str | None = None) -> list[Recipient]:
        return [recipient for recipient, _entry in self.book_contacts(state, city)]

    def book_contacts(
        self, state: str | None = None, city: str | None = None
    ) -> list[tuple[Recipient, BookEntry]]:
        """Each contact as a recipient and as typed (with its source and "verified on" date)."""
        sql, params = BOOK_SELECT, []
        conditions = []
        if state:
            conditions.append("state = ?")
            params.append(state.strip().upper())
        if city:
            conditions.append("city = ? COLLATE NOCASE")
            params.append(city.strip())
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        rows = self.connection().execute(sql + " ORDER BY name COLLATE NOCASE, n", params)
        return [
            (addressbook.to_recipient(int(row[0]), entry), entry)
            for row in rows
            for entry in [_book_entry(row)]
        ]

    def book_entry(self, recipient_id: str) -> BookEntry:
        """The entry as typed, for an edit form (the recipient lacks the city)."""
        number = self._book_number(recipient_id)
        row = (
            self.connection()
            .execute(
                BOOK_SELECT + " WHERE n = ?",
                (number,),
            )
            .fetchone()
        )
        if row is None:
            raise self._unknown_book(recipient_id)
        return _book_entry(row)

    def book_add(self, entry: BookEntry) -> Recipient:
        clean = addressbook.clean_entry(entry)
        with self._transaction() as conn:
            number = _insert_book(conn, clean)
        return addressbook.to_recipient(number, clean)

    def book_edit(self, recipient_id: str, entry: BookEntry) -> Recipient:
        number = self._book_number(recipient_id)
        clean = addressbook.clean_entry(entry)
        with self._transaction() as conn:
            changed = conn.execute(
                "UPDATE book SET kind = ?, name = ?, last_name = ?, title = ?, organization = ?,"
                " address = ?, city = ?, state = ?, source = ?, verified_on = ? WHERE n = ?",
                (*_book_values(clean), number),
            ).rowcount
        if not changed:
            raise self._unknown_book(recipient_id)
        return addressbook.to_recipient(number, clean)

    def book_delete(self, recipient_id: str) -> None:
        number = self._book_number(recipient_id)
        with self._transaction() as conn:
            deleted = conn.execute("DELETE FROM book WHERE n = ?", (number,)).rowcount
        if not deleted:
            raise self._unknown_book(recipient_id)

    def book_import_csv(self, path: Path) -> list[Recipient]:
        """Contacts from a CSV or vCard file (the name is kept for older callers)."""
        return self.book_import(path)

    def book_import(self, path: Path) -> list[Recipient]:
        """Add every contact of a CSV or vCard file, or none when one is wrong."""
        textfile.take_notes()
        entries = book_files.parse_book_file(Path(path))
        self.warnings = textfile.take_notes()
        with self._transaction() as conn:
            numbers = [_insert_book(conn, entry) for entry in entries]
        return [addressbook.to_recipient(n, e) for n, e in zip(numbers, entries, strict=True)]

    def book_export(self, path: Path, file_format: str) -> int:
        """Write every contact to ``path`` as CSV or vCard; the number written."""
        entries = [entry for _recipient, entry in self.book_contacts()]
        try:
            write_atomic(Path(path), book_files.export_bytes(entries, file_format))
        except OSError as exc:  # a folder that cannot be made (a file stands in its way)
            raise DirectoryError(
                _("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc)
            ) from exc
        return len(entries)

    # Helpers

    def _federal(self, state: str, districts: Sequence[str] | None) -> list[Recipient]:
        sql = SELECT_RECIPIENTS + " WHERE state = ? AND (kind = ?"
        params = [state, model.US_SENATOR]
        if districts is None:
            sql += " OR kind = ?)"
            params.append(model.US_REPRESENTATIVE)
        else:
            marks = ", ".join("?" for _d in districts)
            sql += f" OR (kind = ? AND district IN ({marks})))"
            params.extend([model.US_REPRESENTATIVE, *districts])
        return self._recipients(sql + ORDER, params)

    def _recipients(self, sql: str, params: Sequence[str]) -> list[Recipient]:
        conn = self.connection()
        rows = conn.execute(sql, params).fetchall()
        federal = [row[0] for row in rows if row[2] in FEDERAL_KINDS]
        extra = store.district_offices(conn, federal)
        return [store.recipient_from_row(row, extra.get(row[0], [])) for row in rows]

    def _require(self, source: str, what: str, file_hint: str) -> None:
        if not self._imported(source):
            raise NotImportedError(
                _("{what}: not imported yet. Import {file} first.").format(
                    what=what, file=file_hint
                )
            )

    def _book_recipient(self, number: int) -> Recipient:
        return addressbook.to_recipient(number, self.book_entry(f"{addressbook.ID_PREFIX}{number}"))

    def _book_number(self, recipient_id: str) -> int:
        number = addressbook.book_number(recipient_id)
        if number is None:
            raise self._unknown_book(recipient_id)
        return number

    def _unknown_book(self, recipient_id: str) -> UnknownRecipientError:
        return UnknownRecipientError(
            _("No one with the id {id!r} is in the address book.").format(id=recipient_id)
        )


def _book_entry(row: Sequence[object]) -> BookEntry:
    _n, kind, name, title, organization, address, city, state, source, verified = (
        str(v) for v in row
    )
    return BookEntry(name, title, organization, address, kind, city, state, source, verified)


def _book_values(entry: BookEntry) -> tuple[str, ...]:
    return (
        entry.kind,
        entry.name,
        addressbook.last_name(entry.name),
        entry.title,
        entry.organization,
        entry.address,
        entry.city,
        entry.state,
        entry.source,
        entry.verified_on,
    )


def _insert_book(conn: sqlite3.Connection, entry: BookEntry) -> int:
    cursor = conn.execute(
        "INSERT INTO book (kind, name, last_name, title, organization, address, city, state,"
        " source, verified_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _book_values(entry),
    )
    return int(cursor.lastrowid or 0)


def _shown_name(path: Path) -> str:
    """A file's name; for a folder ("il/legislature") its parent too, which names the state."""
    return f"{path.parent.name}/{path.name}" if path.is_dir() else path.name
