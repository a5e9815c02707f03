"""Where cards go on a sheet: the grid, the mirrored backs for duplex, the fold layout, marks.

Pure geometry in PDF points (origin bottom left), so tests can check duplex alignment without
rendering anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.pdf.paper import INCH, MM, PAPER_SIZES

PAGES = PAPER_SIZES
# Wallet card sizes: US business card on Letter, the European 85 x 55 mm on A4.
CARD_SIZES = {"letter": (3.5 * INCH, 2 * INCH), "a4": (85 * MM, 55 * MM)}
# A card with a QR code needs room for a code a phone reads and for 7-point text: larger
# cards, 8 to a sheet instead of 10 (still a pocket card).
QR_CARD_SIZES = {"letter": (4 * INCH, 2.6 * INCH), "a4": (100 * MM, 68 * MM)}
QR_ROWS = 4
LAYOUTS = ("duplex", "fold")
ROWS = 5
MARK_GAP = 3.0
MARK_LENGTH = 14.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class SheetGeometry:
    paper: str
    layout: str
    page_w: float
    page_h: float
    card_w: float
    card_h: float
    cols: int = 2
    rows: int = ROWS

    @property
    def grid_x(self) -> float:
        return (self.page_w - self.cols * self.card_w) / 2

    @property
    def grid_y(self) -> float:
        return (self.page_h - self.rows * self.card_h) / 2

    @property
    def cards_per_sheet(self) -> int:
        # In the fold layout each row holds one card: its front and, beside it, its back.
        return self.rows * (self.cols if self.layout == "duplex" else 1)


def geometry(paper: str, layout: str = "duplex", qr: bool = False) -> SheetGeometry:
    if paper not in PAGES:
        raise UserError(_("Paper size must be US Letter or A4."))
    if layout not in LAYOUTS:
        raise UserError(_("The layout must be duplex or fold."))
    page_w, page_h = PAGES[paper]
    if qr:
        card_w, card_h = QR_CARD_SIZES[paper]
        return SheetGeometry(paper, layout, page_w, page_h, card_w, card_h, rows=QR_ROWS)
    card_w, card_h = CARD_SIZES[paper]
    return SheetGeometry(paper, layout, page_w, page_h, card_w, card_h)


def _cell(geo: SheetGeometry, row: int, col: int) -> Rect:
    x = geo.grid_x + col * geo.card_w
    y = geo.grid_y + (geo.rows - 1 - row) * geo.card_h
    return Rect(x, y, geo.card_w, geo.card_h)


def front_slots(geo: SheetGeometry) -> list[Rect]:
    """Front positions in reading order: left to right, top to bottom."""
    if geo.layout == "fold":
        return [_cell(geo, row, 0) for row in range(geo.rows)]
    return [_cell(geo, row, col) for row in range(geo.rows) for col in range(geo.cols)]


def back_slots(geo: SheetGeometry) -> list[Rect]:
    """Where each front's back goes.

    Duplex, flipped on the long edge: the back page is seen mirrored left to right, so the back of
    the card in column c is printed in the mirrored column on the same row. Fold: beside the front.
    """
    if geo.layout == "fold":
        return [_cell(geo, row, 1) for row in range(geo.rows)]
    return [mirror(slot, geo) for slot in front_slots(geo)]


def mirror(slot: Rect, geo: SheetGeometry) -> Rect:
    return Rect(geo.page_w - slot.x - slot.w, slot.y, slot.w, slot.h)


def fold_line(geo: SheetGeometry) -> tuple[float, float, float, float]:
    x = geo.grid_x + geo.card_w
    return (x, geo.grid_y, x, geo.grid_y + geo.rows * geo.card_h)


def crop_marks(geo: SheetGeometry) -> list[tuple[float, float, float, float]]:
    """Short cut lines in the margins, in line with every card edge, never over a card."""
    left, bottom = geo.grid_x, geo.grid_y
    right, top = left + geo.cols * geo.card_w, bottom + geo.rows * geo.card_h
    length = min(MARK_LENGTH, geo.grid_x - MARK_GAP - 2, geo.grid_y - MARK_GAP - 2)
    marks = []
    # The fold layout's middle line is a fold, drawn dashed across the sheet, not a cut.
    columns = [0, geo.cols] if geo.layout == "fold" else range(geo.cols + 1)
    xs = [left + c * geo.card_w for c in columns]
    ys = [bottom + r * geo.card_h for r in range(geo.rows + 1)]
    for x in xs:
        marks.append((x, top + MARK_GAP, x, top + MARK_GAP + length))
        marks.append((x, bottom - MARK_GAP, x, bottom - MARK_GAP - length))
    for y in ys:
        marks.append((left - MARK_GAP, y, left - MARK_GAP - length, y))
        marks.append((right + MARK_GAP, y, right + MARK_GAP + length, y))
    return marks
