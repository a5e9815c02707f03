"""How a recipient and the data's age are shown to a person (shared by the CLI and the GUI)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from toolkit.directory import model
from toolkit.directory.directory import SourceInfo
from toolkit.directory.model import Office, Recipient
from toolkit.directory.parsed import CONGRESS, DISTRICT_OFFICES, OPENSTATES, ZCCD
from toolkit.i18n import _

DISTRICT_LABEL = re.compile(r"^District office(?: \((?P<city>.*)\))?$")


def place_label(recipient: Recipient) -> str:
    """ "IL-7", "VT at-large", "IL" for a senator, "IL Senate 5" for a state legislator."""
    r = recipient
    if r.kind == model.US_REPRESENTATIVE:
        if r.district in ("0", ""):
            return _("{state} at-large").format(state=r.state)
        return f"{r.state}-{r.district}"
    if r.kind in (model.STATE_UPPER, model.STATE_LOWER):
        chamber = _("Senate") if r.kind == model.STATE_UPPER else _("House")
        return _("{state} {chamber} district {district}").format(
            state=r.state, chamber=chamber, district=r.district
        )
    return r.state


def office_label(office: Office) -> str:
    """The office's label in the interface language."""
    match = DISTRICT_LABEL.match(office.label)
    if office.label == "Washington":
        return _("Washington office")
    if office.label == "Capitol office":
        return _("Capitol office")
    if office.label == "Address":
        return _("Address")
    if match and match["city"]:
        return _("District office ({city})").format(city=match["city"])
    if match:
        return _("District office")
    return office.label


def first_address(recipient: Recipient) -> str:
    """The first mailing address on one line, or a note that there is none."""
    if not recipient.offices:
        return _("no mailing address in the data")
    office = recipient.offices[0]
    return "{label}: {lines}".format(label=office_label(office), lines=", ".join(office.lines))


def one_line(recipient: Recipient) -> str:
    """Name, title, party and place, for a list a person chooses from."""
    parts = [recipient.full_name, recipient.title, place_label(recipient), recipient.party]
    return " \u2014 ".join(part for part in parts if part)


def source_name(info: SourceInfo) -> str:
    names = {
        CONGRESS: _("Congress members"),
        DISTRICT_OFFICES: _("District offices"),
        ZCCD: _("ZIP-to-district table"),
    }
    if info.kind == OPENSTATES:
        return _("State legislators ({state})").format(state=info.source.rsplit("-", 1)[-1].upper())
    return names.get(info.kind, info.source)


def as_of_line(info: SourceInfo) -> str:
    imported = info.imported_at[:10]
    if info.dataset_date:
        return _("{name}: data as of {date}, imported {imported} from {file}").format(
            name=source_name(info), date=info.dataset_date, imported=imported, file=info.file
        )
    return _("{name}: imported {imported} from {file}").format(
        name=source_name(info), imported=imported, file=info.file
    )


def as_of_summary(infos: Sequence[SourceInfo]) -> str:
    if not infos:
        return _("No directory data imported yet.")
    return "; ".join(as_of_line(info) for info in infos)


def compact_as_of(infos: Sequence[SourceInfo]) -> str:
    """One short line for a crowded screen: Congress data's age and which states are loaded."""
    if not infos:
        return as_of_summary(infos)
    parts = []
    congress = next((i for i in infos if i.kind == CONGRESS), None)
    if congress:
        date = congress.dataset_date or congress.imported_at[:10]
        parts.append(
            _("Congress data as of {date} (imported {imported})").format(
                date=date, imported=congress.imported_at[:10]
            )
        )
    states = sorted(i.source.rsplit("-", 1)[-1].upper() for i in infos if i.kind == OPENSTATES)
    if states:
        parts.append(_("state legislators: {states}").format(states=", ".join(states)))
    if not any(i.kind == ZCCD for i in infos):
        parts.append(_("no ZIP table yet"))
    return "; ".join(parts) or "; ".join(map(as_of_line, infos))


def recipient_json(recipient: Recipient, term_ended: bool) -> dict[str, Any]:
    data = asdict(recipient)
    data["offices"] = [asdict(office) for office in recipient.offices]
    data["place"] = place_label(recipient)
    data["term_ended"] = term_ended
    return data
