"""Guide PDFs hold the title, review date, sources and hotline; the summary fits one page."""

from __future__ import annotations

import io
import subprocess

import pytest
from pypdf import PdfReader

from toolkit.content_dates import month_year
from toolkit.guides.guide_pdf import guide_pdf, summary_pdf
from toolkit.guides.loader import languages, load_library
from toolkit.i18n import set_language
from toolkit.settings import Settings

HOTLINE = "(555) 010-0199"
CENTER = Settings(org_name="Casa Unida", hotline=HOTLINE)


def text_of(pdf: bytes) -> tuple[int, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages]
    return len(reader.pages), pages


def poppler_text(pdf: bytes, *options: str) -> str:
    """What pdftotext (poppler, as in most PDF viewers) copies out of the whole file."""
    command = ["pdftotext", *options, "-", "-"]
    out = subprocess.run(command, input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode("utf-8").split())


def hotline_printed(pdf: bytes, text: str) -> bool:
    # pypdf moves a bracket at a boundary between right-to-left text and digits on its own, and
    # pdftotext does too on a page that is mostly Latin (it guesses each page's direction); in
    # the order the text is written (-raw, as screen readers read it) the number is always whole.
    # Known limit, see tests/test_pdf_bidi_numbers.py (the strict xfail).
    return HOTLINE in text or any(HOTLINE in poppler_text(pdf, *mode) for mode in ((), ("-raw",)))


def squash(text: str) -> str:
    # The text layer leaves a Persian zero-width non-joiner (U+200C) out of the invisible text
    # on purpose: pypdf and pdftotext take it for a word boundary and reorder the word around it
    # (a word with a ZWNJ inside would come out as two words, swapped). The glyphs keep the
    # non-joining form; the copied text has the letters of the word in order, without the ZWNJ.
    return " ".join(text.replace("\u200c", "").split())


def spaceless(text: str) -> str:
    # pypdf moves the space at a boundary between Arabic letters and digits ("ديسمبر 2026").
    return "".join(text.split())


@pytest.mark.parametrize("language", languages())
def test_each_guide_pdf_holds_title_review_date_and_sources(language: str) -> None:
    for guide in load_library(language).guides:
        pdf = guide_pdf(guide, CENTER)
        _count, pages = text_of(pdf)
        everything = " ".join(pages)
        assert squash(guide.title) in pages[0], guide.id
        last = pages[-1]
        # A long list of sources may carry the end of the notice on to one more page.
        ending = " ".join(pages[-2:])
        assert spaceless(month_year(guide.facts_checked, guide.language)) in spaceless(ending), (
            guide.id
        )
        assert spaceless(month_year(guide.wording_reviewed, guide.language)) in spaceless(ending)
        assert hotline_printed(pdf, ending), guide.id
        for source in guide.sources:
            assert squash(source.title)[:40] in everything, (guide.id, source.title)
        assert squash(guide.sources[-1].title)[:40] in last, guide.id


def test_spanish_pdf_labels_are_spanish_whatever_the_interface() -> None:
    set_language("en")
    guide = load_library("es").get("rights-at-the-door")
    _count, pages = text_of(guide_pdf(guide, CENTER, paper="a4"))
    assert "No es asesoría legal" in pages[-1]
    assert "Fuentes" in pages[-1]
    assert "Página 1 de" in pages[0]


def test_pdf_without_hotline_says_whom_to_call() -> None:
    guide = load_library("en").get("if-detained")
    _count, pages = text_of(guide_pdf(guide, Settings()))
    assert "legal aid" in pages[-1]


def test_same_guide_same_bytes() -> None:
    guide = load_library("en").get("three-shields")
    assert guide_pdf(guide, CENTER) == guide_pdf(guide, CENTER)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_summary_is_one_page_for_every_guide(paper: str) -> None:
    for language in languages():
        for guide in load_library(language).guides:
            pdf = summary_pdf(guide, CENTER, paper)
            count, pages = text_of(pdf)
            assert count == 1, (language, guide.id)
            assert squash(guide.title) in pages[0]
            assert hotline_printed(pdf, pages[0]), (language, guide.id)
