"""Which font draws which character: scripts, text direction and font runs.

ReportLab has no font fallback, so text is split into runs: Arabic letters in Noto Sans Arabic,
Chinese and Korean in a CJK subset (``toolkit.pdf.cjk``), Devanagari, Khmer, Thai, Tamil and
Telugu in their Noto faces, everything else (Latin, Cyrillic, digits, punctuation) in Noto Sans.
The choice is made per character, whatever the document's language, so a Chinese name in an
English report or an Arabic narrative in a Spanish one prints too.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from toolkit.i18n import is_right_to_left
from toolkit.pdf import cjk
from toolkit.pdf.fonts import (
    ARABIC,
    ARABIC_BOLD,
    DEVANAGARI,
    KHMER,
    SANS,
    SANS_BOLD,
    SHAPED_FACES,
    SYNTHETIC_BOLD_FACES,
    TAMIL,
    TELUGU,
    THAI,
    register_fonts,
)

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
# Scripts with one shaped face each: (first, last) code points and the face.
_OTHER_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0900, 0x097F, DEVANAGARI),
    (0xA8E0, 0xA8FF, DEVANAGARI),
    (0x1CD0, 0x1CFF, DEVANAGARI),
    (0x0B80, 0x0BFF, TAMIL),
    (0x0C00, 0x0C7F, TELUGU),
    (0x0E00, 0x0E7F, THAI),
    (0x1780, 0x17FF, KHMER),
    (0x19E0, 0x19FF, KHMER),
)
# Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms).
_RTL_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
_JOINERS = frozenset("\u200c\u200d")
# In Chinese and Korean text these punctuation marks belong with the CJK face's widths.
_CJK_PUNCTUATION = frozenset("“”‘’…·—")
# Bidi controls steer ordering only; they are never drawn.
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LRI, PDI = "\u2066", "\u2069"
# What is printed for a character no embedded font has.
REPLACEMENT = "\ufffd"


def is_ignorable(ch: str) -> bool:
    """Characters that are never drawn: bidi controls, zero-width spaces and joiners, variation
    selectors, soft hyphens, control characters (Unicode's default-ignorable code points)."""
    code = ord(ch)
    return (
        ch in BIDI_CONTROLS
        or code in _IGNORABLE
        or 0x200B <= code <= 0x200F
        or 0x2060 <= code <= 0x206F
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0000 <= code <= 0xE0FFF
        or (code < 0x20 and ch not in "\t\n")
        or 0x7F <= code <= 0x9F
    )


_IGNORABLE = frozenset({0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0xFEFF})


def _in(ranges: tuple[tuple[int, int], ...], ch: str) -> bool:
    code = ord(ch)
    for low, high in ranges:  # noqa: SIM110 (a loop: this runs for every character printed)
        if low <= code <= high:
            return True
    return False


def is_arabic_char(ch: str) -> bool:
    return _in(_ARABIC_RANGES, ch)


def is_cjk_char(ch: str) -> bool:
    return _in(_CJK_RANGES, ch)


def is_rtl(language: str) -> bool:
    return is_right_to_left(language)


def is_rtl_char(ch: str) -> bool:
    return ch not in _JOINERS and _in(_RTL_RANGES, ch)


def other_script_face(ch: str) -> str:
    code = ord(ch)
    for low, high, face in _OTHER_SCRIPTS:
        if low <= code <= high:
            return face
    return ""


def base_is_rtl(text: str, default: bool) -> bool:
    """The paragraph's direction: its first strong letter decides (Unicode rule P2)."""
    for ch in text:
        if is_rtl_char(ch):
            return True
        if ch.isalpha():
            return False
    return default


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
    # The CJK subset for Chinese or Korean characters in text of another language.
    cjk: str = ""

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    @property
    def shaped(self) -> bool:
        return self.language in ARABIC_LANGUAGES

    def font_for_char(self, ch: str, bold: bool = False) -> str:
        if ord(ch) < 0x0590:  # Latin, Greek, Cyrillic, Armenian: by far the most common
            return self.latin_bold if bold else self.latin_regular
        return _font_for_char(self, ch, bold)

    def _choose(self, ch: str, bold: bool) -> str:
        if is_arabic_char(ch) and ch not in _JOINERS:
            if self.shaped:
                return self.script_bold if bold else self.script_regular
            return ARABIC_BOLD if bold else ARABIC
        if cjk.is_cjk_language(self.language) and (is_cjk_char(ch) or ch in _CJK_PUNCTUATION):
            return self.script_bold if bold else self.script_regular
        if self.cjk and is_cjk_char(ch):
            return self.cjk
        face = other_script_face(ch)
        if face:
            return face
        return self.latin_bold if bold else self.latin_regular

    def is_shaped_font(self, font: str) -> bool:
        return font in SHAPED_FACES

    def is_fake_bold_font(self, font: str) -> bool:
        """Faces with one weight, made bold by stroking their outlines as well."""
        return font in SYNTHETIC_BOLD_FACES or font.startswith("TKCJK")

    def is_script_font(self, font: str) -> bool:
        return font in (self.script_regular, self.script_bold) and font not in (
            self.latin_regular,
            self.latin_bold,
        )


@lru_cache(maxsize=20_000)
def _font_for_char(fonts: ScriptFonts, ch: str, bold: bool) -> str:
    return fonts._choose(ch, bold)


def fonts_for(language: str, text: str = "") -> ScriptFonts:
    """The fonts for ``language``; ``text`` is every character to print (CJK subsets hold
    exactly the Chinese and Korean characters it has)."""
    register_fonts()
    if language in ARABIC_LANGUAGES:
        return ScriptFonts(language, ARABIC, ARABIC_BOLD, cjk=_cjk_subset("zh-Hans", text))
    if cjk.is_cjk_language(language):
        needed = "".join(ch for ch in set(text) if is_cjk_char(ch) or ch in _CJK_PUNCTUATION)
        name = cjk.cjk_font(language, needed)
        return ScriptFonts(language, name, name, fake_bold=True)
    return ScriptFonts(language, cjk=_cjk_subset("zh-Hans", text))


def _cjk_subset(language: str, text: str) -> str:
    """A CJK subset for the Chinese and Korean characters of ``text`` ('' when there are none);
    Korean-only text takes the Korean face, anything else the Simplified Chinese one."""
    needed = "".join(sorted({ch for ch in text if is_cjk_char(ch)}))
    if not needed:
        return ""
    hangul = all(0xAC00 <= ord(ch) <= 0xD7AF or 0x1100 <= ord(ch) <= 0x11FF for ch in needed)
    return cjk.cjk_font("ko" if hangul else language, needed)


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
        if ch in _JOINERS:
            # Joiners steer shaping (Persian, Indic); elsewhere they have nothing to draw.
            if runs and runs[-1][0] in SHAPED_FACES:
                runs[-1] = (runs[-1][0], runs[-1][1] + ch)
            continue
        if is_ignorable(ch):
            continue
        if not can_draw(ch):
            ch = REPLACEMENT  # a visible mark, never an invisible hole (and a warning)
        keep = runs and (ch == " " or unicodedata.category(ch) == "Mn")
        font = runs[-1][0] if keep else fonts.font_for_char(ch, bold)
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


def can_draw(ch: str) -> bool:
    """Whether any embedded face (the CJK collection included) has a glyph for ``ch``."""
    if ch.isspace() or is_ignorable(ch):
        return True
    return ord(ch) in _drawable() or (is_cjk_char(ch) and cjk.covers(ord(ch)))


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    from toolkit.pdf.fonts import FACES

    register_fonts()
    codes: set[int] = set()
    for face in FACES:
        codes.update(pdfmetrics.getFont(face.name).face.charToGlyph)
    return frozenset(codes)
