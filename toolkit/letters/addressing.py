"""Who a letter goes to: the inside address and the greeting for each kind of recipient."""

from __future__ import annotations

import re

from toolkit.directory import model
from toolkit.directory.model import Office, Recipient
from toolkit.directory.states import LOWER_TITLES, STATE_NAMES
from toolkit.letters.phrases import greeting, name_greeting, phrase

_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"}
_DEFAULT_TITLES = {
    model.US_SENATOR: "Senator",
    model.US_REPRESENTATIVE: "Representative",
    model.STATE_UPPER: "Senator",
    model.STATE_LOWER: "Representative",
    model.CITY_COUNCIL: "Councilmember",
}
_CHAMBERS = {
    model.US_SENATOR: "senate",
    model.US_REPRESENTATIVE: "house",
    model.STATE_UPPER: "upper",
    model.STATE_LOWER: "lower",
    model.CITY_COUNCIL: "council",
}
MANUAL_ID = "manual"
TYPED_SOURCE = "typed"
# What a member of each state's lower chamber is called in a greeting; Nebraska has one chamber,
# whose members are senators. Everywhere else: "Representative".
STATE_LOWER_TITLES = LOWER_TITLES
# Titles our importers derive from the chamber (Open States gives no title): the greeting
# follows the state's own table instead. A title typed by hand is kept as typed.
_DERIVED_TITLE_SOURCES = ("Open States",)
_TERRITORIES = ("DC", "PR", "GU", "VI", "AS", "MP")
# House offices have ZIP+4 20515-SSDD: SS the state's place in the alphabetical list of the 50
# states, DD the district (00 at large). Territories' delegates have their own codes.
_HOUSE_STATE_NUMBERS = {
    code: n
    for n, code in enumerate(
        sorted((c for c in STATE_NAMES if c not in _TERRITORIES), key=STATE_NAMES.__getitem__),
        start=1,
    )
}


def last_name_of(full_name: str) -> str:
    words = [w.strip(",") for w in full_name.split()]
    while len(words) > 1 and words[-1].lower() in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def address_lines(text: str) -> tuple[str, ...]:
    """Address lines typed as one text: newlines, or " | " where a spreadsheet cell has one line."""
    raw = text.replace("\r", "\n").replace("|", "\n").split("\n")
    return tuple(line.strip() for line in raw if line.strip())


# Words in a typed title or name that mean a local official, whatever the letter was written for.
_COUNCIL_WORDS = ("council", "alder", "concejal")
_LOCAL_WORDS = ("commissioner", "mayor", "supervisor", "sheriff", "clerk", "board", "county")


def _manual_kind(title: str, name: str, template_kind: str) -> str:
    lowered = title.lower()
    words = f"{lowered} {name.lower()}"
    if any(word in words for word in _COUNCIL_WORDS):
        return model.CITY_COUNCIL
    if any(word in words for word in _LOCAL_WORDS):
        return model.OTHER
    if template_kind == "congress":
        senator = "senator" in lowered
        return model.US_SENATOR if senator else model.US_REPRESENTATIVE
    if template_kind == "state_legislator":
        return model.STATE_UPPER if "senator" in lowered else model.STATE_LOWER
    if template_kind == "city_council":
        return model.CITY_COUNCIL
    return model.OTHER


def manual_recipient(name: str, title: str, address: str, template_kind: str) -> Recipient:
    """A recipient typed by hand: anyone not in the directory, or a whole city council. The
    title is kept as typed: a blank one is never guessed ("Dear Board of Commissioners:")."""
    name = " ".join(name.split())
    kind = _manual_kind(title, name, template_kind)
    return Recipient(
        id=MANUAL_ID,
        kind=kind,
        full_name=name,
        last_name=last_name_of(name),
        title=" ".join(title.split()),
        chamber=_CHAMBERS.get(kind, ""),
        offices=(Office("", address_lines(address)),) if address.strip() else (),
        source=TYPED_SOURCE,
    )


def chamber_of(recipient: Recipient) -> str:
    return recipient.chamber or _CHAMBERS.get(recipient.kind, "")


def is_whole_council(recipient: Recipient) -> bool:
    return recipient.kind == model.CITY_COUNCIL and not recipient.full_name.strip()


def state_legislator_title(state: str, kind: str) -> str:
    """ "Senator", or the lower chamber's title in ``state`` ("Assembly Member", "Delegate")."""
    if kind == model.STATE_UPPER:
        return "Senator"
    return STATE_LOWER_TITLES.get(state.strip().upper(), "Representative")


def greeting_title(recipient: Recipient, state_hint: str = "") -> str:
    """The title a greeting uses: as typed, else the state's own form for state legislators
    (``state_hint``, the sender's state, stands in when the record has none), else the kind's."""
    state_kinds = (model.STATE_UPPER, model.STATE_LOWER)
    title = recipient.title.strip()
    if recipient.kind in state_kinds and (not title or recipient.source in _DERIVED_TITLE_SOURCES):
        return state_legislator_title(recipient.state or state_hint, recipient.kind)
    if recipient.source == TYPED_SOURCE:
        return title  # typed by hand: no title is invented for a name the app cannot read
    return title or _DEFAULT_TITLES.get(recipient.kind, "")


def house_zip(recipient: Recipient) -> str:
    """20515-SSDD for a House member of one of the 50 states; 20515 when it is not known."""
    number = _HOUSE_STATE_NUMBERS.get(recipient.state.strip().upper())
    district = recipient.district.strip()
    if number is None or not district.isdigit():
        return "20515"
    return f"20515-{number:02d}{int(district):02d}"


def nearest_office_index(recipient: Recipient, sender_city: str, sender_zip: str) -> int:
    """The office closest to the sender: one in the sender's city, else one sharing the first
    three ZIP digits (the same mail region), else the first (the directory lists district
    offices first, since mail to Washington is delayed for weeks)."""
    city = sender_city.strip().casefold()
    region = sender_zip.strip()[:3]
    best, best_score = 0, 0
    for index, office in enumerate(recipient.offices):
        if office.label.lower().startswith(("washington", "capitol")):
            continue
        text = " ".join(office.lines).casefold()
        score = 2 if city and city in text else 0
        if len(region) == 3 and re.search(rf"\b{re.escape(region)}\d\d", text):
            score += 1
        if score > best_score:
            best, best_score = index, score
    return best


def choose_office(recipient: Recipient, office_index: int = 0) -> Office | None:
    if not recipient.offices:
        return None
    return recipient.offices[min(max(office_index, 0), len(recipient.offices) - 1)]


_DELIVERY = re.compile(r"\d|\bP\.?\s*O\.?\s+BOX\b|\bBOX\b", re.IGNORECASE)


def delivery_order(lines: list[str]) -> list[str]:
    """The delivery line (street, room or PO box) directly above the city line, as USPS
    Publication 28 asks: "United States Senate" goes above "711 Hart Senate Office Building"."""
    if len(lines) < 3:
        return lines
    body, last = lines[:-1], lines[-1]
    numbered = [i for i, line in enumerate(body) if _DELIVERY.search(line)]
    if not numbered:
        return lines
    first = numbered[0]
    # The delivery lines (a street and its suite) stay together, in their order.
    delivery = body[first:]
    names = [line for line in delivery if not _DELIVERY.search(line)]
    kept = [line for line in delivery if _DELIVERY.search(line)]
    return [*body[:first], *names, *kept, last]


def _with_organization(recipient: Recipient, lines: list[str], language: str) -> list[str]:
    """Washington addresses need the chamber's name, above the room line."""
    keys = {model.US_SENATOR: "senate", model.US_REPRESENTATIVE: "house"}
    key = keys.get(recipient.kind)
    if key is None or not lines:
        return delivery_order(lines)
    org = phrase(language, key)
    joined = " ".join(lines)
    in_dc = "2051" in lines[-1] and "Washington" in lines[-1]
    if in_dc and org.lower() not in joined.lower():
        return delivery_order([org, *lines])
    return delivery_order(lines)


def inside_address(recipient: Recipient, language: str, office_index: int = 0) -> list[str]:
    """The recipient block of the letter, also printed on the envelope and the label."""
    office = choose_office(recipient, office_index)
    office_lines = list(office.lines) if office else []
    if is_whole_council(recipient):
        return [phrase(language, "council_body"), phrase(language, "clerk"), *office_lines]
    if recipient.kind == model.OTHER:
        head = [recipient.full_name] + ([recipient.title] if recipient.title else [])
    else:
        head = [phrase(language, "honorable").format(name=recipient.full_name)]
    if recipient.organization and recipient.organization not in office_lines:
        head.append(recipient.organization)
    if not office_lines and recipient.kind == model.US_SENATOR:
        office_lines = [phrase(language, "senate"), phrase(language, "senate_city")]
    elif not office_lines and recipient.kind == model.US_REPRESENTATIVE:
        city = phrase(language, "house_city").format(zip=house_zip(recipient))
        office_lines = [phrase(language, "house"), city]
    return head + _with_organization(recipient, office_lines, language)


def salutation(recipient: Recipient, language: str, state_hint: str = "") -> str:
    if is_whole_council(recipient):
        return phrase(language, "dear_council")
    title = greeting_title(recipient, state_hint)
    last = recipient.last_name or last_name_of(recipient.full_name)
    text = greeting(language, title, last, recipient.gender) if title and last else ""
    return text or name_greeting(language, recipient.full_name, recipient.gender)


def template_context(recipient: Recipient) -> dict[str, str | bool]:
    """What a template body may say about its recipient (``recipient.chamber`` and so on).
    ``whole_body``: the letter goes to a whole council, so a Spanish body speaks in the plural."""
    return {
        "whole_body": is_whole_council(recipient),
        "gender": recipient.gender,
        "chamber": chamber_of(recipient),
        "title": recipient.title,
        "full_name": recipient.full_name,
        "last_name": recipient.last_name or last_name_of(recipient.full_name),
        "state": recipient.state,
        "district": recipient.district,
        "kind": recipient.kind,
    }


KIND_MATCHES = {
    "congress": (model.US_SENATOR, model.US_REPRESENTATIVE),
    "state_legislator": (model.STATE_UPPER, model.STATE_LOWER),
    "city_council": (model.CITY_COUNCIL,),
}


def suits_template(recipient: Recipient, template_kind: str) -> bool:
    allowed = KIND_MATCHES.get(template_kind)
    return allowed is None or recipient.kind in allowed or recipient.kind == model.OTHER
