"""The printer calibration page: two marks at known distances from the paper's edges.

A person prints it through the app, measures where the marks landed, and the app shifts every
later card sheet, envelope and label on that printer by the difference. A 100 mm ruler shows
whether the printer scaled the page (it must print at 100 %, never "fit to page").
"""

from __future__ import annotations

import io

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from toolkit.i18n import _
from toolkit.pdf.document import page_size
from toolkit.pdf.fonts import SANS, SANS_BOLD, register_fonts
from toolkit.settings import MAX_PRINT_OFFSET

MARK_MM = 20.0  # each mark's lines lie this far from the left and the top edge of the paper
RULER_MM = 100.0
# Offsets beyond this are a mismeasurement (or the wrong paper), not a printer's drift.
MAX_OFFSET_MM = float(MAX_PRINT_OFFSET)


class CalibrationError(ValueError):
    pass


def offsets_from_measurement(from_left_mm: float, from_top_mm: float) -> tuple[float, float]:
    """The shift (right, down) in millimetres that puts the marks where they belong."""
    dx, dy = MARK_MM - from_left_mm, MARK_MM - from_top_mm
    if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
        raise CalibrationError(
            _(
                "The marks should be about {mark} mm from the edges. Measure again from the "
                "edge of the paper to the line (not to the circle), in millimetres."
            ).format(mark=int(MARK_MM))
        )
    return round(dx, 1), round(dy, 1)


def make_calibration_pdf(paper: str) -> bytes:
    register_fonts()
    width, height = page_size(paper)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.setTitle(_("Printer calibration page"))
    top = height - MARK_MM * mm
    _cross(canvas, MARK_MM * mm, top)
    canvas.setFont(SANS_BOLD, 16)
    canvas.drawString(40 * mm, height - 24 * mm, _("Printer calibration page"))
    canvas.setFont(SANS, 11)
    steps = (
        _('1. Print this page from the app at 100 % (never "fit to page").'),
        _("2. Measure from the left edge of the paper to the vertical line of mark A."),
        _("3. Measure from the top edge of the paper to the horizontal line of mark A."),
        _("4. Type both numbers, in millimetres, in the app. Both should be {mark} mm.").format(
            mark=int(MARK_MM)
        ),
        _(
            "5. The ruler below must measure exactly {n} mm; if not, the printer scaled the page."
        ).format(n=int(RULER_MM)),
    )
    y = height - 40 * mm
    for step in steps:
        canvas.drawString(30 * mm, y, step)
        y -= 7 * mm
    _ruler(canvas, 30 * mm, y - 10 * mm)
    canvas.setFont(SANS_BOLD, 12)
    canvas.drawString(MARK_MM * mm + 6 * mm, top - 10 * mm, "A")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _cross(canvas: Canvas, x: float, y: float) -> None:
    canvas.setLineWidth(0.3)
    canvas.line(x - 8 * mm, y, x + 8 * mm, y)
    canvas.line(x, y - 8 * mm, x, y + 8 * mm)
    canvas.circle(x, y, 4 * mm)


def _ruler(canvas: Canvas, left: float, y: float) -> None:
    canvas.setLineWidth(0.4)
    canvas.line(left, y, left + RULER_MM * mm, y)
    canvas.setFont(SANS, 7)
    for tick in range(int(RULER_MM) + 1):
        length = 4 * mm if tick % 10 == 0 else (2.5 * mm if tick % 5 == 0 else 1.5 * mm)
        canvas.line(left + tick * mm, y, left + tick * mm, y + length)
        if tick % 10 == 0:
            canvas.drawCentredString(left + tick * mm, y - 3.5 * mm, str(tick))
