"""The right recipient or none: is the sender a constituent of the recipient, and is the letter
written for the recipient's office? A mismatch is a problem the person must accept for that
letter; a letter saying "as your constituent" to someone else's representative is worse than none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toolkit.directory import model
from toolkit.directory.model import Recipient
from toolkit.directory.states import state_name
from toolkit.i18n import _

if TYPE_CHECKING:
    from toolkit.directory.directory import ZipDistrict

LEVEL_KINDS = {
    "federal": (model.US_SENATOR, model.US_REPRESENTATIVE),
    "state": (model.STATE_UPPER, model.STATE_LOWER),
    # Council members, and the mayors, county boards and sheriffs of the address book.
    "city": (model.CITY_COUNCIL, model.OTHER),
}
KIND_LEVELS = {
    model.US_SENATOR: "cd",
    model.US_REPRESENTATIVE: "cd",
    model.STATE_UPPER: "sldu",
    model.STATE_LOWER: "sldl",
}
TRUE_WORDS = ("y", "yes", "true", "1", "x", "si", "sí", "ok")


@dataclass
class ZipPlaces:
    """What the imported ZIP tables say about one ZIP: the levels imported, and its districts."""

    zip: str
    levels: set[str] = field(default_factory=set)
    places: dict[str, list[ZipDistrict]] = field(default_factory=dict)

    def states(self) -> set[str]:
        return {p.state for found in self.places.values() for p in found}


PlacesLookup = Callable[[str], ZipPlaces | None]


def is_true(text: str) -> bool:
    return text.strip().casefold() in TRUE_WORDS


def directory_places(data_dir: object = None) -> PlacesLookup:
    """ZIP facts from the imported directory, cached per ZIP (None when they cannot be read)."""
    from pathlib import Path

    from toolkit import paths
    from toolkit.directory.directory import Directory
    from toolkit.errors import UserError

    directory = Directory(Path(str(data_dir)) if data_dir else paths.data_dir())
    cache: dict[str, ZipPlaces | None] = {}
    levels: list[set[str]] = []

    def lookup(zip_code: str) -> ZipPlaces | None:
        zip5 = zip_code.strip()[:5]
        if zip5 not in cache:
            try:
                if not levels:
                    levels.append(directory.zip_levels())
                found = ZipPlaces(zip5, levels[0])
                for level in sorted(levels[0]):
                    found.places[level] = directory.zip_districts(zip5, level)
                cache[zip5] = found
            except UserError:
                cache[zip5] = None
        return cache[zip5]

    return lookup


def level_problem(level: str, recipient: Recipient) -> str:
    allowed = LEVEL_KINDS.get(level)
    if allowed is None or recipient.kind in allowed:
        return ""
    who = recipient.full_name or recipient.title or _("this recipient")
    wanted = {
        "federal": _("a member of Congress"),
        "state": _("a state legislator"),
        "city": _("a city or county official"),
    }[level]
    return _("the letter is written for {wanted}, but {who} is not one").format(
        wanted=wanted, who=who
    )


def _district_name(recipient: Recipient) -> str:
    if recipient.kind == model.US_REPRESENTATIVE:
        if recipient.district in ("", "0"):
            return _("{state} at large").format(state=recipient.state)
        return f"{recipient.state}-{recipient.district}"
    chamber = _("Senate") if recipient.kind == model.STATE_UPPER else _("House")
    return _("{state} {chamber} district {district}").format(
        state=recipient.state, chamber=chamber, district=recipient.district
    )


def _place_name(place: ZipDistrict) -> str:
    if place.level == "cd":
        return f"{place.state}-{place.district}"
    chamber = _("Senate") if place.level == "sldu" else _("House")
    return _("{state} {chamber} district {district}").format(
        state=place.state, chamber=chamber, district=place.district
    )


def place_problem(
    values: dict[str, str], recipient: Recipient, places: PlacesLookup | None
) -> tuple[str, str]:
    """(problem, note): the problem when the sender lives elsewhere; a note when the district
    could not be checked (no ZIP table imported for it)."""
    from toolkit.directory.districts import division_id, recipient_division

    if recipient.id == "manual" or not recipient.state:
        return "", ""  # typed by hand: nothing to check the address against
    sender_state = values.get("sender_state", "").strip().upper()
    zip5 = values.get("sender_zip", "").strip()[:5]
    if sender_state and sender_state != recipient.state.upper():
        return (
            _("the sender lives in {sender}, but {who} represents {state}").format(
                sender=sender_state,
                who=recipient.full_name or recipient.organization,
                state=state_name(recipient.state),
            ),
            "",
        )
    level = KIND_LEVELS.get(recipient.kind)
    found = places(zip5) if places is not None and zip5 else None
    if level is None or found is None:
        return "", ""
    if level not in found.levels:
        return "", _(
            "ZIP {zip}: no ZIP table for this office is imported, so only the state was checked."
        ).format(zip=zip5)
    districts = found.places.get(level, [])
    if not districts:
        return (
            _(
                "ZIP {zip} is not in the ZIP table (a PO-box ZIP?): it cannot be confirmed that "
                "the sender lives in {place}"
            ).format(zip=zip5, place=_district_name(recipient)),
            "",
        )
    if recipient.kind == model.US_SENATOR:
        inside = recipient.state.upper() in {d.state for d in districts}
    else:
        target = recipient_division(recipient)
        inside = any(division_id(d.state, level, d.district) == target for d in districts)
    if inside:
        return "", ""
    if recipient.kind == model.US_SENATOR:
        return (
            _("ZIP {zip} is not in {state}").format(zip=zip5, state=state_name(recipient.state)),
            "",
        )
    names = ", ".join(_place_name(d) for d in districts)
    return (
        _("ZIP {zip} lies in {names}, not in {place}").format(
            zip=zip5, names=names, place=_district_name(recipient)
        ),
        "",
    )


def recipient_problems(
    level: str, values: dict[str, str], recipient: Recipient, places: PlacesLookup | None
) -> tuple[list[str], list[str]]:
    """(problems, notes) for sending this letter to ``recipient``."""
    problems = [p for p in (level_problem(level, recipient),) if p]
    problem, note = place_problem(values, recipient, places)
    if problem:
        problems.append(problem)
    return problems, [note] if note else []
