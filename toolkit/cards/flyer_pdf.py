"""One-page, large-print flyers as PDF bytes, with optional tear-off hotline strips.

The whole flyer is laid out at full size and scaled down in small steps until it fits on the
page; if it cannot fit at the smallest large-print size, a clear error says so.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from toolkit.cards.card_face import ACCENT, GREY
from toolkit.cards.flyer_content import FlyerLanguage, check_flyer, load_flyers
from toolkit.cards.sheet_layout import PAGES
from toolkit.content_dates import month_year, stale_warning
from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.pdf.paper import INCH
from toolkit.pdf.scripts import ScriptFonts, fonts_for, isolate_ltr
from toolkit.pdf.textlayout import Line, Painter, Piece, TextStyle, layout_line, text_width, wrap

MARGIN = 0.6 * INCH
MIN_SCALE = 0.7
# The event flyer starts much larger (a few words, read from across a room), so it may shrink
# further and still stay large print (its values never go below 15 pt).
MIN_SCALE_EVENT = 0.45
SCALE_STEP = 0.03
TEAR_HEIGHT = 1.7 * INCH
STRIPS = 8
LOGO_HEIGHT = 0.55 * INCH
STALE_COLOR = "#8a5a00"
MAX_CHARACTERS = 6000


class FlyerFitError(UserError):
    """The flyer text cannot fit on one page even at the smallest large-print size."""


@dataclass
class EventDetails:
    title: str = ""
    date: str = ""
    place: str = ""
    bring: str = ""


@dataclass
class FlyerRequest:
    flyer_id: str
    code: str
    paper: str = "letter"
    tear_off: bool = False
    org_name: str = ""
    hotline: str = ""
    logo_path: str = ""
    event: EventDetails = field(default_factory=EventDetails)
    today: dt.date | None = None  # for the out-of-date warning; None: the clock


@dataclass
class RenderedFlyer:
    pdf: bytes
    pieces: list[Piece]
    scale: float


@dataclass
class Item:
    text: str
    size: float
    bold: bool = False
    color: str = "#000000"
    bullet: bool = False
    after: float = 0.0


def _items(request: FlyerRequest, language: FlyerLanguage) -> list[Item]:
    if request.flyer_id == "event":
        return _event_items(request, language)
    flyer = language.flyers[request.flyer_id]
    items = [Item(flyer.title, 30, True, ACCENT, after=8)]
    warning = stale_warning(
        language.dates, language.code, request.org_name, request.hotline, request.today
    )
    if warning:
        items.append(Item(warning, 14, True, STALE_COLOR, after=10))
    items.append(Item(flyer.intro, 16, after=10))
    for section in flyer.sections:
        items.append(Item(section.heading, 19, True, ACCENT, after=4))
        items += [Item(p, 14.5, bullet=True, after=4) for p in section.points]
        items[-1].after = 10
    return items


def _event_items(request: FlyerRequest, language: FlyerLanguage) -> list[Item]:
    event, labels = request.event, language.event_labels
    if not event.title.strip():
        raise UserError(_("The event flyer needs a title."))
    if not event.date.strip() or not event.place.strip():
        raise UserError(_("The event flyer needs a date and a place."))
    # Few words on the page: print them big enough to read from across a room.
    items = [Item(event.title.strip(), 54, True, ACCENT, after=26)]
    rows = [("date", event.date), ("place", event.place), ("bring", event.bring)]
    if request.org_name:
        rows.append(("organized_by", request.org_name))
    for key, value in rows:
        if value.strip():
            items.append(Item(labels[key], 22, True, GREY, after=4))
            items.append(Item(value.strip(), 34, after=22))
    items.append(Item(labels["free"], 28, True, ACCENT, after=8))
    return items


@dataclass
class Laid:
    item: Item
    style: TextStyle
    lines: list[Line]

    @property
    def height(self) -> float:
        return len(self.lines) * self.style.line_height + self.item.after * self.style.size / (
            self.item.size or 1
        )


def _lay(items: list[Item], fonts: ScriptFonts, scale: float, width: float) -> list[Laid]:
    leading = 1.4 if fonts.shaped else 1.22
    laid = []
    for item in items:
        style = TextStyle(fonts, item.size * scale, item.bold, leading, item.color)
        indent = style.size * 1.1 if item.bullet else 0.0
        text_lines = wrap(item.text, style, width - indent)
        laid.append(Laid(item, style, [layout_line(t, style) for t in text_lines]))
    return laid


def render_flyer(request: FlyerRequest) -> RenderedFlyer:
    """The flyer as one PDF page."""
    from toolkit.pdf.document import drawn_canvas

    check_flyer(request.flyer_id)
    language = load_flyers(request.code)
    if request.tear_off and not request.hotline.strip():
        raise UserError(_("Tear-off strips need a hotline number (set it in Settings)."))
    if request.paper not in PAGES:
        raise UserError(_("Paper size must be US Letter or A4."))
    page_w, page_h = PAGES[request.paper]
    items = _items(request, language)
    footer_text = _footer_texts(request, language)
    all_text = "\n".join([i.text for i in items] + footer_text + [request.org_name])
    fonts = fonts_for(request.code, all_text)
    width = page_w - 2 * MARGIN
    header_h = _header_height(request)
    footer_h = 2 * 20 * 1.3 + 10 * 1.4 * 2 + 8
    tear_h = TEAR_HEIGHT if request.tear_off else 0.0
    room = page_h - 2 * MARGIN - header_h - footer_h - tear_h
    too_long = FlyerFitError(
        _(
            "The {flyer} flyer in {language} does not fit on one page even at the "
            "smallest large-print size. Shorten its text."
        ).format(flyer=request.flyer_id, language=request.code)
    )
    # Far more than a large-print page holds: say so at once rather than try every size.
    if sum(len(item.text) for item in items) > MAX_CHARACTERS:
        raise too_long
    scale = 1.0
    while True:
        laid = _lay(items, fonts, scale, width)
        if sum(x.height for x in laid) <= room:
            break
        scale -= SCALE_STEP
        if scale < (MIN_SCALE_EVENT if request.flyer_id == "event" else MIN_SCALE):
            raise too_long
    buffer = io.BytesIO()
    canvas = drawn_canvas(
        buffer, (page_w, page_h), items[0].text, author=request.org_name, language=request.code
    )
    painter = Painter(canvas)
    top = page_h - MARGIN
    top = _draw_header(painter, request, fonts, top, width)
    for block in laid:
        top = _draw_item(painter, block, MARGIN, MARGIN + width, top)
    bottom = MARGIN + tear_h
    _draw_footer(painter, request, language, fonts, bottom, width)
    if request.tear_off:
        _draw_tear_off(painter, request, language, fonts, page_w)
    canvas.showPage()
    canvas.save()
    return RenderedFlyer(buffer.getvalue(), painter.log, scale)


def _legal_line(language: FlyerLanguage) -> str:
    """The not-legal-advice line with the month the facts were last checked."""
    checked = month_year(language.dates.facts_checked, language.code)
    return language.not_legal_advice.replace("{date}", checked)


def _footer_texts(request: FlyerRequest, language: FlyerLanguage) -> list[str]:
    texts = [_legal_line(language)]
    if request.hotline:
        texts.append(f"{language.hotline}: {request.hotline}")
    return texts


def _header_height(request: FlyerRequest) -> float:
    return LOGO_HEIGHT + 10 if (request.org_name or request.logo_path) else 0.0


def _draw_header(
    painter: Painter, request: FlyerRequest, fonts: ScriptFonts, top: float, width: float
) -> float:
    if not _header_height(request):
        return top
    canvas = painter.canvas
    left, right = MARGIN, MARGIN + width
    if request.logo_path:
        logo_w = _draw_logo(canvas, request.logo_path, top, fonts.rtl, left, right)
        if fonts.rtl:
            right -= logo_w + 10
        else:
            left += logo_w + 10
    if request.org_name:
        name = isolate_ltr(request.org_name) if fonts.rtl else request.org_name
        style = TextStyle(fonts, 15, True, 1.3, ACCENT)
        lines = wrap(name, style, right - left)[:2]
        size = 15 if len(lines) == 1 else 11.5
        style = style.scaled(size)
        lines = wrap(name, style, right - left)
        painter.draw_lines(
            lines, style, left, right, top - (LOGO_HEIGHT - len(lines) * size * 1.3) / 2
        )
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.5)
    canvas.line(MARGIN, top - LOGO_HEIGHT - 4, MARGIN + width, top - LOGO_HEIGHT - 4)
    canvas.restoreState()
    return top - LOGO_HEIGHT - 14


def _draw_logo(canvas: Any, path: str, top: float, rtl: bool, left: float, right: float) -> float:
    from reportlab.lib.utils import ImageReader

    try:
        image = ImageReader(path)
        w, h = image.getSize()
    except Exception as exc:  # ReportLab and Pillow raise many kinds for a bad image
        raise UserError(
            _("The logo could not be read: {path} ({reason}).").format(
                path=path, reason=type(exc).__name__
            )
        ) from exc
    draw_w = float(min(LOGO_HEIGHT * w / max(h, 1), 2.5 * INCH))
    x = right - draw_w if rtl else left
    canvas.drawImage(
        image, x, top - LOGO_HEIGHT, draw_w, LOGO_HEIGHT, preserveAspectRatio=True, mask="auto"
    )
    return draw_w


def _draw_item(painter: Painter, block: Laid, left: float, right: float, top: float) -> float:
    style, rtl = block.style, block.style.fonts.rtl
    if block.item.bullet:
        indent = style.size * 1.1
        canvas = painter.canvas
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        x = right - style.size * 0.35 if rtl else left + style.size * 0.35
        canvas.circle(x, top - style.size * 0.62, style.size * 0.18, stroke=0, fill=1)
        canvas.restoreState()
        left, right = (left, right - indent) if rtl else (left + indent, right)
    y = painter.draw_laid_out(block.lines, style, left, right, top)
    return y - block.height + len(block.lines) * style.line_height


def _draw_footer(
    painter: Painter,
    request: FlyerRequest,
    language: FlyerLanguage,
    fonts: ScriptFonts,
    bottom: float,
    width: float,
) -> None:
    left, right = MARGIN, MARGIN + width
    legal_style = TextStyle(fonts, 10, False, 1.4, GREY)
    legal = _legal_line(language)
    y = bottom + 6
    lines = wrap(legal, legal_style, width)
    painter.draw_lines(lines, legal_style, left, right, y + len(lines) * legal_style.line_height)
    if request.hotline:
        number = isolate_ltr(request.hotline) if fonts.rtl else request.hotline
        style = TextStyle(fonts, 20, True, 1.3)
        text = f"{language.hotline}: {number}"
        hot_lines = wrap(text, style, width)
        top = y + len(lines) * legal_style.line_height + 6 + len(hot_lines) * style.line_height
        painter.draw_lines(hot_lines, style, left, right, top, align="center")


def _draw_tear_off(
    painter: Painter,
    request: FlyerRequest,
    language: FlyerLanguage,
    fonts: ScriptFonts,
    page_w: float,
) -> None:
    canvas = painter.canvas
    strip_w = (page_w - 2 * MARGIN) / STRIPS
    top = MARGIN + TEAR_HEIGHT
    canvas.saveState()
    canvas.setDash(3, 3)
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top, page_w - MARGIN, top)
    for i in range(1, STRIPS):
        x = MARGIN + i * strip_w
        canvas.line(x, MARGIN, x, top)
    canvas.restoreState()
    length = TEAR_HEIGHT - 12
    number = isolate_ltr(request.hotline) if fonts.rtl else request.hotline
    number_style = _fit_one_line(number, TextStyle(fonts, 12, True, 1.2), length)
    if number_style is None:
        raise FlyerFitError(_("The hotline is too long for the tear-off strips."))
    label, label_style = language.tear_off, TextStyle(fonts, 8.5, False, 1.2, GREY)
    # The center's name when it fits on a strip, else the word "Hotline".
    for candidate in (request.org_name, language.tear_off):
        fitted = _fit_one_line(candidate, label_style, length) if candidate else None
        if fitted is not None:
            label, label_style = candidate, fitted
            break
    for i in range(STRIPS):
        center = MARGIN + (i + 0.5) * strip_w
        canvas.saveState()
        # Rotated a quarter turn: the strip reads from bottom to top.
        canvas.translate(center, MARGIN + 6)
        canvas.rotate(90)
        block_h = number_style.line_height + label_style.line_height
        y = block_h / 2
        for text, style in ((label, label_style), (number, number_style)):
            line = layout_line(text, style)
            painter.draw_line(line, style, 0, length, y - style.size, "center")
            y -= style.line_height
        canvas.restoreState()


def _fit_one_line(text: str, style: TextStyle, width: float) -> TextStyle | None:
    """The style shrunk until ``text`` fits on one line, or None below the legible minimum."""
    size = style.size
    while text_width(text, style.scaled(size)) > width:
        size -= 0.25
        if size < 5.5:
            return None
    return style.scaled(size)
