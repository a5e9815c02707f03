"""Letters: catalog, field checks, addressing and the composed text."""

from __future__ import annotations

import datetime as dt

import pytest
from letters_helpers import ASSEMBLYMEMBER, COUNCIL, REPRESENTATIVE, SENATOR, SENDER

from toolkit.letters.addressing import manual_recipient
from toolkit.letters.catalog import TemplateError, get_template, list_templates
from toolkit.letters.compose import compose, copy_text
from toolkit.letters.fields import FieldError

DAY = dt.date(2026, 11, 25)


def test_catalog_lists_by_level_and_language() -> None:
    ids = {m.id for m in list_templates()}
    assert len(ids) >= 12 and "blank" in ids
    city = list_templates("city", "es")
    assert {m.level for m in city} == {"city", "any"}
    assert all("es" in m.languages for m in city)
    assert get_template("federal-qi-federal-agents").bills[0].number.startswith("H.R.")


def test_unknown_template_names_it() -> None:
    with pytest.raises(TemplateError, match="no-such-letter"):
        get_template("no-such-letter")


def test_senate_letter_has_every_part_in_order() -> None:
    letter = compose(get_template("federal-qi-federal-agents"), SENDER, SENATOR, "en", DAY)
    text = letter.text
    parts = [
        "Ana Ruiz\n1200 W Cermak Rd\nChicago, IL 60608",
        "November 25, 2026",
        # A Chicago sender's letter goes to the Chicago district office, not to Washington.
        "The Honorable Richard J. Durbin\n230 S Dearborn St Suite 3892\nChicago, IL 60604",
        "Dear Senator Durbin:",
        "S. 3625",
        SENDER["story"],
        "Sincerely,",
    ]
    positions = [text.index(part) for part in parts]
    assert positions == sorted(positions)
    assert text.rstrip().endswith("Ana Ruiz")
    washington = compose(get_template("federal-qi-federal-agents"), SENDER, SENATOR, "en", DAY, 0)
    assert "711 Hart Senate Office Building\nUnited States Senate\nWashington, DC 20510" in (
        washington.text
    )


def test_spanish_date_greeting_and_close() -> None:
    letter = compose(get_template("federal-dhs-funding"), SENDER, REPRESENTATIVE, "es", DAY)
    assert "25 de noviembre de 2026" in letter.text
    assert "Estimado/a representante García:" in letter.text
    assert "Atentamente," in letter.text
    assert "U.S. House of Representatives\nWashington, DC 20515" in letter.text


def test_district_office_can_be_chosen() -> None:
    letter = compose(get_template("federal-dhs-funding"), SENDER, SENATOR, "en", DAY, 1)
    assert letter.mailing_address[1:] == ("230 S Dearborn St Suite 3892", "Chicago, IL 60604")


def test_state_and_city_greetings() -> None:
    state = compose(get_template("state-biometric-privacy"), SENDER, ASSEMBLYMEMBER, "en", DAY)
    assert "Dear Assemblymember Lee:" in state.text
    values = {**SENDER, "city_name": "Chicago"}
    council = compose(get_template("city-sanctuary"), values, COUNCIL, "en", DAY)
    assert council.mailing_address[:2] == (
        "Honorable Mayor and Members of the City Council",
        "c/o City Clerk",
    )
    person = manual_recipient("Maria Hadden", "Alderperson", "121 N LaSalle St", "city_council")
    named = compose(get_template("city-sanctuary"), values, person, "en", DAY)
    assert "Dear Alderperson Hadden:" in named.text


def test_missing_and_too_long_fields_are_named() -> None:
    values = {**SENDER, "sender_name": "", "story": "x" * 5000}
    with pytest.raises(FieldError) as caught:
        compose(get_template("federal-dhs-funding"), values, SENATOR, "en", DAY)
    assert set(caught.value.problems) == {"sender_name", "story"}
    assert "sender_name" in str(caught.value) and "5000" in str(caught.value)
    with pytest.raises(FieldError, match="body"):
        compose(get_template("blank"), SENDER, SENATOR, "en", DAY)


def test_every_template_composes_in_every_language() -> None:
    extra = {
        "city_name": "Chicago",
        "agenda_item": "Item 12",
        "bill_number": "SB 1",
        "body": "Please act.",
    }
    for meta in list_templates():
        recipient = {"city": COUNCIL, "state": ASSEMBLYMEMBER}.get(meta.level, SENATOR)
        values = {**SENDER, **{f.name: extra[f.name] for f in meta.fields}}
        for language in meta.languages:
            letter = compose(meta, values, recipient, language, DAY)
            assert SENDER["story"] in letter.text or meta.id == "blank"
            assert "{{" not in letter.text and "{%" not in letter.text


def test_copy_text_drops_the_signature_line_and_keeps_edits() -> None:
    letter = compose(get_template("federal-dhs-funding"), SENDER, SENATOR, "en", DAY)
    edited = letter.edited(letter.text.replace("Sincerely,", "With respect,"))
    text = copy_text(edited)
    assert "With respect," in text and "____" not in text


def test_district_office_nearest_the_sender_is_chosen() -> None:
    from toolkit.directory.model import US_SENATOR, Office, Recipient
    from toolkit.letters.addressing import nearest_office_index

    senator = Recipient(
        id="X1",
        kind=US_SENATOR,
        full_name="Pat Lee",
        last_name="Lee",
        chamber="senate",
        state="IL",
        offices=(
            Office("District office (Carbondale)", ("250 W. Cherry St.", "Carbondale, IL 62901")),
            Office("District office (Chicago)", ("230 S. Dearborn St.", "Chicago, IL 60604")),
            Office("Washington", ("711 Hart Senate Office Building", "Washington DC 20510")),
        ),
    )
    assert nearest_office_index(senator, "Chicago", "60608") == 1
    assert nearest_office_index(senator, "Cicero", "60650") == 1  # same mail region 606xx
    assert nearest_office_index(senator, "Peoria", "61602") == 0  # no match: first office
