"""Numbers in right-to-left paragraphs (times, dates, phone numbers are evidence): each number
stays left to right as a unit with its separators, on the page and in the copied text."""

from __future__ import annotations

import io
import itertools
import subprocess

import pytest
from reportlab.pdfgen.canvas import Canvas
from text_layer_helpers import page_with

from toolkit.pdf.flow import BlockStyle, FontBook, TextBlock, isolate_numbers
from toolkit.pdf.textlayout import Painter

ARABIC_AT = "\u0627\u0644\u0633\u0627\u0639\u0629"  # "at the hour"
ARABIC_DATE = "\u0627\u0644\u062a\u0627\u0631\u064a\u062e"  # "the date"
FARSI_CALL = (
    "\u0628\u0627 \u2068Casa Unida\u2069 "  # "with Casa Unida"
    "\u062a\u0645\u0627\u0633 \u0628\u06af\u06cc\u0631\u06cc\u062f: "  # "get in touch:"
    "\u2068(555) 010-0199\u2069"
)


def drawn(text: str, language: str = "ar") -> list[tuple[str, float]]:
    """(logical text, x) of every piece drawn, left to right."""
    block = TextBlock(text, BlockStyle(), FontBook(language))
    block.wrap(400, 200)
    canvas = Canvas(io.BytesIO())
    painter = Painter(canvas)
    for line, rtl in block.lines(400):
        painter.draw_line(line, block._text_style(rtl), 0, 400, 0, "right" if rtl else "left")
    return sorted(((p.logical, p.x) for p in painter.log), key=lambda item: item[1])


def left_to_right(text: str, language: str = "ar") -> str:
    return " ".join(logical for logical, _x in drawn(text, language))


def test_time_and_year_are_not_split_at_the_colon() -> None:
    # Drawn as "15 2025:07" when "15 2025" alone was isolated out of the time.
    assert isolate_numbers("07:15 2025") == "07:15 2025"
    assert left_to_right("07:15 2025") == "2025 07:15"  # read right to left: 07:15, then 2025
    assert left_to_right(f"{ARABIC_AT} 2025 07:15") == f"07:15 2025 {ARABIC_AT}"


def test_time_range_reads_right_to_left_with_each_time_whole() -> None:
    pieces = drawn(f"{ARABIC_AT} 07:15 \u2013 08:30")
    texts = [logical for logical, _x in pieces]
    assert texts == ["08:30", "\u2013", "07:15", ARABIC_AT]
    xs = [x for _logical, x in pieces]
    assert xs == sorted(xs)


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_date_and_phone_number_stay_whole(language: str) -> None:
    assert left_to_right(f"{ARABIC_DATE} 2025-12-01", language) == f"2025-12-01 {ARABIC_DATE}"
    assert left_to_right(f"{ARABIC_DATE} 2025-12-01 07:15", language) == (
        f"07:15 2025-12-01 {ARABIC_DATE}"
    )
    assert left_to_right("\u0631\u0642\u0645 (555) 010-0199", language) == (
        "(555) 010-0199 \u0631\u0642\u0645"
    )


@pytest.mark.parametrize(
    ("language", "number"),
    [("ar", "١٢"), ("fa", "۲۰۲۶"), ("fa", "۱۲:۳۰")],
)
def test_arabic_indic_and_persian_digits_are_drawn_in_the_order_written(
    language: str, number: str
) -> None:
    """HarfBuzz takes these digits for Arabic script and would lay them out right to left:
    ١٢ drawn as ٢١, a year ۲۰۲۶ as ۶۲۰۲, the time ۱۲:۳۰ as ۲۱:۰۳."""
    block = TextBlock(f"{ARABIC_AT} {number}", BlockStyle(), FontBook(language))
    block.wrap(400, 200)
    painter = Painter(Canvas(io.BytesIO()))
    for line, rtl in block.lines(400):
        painter.draw_line(line, block._text_style(rtl), 0, 400, 0, "right" if rtl else "left")
    in_number = [p for p in painter.log if set(p.logical) <= set(number)]
    glyphs = "".join(str(p.text) for p in sorted(in_number, key=lambda p: p.x))
    assert glyphs == number


def test_number_pieces_do_not_overlap() -> None:
    block = TextBlock(f"{ARABIC_AT} 07:15 2025", BlockStyle(), FontBook("ar"))
    block.wrap(400, 200)
    painter = Painter(Canvas(io.BytesIO()))
    for line, rtl in block.lines(400):
        painter.draw_line(line, block._text_style(rtl), 0, 400, 0, "right")
    spans = sorted((p.x, p.x + p.width) for p in painter.log)
    for (_a, end), (start, _b) in itertools.pairwise(spans):
        assert start >= end - 1e-6


def poppler(pdf: bytes) -> str:
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def test_hotline_copied_whole_on_a_mostly_persian_page() -> None:
    pdf = page_with([(FARSI_CALL, "fa")] + [("\u0645\u062a\u0646 " * 12, "fa")] * 3)
    assert "(555) 010-0199" in poppler(pdf)


def test_hotline_copied_whole_on_a_mostly_latin_page() -> None:
    # pdftotext reads a page of mostly Latin text left to right; each run of the invisible text
    # lies over its own glyphs, so the number is read whole all the same.
    latin = "Source: https://example.org/a-long-address-of-a-source, read in December 2026. "
    pdf = page_with([(FARSI_CALL, "fa")] + [(latin * 3, "fa")] * 4)
    assert "(555) 010-0199" in poppler(pdf)
