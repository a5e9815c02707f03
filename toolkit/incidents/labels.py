"""The words people see for each field, grouped in the sections the form and report share."""

from __future__ import annotations

from toolkit.i18n import N_

LABELS: dict[str, str] = {
    "start_date": N_("Date it started"),
    "start_time": N_("Time it started"),
    "end_date": N_("Date it ended"),
    "end_time": N_("Time it ended"),
    "place_address": N_("Address or location"),
    "place_description": N_("Description of the place"),
    "what_happened": N_("What happened"),
    "what_was_said": N_("What was said"),
    "force_injuries": N_("Force used and injuries"),
    "property_taken": N_("Property taken"),
    "agencies": N_("Agencies involved"),
    "agency_other": N_("Agency details"),
    "officer_count": N_("Number of officers"),
    "officers": N_("Officers: names and badge numbers"),
    "uniforms": N_("Uniforms and markings"),
    "vehicles": N_("Vehicles and license plates"),
    "papers": N_("Papers shown"),
    "papers_signed_by": N_("Who signed the papers"),
    "papers_name_address": N_("Name and address on the papers"),
    "detained": N_("People detained"),
    "witnesses": N_("Witnesses"),
    "told": N_("Who has been told"),
    "told_notes": N_("Notes on who was told"),
    "follow_up": N_("Follow-up"),
    "reporter_anonymous": N_("The reporter stays anonymous"),
    "reporter_name": N_("Reporter's name"),
    "reporter_contact": N_("Reporter's contact"),
    "attested_by": N_("Taken down by (center staff)"),
    "attested_role": N_("Their role at the center"),
    "attested_date": N_("Date it was taken down"),
}

COLUMN_LABELS: dict[str, str] = {
    "name": N_("Name"),
    "badge": N_("Badge number"),
    "description": N_("Vehicle (color, make, markings)"),
    "plate": N_("License plate"),
    "a_number": N_("A-number"),
    "taken_to": N_("Where they were taken"),
    "contact": N_("How to reach them"),
    "when": N_("Date and time"),
}

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("When and where"),
        ("start_date", "start_time", "end_date", "end_time", "place_address", "place_description"),
    ),
    (N_("What happened"), ("what_happened", "what_was_said", "force_injuries", "property_taken")),
    (
        N_("Officers"),
        ("agencies", "agency_other", "officer_count", "officers", "uniforms", "vehicles"),
    ),
    (N_("Papers"), ("papers", "papers_signed_by", "papers_name_address")),
    (N_("People"), ("detained", "witnesses")),
    (N_("Follow-up"), ("told", "told_notes", "follow_up")),
    (N_("Reporter"), ("reporter_anonymous", "reporter_name", "reporter_contact")),
    (N_("Taken down by"), ("attested_by", "attested_role", "attested_date")),
)
# Fields the report prints in the attestation, not in the statement.
ATTESTATION = ("attested_by", "attested_role", "attested_date")
