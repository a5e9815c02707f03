"""How a recipient and the data's age are shown to a person (shared by the CLI and the GUI)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from toolkit import display_names
from toolkit.directory import model
from toolkit.directory.directory import SourceInfo, ZipDistrict, ZipResult
from toolkit.directory.model import Office, Recipient
from toolkit.directory.parsed import CENSUS, CONGRESS, DISTRICT_OFFICES, OPENSTATES, ZCCD
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
    parts = [
        recipient.full_name,
        display_names.shown(recipient.title),
        place_label(recipient),
        display_names.shown(recipient.party),
    ]
    return " \u2014 ".join(part for part in parts if part)


def source_name(info: SourceInfo) -> str:
    names = {
        CONGRESS: _("Congress members"),
        DISTRICT_OFFICES: _("District offices"),
        ZCCD: _("ZIP-to-district table"),
    }
    if info.kind == CENSUS:
        return _("Census ZIP table")
    if info.kind == OPENSTATES:
        return _("State legislators ({state})").format(state=info.source.rsplit("-", 1)[-1].upper())
    return names.get(info.kind, info.source)


def as_of_line(info: SourceInfo) -> str:
    imported = info.imported_at[:10]
    if vintage_text(info):
        return _("{name}: {vintage}, imported {imported} from {file}").format(
            name=source_name(info), vintage=vintage_text(info), imported=imported, file=info.file
        )
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


def level_name(level: str) -> str:
    return {
        "cd": _("congressional districts"),
        "sldu": _("state senate districts"),
        "sldl": _("state house districts"),
    }[level]


def zip_place(place: ZipDistrict) -> str:
    """ "IL-7 (62%)", "IL Senate district 5 (38%)"; the share only when the table gives it."""
    if place.level == "cd":
        name = (
            _("{state} at-large").format(state=place.state)
            if place.district == "0"
            else (f"{place.state}-{place.district}")
        )
    else:
        chamber = _("Senate") if place.level == "sldu" else _("House")
        name = _("{state} {chamber} district {district}").format(
            state=place.state, chamber=chamber, district=place.district
        )
    return f"{name} ({percent(place.share)})" if place.share is not None else name


def percent(share: float) -> str:
    value = share * 100
    return "<1%" if 0 < value < 1 else f"{value:.0f}%"


def share_line(share: float) -> str:
    return _("{share} of the ZIP's land area is in this district").format(share=percent(share))


def vintage_text(info: SourceInfo) -> str:
    """ "119th Congress districts, 2020 Census" for a Census table; "" for other sources."""
    level, _sep, vintage = info.vintage.partition(":")
    if not level:
        return ""
    from toolkit.directory.census import vintage_label

    return vintage_label(level, vintage)


def redrawn_warnings(result: ZipResult) -> list[str]:
    """A warning for each state of the answer that redrew its districts after the tables."""
    from toolkit.directory.districts import REDRAWN_SOURCE, redrawn_note

    found = []
    for level, places in result.places.items():
        for state in dict.fromkeys(p.state for p in places):
            note = redrawn_note(level, state)
            if note:
                found.append(
                    _(
                        "Warning: {state} redrew its {what} after this table was made ({note}; "
                        "see {source}): check the district on the state's own map."
                    ).format(state=state, what=level_name(level), note=note, source=REDRAWN_SOURCE)
                )
    return found


def recipient_json(recipient: Recipient, term_ended: bool) -> dict[str, Any]:
    data = asdict(recipient)
    data["offices"] = [asdict(office) for office in recipient.offices]
    data["place"] = place_label(recipient)
    data["term_ended"] = term_ended
    return data
