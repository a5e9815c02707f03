"""Letters printed: text read back from the PDFs, markup printed literally, envelopes, labels."""

from __future__ import annotations

import datetime as dt

from letters_helpers import COUNCIL, SENATOR, SENDER, page_sizes, pdf_text

from toolkit.letters.catalog import get_template
from toolkit.letters.compose import Letter, compose
from toolkit.letters.letter_pdf import REPLACEMENT, page_count, render_letter
from toolkit.letters.mailing import envelopes_pdf, labels_pdf

DAY = dt.date(2026, 11, 25)


def _letter(**changes: str) -> Letter:
    return compose(get_template("federal-dhs-funding"), {**SENDER, **changes}, SENATOR, "en", DAY)


def test_pdf_holds_sender_recipient_greeting_and_story() -> None:
    rendered = render_letter(_letter())
    text = pdf_text(rendered.pdf)
    for expected in (
        "Ana Ruiz",
        "1200 W Cermak Rd",
        "The Honorable Richard J. Durbin",
        "Dear Senator Durbin:",
        SENDER["story"],
        "Sincerely,",
    ):
        assert expected in text
    assert rendered.pages == [1]
    assert page_sizes(rendered.pdf) == [(612.0, 792.0)]


def test_markup_characters_print_literally_on_a4() -> None:
    letter = _letter(sender_name="Ana <b>Ruiz</b> & Sons", story="5 < 6 && 7 > 3 <br/>")
    rendered = render_letter(letter, "a4")
    text = pdf_text(rendered.pdf)
    assert "Ana <b>Ruiz</b> & Sons" in text
    assert "5 < 6 && 7 > 3 <br/>" in text
    width, height = page_sizes(rendered.pdf)[0]
    assert round(width) == 595 and round(height) == 842


def test_edited_text_is_what_prints() -> None:
    letter = _letter().edited("Only this line, edited by hand.")
    assert pdf_text(render_letter(letter).pdf).strip() == "Only this line, edited by hand."


def test_emoji_is_replaced_visibly_and_reported() -> None:
    rendered = render_letter(_letter(story="Thank you 😀 señor"))
    assert rendered.warnings[0] and "😀" in rendered.warnings[0][0]
    text = pdf_text(rendered.pdf)
    assert f"Thank you {REPLACEMENT} señor" in text


def test_long_letter_is_counted_as_two_pages() -> None:
    letter = _letter()
    long_text = letter.text + ("\n\nA long paragraph of text. " * 3 + "x") * 30
    assert page_count(letter.edited(long_text)) >= 2
    assert page_count(letter) == 1


def test_envelopes_and_labels_page_sizes() -> None:
    letters = [
        _letter(),
        compose(
            get_template("city-sanctuary"), {**SENDER, "city_name": "Chicago"}, COUNCIL, "en", DAY
        ),
    ]
    envelopes = envelopes_pdf(letters)
    assert page_sizes(envelopes) == [(684.0, 297.0)] * 2
    envelope_text = pdf_text(envelopes)
    # USPS Publication 28: upper case, no punctuation, the delivery line above the city line.
    assert "ANA RUIZ" in envelope_text and "C/O CITY CLERK" in envelope_text
    assert "121 N LASALLE ST ROOM 107\nCHICAGO IL 60602" in envelope_text
    labels = labels_pdf(letters * 16, "letter")
    assert page_sizes(labels) == [(612.0, 792.0)] * 2
    assert pdf_text(labels).count("CHICAGO IL 60604") == 16
    a4 = labels_pdf(letters, "a4")
    assert [round(v) for v in page_sizes(a4)[0]] == [595, 842]
