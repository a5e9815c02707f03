"""Importer for Open States "people" YAML: one file per legislator, a folder per state."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from toolkit.directory import model
from toolkit.directory.errors import ImportFileError
from toolkit.directory.model import Office, Recipient
from toolkit.directory.parsed import OPENSTATES, ParsedFile
from toolkit.directory.states import is_state_code, state_chamber_name, state_title
from toolkit.directory.textfile import read_text
from toolkit.i18n import _
from toolkit.yamlio import load_yaml as parse_yaml

SOURCE_LABEL = "Open States"
CHAMBERS = {
    "upper": model.STATE_UPPER,
    "lower": model.STATE_LOWER,
    "legislature": model.STATE_UPPER,
}
JURISDICTION = re.compile(r"/state:(?P<state>[a-z]{2})/")
# "..., Springfield, IL 62706": the last two parts make the city line.
CITY_LINE = re.compile(r",\s*(?P<city>[^,]+,\s*[A-Z]{2},?\s+\d{5}(?:-\d{4})?)\s*$")


# An Open States person file is a few kilobytes; congress-legislators' whole YAML about 5 MB.
YAML_MAX_BYTES = 20 * 1024 * 1024


def check_plain_yaml(text: str, path: Path) -> None:
    """Refuse anchors and aliases before loading: data files never need them, and a few lines of
    nested aliases ("billion laughs") expand to more than any memory holds."""
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise ImportFileError(
                _(
                    "{file} uses YAML anchors or aliases (&name, *name), which data files never "
                    "need: it was not imported."
                ).format(file=path.name)
            )


def load_yaml(path: Path) -> Any:
    try:
        text = read_text(path, YAML_MAX_BYTES)
        check_plain_yaml(text, path)
        return parse_yaml(text)
    except yaml.YAMLError as exc:
        raise ImportFileError(
            _("{file} is not valid YAML: it may be cut short or damaged.").format(file=path.name)
        ) from exc


def looks_like_person(data: Any) -> bool:
    return isinstance(data, dict) and str(data.get("id", "")).startswith("ocd-person/")


def address_lines(address: str) -> tuple[str, ...]:
    address = " ".join(address.split())
    match = CITY_LINE.search(address)
    if not match:
        return (address,) if address else ()
    street = address[: match.start()].strip()
    return tuple(line for line in (street, match["city"]) if line)


def _current_role(person: dict[str, Any], today: str) -> dict[str, Any] | None:
    for role in person.get("roles") or []:
        if not isinstance(role, dict) or str(role.get("type")) not in CHAMBERS:
            continue
        end = str(role.get("end_date") or "")
        if not end or end >= today:
            return role
    return None


def _party(person: dict[str, Any]) -> str:
    current = [
        p for p in person.get("party") or [] if isinstance(p, dict) and not p.get("end_date")
    ]
    return str(current[-1].get("name", "")) if current else ""


def _offices(person: dict[str, Any]) -> tuple[Office, ...]:
    found = []
    for office in person.get("offices") or []:
        if not isinstance(office, dict):
            continue
        lines = address_lines(str(office.get("address") or ""))
        if not lines:
            continue
        district = office.get("classification") == "district"
        label = "District office" if district else "Capitol office"
        found.append(
            (
                0 if district else 1,
                Office(label, lines, str(office.get("voice") or ""), str(office.get("fax") or "")),
            )
        )
    # District offices first, as for Congress: they are closest to the person writing.
    return tuple(office for _order, office in sorted(found, key=lambda pair: pair[0]))


def person_recipient(path: Path, person: Any, today: str) -> tuple[Recipient, str] | None:
    """The legislator in one YAML document, or None when they hold no legislative seat now."""
    if not looks_like_person(person):
        raise ImportFileError(_("{file} is not an Open States person file.").format(file=path.name))
    role = _current_role(person, today)
    if role is None:
        return None
    match = JURISDICTION.search(str(role.get("jurisdiction", "")) + "/")
    state = match["state"].upper() if match else ""
    name = str(person.get("name") or "").strip()
    if not is_state_code(state) or not name:
        raise ImportFileError(
            _("{file}: the name or the state of the legislator is missing.").format(file=path.name)
        )
    chamber = "lower" if role["type"] == "lower" else "upper"
    district = str(role.get("district") or "").strip()
    recipient = Recipient(
        id=str(person["id"]),
        kind=CHAMBERS[str(role["type"])],
        full_name=name,
        last_name=str(person.get("family_name") or name.split()[-1]),
        title=state_title(state, chamber),
        chamber=chamber,
        state=state,
        district=str(int(district)) if district.isdigit() else district,
        party=_party(person),
        term_end=str(role.get("end_date") or ""),
        offices=_offices(person),
        source=SOURCE_LABEL,
        organization=state_chamber_name(state, chamber),
        gender=model.gender_code(person.get("gender")),
    )
    return recipient, str(role.get("start_date") or "")


def parse_people(files: Sequence[Path], today: str, whole_state: bool) -> ParsedFile:
    """Legislators from ``files``; ``whole_state`` replaces the state's earlier import."""
    recipients: list[Recipient] = []
    starts: list[str] = []
    for path in files:
        found = person_recipient(path, load_yaml(path), today)
        if found:
            recipients.append(found[0])
            starts.append(found[1])
    states = sorted({r.state for r in recipients})
    place = files[0].parent if whole_state else files[0]
    if not states:
        raise ImportFileError(
            _("{path}: no legislator holding a seat today was found.").format(path=place)
        )
    if len(states) != 1:
        raise ImportFileError(
            _(
                "{path}: expected the current legislators of one state, found {count} states."
            ).format(path=place, count=len(states))
        )
    return ParsedFile(
        path=place,
        kind=OPENSTATES,
        source=f"{OPENSTATES}-{states[0].lower()}",
        dataset_date=max(starts, default=""),
        recipients=recipients,
        replace=whole_state,
    )
