"""The invisible text layer gives back the text as typed, whichever way it is read: by position
(pdftotext, most viewers) or in the order it is written (pypdf, pdftotext -raw)."""

from __future__ import annotations

import io
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader
from text_layer_helpers import page_with

from toolkit.pdf.scripts import is_ignorable

HOTLINE = "(555) 010-0199"
FARSI_CALL = "با \u2068Casa Unida\u2069 تماس بگیرید: \u2068(555) 010-0199\u2069"
SAMPLES = {
    "latin": ("Tengo derecho a guardar silencio, señora (dijo).", "es"),
    "arabic": ("جاء ثلاثة ضباط إلى الباب في الصباح.", "ar"),
    "farsi": ("آنها گفتند حکم دارند اما نشان ندادند", "fa"),
    "farsi with a non-joiner": ("من می\u200cخواهم با وکیلم صحبت کنم.", "fa"),
    "chinese": ("证人王小明看见了三名警察。", "zh"),
    "farsi hotline": (FARSI_CALL, "fa"),
    "arabic time range": ("الساعة 07:15 – 08:30 يوم 2025-12-01", "ar"),
    "arabic quotes": ("قال «نعم» الآن (مرتين)!", "ar"),
    "persian digits": ("تاریخ ۱۴۰۳/۰۵/۱۲ ساعت ۱۰:۳۰", "fa"),
    "arabic in english": ("Officer said جاء ثلاثة ضباط then left (twice).", "en"),
    "english in arabic": ("قال الضابط Officer Smith (badge 4521) ثم غادر", "ar"),
}
LATIN = "Source: https://example.org/a-long-address-of-a-source, read in December 2026. " * 3


def normal(text: str) -> str:
    """Compared as read: NFC, no zero-width, bidi or poppler's embedding marks, one space."""
    text = "".join(ch for ch in unicodedata.normalize("NFC", text) if not is_ignorable(ch))
    return " ".join(text.replace("\u202a", "").replace("\u202b", "").replace("\u202c", "").split())


def pypdf_text(pdf: bytes) -> str:
    return normal(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def poppler(pdf: bytes, *options: str) -> str:
    out = subprocess.run(["pdftotext", *options, "-", "-"], input=pdf, capture_output=True)
    return normal(out.stdout.decode("utf-8"))


@pytest.mark.parametrize("name", SAMPLES)
def test_pypdf_reads_the_text_as_typed(name: str) -> None:
    text, language = SAMPLES[name]
    for lines in ([(text, language)], [(text, language), (LATIN, "en"), (LATIN, "en")]):
        assert normal(text) in pypdf_text(page_with(lines)), name


@pytest.mark.parametrize("name", SAMPLES)
def test_pdftotext_raw_reads_the_words_in_the_order_typed(name: str) -> None:
    # In the order written, each step to the left starts a new line: a right-to-left word
    # comes on a line of its own, and so does a mark after it ("بگیرید :"): only the
    # letters and their order are compared.
    text, language = SAMPLES[name]
    got = poppler(page_with([(text, language)]), "-raw")
    assert "".join(normal(text).split()) in "".join(got.split()), name


@pytest.mark.parametrize("name", ["latin", "arabic", "farsi", "farsi with a non-joiner", "chinese"])
def test_pdftotext_reads_one_script_as_typed(name: str) -> None:
    text, language = SAMPLES[name]
    assert normal(text) in poppler(page_with([(text, language)])), name


@pytest.mark.parametrize("filler", [LATIN, "متن " * 30])
def test_the_hotline_is_whole_in_every_reading(filler: str) -> None:
    pdf = page_with([(FARSI_CALL, "fa")] + [(filler, "fa")] * 4)
    assert normal(FARSI_CALL) in pypdf_text(pdf)
    assert HOTLINE in poppler(pdf)
    assert HOTLINE in poppler(pdf, "-raw")


def test_words_lie_over_their_glyphs() -> None:
    # pdftotext's word boxes: each invisible word where its glyphs are, right to left.
    pdf = page_with([(FARSI_CALL, "fa")])
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True)
    words = [
        line.split(">")[1].split("<")[0]
        for line in out.stdout.decode("utf-8").splitlines()
        if line.strip().startswith("<word")
    ]
    assert words == ["(555)", "010-0199", ":", "دیریگب", "سامت", "Casa", "Unida", "اب"]
