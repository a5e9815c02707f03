from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from toolkit.checks.core_checks import FONT_SAMPLES
from toolkit.pdf import fonts
from toolkit.pdf.document import DocumentSpec, PaperError, build_pdf, stylesheet
from toolkit.pdf.markup import para_text


def story(text: str, paragraphs: int = 1) -> list[Paragraph]:
    body = stylesheet()["body"]
    return [Paragraph(para_text(text), body) for _ in range(paragraphs)]


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("lang", ["es", "vi", "ht", "fr", "pt", "ru", "tl"])
def test_latin_and_cyrillic_samples_have_every_glyph(lang: str) -> None:
    for face in (fonts.SANS, fonts.SANS_BOLD, fonts.SANS_ITALIC, fonts.SANS_BOLD_ITALIC):
        assert fonts.missing_glyphs(face, FONT_SAMPLES[lang]) == set()


def test_arabic_font_covers_arabic() -> None:
    assert fonts.missing_glyphs(fonts.ARABIC, FONT_SAMPLES["ar"]) == set()


def test_bold_is_a_real_separate_face() -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    regular = pdfmetrics.getFont(fonts.SANS).face
    bold = pdfmetrics.getFont(fonts.SANS_BOLD).face
    assert regular.name != bold.name
    assert pdfmetrics.stringWidth("Warrant", fonts.SANS_BOLD, 12) > pdfmetrics.stringWidth(
        "Warrant", fonts.SANS, 12
    )


def test_fonts_are_embedded_and_accents_read_back() -> None:
    sample = FONT_SAMPLES["vi"] + " " + FONT_SAMPLES["ht"]
    pdf = build_pdf(story(sample), DocumentSpec(title="Accents"))
    text = pdf_text(pdf)
    for word in ("im lặng", "Đừng", "pòt"):
        assert word in text
    assert b"/FontFile2" in pdf
    assert b"/BaseFont /Helvetica" not in pdf


def test_same_input_gives_same_bytes() -> None:
    first = build_pdf(story("Same input", 3), DocumentSpec(title="Golden"))
    second = build_pdf(story("Same input", 3), DocumentSpec(title="Golden"))
    assert first == second


@pytest.mark.parametrize(("paper", "width"), [("letter", 612), ("a4", 595)])
def test_paper_sizes(paper: str, width: int) -> None:
    pdf = build_pdf(story("Paper"), DocumentSpec(paper=paper))
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert round(float(page.mediabox.width)) == width


def test_unknown_paper_is_a_clear_error() -> None:
    with pytest.raises(PaperError, match="Letter or A4"):
        build_pdf(story("x"), DocumentSpec(paper="tabloid"))


def test_page_x_of_y_on_every_page() -> None:
    pdf = build_pdf(story("Long text " * 80, 12), DocumentSpec())
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page.extract_text()


def test_markup_characters_are_printed_literally() -> None:
    text = 'Tom & Jerry <b>not bold</b> "quoted" <font name=x>'
    pdf = build_pdf(story(text), DocumentSpec())
    assert "Tom & Jerry <b>not bold</b>" in pdf_text(pdf)


def test_newlines_become_line_breaks_and_controls_vanish() -> None:
    assert para_text("a\r\nb\x00c\x1b") == "a<br/>bc"


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_any_text_is_safe_paragraph_markup(text: str) -> None:
    Paragraph(para_text(text), stylesheet()["body"])
