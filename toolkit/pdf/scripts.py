"""Which font draws which character: scripts, text direction and font runs per language.

ReportLab has no font fallback, so text is split into runs: Arabic letters in Noto Sans Arabic,
Chinese and Korean in a CJK subset (``toolkit.pdf.cjk``), everything else (Latin digits, the
hotline, the center's name, punctuation) in Noto Sans.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.pdf import cjk
from toolkit.pdf.fonts import ARABIC, ARABIC_BOLD, SANS, SANS_BOLD, register_fonts

RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he"})
ARABIC_LANGUAGES = frozenset({"ar", "fa", "ur"})
_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x200C, 0x200D),  # ZWNJ and ZWJ steer Persian joining: they must reach the shaper
)
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
)
# In Chinese and Korean text these punctuation marks belong with the CJK face's widths.
_CJK_PUNCTUATION = frozenset("“”‘’…·—")
# Bidi controls steer ordering only; they are never drawn.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LRI, PDI = "\u2066", "\u2069"


def _in(ranges: tuple[tuple[int, int], ...], ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in ranges)


def is_arabic_char(ch: str) -> bool:
    return _in(_ARABIC_RANGES, ch)


def is_cjk_char(ch: str) -> bool:
    return _in(_CJK_RANGES, ch)


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


@dataclass(frozen=True)
class ScriptFonts:
    """The faces a language's text uses: its script's face, and Noto Sans for the rest."""

    language: str
    script_regular: str = SANS
    script_bold: str = SANS_BOLD
    latin_regular: str = SANS
    latin_bold: str = SANS_BOLD
    # CJK subsets have one weight: bold is drawn by stroking the outline as well as filling.
    fake_bold: bool = False

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    @property
    def shaped(self) -> bool:
        return self.language in ARABIC_LANGUAGES

    def font_for_char(self, ch: str, bold: bool = False) -> str:
        if self.shaped and is_arabic_char(ch):
            return self.script_bold if bold else self.script_regular
        if cjk.is_cjk_language(self.language) and (is_cjk_char(ch) or ch in _CJK_PUNCTUATION):
            return self.script_bold if bold else self.script_regular
        return self.latin_bold if bold else self.latin_regular

    def is_script_font(self, font: str) -> bool:
        return font in (self.script_regular, self.script_bold) and font not in (
            self.latin_regular,
            self.latin_bold,
        )


def fonts_for(language: str, text: str = "") -> ScriptFonts:
    """The fonts for ``language``; for Chinese and Korean ``text`` is every character needed."""
    register_fonts()
    if language in ARABIC_LANGUAGES:
        return ScriptFonts(language, ARABIC, ARABIC_BOLD)
    if cjk.is_cjk_language(language):
        needed = "".join(ch for ch in set(text) if is_cjk_char(ch) or ch in _CJK_PUNCTUATION)
        name = cjk.cjk_font(language, needed)
        return ScriptFonts(language, name, name, fake_bold=True)
    return ScriptFonts(language)


def font_for_language(language: str, text: str = "") -> str:
    """The main (regular) face for a language's own script."""
    return fonts_for(language, text).script_regular


def isolate_ltr(text: str) -> str:
    """Keep a phone number or a Latin name in one left-to-right piece inside right-to-left text."""
    return f"{LRI}{text}{PDI}" if text else text


def split_runs(text: str, fonts: ScriptFonts, bold: bool = False) -> list[tuple[str, str]]:
    """``text`` cut into (font name, text) runs; spaces stay with the run they follow."""
    runs: list[tuple[str, str]] = []
    for ch in text:
        if ch in BIDI_CONTROLS:
            continue
        font = runs[-1][0] if (ch == " " and runs) else fonts.font_for_char(ch, bold)
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


def missing_glyphs(font_name: str, text: str) -> set[str]:
    """Characters of ``text`` that ``font_name`` (any registered TrueType font) cannot draw."""
    from reportlab.pdfbase import pdfmetrics

    charmap = pdfmetrics.getFont(font_name).face.charToGlyph
    return {
        ch for ch in text if not ch.isspace() and ch not in BIDI_CONTROLS and ord(ch) not in charmap
    }
