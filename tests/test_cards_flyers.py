"""Flyers: every flyer in every language fits one page, with no missing glyph."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from toolkit.cards.flyer_content import FLYER_IDS, flyer_languages, load_flyers
from toolkit.cards.flyer_pdf import EventDetails, FlyerFitError, FlyerRequest, render_flyer
from toolkit.cards.sheet_layout import PAGES
from toolkit.content_dates import month_year
from toolkit.errors import UserError
from toolkit.pdf.scripts import missing_glyphs

EVENT = EventDetails(
    "Know your rights night", "Saturday, March 7, 10 am", "Library, 12 Main St", "A friend"
)


def test_all_twelve_languages_have_flyers() -> None:
    assert len(flyer_languages()) == 12


@pytest.mark.parametrize("code", flyer_languages())
@pytest.mark.parametrize("flyer_id", FLYER_IDS)
def test_flyer_fits_one_page_without_missing_glyphs(flyer_id: str, code: str) -> None:
    paper = "a4" if code in ("ru", "fa") else "letter"  # A4 is shorter than Letter is wide
    request = FlyerRequest(
        flyer_id, code, paper, True, "W" * 60, "+1 (555) 010-0199 x12345", event=EVENT
    )
    rendered = render_flyer(request)
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages) == 1
    missing = {(p.font, ch) for p in rendered.pieces for ch in missing_glyphs(p.font, p.logical)}
    assert missing == set()
    width, height = PAGES[paper]
    unrotated = [p for p in rendered.pieces if p.y > 140]
    assert all(p.x >= 0 and p.x + p.width <= width + 0.01 and p.y < height for p in unrotated)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_flyer_has_legal_line_with_date_and_branding(paper: str, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    Image.new("RGB", (200, 80), "navy").save(logo)
    rendered = render_flyer(
        FlyerRequest(
            "rights-at-the-door", "en", paper, False, "Eastside Center", "555-0100", str(logo)
        )
    )
    text = PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text()
    assert "Eastside Center" in text and "555-0100" in text
    assert month_year(load_flyers("en").dates.facts_checked, "en") in " ".join(text.split())


def test_tear_off_needs_a_hotline() -> None:
    with pytest.raises(UserError, match="hotline"):
        render_flyer(FlyerRequest("rights-at-the-door", "en", tear_off=True))


def test_event_flyer_needs_title_and_too_long_text_fails_clearly() -> None:
    with pytest.raises(UserError, match="title"):
        render_flyer(FlyerRequest("event", "en"))
    long = EventDetails("Workshop " * 40, "Today", "Here", "Bring " * 300)
    with pytest.raises(FlyerFitError, match="one page"):
        render_flyer(FlyerRequest("event", "en", event=long))
