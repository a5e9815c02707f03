"""The incident record: every field a person may fill in, validation, and JSON (de)serialization.

Only the start date is required. Lists of people and vehicles are small dataclasses so the
report and the form can show them as rows.
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from toolkit.digits import western_digits
from toolkit.errors import UserError
from toolkit.i18n import N_, _
from toolkit.incidents.labels import LABELS

AGENCIES: dict[str, str] = {
    "ICE": N_("ICE (Immigration and Customs Enforcement)"),
    "CBP": N_("CBP (Customs and Border Protection)"),
    "police": N_("Police"),
    "sheriff": N_("Sheriff"),
    "other": N_("Other agency"),
    "unknown": N_("Unknown agency"),
}
PAPERS: dict[str, str] = {
    "": N_("Not filled in"),
    "none": N_("No papers shown"),
    "administrative_i200": N_("Administrative warrant (form I-200)"),
    "administrative_i205": N_("Administrative warrant (form I-205)"),
    "judicial": N_("Judicial warrant (signed by a judge)"),
    "other": N_("Other papers"),
    "unknown": N_("Not sure what papers"),
}
TOLD: dict[str, str] = {
    "lawyer": N_("A lawyer"),
    "hotline": N_("A hotline"),
    "family": N_("Family"),
}
MAX_TEXT = 100_000


class RecordError(UserError):
    """A record that cannot be saved as given; the message names the field."""


def new_id() -> str:
    return secrets.token_hex(6)


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass
class Officer:
    name: str = ""
    badge: str = ""


@dataclass
class Vehicle:
    description: str = ""
    plate: str = ""


@dataclass
class Detained:
    name: str = ""
    a_number: str = ""
    taken_to: str = ""
    when: str = ""


@dataclass
class Witness:
    name: str = ""
    contact: str = ""
    when: str = ""


ROW_TYPES: dict[str, type[Any]] = {
    "officers": Officer,
    "vehicles": Vehicle,
    "detained": Detained,
    "witnesses": Witness,
}


@dataclass
class Incident:
    start_date: str = ""
    start_time: str = ""
    end_date: str = ""
    end_time: str = ""
    place_address: str = ""
    place_description: str = ""
    what_happened: str = ""
    # Every agency involved (keys of AGENCIES); older records held one "agency" (see upgrade).
    agencies: list[str] = field(default_factory=list)
    agency_other: str = ""
    officer_count: int | None = None
    officers: list[Officer] = field(default_factory=list)
    uniforms: str = ""
    vehicles: list[Vehicle] = field(default_factory=list)
    papers: str = ""
    papers_signed_by: str = ""
    papers_name_address: str = ""
    what_was_said: str = ""
    force_injuries: str = ""
    property_taken: str = ""
    detained: list[Detained] = field(default_factory=list)
    witnesses: list[Witness] = field(default_factory=list)
    told: list[str] = field(default_factory=list)
    told_notes: str = ""
    follow_up: str = ""
    reporter_anonymous: bool = False
    reporter_name: str = ""
    reporter_contact: str = ""
    # The center staff member who took the account down, for the report's attestation.
    attested_by: str = ""
    attested_role: str = ""
    attested_date: str = ""
    id: str = field(default_factory=new_id)
    created: str = field(default_factory=now_utc)
    updated: str = ""
    # The "created" an imported JSON file gave: a claim of that file, never shown as fact.
    created_stated: str = ""

    def validate(self) -> None:
        """Raise RecordError naming the first field that cannot be saved."""
        if not self.start_date:
            raise RecordError(_("The date of the incident is required (start date)."))
        # Messages name the fields as the form labels them, never by their internal names.
        check_date(_(LABELS["start_date"]), self.start_date)
        check_date(_(LABELS["end_date"]), self.end_date)
        check_time(_(LABELS["start_time"]), self.start_time)
        check_time(_(LABELS["end_time"]), self.end_time)
        if self.end_date and self.end_date < self.start_date:
            raise RecordError(_("The end date is before the start date."))
        check_date(_(LABELS["attested_date"]), self.attested_date)
        for agency in self.agencies:
            if agency not in AGENCIES:
                raise RecordError(
                    _("Unknown agency {value!r}. Use one of: {choices}").format(
                        value=agency, choices=", ".join(AGENCIES)
                    )
                )
        for name in ("detained", "witnesses"):
            for row in getattr(self, name):
                check_when(_(LABELS[name]), row.when)
        if self.papers not in PAPERS:
            raise RecordError(
                _("Unknown kind of papers {value!r}. Use one of: {choices}").format(
                    value=self.papers, choices=", ".join(k for k in PAPERS if k)
                )
            )
        if self.officer_count is not None and not 0 <= self.officer_count <= 10_000:
            raise RecordError(_("The number of officers must be between 0 and 10000."))
        for item in self.told:
            if item not in TOLD:
                raise RecordError(
                    _("Unknown entry {value!r} in told. Use: {choices}").format(
                        value=item, choices=", ".join(TOLD)
                    )
                )
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise RecordError(
                    _("The field {name} is too long (at most {n} characters).").format(
                        name=f.name, n=MAX_TEXT
                    )
                )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def search_text(self) -> str:
        """All text of the record, folded for accent- and case-insensitive search."""
        parts: list[str] = []
        for value in self.to_dict().values():
            if isinstance(value, list):
                for item in value:
                    parts.extend(item.values() if isinstance(item, dict) else [str(item)])
            elif value is not None:
                parts.append(str(value))
        return fold(" \n".join(parts))

    def title(self) -> str:
        """A one-line label for lists: date, time and the start of the place or story."""
        when = " ".join(p for p in (self.start_date, self.start_time) if p)
        summary = self.place_address or self.what_happened or self.place_description
        summary = " ".join(summary.split())
        if len(summary) > 70:
            summary = summary[:69] + "…"
        return f"{when} · {summary}" if summary else when


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(record: Incident, query: str) -> bool:
    words = fold(query).split()
    haystack = record.search_text()
    return all(word in haystack for word in words)


def check_date(name: str, value: str) -> None:
    if not value:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise RecordError(
            _("{name}: {value!r} is not a date; write it as YYYY-MM-DD.").format(
                name=name, value=value
            )
        ) from None


def check_time(name: str, value: str) -> None:
    if not value:
        return
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        raise RecordError(
            _("{name}: {value!r} is not a time; write it as HH:MM (24-hour).").format(
                name=name, value=value
            )
        ) from None


def check_when(name: str, value: str) -> None:
    """A row's date and time: YYYY-MM-DD, YYYY-MM-DD HH:MM, or HH:MM (on the start date)."""
    if not value:
        return
    date, _sep, time = value.strip().rpartition(" ")
    if not date and ":" not in time:
        date, time = time, ""
    try:
        if date:
            dt.date.fromisoformat(date)
        if time:
            dt.time.fromisoformat(time)
    except ValueError:
        raise RecordError(
            _(
                "{name}: {value!r} is not a date and time; write it as YYYY-MM-DD HH:MM "
                "(24-hour), or HH:MM for the day it started."
            ).format(name=name, value=value)
        ) from None


def field_names() -> list[str]:
    return [f.name for f in fields(Incident)]


# Typed as YYYY-MM-DD or HH:MM, perhaps on an Arabic or Persian keyboard: kept in ASCII digits.
DATE_TIME_FIELDS = ("start_date", "start_time", "end_date", "end_time", "attested_date")


def _rows(name: str, raw: Any) -> list[Any]:
    row_type = ROW_TYPES[name]
    if not isinstance(raw, list):
        raise RecordError(_("The field {name} must be a list.").format(name=name))
    allowed = {f.name for f in fields(row_type)}
    rows = []
    for item in raw:
        if isinstance(item, str):
            item = {fields(row_type)[0].name: item}
        if not isinstance(item, dict) or not set(item) <= allowed:
            raise RecordError(
                _("Each entry of {name} must have only these keys: {keys}").format(
                    name=name, keys=", ".join(f.name for f in fields(row_type))
                )
            )
        if not all(isinstance(v, str) for v in item.values()):
            raise RecordError(_("The entries of {name} must be text.").format(name=name))
        if "when" in item:
            item = {**item, "when": western_digits(item["when"])}
        if any(v.strip() for v in item.values()):
            rows.append(row_type(**item))
    return rows


def from_dict(raw: Any, *, validate: bool = True) -> Incident:
    """Build a record from JSON data, naming any unknown key or wrong type."""
    if not isinstance(raw, dict):
        raise RecordError(_("A record must be a JSON object with field names as keys."))
    defaults = Incident()
    known = {f.name: f for f in fields(Incident)}
    values: dict[str, Any] = {}
    raw = upgrade(raw)
    for key, value in raw.items():
        if key not in known:
            raise RecordError(
                _(
                    "Unknown field {name!r}. Run 'toolkit incidents template' to see the fields."
                ).format(name=key)
            )
        if key in ROW_TYPES:
            values[key] = _rows(key, value)
        elif key == "officer_count":
            if value in (None, ""):
                values[key] = None
            elif isinstance(value, int) and not isinstance(value, bool):
                values[key] = value
            else:
                raise RecordError(_("officer_count must be a whole number."))
        elif key == "told":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RecordError(_('told must be a list such as ["lawyer", "family"].'))
            values[key] = list(value)
        elif key == "agencies":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RecordError(_('agencies must be a list such as ["ICE", "police"].'))
            values[key] = list(dict.fromkeys(v for v in value if v))
        elif key == "reporter_anonymous":
            if not isinstance(value, bool):
                raise RecordError(_("reporter_anonymous must be true or false."))
            values[key] = value
        else:
            if value is None:
                value = ""
            if not isinstance(value, str):
                raise RecordError(_("The field {name} must be text.").format(name=key))
            values[key] = western_digits(value) if key in DATE_TIME_FIELDS else value
    record = Incident(**{**{"id": defaults.id, "created": defaults.created}, **values})
    if record.reporter_anonymous:
        record.reporter_name = ""
        record.reporter_contact = ""
    if validate:
        record.validate()
    return record


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Older data (records, drafts, JSON files) named one ``agency``: it joins ``agencies``."""
    if "agency" not in raw:
        return raw
    data = dict(raw)
    old = data.pop("agency")
    if old in (None, ""):
        return data
    if not isinstance(old, str):
        raise RecordError(_("The field {name} must be text.").format(name="agency"))
    agencies = data.get("agencies") or []
    if not isinstance(agencies, list):
        raise RecordError(_('agencies must be a list such as ["ICE", "police"].'))
    data["agencies"] = [*agencies, old] if old not in agencies else agencies
    return data


def template() -> dict[str, Any]:
    """An empty record with one example row per list, for people filling in JSON by hand."""
    data = Incident(id="", created="").to_dict()
    for name in ("id", "created", "updated", "created_stated"):
        data.pop(name)
    for name, row_type in ROW_TYPES.items():
        data[name] = [asdict(row_type())]
    return data
