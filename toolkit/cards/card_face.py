"""One side of a rights card: fitting its text into the card and drawing it.

Type starts at a comfortable size and shrinks in small steps; if the text still does not fit at
the legible minimum, a CardFitError names the language and the text that is too long. Nothing is
ever clipped or allowed to run off the card.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from toolkit.cards.content import BackText, CardText
from toolkit.cards.dial import tel_uri
from toolkit.cards.sheet_layout import Rect
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.pdf.scripts import ScriptFonts, isolate_ltr
from toolkit.pdf.textlayout import Line, Painter, TextStyle, layout_line, wrap

PAD = 8.0
START_SIZE = 8.5
MIN_SIZE = 7.0  # never smaller: below 7 points a wallet card is hard to read
STEP = 0.25
TITLE_RATIO = 1.4
# Over 2 points a module (a version-2 code is 25 modules plus a 2-module margin), so a
# phone reads it, and so does a 72 dpi scan.
QR_SIZE = 66.0
MAX_NAME_LINES = 2
MAX_NAME_CHARACTERS = 400
ACCENT = "#a4262c"
GREY = "#555555"


class CardFitError(UserError):
    """The card text cannot fit even at the smallest legible size."""


@dataclass(frozen=True)
class Branding:
    org_name: str = ""
    hotline: str = ""
    qr: bool = False

    def tel_uri(self) -> str:
        """What the QR code dials (raises DialError when the hotline cannot be dialed)."""
        return tel_uri(self.hotline) if self.hotline.strip() else ""


@dataclass
class Block:
    lines: list[Line]
    style: TextStyle
    space_after: float = 0.0
    bullet: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.line_height + self.space_after


@dataclass
class FittedFace:
    """A card side, laid out once and drawn on every copy on the sheet."""

    rtl: bool
    size: float
    body: list[Block]
    footer: list[Block] = field(default_factory=list)
    qr_uri: str = ""

    @property
    def footer_height(self) -> float:
        text = sum(b.height for b in self.footer)
        return max(text, QR_SIZE) if self.qr_uri else text


def _leading(fonts: ScriptFonts) -> float:
    # Arabic script reaches further above and below the line than Latin.
    return 1.45 if fonts.shaped else 1.25


def _block(text: str, style: TextStyle, width: float, after: float, bullet: bool) -> Block:
    return Block([layout_line(t, style) for t in wrap(text, style, width)], style, after, bullet)


def _footer(
    card_label: str, branding: Branding, fonts: ScriptFonts, size: float, width: float
) -> list[Block]:
    blocks = []
    style = TextStyle(fonts, size, bold=True, leading=_leading(fonts))
    if branding.org_name:
        name = isolate_ltr(branding.org_name) if fonts.rtl else branding.org_name
        blocks.append(_block(name, style, width, 0.0, False))
    if branding.hotline:
        number = isolate_ltr(branding.hotline) if fonts.rtl else branding.hotline
        line = f"{card_label}: {number}" if card_label else number
        blocks.append(_block(line, style.scaled(size * 1.1), width, 0.0, False))
    return blocks


def _attempt(
    title: str,
    points: list[str],
    label: str,
    branding: Branding,
    fonts: ScriptFonts,
    size: float,
    inner: tuple[float, float],
) -> tuple[FittedFace, float]:
    inner_w, inner_h = inner
    leading = _leading(fonts)
    title_style = TextStyle(fonts, size * TITLE_RATIO, bold=True, leading=1.2, color=ACCENT)
    point_style = TextStyle(fonts, size, leading=leading)
    indent = size * 0.9
    body = [_block(title, title_style, inner_w, size * 0.45, False)]
    body += [_block(p, point_style, inner_w - indent, size * 0.2, True) for p in points]
    qr = branding.tel_uri() if branding.qr else ""
    footer_w = inner_w - (QR_SIZE + 4 if qr else 0)
    footer = _footer(label, branding, fonts, max(MIN_SIZE, size * 0.95), footer_w)
    face = FittedFace(fonts.rtl, size, body, footer, qr)
    gap = size * 0.4 if footer or qr else 0.0
    used = sum(b.height for b in body) + gap + face.footer_height
    return face, inner_h - used


def fit_face(
    language_name: str,
    title: str,
    points: list[str],
    label: str,
    branding: Branding,
    fonts: ScriptFonts,
    card: tuple[float, float],
) -> FittedFace:
    """The largest type size at which the whole side fits, or a clear CardFitError."""
    inner = (card[0] - 2 * PAD, card[1] - 2 * PAD)
    if len(branding.org_name) > MAX_NAME_CHARACTERS:  # two lines can never hold it: say so now
        raise CardFitError(_too_long(language_name, FittedFace(False, 0, []), branding, [], 3))
    size = START_SIZE
    while size >= MIN_SIZE - 1e-6:
        face, spare = _attempt(title, points, label, branding, fonts, size, inner)
        name_lines = len(face.footer[0].lines) if branding.org_name and face.footer else 0
        # Beside a QR code the footer is as tall as the code: room for a third line of name.
        if spare >= 0 and name_lines <= MAX_NAME_LINES + int(branding.qr):
            return face
        size -= STEP
    raise CardFitError(_too_long(language_name, face, branding, points, name_lines))


def _too_long(
    language_name: str, face: FittedFace, branding: Branding, points: list[str], name_lines: int
) -> str:
    if name_lines > MAX_NAME_LINES + int(branding.qr):
        return _(
            "The center's name is too long for the {language} card even at the smallest "
            "print size: shorten it."
        ).format(language=language_name)
    longest = max(range(len(points)), key=lambda i: len(points[i])) if points else 0
    start = points[longest][:40] if points else ""
    return _(
        "The {language} card text does not fit on the card even at the smallest print "
        "size. Shorten point {number}: \u201c{start}\u2026\u201d"
    ).format(language=language_name, number=longest + 1, start=start)


def fit_front(
    card: CardText, branding: Branding, fonts: ScriptFonts, size: tuple[float, float]
) -> FittedFace:
    return fit_face(
        card.english_name, card.title, card.points, card.hotline_label, branding, fonts, size
    )


def fit_back(back: BackText, fonts: ScriptFonts, size: tuple[float, float]) -> FittedFace:
    return fit_face("English (back)", back.title, back.lines, "", Branding(), fonts, size)


def draw_face(painter: Painter, face: FittedFace, rect: Rect) -> None:
    left, right = rect.x + PAD, rect.right - PAD
    top = rect.top - PAD
    for block in face.body:
        if block.bullet:
            _bullet(painter.canvas, block, left, right, top, face.rtl)
            indent = block.style.size * 0.9
            inner_left, inner_right = (left, right - indent) if face.rtl else (left + indent, right)
        else:
            inner_left, inner_right = left, right
        y = painter.draw_laid_out(block.lines, block.style, inner_left, inner_right, top)
        top = y - block.space_after
    _draw_footer(painter, face, rect)


def _bullet(canvas: Any, block: Block, left: float, right: float, top: float, rtl: bool) -> None:
    size = block.style.size
    x = right - size * 0.3 if rtl else left + size * 0.3
    y = top - size * 0.68
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    canvas.circle(x, y, size * 0.17, stroke=0, fill=1)
    canvas.restoreState()


def _draw_footer(painter: Painter, face: FittedFace, rect: Rect) -> None:
    if not face.footer and not face.qr_uri:
        return
    canvas = painter.canvas
    left, right = rect.x + PAD, rect.right - PAD
    bottom = rect.y + PAD
    top = bottom + face.footer_height
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    canvas.line(left, top + face.size * 0.2, right, top + face.size * 0.2)
    canvas.restoreState()
    if face.qr_uri:
        qr_x = left if face.rtl else right - QR_SIZE
        draw_qr(canvas, face.qr_uri, qr_x, bottom, QR_SIZE)
        if face.rtl:
            left += QR_SIZE + 4
        else:
            right -= QR_SIZE + 4
    text_h = sum(b.height for b in face.footer)
    y = bottom + text_h + (face.footer_height - text_h) / 2
    for block in face.footer:
        y = painter.draw_laid_out(block.lines, block.style, left, right, y)


@cache
def qr_modules(uri: str) -> tuple[tuple[float, float, float, float], ...]:
    """The dark squares of ReportLab's own QR widget for ``uri``, on a 1 x 1 square."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Rect as ShapeRect

    # Level L and a 2-module margin keep the code small in modules, so each module is large;
    # the card around it adds to the margin.
    widget = QrCodeWidget(uri, barLevel="L", barBorder=2)
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    squares = []
    for shape in widget.draw().getContents():
        if isinstance(shape, ShapeRect) and shape.fillColor is not None:
            squares.append(
                ((shape.x - x0) / w, (shape.y - y0) / h, shape.width / w, shape.height / h)
            )
    return tuple(squares)


def draw_qr(canvas: Any, uri: str, x: float, y: float, size: float) -> None:
    """A QR code for ``uri``; drawn once per PDF as a form and reused on every card."""
    name = "qr-" + hashlib.sha1(uri.encode()).hexdigest()[:12]
    forms = canvas.__dict__.setdefault("_toolkit_forms", set())
    if name not in forms:
        canvas.saveState()
        canvas.beginForm(name, 0, 0, size, size)
        canvas.setFillColor("#000000")
        path = canvas.beginPath()
        for qx, qy, qw, qh in qr_modules(uri):
            path.rect(qx * size, qy * size, qw * size, qh * size)
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.endForm()
        canvas.restoreState()
        forms.add(name)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()
