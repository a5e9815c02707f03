"""Sheets of rights cards as PDF bytes: fronts, mirrored backs for duplex, or the fold layout."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.cards import content
from toolkit.cards.card_face import Branding, FittedFace, draw_face, fit_back, fit_front
from toolkit.cards.sheet_layout import (
    Rect,
    SheetGeometry,
    back_slots,
    crop_marks,
    fold_line,
    front_slots,
    geometry,
)
from toolkit.content_dates import stale_warning
from toolkit.errors import UserError
from toolkit.i18n import _, current_language
from toolkit.pdf.fonts import SANS_BOLD
from toolkit.pdf.scripts import fonts_for
from toolkit.pdf.textlayout import Painter, Piece

MAX_CARDS = 500
NOTE_INSET = 4.0  # keeps the margin note clear of the crop marks at the card edges


@dataclass
class SheetRequest:
    # (language code, number of cards); an empty count list fills one sheet.
    entries: list[tuple[str, int]]
    paper: str = "letter"
    layout: str = "duplex"
    branding: Branding = field(default_factory=Branding)
    today: dt.date | None = None  # for the out-of-date warning; None: the clock


@dataclass
class PlacedCard:
    code: str
    page: int
    side: str  # "front" or "back"
    rect: Rect


@dataclass
class RenderedSheet:
    pdf: bytes
    pieces: list[Piece]
    placed: list[PlacedCard]
    pages: int


def default_counts(codes: Sequence[str], per_sheet: int) -> list[tuple[str, int]]:
    """One sheet shared as evenly as possible, first languages taking any remainder."""
    if not codes:
        raise UserError(_("Choose at least one language for the cards."))
    base, extra = divmod(per_sheet, len(codes))
    counts = [(code, base + (1 if i < extra else 0)) for i, code in enumerate(codes)]
    return [(code, n) for code, n in counts if n > 0] or [(codes[0], 1)]


def card_sequence(entries: Sequence[tuple[str, int]]) -> list[str]:
    sequence = [code for code, count in entries for _n in range(count)]
    if not sequence:
        raise UserError(_("Choose at least one card to print."))
    if len(sequence) > MAX_CARDS:
        raise UserError(_("At most {n} cards can be made at once.").format(n=MAX_CARDS))
    return sequence


def fitted_fronts(
    codes: Sequence[str], branding: Branding, geo: SheetGeometry, data_dir: Path | None
) -> dict[str, FittedFace]:
    faces = {}
    for code in dict.fromkeys(codes):
        card = content.load_card(code, data_dir)
        extra = f"{branding.org_name}{branding.hotline}"
        fonts = fonts_for(code, card.all_text() + extra)
        faces[code] = fit_front(card, branding, fonts, (geo.card_w, geo.card_h))
    return faces


def render_sheet(request: SheetRequest, data_dir: Path | None = None) -> RenderedSheet:
    """Every page of the requested cards, with crop marks, as PDF bytes."""
    from toolkit.pdf.document import drawn_canvas

    geo = geometry(request.paper, request.layout, request.branding.qr)
    sequence = card_sequence(request.entries)
    fronts = fitted_fronts(sequence, request.branding, geo, data_dir)
    back = fit_back(content.back_text(), fonts_for("en"), (geo.card_w, geo.card_h))
    warning = stale_note(sequence, request, data_dir)
    buffer = io.BytesIO()
    languages = list(dict.fromkeys(sequence))
    lang = languages[0] if len(languages) == 1 else "en"
    canvas = drawn_canvas(
        buffer,
        (geo.page_w, geo.page_h),
        _("Rights cards"),
        author=request.branding.org_name,
        language=lang,
    )
    painter = Painter(canvas)
    placed: list[PlacedCard] = []
    per = geo.cards_per_sheet
    page = 0
    for start in range(0, len(sequence), per):
        chunk = sequence[start : start + per]
        page += 1
        _draw_side(painter, geo, chunk, fronts, None, front_slots(geo), page, placed)
        _draw_margin_note(canvas, geo, warning)
        if geo.layout == "fold":
            _draw_side(painter, geo, chunk, fronts, back, back_slots(geo), page, placed)
            _draw_fold_line(canvas, geo)
        else:
            canvas.showPage()
            page += 1
            _draw_side(painter, geo, chunk, fronts, back, back_slots(geo), page, placed)
        canvas.showPage()
    canvas.save()
    return RenderedSheet(buffer.getvalue(), painter.log, placed, page)


def _draw_side(
    painter: Painter,
    geo: SheetGeometry,
    chunk: list[str],
    fronts: dict[str, FittedFace],
    back: FittedFace | None,
    slots: list[Rect],
    page: int,
    placed: list[PlacedCard],
) -> None:
    _draw_marks(painter.canvas, geo)
    for code, slot in zip(chunk, slots, strict=False):
        face = back if back is not None else fronts[code]
        draw_face(painter, face, slot)
        side = "back" if back is not None else "front"
        placed.append(PlacedCard(code, page, side, slot))


def stale_note(sequence: Sequence[str], request: SheetRequest, data_dir: Path | None) -> str:
    """The out-of-date warning for the cards past their re-check date, for whoever prints them
    (in the interface language); "" when every card is current."""
    stale = {}
    for code in dict.fromkeys(sequence):
        card = content.load_card(code, data_dir)
        if card.dates.is_stale(request.today):
            stale[card.english_name] = card.dates
    if not stale:
        return ""
    dates = min(stale.values(), key=lambda d: d.recheck_by)
    branding = request.branding
    text = stale_warning(
        dates, current_language(), branding.org_name, branding.hotline, request.today
    )
    return f"{', '.join(stale)}: {text}"


def _draw_margin_note(canvas: Any, geo: SheetGeometry, note: str) -> None:
    """A note in the bottom margin under the first column, outside every card and clear of
    the crop marks (it is cut away with the margin)."""
    if not note:
        return
    from reportlab.lib.utils import simpleSplit

    size = 6.0
    lines = simpleSplit(note, SANS_BOLD, size, geo.card_w - 2 * NOTE_INSET)[:3]
    canvas.saveState()
    canvas.setFont(SANS_BOLD, size)
    canvas.setFillColor("#8a5a00")
    y = geo.grid_y - size - 2
    for line in lines:
        canvas.drawString(geo.grid_x + NOTE_INSET, y, line)
        y -= size * 1.2
    canvas.restoreState()


def _draw_marks(canvas: Any, geo: SheetGeometry) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor("#000000")
    for x0, y0, x1, y1 in crop_marks(geo):
        canvas.line(x0, y0, x1, y1)
    canvas.restoreState()


def _draw_fold_line(canvas: Any, geo: SheetGeometry) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor("#777777")
    canvas.setDash(4, 3)
    canvas.line(*fold_line(geo))
    canvas.restoreState()


def cards_pdf(
    codes: Sequence[str],
    paper: str = "letter",
    layout: str = "duplex",
    branding: Branding | None = None,
    count: int | None = None,
    data_dir: Path | None = None,
    today: dt.date | None = None,
) -> RenderedSheet:
    """The CLI's and GUI's shortcut: ``count`` cards per language, or one shared sheet."""
    geo = geometry(paper, layout, bool(branding and branding.qr))
    for code in codes:
        content.check_code(code)
    if count is not None and count < 1:
        raise UserError(_("The number of cards must be at least 1."))
    entries = (
        [(code, count) for code in codes]
        if count is not None
        else default_counts(codes, geo.cards_per_sheet)
    )
    request = SheetRequest(entries, paper, layout, branding or Branding(), today)
    return render_sheet(request, data_dir)
