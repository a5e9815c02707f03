"""Letters: catalog, field checks, addressing and the composed text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from letters_helpers import ASSEMBLYMEMBER, COUNCIL, REPRESENTATIVE, SENATOR, SENDER

from toolkit.directory.model import Recipient
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
    # The delivery line (the room) directly above the city line, as USPS Publication 28 asks.
    assert "United States Senate\n711 Hart Senate Office Building\nWashington, DC 20510" in (
        washington.text
    )


def test_spanish_date_greeting_and_close() -> None:
    letter = compose(get_template("federal-dhs-funding"), SENDER, REPRESENTATIVE, "es", DAY)
    assert "25 de noviembre de 2026" in letter.text
    # The helper's representative has no gender in the data: a neutral, finished greeting.
    assert "\nRepresentante García:\n" in letter.text
    assert "Estimado/a" not in letter.text
    assert "Atentamente," in letter.text
    # No office in the record: the House fallback with the ZIP+4 (IL is state 13, district 4).
    assert "U.S. House of Representatives\nWashington, DC 20515-1304" in letter.text


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


def test_a_zip_typed_in_persian_digits_prints_as_0_to_9() -> None:
    values = {**SENDER, "sender_zip": "۶۰۶۰۱"}
    letter = compose(get_template("federal-dhs-funding"), values, SENATOR, "en", DAY)
    assert "60601" in letter.text and "۶" not in letter.text
    with pytest.raises(FieldError, match="5-digit ZIP"):
        compose(
            get_template("federal-dhs-funding"), {**SENDER, "sender_zip": "۶۰۶"}, SENATOR, "en", DAY
        )


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


# Forms of address (review S-27..S-30) and the bills a letter asks for (O-5, S-31).

DUCKWORTH = replace(SENATOR, id="D000622", full_name="Tammy Duckworth", last_name="Duckworth")
CITY = {**SENDER, "city_name": "Chicago"}


def _state_member(state: str, gender: str = "", source: str = "Open States") -> Recipient:
    # As the Open States importer stores them: the title derived from the chamber.
    return replace(
        ASSEMBLYMEMBER, state=state, title="Representative", gender=gender, source=source
    )


def test_spanish_greetings_agree_with_the_members_gender() -> None:
    meta = get_template("federal-warrant-oversight")
    female = compose(meta, SENDER, replace(DUCKWORTH, gender="F"), "es", DAY)
    male = compose(meta, SENDER, replace(SENATOR, gender="M"), "es", DAY)
    rep = compose(meta, SENDER, replace(REPRESENTATIVE, gender="F"), "es", DAY)
    assert "\nEstimada senadora Duckworth:\n" in female.text
    assert "\nEstimado senador Durbin:\n" in male.text
    assert "\nEstimada representante García:\n" in rep.text
    assert "Dear Senator Duckworth:" in compose(meta, SENDER, DUCKWORTH, "en", DAY).text


def test_unknown_gender_gives_a_finished_neutral_greeting() -> None:
    meta = get_template("federal-warrant-oversight")
    senator = compose(meta, SENDER, SENATOR, "es", DAY)  # the helper has no gender
    assert "\nHonorable Richard J. Durbin:\n" in senator.text
    council = compose(get_template("city-sanctuary"), CITY, COUNCIL, "es", DAY)
    assert council.mailing_address[:2] == (
        "Honorable Alcaldía y Concejo Municipal",
        "c/o City Clerk",
    )
    assert "\nHonorable Alcaldía y Concejo Municipal:\n" in council.text
    person = manual_recipient("Maria Hadden", "Alderperson", "121 N LaSalle St", "city_council")
    assert (
        "\nHonorable Maria Hadden:\n"
        in compose(get_template("city-sanctuary"), CITY, person, "es", DAY).text
    )


def test_no_letter_ever_says_estimado_a() -> None:
    extra = {
        "city_name": "Chicago",
        "agenda_item": "Item 12",
        "bill_number": "SB 1",
        "body": "Hola.",
    }
    people = [SENATOR, REPRESENTATIVE, COUNCIL, ASSEMBLYMEMBER, _state_member("MD")]
    for meta in list_templates(language="es"):
        values = {**SENDER, **{f.name: extra[f.name] for f in meta.fields}}
        for person in people:
            text = compose(meta, values, person, "es", DAY).text
            assert "/a " not in text and "/sa " not in text and "o/a" not in text, (
                meta.id,
                person.id,
            )


def test_spanish_letters_to_a_whole_council_are_plural_throughout() -> None:
    for meta in list_templates("city", "es"):
        if meta.id == "blank":
            continue
        text = compose(meta, CITY, COUNCIL, "es", DAY).text
        body = text.split("Municipal:\n", 1)[1]
        assert "les escribo" in body and "pedirles que" in body, meta.id
        assert "Les agradeceré que me hagan saber" in body, meta.id
        for singular in ("le escribo", "pedirle que", "usted", "Le pido", "Le agradeceré"):
            assert singular not in body, (meta.id, singular)
        one = compose(meta, CITY, replace(COUNCIL, full_name="Maria Hadden"), "es", DAY).text
        assert "le escribo como residente a quien usted representa para pedirle que" in one


def test_state_titles_follow_each_states_chamber() -> None:
    meta = get_template("state-biometric-privacy")
    expected = {
        **dict.fromkeys(("CA", "NY", "NV", "NJ", "WI"), "Assembly Member"),
        **dict.fromkeys(("MD", "VA", "WV"), "Delegate"),
        "NE": "Senator",
        "IL": "Representative",
    }
    for state, title in expected.items():
        text = compose(meta, SENDER, _state_member(state), "en", DAY).text
        assert f"\nDear {title} Lee:\n" in text, state
    ca_f = compose(meta, SENDER, _state_member("CA", "F"), "es", DAY).text
    assert "\nEstimada asambleísta Lee:\n" in ca_f
    md_m = compose(meta, SENDER, _state_member("MD", "M"), "es", DAY).text
    assert "\nEstimado delegado Lee:\n" in md_m
    # A typed title is kept; a typed legislator without one gets the sender's state's title.
    typed = compose(meta, SENDER, ASSEMBLYMEMBER, "en", DAY).text
    assert "Dear Assemblymember Lee:" in typed
    person = manual_recipient(
        "Alex Lee", "", "1021 O Street\nSacramento, CA 95814", "state_legislator"
    )
    in_ca = compose(meta, {**SENDER, "sender_state": "CA"}, person, "en", DAY).text
    assert "\nDear Assembly Member Lee:\n" in in_ca


def test_federal_letter_asks_only_for_its_bills_and_says_they_expire() -> None:
    meta = get_template("federal-qi-federal-agents")
    assert sorted(b.number for b in meta.bills) == ["H.R. 7046", "H.R. 7284", "S. 3625"]
    senate = compose(meta, SENDER, SENATOR, "en", DAY).text
    house = compose(meta, SENDER, REPRESENTATIVE, "en", DAY).text
    assert "S. 3625" in senate and "H.R." not in senate and "S. 1913" not in senate
    assert "H.R. 7046" in house and "H.R. 7284" in house
    assert "H.R. 3602" not in house and "S. 3625" not in house
    assert "Section 1983" in house and "federal officers as well" in house  # W-2
    for text in (senate, house):
        assert "January 3, 2027" in text and "120th Congress" in text
    later = compose(meta, SENDER, REPRESENTATIVE, "en", dt.date(2027, 2, 1)).text
    assert "reintroduce" in later and "vote for H.R." not in later
    assert "were H.R. 7046 and H.R. 7284" in later
    es = compose(meta, SENDER, SENATOR, "es", dt.date(2027, 2, 1)).text
    assert "vuelva a presentar" in es and "119.º Congreso" in es and "S. 3625" in es
    assert "2027-01-03" in meta.status_in("en") or "January 3, 2027" in meta.status_in("en")
    assert "120" in meta.status_in("es")


def test_federal_status_notes_name_the_end_of_the_congress() -> None:
    for meta in list_templates("federal"):
        if meta.id == "blank":
            continue
        assert "January 3, 2027" in meta.status_in("en"), meta.id
        assert "3 de enero de 2027" in meta.status_in("es"), meta.id
        assert meta.dates.recheck_by == dt.date(2027, 1, 3), meta.id


def test_city_notes_warn_about_state_preemption_and_county_jails() -> None:
    for template_id in ("city-sanctuary", "city-judicial-warrants"):
        meta = get_template(template_id)
        assert "sheriff" in meta.status_in("en") and "forbid" in meta.status_in("en")
        assert "sheriff" in meta.status_in("es")
        help_text = meta.field("city_name").help_in("en")  # type: ignore[union-attr]
        assert "sheriff" in help_text
