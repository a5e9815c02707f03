"""Paper sizes and margins, in PDF points, defined once for every document (no ReportLab here,
so layout modules can use them without importing it)."""

from __future__ import annotations

INCH = 72.0
MM = 72.0 / 25.4

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "letter": (8.5 * INCH, 11 * INCH),
    "a4": (210 * MM, 297 * MM),
}
# US business letters use one-inch margins; A4 pages conventionally 25 mm.
MARGINS: dict[str, float] = {"letter": 1 * INCH, "a4": 25 * MM}
# A #10 business envelope.
ENVELOPE_10 = (9.5 * INCH, 4.125 * INCH)
