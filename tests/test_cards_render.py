"""Rights card sheets: glyphs, fit, duplex alignment, branding and CJK embedding, per language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from toolkit.cards import content
from toolkit.cards.card_face import MIN_SIZE, PAD, Branding, CardFitError
from toolkit.cards.card_sheet import RenderedSheet, cards_pdf
from toolkit.cards.sheet_layout import back_slots, crop_marks, front_slots, geometry
from toolkit.pdf.scripts import missing_glyphs

LONGEST_ORG = "W" * 60  # Settings allow 60 characters; W is the widest letter
LONGEST_HOTLINE = "+1 (555) 010-0199 x12345"  # 24 characters, the Settings limit
WIDE = Branding(LONGEST_ORG, LONGEST_HOTLINE, qr=True)


def _inside_some_card(rendered: RenderedSheet) -> list[str]:
    rects = {(p.rect.x, p.rect.y, p.rect.w, p.rect.h) for p in rendered.placed}
    problems = []
    for piece in rendered.pieces:
        ok = any(
            x - 0.01 <= piece.x
            and piece.x + piece.width <= x + w + 0.01
            and y <= piece.y - piece.size * 0.3
            and piece.y + piece.size <= y + h
            for x, y, w, h in rects
        )
        if not ok:
            problems.append(piece.logical)
    return problems


@pytest.mark.parametrize("code", content.LANGUAGES)
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_language_fits_with_longest_branding_and_no_missing_glyph(
    code: str, paper: str
) -> None:
    rendered = cards_pdf([code], paper, "duplex", WIDE)
    assert rendered.pages == 2
    missing = {(p.font, ch) for p in rendered.pieces for ch in missing_glyphs(p.font, p.logical)}
    assert missing == set()
    assert _inside_some_card(rendered) == []
    fronts = [p for p in rendered.placed if p.side == "front"]
    # A QR code needs the larger card: 8 to a sheet, so its text stays at 7 points or more.
    assert len(fronts) == 8 and all(p.code == code for p in fronts)
    on_cards = [p for p in rendered.pieces if p.logical.strip()]
    assert min(p.size for p in on_cards) >= MIN_SIZE - 1e-6


@pytest.mark.parametrize("code", content.LANGUAGES)
def test_branding_on_every_front(code: str) -> None:
    rendered = cards_pdf([code], "letter", "duplex", Branding("Eastside Center", "555-0100"))
    for card in (p for p in rendered.placed if p.side == "front"):
        r = card.rect
        inside = [p.logical for p in rendered.pieces if r.x <= p.x < r.right and r.y <= p.y < r.top]
        text = " ".join(inside)
        assert "Eastside" in text and "555-0100" in text


def test_duplex_backs_mirror_fronts_in_layout_and_in_pdf() -> None:
    geo = geometry("letter", "duplex")
    for front, back in zip(front_slots(geo), back_slots(geo), strict=True):
        assert back.y == front.y
        assert back.x == pytest.approx(geo.page_w - front.x - front.w)
    rendered = cards_pdf(["en"], "letter", "duplex", Branding())
    pdf = PdfReader(io.BytesIO(rendered.pdf))

    def title_positions(page_index: int, title: str) -> set[tuple[float, float]]:
        found: set[tuple[float, float]] = set()

        def visit(text: str, cm: list[float], tm: list[float], *_args: object) -> None:
            if text.strip() == title:
                row = int((tm[5] - geo.grid_y) // geo.card_h)  # titles differ in size
                found.add((round(tm[4], 1), row))

        pdf.pages[page_index].extract_text(visitor_text=visit)
        return found

    fronts = title_positions(0, "Know your rights")
    backs = title_positions(1, "To the officer")
    assert len(fronts) == 10
    mirrored = {(round(geo.page_w - (x - PAD) - geo.card_w + PAD, 1), y) for x, y in fronts}
    assert backs == mirrored


def test_crop_marks_stay_outside_the_cards() -> None:
    for paper in ("letter", "a4"):
        geo = geometry(paper)
        for x0, y0, x1, y1 in crop_marks(geo):
            for slot in front_slots(geo):
                inside_x = slot.x < min(x0, x1) + 0.01 and max(x0, x1) < slot.right + 0.01
                inside_y = slot.y < min(y0, y1) + 0.01 and max(y0, y1) < slot.top + 0.01
                assert not (inside_x and inside_y and x0 != x1 and y0 != y1)
            assert not (
                geo.grid_x < x0 < geo.page_w - geo.grid_x
                and geo.grid_y < y0 < geo.page_h - geo.grid_y
                and geo.grid_x < x1 < geo.page_w - geo.grid_x
                and geo.grid_y < y1 < geo.page_h - geo.grid_y
            )


def test_mixed_sheet_five_spanish_five_english() -> None:
    rendered = cards_pdf(["es", "en"], "letter", "duplex", Branding("Center", "555"))
    fronts = [p.code for p in rendered.placed if p.side == "front"]
    assert fronts == ["es"] * 5 + ["en"] * 5
    text = PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text()
    assert "Conozca sus derechos" in text or "derechos" in text.lower()
    assert "Know your rights" in text


def test_count_makes_more_sheets_and_fold_layout_has_five_per_page() -> None:
    rendered = cards_pdf(["en"], "a4", "duplex", Branding(), count=12)
    assert rendered.pages == 4
    fold = cards_pdf(["en"], "letter", "fold", Branding(), count=7)
    assert fold.pages == 2
    assert len(PdfReader(io.BytesIO(fold.pdf)).pages) == 2
    first = [p for p in fold.placed if p.page == 1]
    fronts = [p.rect for p in first if p.side == "front"]
    backs = [p.rect for p in first if p.side == "back"]
    assert [b.x for b in backs] == [f.right for f in fronts]


@pytest.mark.parametrize("code", ["zh-Hans", "ko"])
def test_cjk_font_is_embedded_truetype_and_text_extractable(code: str) -> None:
    rendered = cards_pdf([code], "letter", "duplex", Branding("Eastside", "555-0100"))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    page = reader.pages[0]
    embedded = []
    for font in page["/Resources"]["/Font"].values():
        font = font.get_object()
        descriptor = font.get("/FontDescriptor")
        if descriptor is not None and "CJK" in str(font["/BaseFont"]):
            embedded.append("/FontFile2" in descriptor.get_object())
    assert embedded and all(embedded)
    assert content.load_card(code).title in page.extract_text()


def test_too_long_custom_wording_gives_clear_error(data_dir: Path) -> None:
    card = content.load_card("ru")
    card.points = [("Ш" * 12 + " ") * 15] * 5
    card.points = [p[:200] for p in card.points]
    content.save_custom(card)
    with pytest.raises(CardFitError, match="Russian"):
        cards_pdf(["ru"], "letter", "duplex", WIDE)


def test_custom_wording_is_used_and_can_be_restored(data_dir: Path) -> None:
    card = content.load_card("es")
    card.title = "Sus derechos (Centro Este)"
    content.save_custom(card)
    assert content.load_card("es").custom
    rendered = cards_pdf(["es"], "letter", "duplex", Branding())
    assert "Centro Este" in PdfReader(io.BytesIO(rendered.pdf)).pages[0].extract_text()
    assert content.restore_original("es")
    assert not content.load_card("es").custom
    assert content.load_card("es").title != card.title


def test_invalid_custom_wording_is_refused() -> None:
    card = content.load_card("en")
    card.points = card.points[:4]
    with pytest.raises(content.CardContentError):
        content.save_custom(card)


def test_review_status_recorded_for_every_language() -> None:
    cards = content.all_cards()
    assert [c.code for c in cards] == list(content.LANGUAGES)
    assert content.load_card("en").reviewed
    assert all(c.review_status in ("reviewed", "unreviewed") for c in cards)
