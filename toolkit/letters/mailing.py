"""Envelopes (#10) and 30-up address labels for a stack of letters, drawn straight on a canvas."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.letters.compose import Letter
from toolkit.letters.letter_pdf import printable
from toolkit.pdf.fonts import SANS

INCH = 72.0
MM = 72.0 / 25.4
ENVELOPE_10 = (9.5 * INCH, 4.125 * INCH)


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
        (8.5 * INCH, 11 * INCH),
        0.1875 * INCH,
        0.5 * INCH,
        2.625 * INCH,
        1.0 * INCH,
        2.75 * INCH,
        1.0 * INCH,
    ),
    # A4 has no single standard 30-up sheet: 64 x 27 mm labels, centred, 2.5 mm apart.
    "a4": LabelSheet(
        (210 * MM, 297 * MM), 6.5 * MM, 13.5 * MM, 64 * MM, 27 * MM, 66.5 * MM, 27 * MM
    ),
}


def _canvas(size: tuple[float, float], title: str) -> tuple[Any, io.BytesIO]:
    from reportlab.pdfgen.canvas import Canvas

    from toolkit.pdf.fonts import register_fonts

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("Rights Toolkit")
    return canvas, buffer


def fit_lines(lines: Sequence[str], width: float, size: float, smallest: float) -> float:
    """The largest font size (down to ``smallest``) at which every line fits ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth(line, SANS, 1.0) for line in lines), default=0.0)
    if widest * size <= width:
        return size
    return max(smallest, width / widest) if widest else size


def _clip(line: str, width: float, size: float) -> str:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    while line and stringWidth(line, SANS, size) > width:
        line = line[:-2] + "…"
    return line


def draw_block(
    canvas: Any, lines: Sequence[str], x: float, top: float, width: float, size: float
) -> None:
    canvas.setFont(SANS, size)
    for number, line in enumerate(lines):
        canvas.drawString(x, top - size - number * size * 1.25, _clip(line, width, size))


_ZIP4 = re.compile(r"\d{5}-\d{4}")
_PUNCTUATION = re.compile(r"[^\w\s#/-]")


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
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width, height = ENVELOPE_10
    canvas, buffer = _canvas(ENVELOPE_10, "Envelopes")
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
        block_width = max(stringWidth(line, SANS, size) for line in mailing) if mailing else 0
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
