"""Letter layout: the signature never alone on a page, a header on page 2, envelopes and labels
in USPS Publication 28 form, address lines kept as the address book holds them."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from letters_helpers import REPRESENTATIVE, SENATOR, SENDER, pdf_text
from pypdf import PdfReader

from toolkit.directory.addressbook import BookEntry, address_lines, clean_entry, to_recipient
from toolkit.letters.addressing import delivery_order
from toolkit.letters.catalog import get_template, list_templates
from toolkit.letters.compose import compose
from toolkit.letters.letter_pdf import letter_style, render_letter
from toolkit.letters.mailing import envelopes_pdf, labels_pdf, usps_line, usps_lines

DAY = dt.date(2026, 11, 25)
LONG = ("My neighbor was detained outside the school by agents without identification. " * 19)[
    :1490
]


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("language", ["en", "es"])
def test_federal_letters_fit_one_page_with_a_short_story(language: str) -> None:
    for meta in (m for m in list_templates("federal", language) if m.level == "federal"):
        for recipient in (SENATOR, REPRESENTATIVE):
            letter = compose(meta, SENDER, recipient, language, DAY)
            assert render_letter(letter).pages == [1], (meta.id, recipient.id)


@pytest.mark.parametrize(
    ("language", "close", "page"),
    [("en", "Sincerely,", "Page 2"), ("es", "Atentamente,", "Página 2")],
)
def test_a_second_page_has_a_header_and_never_the_signature_alone(
    language: str, close: str, page: str
) -> None:
    meta = get_template("blank")
    body = "\n\n".join([LONG[:1300]] * 3)
    letter = compose(meta, {**SENDER, "story": LONG, "body": body}, SENATOR, language, DAY)
    rendered = render_letter(letter)
    assert rendered.pages == [2]
    first, second = pages_text(rendered.pdf)
    assert page in second and "Richard J. Durbin" in second and letter.date_text in second
    assert page not in first
    assert close in second and "Ana Ruiz" in second
    # The closing comes with the paragraph before it, not on its own.
    before = second[second.index(page) + len(page) : second.index(close)]
    assert len(before.split()) > 5
    style = letter_style()
    assert style.allowWidows == 0 and style.allowOrphans == 0


def test_usps_publication_28_form() -> None:
    assert usps_line("1200 W. Cermak Rd., Apt. #2") == "1200 W CERMAK RD APT #2"
    assert usps_line("Washington, DC 20515-1304") == "WASHINGTON DC 20515-1304"
    assert usps_line("U.S. House of Representatives") == "US HOUSE OF REPRESENTATIVES"
    lines = ["The Honorable X", "711 Hart Senate Office Building", "United States Senate",
             "Washington, DC 20510"]  # fmt: skip
    assert usps_lines(lines) == [
        "THE HONORABLE X",
        "UNITED STATES SENATE",
        "711 HART SENATE OFFICE BUILDING",
        "WASHINGTON DC 20510",
    ]
    assert delivery_order(["A", "230 S Dearborn St", "Suite 3892", "Chicago, IL 60604"]) == [
        "A",
        "230 S Dearborn St",
        "Suite 3892",
        "Chicago, IL 60604",
    ]


def test_address_book_lines_are_kept_on_letter_envelope_and_label() -> None:
    assert address_lines("121 N LaSalle St, Room 107, Chicago, IL 60602") == (
        "121 N LaSalle St, Room 107",
        "Chicago, IL 60602",
    )
    assert address_lines("City Hall | 121 N LaSalle St | Chicago, IL 60602") == (
        "City Hall",
        "121 N LaSalle St",
        "Chicago, IL 60602",
    )
    entry = clean_entry(
        BookEntry(
            "Maria Hadden", "Alderperson", "", "City Hall\n121 N LaSalle St\nChicago, IL 60602"
        )
    )
    person = replace(to_recipient(1, entry), state="IL")
    letter = compose(
        get_template("city-sanctuary"), {**SENDER, "city_name": "Chicago"}, person, "en", DAY
    )
    assert "City Hall\n121 N LaSalle St\nChicago, IL 60602" in letter.text
    for pdf in (envelopes_pdf([letter]), labels_pdf([letter])):
        assert "CITY HALL\n121 N LASALLE ST\nCHICAGO IL 60602" in pdf_text(pdf)
