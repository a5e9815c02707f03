"""Dates print in the language of the card or flyer, not in English."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from toolkit import calendar_names
from toolkit.cards.content import LANGUAGES as CARD_LANGUAGES
from toolkit.content_dates import long_date, month_year

DAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("language", sorted(calendar_names.LANGUAGES))
def test_every_language_has_twelve_months(language: str) -> None:
    words = calendar_names.LANGUAGES[language]
    assert len(words.months) == 12
    assert not words.months_of or len(words.months_of) == 12
    assert "December" not in month_year(DAY, language)
    assert "2026" in long_date(DAY, language)


def test_every_card_language_has_its_own_date_words() -> None:
    covered = {"en", "es", *calendar_names.LANGUAGES}
    assert set(CARD_LANGUAGES) <= covered


@pytest.mark.parametrize(
    ("language", "expected"),
    [("vi", "tháng 12 năm 2026"), ("fr", "décembre 2026"), ("ru", "декабрь 2026 г.")],
)
def test_flyer_prints_its_date_in_its_language(language: str, expected: str) -> None:
    from toolkit.cards.flyer_pdf import FlyerRequest, render_flyer

    pdf = render_flyer(FlyerRequest("rights-at-the-door", language, today=DAY)).pdf
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert expected in text
