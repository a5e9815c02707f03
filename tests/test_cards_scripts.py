"""Script handling: right-to-left order per wrapped line, font runs, CJK subsets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cards import content
from toolkit.cards.card_face import Branding
from toolkit.cards.card_sheet import cards_pdf
from toolkit.pdf import cjk
from toolkit.pdf.fonts import ARABIC, SANS
from toolkit.pdf.scripts import font_for_language, fonts_for, isolate_ltr, split_runs
from toolkit.pdf.textlayout import TextStyle, layout_line, visual_order, wrap


@pytest.mark.parametrize("code", ["ar", "fa"])
def test_rtl_lines_keep_reading_order_and_read_right_to_left(code: str) -> None:
    card = content.load_card(code)
    paragraph = " ".join(card.points)
    style = TextStyle(fonts_for(code), 9)
    lines = wrap(paragraph, style, 120)
    assert len(lines) > 3
    # Lines come in logical order: together they are the paragraph, first line first.
    assert " ".join(lines).split() == paragraph.split()
    for text in lines:
        line = layout_line(text, style)
        x = 0.0
        for piece in line.pieces:  # visual order: assign positions left to right
            piece.x = x
            x += piece.width
        words = [p for p in line.pieces if not p.logical.isspace()]
        arabic_words = [p for p in words if p.font == ARABIC]
        by_position = [p.logical for p in sorted(arabic_words, key=lambda p: -p.x)]
        logical_words = [w for w in text.split() if any("\u0600" <= ch <= "\u06ff" for ch in w)]
        # The first word of the line is the rightmost; each next word lies further left.
        stripped = [w.strip(".,:;!?«»()\u060c\u061f") for w in logical_words]
        assert [w.strip(".,:;!?«»()\u060c\u061f") for w in by_position] == stripped


def test_rtl_card_title_first_word_is_rightmost() -> None:
    rendered = cards_pdf(["ar"], "letter", "duplex", Branding(), count=1)
    first = rendered.placed[0].rect
    title_words = content.load_card("ar").title.split()
    pieces = {p.logical: p for p in rendered.pieces if first.x <= p.x < first.right}
    xs = [pieces[w].x for w in title_words]
    assert xs == sorted(xs, reverse=True)


def test_phone_number_stays_left_to_right_inside_arabic() -> None:
    text = "خط المساعدة: " + isolate_ltr("+1 (555) 010-0199")
    visual = "".join(ch for ch, _level in visual_order(text))
    assert "+1 (555) 010-0199" in visual
    assert visual.endswith("خط"[::-1])


def test_brackets_are_mirrored_in_rtl_runs() -> None:
    visual = "".join(ch for ch, _level in visual_order("قال «نعم» الآن"))
    # Arabic quotes point outward on both sides once reordered.
    assert visual.index("«") < visual.index("»")


def test_persian_zwnj_reaches_the_shaper() -> None:
    style = TextStyle(fonts_for("fa"), 10)
    line = layout_line("می‌توانید", style)
    assert any("\u200c" in p.logical for p in line.pieces)


def test_latin_digits_use_the_latin_font_in_cjk_and_arabic_text() -> None:
    zh = fonts_for("zh-Hans", "求助热线")
    runs = split_runs("求助热线: 555-0100", zh)
    assert runs[0][0] == zh.script_regular and runs[-1] == (SANS, ": 555-0100")
    ar = fonts_for("ar")
    assert split_runs("خط 555", ar)[-1][0] == SANS
    assert font_for_language("ar") == ARABIC
    assert font_for_language("en") == SANS


def test_cjk_subset_is_cached_and_registered_once() -> None:
    first = cjk.cjk_font("ko", "권리")
    again = cjk.cjk_font("ko", "리권")
    assert first == again
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(first).face
    assert ord("권") in face.charToGlyph and ord("가") not in face.charToGlyph


@pytest.mark.parametrize(
    ("language", "text"), [("zh-Hans", "您的权利，热线"), ("ko", "자신의 권리")]
)
def test_a_cjk_subset_keeps_outlines_and_metrics_and_nothing_reportlab_ignores(
    language: str, text: str
) -> None:
    import io

    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(cjk.subset_bytes(language, text, "TKTestSubset")))
    glyphs = font.getGlyphSet()
    for char in text.replace(" ", ""):
        name = font.getBestCmap()[ord(char)]
        assert font["hmtx"][name][0] > 0  # an advance to place the next character by
        assert glyphs[name].width > 0 and font["glyf"][name].numberOfContours > 0
    # Layout and vertical tables are never used by ReportLab: reading them cost memory.
    assert not {"GSUB", "GPOS", "GDEF", "vmtx", "vhea", "VORG", "CFF "} & set(font.keys())


def test_a_first_cjk_sheet_never_parses_the_whole_face(tmp_path: Path) -> None:
    """HarfBuzz cuts the subset from the file; fontTools' subsetter (which parsed all 65,535
    glyphs, some 45 MiB) is not even imported."""
    probe = (
        "import sys\n"
        "from toolkit.cards.card_face import Branding\n"
        "from toolkit.cards.card_sheet import cards_pdf\n"
        "sheet = cards_pdf(['zh-Hans'], 'letter', 'duplex', Branding('中心', '555'))\n"
        "print(sheet.pages, 'fontTools.subset' in sys.modules)\n"
    )
    env = {**os.environ, "TOOLKIT_CACHE_DIR": str(tmp_path / "cache")}
    env["TOOLKIT_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["2", "False"]


def test_a_damaged_cjk_collection_is_a_plain_font_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from toolkit.pdf.fonts import FontError

    damaged = tmp_path / cjk.COLLECTION_FILE
    damaged.write_bytes(b"not a font " * 100)
    monkeypatch.setattr(cjk, "collection_path", lambda: damaged)
    with pytest.raises(FontError, match="damaged or unreadable"):
        cjk.subset_bytes("zh-Hans", "权利", "TKTestDamaged")
    damaged.unlink()  # gone between the check and the read
    with pytest.raises(FontError, match="damaged or unreadable"):
        cjk.subset_bytes("ko", "권리", "TKTestMissing")
