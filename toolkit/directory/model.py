"""A recipient of a letter, whatever directory or address book it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of recipient; letter templates address each kind its own way.
US_SENATOR = "us_senator"
US_REPRESENTATIVE = "us_representative"
STATE_UPPER = "state_upper"
STATE_LOWER = "state_lower"
CITY_COUNCIL = "city_council"
OTHER = "other"

KINDS = (US_SENATOR, US_REPRESENTATIVE, STATE_UPPER, STATE_LOWER, CITY_COUNCIL, OTHER)

FEMALE = "F"
MALE = "M"


def gender_code(raw: object) -> str:
    """ "F" or "M" from the datasets' spellings (congress-legislators "F"/"M", Open States
    "Female"/"Male"); anything else, "Other" included, is "" so that no greeting guesses."""
    text = str(raw or "").strip().lower()
    if text in ("f", "female"):
        return FEMALE
    if text in ("m", "male"):
        return MALE
    return ""


@dataclass(frozen=True)
class Office:
    """A mailing address: ``lines`` are printed as given, one per line."""

    label: str  # "Washington", "District office (Chicago)", "Capitol", ...
    lines: tuple[str, ...]
    phone: str = ""
    fax: str = ""


@dataclass(frozen=True)
class Recipient:
    id: str  # stable: bioguide id, Open States person id, or "book-<n>"
    kind: str  # one of KINDS
    full_name: str
    last_name: str
    title: str = ""  # "Senator", "Representative", "Assemblymember", "Councilmember"
    chamber: str = ""  # "senate" | "house" | "upper" | "lower" | "council" | ""
    state: str = ""  # two-letter code
    district: str = ""  # "7", "0" for at-large, "" for senators
    party: str = ""
    term_end: str = ""  # ISO date, "" if unknown
    offices: tuple[Office, ...] = field(default_factory=tuple)
    source: str = ""  # "congress-legislators 2026-06-15", "openstates", "address book"
    organization: str = ""  # "United States Senate", "City Council of Springfield"
    gender: str = (
        ""  # "F" or "M" as the dataset gives it; "" when unknown (a greeting stays neutral)
    )

    @property
    def honorific_name(self) -> str:
        return f"The Honorable {self.full_name}"
