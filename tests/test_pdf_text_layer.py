"""Every document kind prints every script, at any length, and its text reads back as typed.

Checks are made on the PDF itself: every glyph a page shows exists in its embedded font (no
.notdef), and the text pdftotext and pypdf extract is the text as typed.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from toolkit.cards.card_face import Branding, CardFitError
from toolkit.cards.card_sheet import cards_pdf
from toolkit.cards.flyer_pdf import EventDetails, FlyerFitError, FlyerRequest, render_flyer
from toolkit.errors import UserError
from toolkit.guides.guide_pdf import guide_pdf, summary_pdf
from toolkit.guides.loader import load_library
from toolkit.incidents.record import Incident, Witness
from toolkit.incidents.recovery_sheet import make_recovery_pdf
from toolkit.incidents.report_pdf import make_report_pdf
from toolkit.letters.compose import Letter
from toolkit.letters.letter_pdf import render_letters
from toolkit.letters.mailing import envelopes_pdf, labels_pdf
from toolkit.pdf.scripts import is_ignorable
from toolkit.settings import Settings

# One sentence per script the app prints, each short enough for one line.
SAMPLES = {
    "latin": "Tengo derecho a guardar silencio, señora.",
    "vietnamese": "Tôi có quyền giữ im lặng.",
    "cyrillic": "Сосед всё видел и записал номер машины.",
    "arabic": "جاء ثلاثة ضباط إلى الباب في الصباح",
    "farsi": "آنها گفتند حکم دارند اما نشان ندادند",
    "chinese": "证人王小明看见了三名警察",
    "korean": "저는 묵비권이 있습니다",
    "devanagari": "मुझे चुप रहने का अधिकार है",
    "khmer": "ខ្ញុំមានសិទ្ធិនៅស្ងៀម",
    "thai": "ฉันมีสิทธิ์ที่จะไม่พูด",
    "tamil": "எனக்கு அமைதியாக இருக்க உரிமை உண்டு",
    "telugu": "నాకు మౌనంగా ఉండే హక్కు ఉంది",
}
HOSTILE = ["<b>bold</b>", "a & b", "{{ name }}", "{% if %}", "\x00\x07", "\u200b\u200d", "😀"]
HOSTILE += ["\u202eevil\u202c", "\u200f", "line\nbreak", "\t", "&lt;", "]]>", "%s {0}"]
LONG = 100_000


def make_letter(text: str) -> Letter:
    return Letter(
        template_id="t",
        language="en",
        text=f"Dear Senator,\n\n{text}\n\nSincerely,\n\nAna Ruiz",
        sender_name="Ana Ruiz",
        return_address=("Ana Ruiz", text[:200], "Chicago, IL 60608"),
        mailing_address=(text[:200], "230 S Dearborn St", "Chicago, IL 60604"),
        recipient_key="k",
        recipient_label="Senator",
    )


def report(text: str) -> tuple[bytes, list[str]]:
    record = Incident(
        start_date="2026-11-20",
        what_happened=text,
        place_address=text,
        witnesses=[Witness(name=text, contact="555-0100")],
        id="r-1",
        created="2026-11-20T08:00:00+00:00",
    )
    made = make_report_pdf(record, [], org_name="Casa Unida")
    return made.pdf, made.warnings


def recovery(text: str) -> tuple[bytes, list[str]]:
    made = make_recovery_pdf(text, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "2026-12-01")
    return made.pdf, made.warnings


def letters(text: str) -> tuple[bytes, list[str]]:
    rendered = render_letters([make_letter(text)])
    return rendered.pdf, [w for per in rendered.warnings for w in per]


def envelopes(text: str) -> tuple[bytes, list[str]]:
    return envelopes_pdf([make_letter(text)]), []


def labels(text: str) -> tuple[bytes, list[str]]:
    return labels_pdf([make_letter(text)] * 3), []


def guide(text: str) -> tuple[bytes, list[str]]:
    first = load_library("en").guides[0]
    return guide_pdf(first, Settings(org_name=text, hotline="555-0100")), []


def summary(text: str) -> tuple[bytes, list[str]]:
    first = load_library("en").guides[0]
    return summary_pdf(first, Settings(org_name=text, hotline="555-0100")), []


def cards(text: str) -> tuple[bytes, list[str]]:
    return cards_pdf(["en"], branding=Branding(org_name=text), count=1).pdf, []


def flyer(text: str) -> tuple[bytes, list[str]]:
    event = EventDetails(title=text, date="Dec 5", place=text, bring="")
    request = FlyerRequest("event", "en", org_name=text, event=event)
    return render_flyer(request).pdf, []


# Cards and flyers are fixed sizes: too much text is refused with a clear message.
FIXED_SIZE = (CardFitError, FlyerFitError)
FLOWING: dict[str, Callable[[str], tuple[bytes, list[str]]]] = {
    "report": report,
    "recovery sheet": recovery,
    "letter": letters,
    "guide": guide,
}
DRAWN: dict[str, Callable[[str], tuple[bytes, list[str]]]] = {
    "envelope": envelopes,
    "labels": labels,
    "summary": summary,
    "cards": cards,
    "flyer": flyer,
}
KINDS = {**FLOWING, **DRAWN}


def normal(text: str) -> str:
    """Text compared as read: NFC, no zero-width or bidi characters, one space between words."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if not is_ignorable(ch))
    return " ".join(text.split())


def pypdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def poppler_text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def shown_codes(page: Any) -> dict[str, set[int]]:
    """The single-byte font codes each font shows on ``page`` (Tj and TJ operands)."""
    shown: dict[str, set[int]] = {}
    current = [""]

    def visit(operator: bytes, operands: list[Any], _cm: Any, _tm: Any) -> None:
        if operator == b"Tf":
            current[0] = str(operands[0])
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            items = operands[0] if operator == b"TJ" else operands[-1:]
            for item in items:
                if isinstance(item, (bytes, str)):
                    data = item if isinstance(item, bytes) else item.encode("latin-1", "replace")
                    shown.setdefault(current[0], set()).update(data)

    page.extract_text(visitor_operand_before=visit)
    return shown


def notdef_codes(pdf: bytes) -> list[str]:
    """Font codes shown on any page whose glyph is missing from the embedded font (drawn as
    .notdef), read from the PDF: the codes each page shows and each embedded TrueType subset."""
    found = []
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for name, codes in shown_codes(page).items():
            font = fonts[name].get_object() if name in fonts else None
            if font is None or "/FontDescriptor" not in font:
                continue
            base = str(font["/BaseFont"])
            if base.endswith("+TKText"):
                continue  # the invisible text layer: its letters are not drawn
            data = font["/FontDescriptor"].get("/FontFile2")
            if data is None:
                continue
            embedded = TTFont(io.BytesIO(data.get_object().get_data()))
            cmap: dict[int, str] = {}
            for table in embedded["cmap"].tables:
                cmap.update(table.cmap)
            for code in codes:
                glyph = cmap.get(code) or cmap.get(0xF000 + code, ".notdef")
                # ReportLab shows a character its font lacks as code 0 (drawn empty).
                if glyph == ".notdef" or code == 0:
                    found.append(f"{base}:{code}")
    return found


@pytest.mark.parametrize("script", SAMPLES)
def test_every_script_prints_in_the_report_and_reads_back_as_typed(script: str) -> None:
    sample = SAMPLES[script]
    pdf, warnings = report(sample)
    assert warnings == []
    assert notdef_codes(pdf) == []
    assert normal(sample) in normal(pypdf_text(pdf)), script
    if shutil.which("pdftotext"):
        assert normal(sample) in normal(poppler_text(pdf).replace("\u202b", "")), script


@pytest.mark.parametrize("kind", ["letter", "envelope", "labels", "recovery sheet"])
@pytest.mark.parametrize("script", ["chinese", "arabic", "cyrillic", "devanagari"])
def test_letters_envelopes_labels_print_the_name_itself(kind: str, script: str) -> None:
    sample = SAMPLES[script]
    pdf, warnings = KINDS[kind](sample)
    assert warnings == []
    assert notdef_codes(pdf) == []
    extracted = normal(pypdf_text(pdf))
    assert "\ufffd" not in extracted
    if kind in ("envelope", "labels"):  # USPS form: upper case, no punctuation
        assert normal(sample.upper()).replace(",", " ").split()[0] in extracted
    else:
        assert normal(sample) in extracted


def test_report_declares_title_language_and_author() -> None:
    pdf, _warnings = report("x")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Incident report"
    assert reader.metadata.author == "Casa Unida"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_characters_no_font_has_are_named_by_field() -> None:
    _pdf, warnings = report("Called \U0001f600 twice")
    assert any(w.startswith("What happened:") and "\U0001f600" in w for w in warnings)
    assert any(w.startswith("Witnesses:") for w in warnings)


def test_one_word_longer_than_a_page_is_broken_not_lost() -> None:
    pdf, _warnings = report("x" * 20_000)
    assert normal(pypdf_text(pdf)).count("x") >= 20_000


ALPHABET = st.sampled_from([*"".join(SAMPLES.values()), *"<>&{}%\\\"' \n\t", "\u200c", "😀"])
HOSTILE_TEXT = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(ALPHABET, max_size=40)), max_size=30
).map(" ".join)


@pytest.mark.parametrize("kind", KINDS)
@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=HOSTILE_TEXT)
@example(text="".join(HOSTILE) * 3)
@example(text="\u0627" * 3000 + " " + "王" * 3000)
def test_hostile_text_never_breaks_a_document(kind: str, text: str) -> None:
    try:
        pdf, _warnings = KINDS[kind](text)
    except UserError:  # a card or flyer too full, or an event flyer with no title
        assert kind in DRAWN
        return
    assert pdf.startswith(b"%PDF")
    extracted = pypdf_text(pdf)
    assert not re.search(r"[\ue000-\uf8ff]", extracted)  # no private-use code points


@pytest.mark.parametrize("kind", KINDS)
def test_text_of_100000_characters_flows_across_pages(kind: str) -> None:
    text = ("".join(HOSTILE) + " ".join(SAMPLES.values()) + "\n") * 300
    try:
        pdf, _warnings = KINDS[kind](text[:LONG])
    except FIXED_SIZE:
        assert kind in DRAWN
        return
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages > 5 or kind in DRAWN


def test_the_missing_glyph_check_sees_a_missing_glyph() -> None:
    from reportlab.pdfgen.canvas import Canvas

    from toolkit.pdf.fonts import SANS, register_fonts

    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.setFont(SANS, 12)
    canvas.drawString(72, 720, "Hebrew \u05e9 is not in Noto Sans")
    canvas.save()
    assert notdef_codes(out.getvalue())


def test_a_character_no_font_has_is_marked_visibly() -> None:
    pdf, warnings = report("Called \U0001f600 twice")
    assert warnings
    assert notdef_codes(pdf) == []
    assert "Called \ufffd twice" in normal(pypdf_text(pdf))
