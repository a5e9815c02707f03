from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest
from incidents_support import PASS, full_record, new_vault

from toolkit.incidents import record, vault
from toolkit.incidents.record import Incident, RecordError


def test_every_field_survives_save_lock_and_unlock(data_dir: Path) -> None:
    opened, _code = new_vault(data_dir)
    original = full_record()
    # Every field of the model is filled, so the round trip covers them all.
    empty = Incident()
    unfilled = [
        f.name
        for f in fields(Incident)
        if getattr(original, f.name) == getattr(empty, f.name) and f.name not in ("created",)
    ]
    assert unfilled in ([], ["reporter_anonymous"], ["updated"], ["reporter_anonymous", "updated"])
    opened.save(original)
    opened.lock()
    again = vault.Vault("default", data_dir)
    again.unlock(PASS)
    assert again.get(original.id) == original
    again.lock()


def test_json_round_trip_and_template_keys() -> None:
    original = full_record()
    data = json.loads(json.dumps(original.to_dict()))
    assert record.from_dict(data) == original
    template = record.template()
    internal = {"id", "created", "updated", "created_stated"}
    assert set(template) == set(record.field_names()) - internal
    filled = {**template, "start_date": "2025-01-02"}
    parsed = record.from_dict(filled)
    assert parsed.officers == [] and parsed.start_date == "2025-01-02"


def test_only_the_date_is_required() -> None:
    assert record.from_dict({"start_date": "2025-01-02"}).what_happened == ""
    with pytest.raises(RecordError, match="start date"):
        record.from_dict({"what_happened": "something"})


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"start_date": "1/2/2025"}, "Date it started"),  # the label people see
        ({"start_date": "2025-01-02", "colour": "x"}, "colour"),
        ({"start_date": "2025-01-02", "agency": "FBI"}, "agency"),
        ({"start_date": "2025-01-02", "papers": "warrant"}, "papers"),
        ({"start_date": "2025-01-02", "officer_count": "three"}, "officer_count"),
        ({"start_date": "2025-01-02", "officers": [{"rank": "x"}]}, "officers"),
        ({"start_date": "2025-01-02", "start_time": "7pm"}, "Time it started"),
    ],
)
def test_bad_input_names_the_field(data: dict[str, object], words: str) -> None:
    with pytest.raises(RecordError, match=words):
        record.from_dict(data)


def test_dates_typed_in_arabic_or_persian_digits_are_the_same_dates() -> None:
    made = record.from_dict(
        {
            "start_date": "٢٠٢٦-١١-٣٠",  # Arabic-Indic
            "start_time": "۰۶:۱۰",  # Persian
            "end_date": "2026-11-30",
            "witnesses": [{"name": "Ana", "when": "۰۷:۲۰"}],
            "place_address": "شارع ١٢",  # text keeps its digits
        }
    )
    assert (made.start_date, made.start_time) == ("2026-11-30", "06:10")
    assert made.witnesses[0].when == "07:20"
    assert made.place_address.endswith("١٢")
    with pytest.raises(RecordError, match="before the start"):
        record.from_dict({"start_date": "٢٠٢٧-٠١-٠١", "end_date": "2026-12-01"})


def test_anonymous_reporter_keeps_no_name() -> None:
    parsed = record.from_dict(
        {"start_date": "2025-01-02", "reporter_anonymous": True, "reporter_name": "Ana"}
    )
    assert parsed.reporter_name == ""


def test_search_ignores_case_and_accents() -> None:
    item = full_record()
    assert record.matches(item, "garcia broadview")
    assert record.matches(item, "NGUYEN")
    assert not record.matches(item, "garcia tucson")
