"""Importers for the congress-legislators files: members (CSV or JSON) and district offices."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from toolkit.directory import model
from toolkit.directory.errors import ImportFileError
from toolkit.directory.model import Office, Recipient
from toolkit.directory.parsed import CONGRESS, DISTRICT_OFFICES, ParsedFile
from toolkit.directory.states import house_title, is_state_code
from toolkit.directory.textfile import read_csv, read_text
from toolkit.i18n import _

SOURCE_LABEL = "congress-legislators"
SENATE = "United States Senate"
HOUSE = "U.S. House of Representatives"
CSV_COLUMNS = ("bioguide_id", "type", "state", "district", "last_name", "full_name", "party")
# "511 Hart Senate Office Building Washington DC 20510": the room, then the city line.
DC_ADDRESS = re.compile(r"^(?P<room>.*?)[\s,]+(?P<city>Washington,?\s+D\.?C\.?,?\s+[\d-]+)$", re.I)


def washington_office(address: str, kind: str, phone: str = "", fax: str = "") -> Office | None:
    """The Washington office, its lines as the dataset gives them, with the chamber between."""
    address = " ".join(address.split())
    if not address:
        return None
    chamber = SENATE if kind == model.US_SENATOR else HOUSE
    match = DC_ADDRESS.match(address)
    lines = (match["room"], chamber, match["city"]) if match else (address, chamber)
    return Office(label="Washington", lines=lines, phone=phone, fax=fax)


def member(
    bioguide: str,
    term_type: str,
    state: str,
    district: str,
    names: tuple[str, str],
    party: str,
    term_end: str = "",
    office: Office | None = None,
    gender: str = "",
) -> Recipient:
    full_name, last_name = names
    senator = term_type == "sen"
    kind = model.US_SENATOR if senator else model.US_REPRESENTATIVE
    return Recipient(
        id=bioguide,
        kind=kind,
        full_name=full_name,
        last_name=last_name,
        title="Senator" if senator else house_title(state),
        chamber="senate" if senator else "house",
        state=state,
        district="" if senator else district,
        party=party,
        term_end=term_end,
        offices=(office,) if office else (),
        source=SOURCE_LABEL,
        organization=SENATE if senator else HOUSE,
        gender=model.gender_code(gender),
    )


def _bad_row(path: Path, where: str, reason: str) -> ImportFileError:
    return ImportFileError(
        _("{file}, {where}: {reason}").format(file=path.name, where=where, reason=reason)
    )


def _check_place(path: Path, where: str, term_type: str, state: str, district: str) -> None:
    if term_type not in ("sen", "rep"):
        raise _bad_row(
            path, where, _("type must be sen or rep, not {value!r}").format(value=term_type)
        )
    if not is_state_code(state):
        raise _bad_row(path, where, _("unknown state {value!r}").format(value=state))
    if term_type == "rep" and not district.isdigit():
        raise _bad_row(
            path, where, _("district must be a number, not {value!r}").format(value=district)
        )


def parse_members_csv(path: Path) -> ParsedFile:
    parsed = ParsedFile(path=path, kind=CONGRESS, source=CONGRESS)
    for line, row in read_csv(path, CSV_COLUMNS):
        where = _("line {line}").format(line=line)
        term_type, state = row["type"].strip(), row["state"].strip().upper()
        district = row["district"].strip()
        _check_place(path, where, term_type, state, district)
        last = row["last_name"].strip()
        full = row["full_name"].strip() or f"{row.get('first_name', '').strip()} {last}".strip()
        if not row["bioguide_id"].strip() or not last:
            raise _bad_row(path, where, _("the bioguide_id or last_name is empty"))
        kind = model.US_SENATOR if term_type == "sen" else model.US_REPRESENTATIVE
        office = washington_office(row.get("address", ""), kind, row.get("phone", "").strip())
        district = str(int(district)) if district else ""
        parsed.recipients.append(
            member(
                row["bioguide_id"].strip(),
                term_type,
                state,
                district,
                (full, last),
                row["party"].strip(),
                office=office,
                gender=row.get("gender", ""),
            )
        )
    return parsed


def load_json(path: Path) -> Any:
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("{file} is not valid JSON (line {line}): it may be cut short or damaged.").format(
                file=path.name, line=exc.lineno
            )
        ) from exc


def _json_member(path: Path, index: int, person: Any) -> tuple[Recipient, str]:
    where = _("entry {number}").format(number=index + 1)
    try:
        term = person["terms"][-1]
        name = person["name"]
        bioguide = str(person["id"]["bioguide"])
        term_type, state = str(term["type"]), str(term["state"]).upper()
        last = str(name["last"])
        full = str(name.get("official_full") or f"{name.get('first', '')} {last}".strip())
    except (KeyError, IndexError, TypeError) as exc:
        raise _bad_row(path, where, _("missing field {field}").format(field=exc)) from exc
    district = str(term.get("district", ""))
    _check_place(path, where, term_type, state, district)
    kind = model.US_SENATOR if term_type == "sen" else model.US_REPRESENTATIVE
    office = washington_office(
        str(term.get("address", "")), kind, str(term.get("phone", "")), str(term.get("fax", ""))
    )
    recipient = member(
        bioguide,
        term_type,
        state,
        district,
        (full, last),
        str(term.get("party", "")),
        str(term.get("end", "")),
        office,
        _gender(person),
    )
    return recipient, str(term.get("start", ""))


def _gender(person: Any) -> str:
    bio = person.get("bio") if isinstance(person, dict) else None
    return str(bio.get("gender", "")) if isinstance(bio, dict) else ""


def members_from_json(path: Path, data: list[Any]) -> ParsedFile:
    parsed = ParsedFile(path=path, kind=CONGRESS, source=CONGRESS)
    starts = []
    for index, person in enumerate(data):
        recipient, start = _json_member(path, index, person)
        parsed.recipients.append(recipient)
        starts.append(start)
    parsed.dataset_date = max(starts, default="")
    return parsed


def _office_lines(office: dict[str, Any]) -> tuple[str, ...]:
    street = str(office.get("address") or "").strip()
    suite = str(office.get("suite") or "").strip()
    if suite.isdigit():
        suite = f"Suite {suite}"
    street = ", ".join(part for part in (street, suite) if part)
    city = str(office.get("city") or "").strip()
    place = " ".join(p for p in (str(office.get("state") or ""), str(office.get("zip") or "")) if p)
    city_line = ", ".join(part for part in (city, place) if part)
    building = str(office.get("building") or "").strip()
    if building and building in street:  # some entries repeat the suite as the building
        building = ""
    return tuple(line for line in (building, street, city_line) if line)


def district_offices_from_json(path: Path, data: list[Any]) -> ParsedFile:
    parsed = ParsedFile(path=path, kind=DISTRICT_OFFICES, source=DISTRICT_OFFICES)
    for index, entry in enumerate(data):
        try:
            bioguide = str(entry["id"]["bioguide"])
            offices = list(entry.get("offices") or [])
        except (KeyError, TypeError) as exc:
            where = _("entry {number}").format(number=index + 1)
            raise _bad_row(path, where, _("missing field {field}").format(field=exc)) from exc
        parsed.district_offices[bioguide] = [
            Office(
                label=_district_label(office),
                lines=_office_lines(office),
                phone=str(office.get("phone") or ""),
                fax=str(office.get("fax") or ""),
            )
            for office in offices
            if isinstance(office, dict) and _office_lines(office)
        ]
    return parsed


def _district_label(office: dict[str, Any]) -> str:
    city = str(office.get("city") or "").strip()
    return f"District office ({city})" if city else "District office"
