"""Envelopes (#10) and 30-up address labels for a stack of letters, drawn straight on a canvas."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.letters.compose import Letter
from toolkit.letters.letter_pdf import printable

if TYPE_CHECKING:
    from toolkit.pdf.scripts import ScriptFonts
    from toolkit.pdf.textlayout import TextStyle

from toolkit.pdf.paper import ENVELOPE_10, INCH, MM, PAPER_SIZES


@dataclass(frozen=True)
class LabelSheet:
    """Where the labels sit on a sheet: 3 columns by 10 rows."""

    page: tuple[float, float]
    left: float
    top: float
    width: float
    height: float
    column_pitch: float
    row_pitch: float
    columns: int = 3
    rows: int = 10

    @property
    def per_page(self) -> int:
        return self.columns * self.rows


SHEETS = {
    # Avery 5160 and compatibles: 2 5/8 x 1 inch labels, 1/8 inch between columns.
    "letter": LabelSheet(
        PAPER_SIZES["letter"],
        0.1875 * INCH,
        0.5 * INCH,
        2.625 * INCH,
        1.0 * INCH,
        2.75 * INCH,
        1.0 * INCH,
    ),
    # A4 has no single standard 30-up sheet: 64 x 27 mm labels, centred, 2.5 mm apart.
    "a4": LabelSheet(PAPER_SIZES["a4"], 6.5 * MM, 13.5 * MM, 64 * MM, 27 * MM, 66.5 * MM, 27 * MM),
}


def _canvas(size: tuple[float, float], title: str) -> tuple[Any, io.BytesIO]:
    from toolkit.pdf.document import drawn_canvas

    buffer = io.BytesIO()
    return drawn_canvas(buffer, size, title), buffer


# The fonts of the envelopes or labels being made: every script of every address, chosen once
# per PDF (one CJK subset for a whole drive).
_document_fonts: list[ScriptFonts] = []


def _use_fonts(letters: Sequence[Letter]) -> None:
    from toolkit.pdf.scripts import fonts_for

    text = "".join("".join(x.return_address + x.mailing_address) for x in letters)
    _document_fonts[:] = [fonts_for("en", text)]


def _style(size: float) -> TextStyle:
    from toolkit.pdf.scripts import fonts_for
    from toolkit.pdf.textlayout import TextStyle

    fonts = _document_fonts[0] if _document_fonts else fonts_for("en")
    return TextStyle(fonts, size, rtl=False)


def line_width(line: str, size: float) -> float:
    from toolkit.pdf.textlayout import text_width

    return text_width(line, _style(size))


def fit_lines(lines: Sequence[str], width: float, size: float, smallest: float) -> float:
    """The largest font size (down to ``smallest``) at which every line fits ``width``."""
    widest = max((line_width(line, 1.0) for line in lines), default=0.0)
    if widest * size <= width:
        return size
    return max(smallest, width / widest) if widest else size


def draw_block(
    canvas: Any, lines: Sequence[str], x: float, top: float, width: float, size: float
) -> None:
    """Lines of any script (Chinese, Arabic, ... as typed), cut with "…" if too wide."""
    from toolkit.pdf.textlayout import draw_text

    style = _style(size)
    for number, line in enumerate(lines):
        draw_text(canvas, line, style, x, top - size - number * size * 1.25, width)


_ZIP4 = re.compile(r"\d{5}-\d{4}")
# Combining marks (vowel signs of Arabic, Devanagari, Thai...) are part of their word.
_PUNCTUATION = re.compile(
    r"[^\w\s#/\-\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e\u17b4-\u17dd]"
)


def usps_line(line: str) -> str:
    """One line in USPS Publication 28 form: upper case, no punctuation, except the ZIP+4
    hyphen (and "#" or "/" inside a number, which the Postal Service accepts)."""
    text = _PUNCTUATION.sub(" ", line.upper().replace(".", "").replace("'", ""))
    words = [w if _ZIP4.fullmatch(w) else w.replace("-", " ") for w in text.split()]
    return " ".join(" ".join(words).split())


def usps_lines(lines: Sequence[str]) -> list[str]:
    """The address for an envelope or label: Publication 28 form, the delivery line directly
    above the city line."""
    from toolkit.letters.addressing import delivery_order

    kept = [line for line in lines if line.strip()]
    return [printable(usps_line(line))[0] for line in delivery_order(kept)]


def _clean(lines: Sequence[str]) -> list[str]:
    return [printable(line)[0] for line in lines if line.strip()]


def envelopes_pdf(letters: Sequence[Letter]) -> bytes:
    """One #10 envelope per letter: return address top left, recipient in the middle."""
    width, height = ENVELOPE_10
    canvas, buffer = _canvas(ENVELOPE_10, "Envelopes")
    _use_fonts(letters)
    for letter in letters:
        sender = usps_lines(letter.return_address)
        draw_block(
            canvas,
            sender,
            0.375 * INCH,
            height - 0.375 * INCH,
            3.5 * INCH,
            fit_lines(sender, 3.5 * INCH, 9, 6),
        )
        mailing = usps_lines(letter.mailing_address)
        size = fit_lines(mailing, 5.0 * INCH, 11, 7)
        block_width = max(line_width(line, size) for line in mailing) if mailing else 0
        block_height = len(mailing) * size * 1.25
        x = max((width - block_width) / 2, 3.25 * INCH)
        top = height / 2 + block_height / 2 - 0.15 * INCH
        draw_block(canvas, mailing, x, top, width - x - 0.4 * INCH, size)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def labels_pdf(letters: Sequence[Letter], paper: str = "letter") -> bytes:
    """One address label per letter, 30 to a sheet, in the letters' order."""
    sheet = SHEETS.get(paper, SHEETS["letter"])
    canvas, buffer = _canvas(sheet.page, "Address labels")
    _use_fonts(letters)
    pad = 0.12 * INCH
    for index, letter in enumerate(letters):
        slot = index % sheet.per_page
        if index and slot == 0:
            canvas.showPage()
        row, column = divmod(slot, sheet.columns)
        x = sheet.left + column * sheet.column_pitch + pad
        top = sheet.page[1] - sheet.top - row * sheet.row_pitch - pad * 0.6
        lines = usps_lines(letter.mailing_address)
        inner_height = sheet.height - pad * 1.2
        size = min(
            fit_lines(lines, sheet.width - 2 * pad, 9, 6),
            inner_height / (max(len(lines), 1) * 1.25),
        )
        draw_block(canvas, lines, x, top, sheet.width - 2 * pad, size)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
