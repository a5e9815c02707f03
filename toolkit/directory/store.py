"""The directory's SQLite file: schema, versions, and turning rows into recipients and back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from toolkit.directory.errors import DatabaseError
from toolkit.directory.model import Office, Recipient
from toolkit.directory.parsed import CENSUS, DISTRICT_OFFICES, OPENSTATES, ZCCD, ParsedFile
from toolkit.i18n import _

FILE_NAME = "directory.sqlite3"
SCHEMA_VERSION = 3  # 2: recipients.gender; 3: Census ZIP tables, book source and date

SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY, kind TEXT NOT NULL, file TEXT NOT NULL, imported_at TEXT NOT NULL,
    dataset_date TEXT NOT NULL, count INTEGER NOT NULL, vintage TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS recipients (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, full_name TEXT NOT NULL,
    last_name TEXT NOT NULL, title TEXT NOT NULL, chamber TEXT NOT NULL, state TEXT NOT NULL,
    district TEXT NOT NULL, party TEXT NOT NULL, term_end TEXT NOT NULL,
    organization TEXT NOT NULL, source_label TEXT NOT NULL, offices TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS recipients_place ON recipients (state, kind, district);
CREATE INDEX IF NOT EXISTS recipients_source ON recipients (source);
CREATE TABLE IF NOT EXISTS district_offices (
    bioguide TEXT NOT NULL, position INTEGER NOT NULL, office TEXT NOT NULL,
    PRIMARY KEY (bioguide, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS zccd (
    zcta TEXT NOT NULL, state TEXT NOT NULL, district TEXT NOT NULL,
    PRIMARY KEY (zcta, state, district)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS zip_districts (
    zcta TEXT NOT NULL, level TEXT NOT NULL, state TEXT NOT NULL, district TEXT NOT NULL,
    share REAL NOT NULL, PRIMARY KEY (zcta, level, state, district)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS book (
    n INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL,
    last_name TEXT NOT NULL, title TEXT NOT NULL, organization TEXT NOT NULL,
    address TEXT NOT NULL, city TEXT NOT NULL, state TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '', verified_on TEXT NOT NULL DEFAULT ''
);
"""

RECIPIENT_COLUMNS = (
    "id",
    "source",
    "kind",
    "full_name",
    "last_name",
    "title",
    "chamber",
    "state",
    "district",
    "party",
    "term_end",
    "organization",
    "source_label",
    "offices",
    "gender",
)


def connect(data_dir: Path) -> sqlite3.Connection:
    path = Path(data_dir) / FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit: every write opens its own transaction with BEGIN IMMEDIATE.
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        _migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            _(
                "The directory file {path} is damaged ({reason}). Move it away and import the "
                "data again."
            ).format(path=path, reason=exc)
        ) from exc
    except OSError as exc:
        raise DatabaseError(
            _("Could not open {path}: {reason}").format(path=path, reason=exc.strerror or exc)
        ) from exc
    return conn


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    # Every statement is CREATE ... IF NOT EXISTS: running it again is harmless.
    conn.executescript(SCHEMA)
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
        version = row[0] if row else None
        if version is None:
            conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
        elif version < SCHEMA_VERSION:
            _upgrade(conn, version)
        elif version > SCHEMA_VERSION:
            raise DatabaseError(
                _(
                    "{path} was made by a newer version of the app: update the app to use it."
                ).format(path=path)
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _upgrade(conn: sqlite3.Connection, version: int) -> None:
    """Bring a file made by an older version up to date; the caller holds the transaction."""
    if version < 2:
        # Version 1 had no gender: rows read as unknown until the data is imported again.
        columns = {row[1] for row in conn.execute("PRAGMA table_info(recipients)")}
        if "gender" not in columns:
            conn.execute("ALTER TABLE recipients ADD COLUMN gender TEXT NOT NULL DEFAULT ''")
    if version < 3:
        # Version 2 had no Census tables (created above), no vintage and no contact sources.
        for table, column in (("sources", "vintage"), ("book", "source"), ("book", "verified_on")):
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if column not in columns:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    conn.execute("DELETE FROM schema_version")
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))


def office_to_dict(office: Office) -> dict[str, Any]:
    return {
        "label": office.label,
        "lines": list(office.lines),
        "phone": office.phone,
        "fax": office.fax,
    }


def office_from_dict(data: dict[str, Any]) -> Office:
    return Office(
        label=str(data.get("label", "")),
        lines=tuple(str(line) for line in data.get("lines", [])),
        phone=str(data.get("phone", "")),
        fax=str(data.get("fax", "")),
    )


def recipient_row(recipient: Recipient, source: str) -> tuple[str, ...]:
    offices = json.dumps([office_to_dict(o) for o in recipient.offices], ensure_ascii=False)
    r = recipient
    return (
        r.id,
        source,
        r.kind,
        r.full_name,
        r.last_name,
        r.title,
        r.chamber,
        r.state,
        r.district,
        r.party,
        r.term_end,
        r.organization,
        r.source,
        offices,
        r.gender,
    )


def recipient_from_row(row: sqlite3.Row | tuple[Any, ...], extra: list[Office]) -> Recipient:
    values = dict(zip(RECIPIENT_COLUMNS, row, strict=True))
    stored = tuple(office_from_dict(o) for o in json.loads(values["offices"]))
    return Recipient(
        id=values["id"],
        kind=values["kind"],
        full_name=values["full_name"],
        last_name=values["last_name"],
        title=values["title"],
        chamber=values["chamber"],
        state=values["state"],
        district=values["district"],
        party=values["party"],
        term_end=values["term_end"],
        # District offices come first: mail to Washington is screened and delayed for weeks.
        offices=(*extra, *stored),
        source=values["source_label"],
        organization=values["organization"],
        gender=values["gender"] or "",
    )


def district_offices(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[Office]]:
    found: dict[str, list[Office]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _i in chunk)
        rows = conn.execute(
            f"SELECT bioguide, office FROM district_offices WHERE bioguide IN ({marks})"
            " ORDER BY bioguide, position",
            chunk,
        )
        for bioguide, office in rows:
            found.setdefault(bioguide, []).append(office_from_dict(json.loads(office)))
    return found


def write_parsed(conn: sqlite3.Connection, item: ParsedFile, stamp: str, file: str) -> None:
    """Replace (or add to) one source's rows; the caller holds the transaction."""
    if item.kind == ZCCD:
        conn.execute("DELETE FROM zccd")
        conn.executemany(
            "INSERT INTO zccd (zcta, state, district) VALUES (?, ?, ?)", item.zccd_rows
        )
    elif item.kind == CENSUS:
        level = item.vintage.partition(":")[0]
        conn.execute("DELETE FROM zip_districts WHERE level = ?", (level,))
        conn.executemany(
            "INSERT INTO zip_districts (zcta, level, state, district, share)"
            " VALUES (?, ?, ?, ?, ?)",
            item.zip_rows,
        )
    elif item.kind == DISTRICT_OFFICES:
        conn.execute("DELETE FROM district_offices")
        conn.executemany(
            "INSERT INTO district_offices (bioguide, position, office) VALUES (?, ?, ?)",
            [
                (bioguide, position, json.dumps(office_to_dict(office), ensure_ascii=False))
                for bioguide, offices in item.district_offices.items()
                for position, office in enumerate(offices)
            ],
        )
    else:
        if item.replace:
            conn.execute("DELETE FROM recipients WHERE source = ?", (item.source,))
        marks = ", ".join("?" for _c in RECIPIENT_COLUMNS)
        conn.executemany(
            f"INSERT OR REPLACE INTO recipients ({', '.join(RECIPIENT_COLUMNS)}) VALUES ({marks})",
            [recipient_row(r, item.source) for r in item.recipients],
        )
    count = item.count
    if item.kind == OPENSTATES and not item.replace:
        row = conn.execute("SELECT count(*) FROM recipients WHERE source = ?", (item.source,))
        count = int(row.fetchone()[0])
    conn.execute(
        "INSERT OR REPLACE INTO sources"
        " (source, kind, file, imported_at, dataset_date, count, vintage)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (item.source, item.kind, file, stamp, item.dataset_date, count, item.vintage),
    )
