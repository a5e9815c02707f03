"""The text layer of every PDF: wrapping, bidi, shaping and drawing of text on a canvas.

Lines are wrapped in logical order first; then each wrapped line is reordered on its own
(python-bidi), so a right-to-left paragraph keeps its lines in reading order and each line reads
right to left. Arabic, Persian and the Indic, Thai and Khmer scripts are shaped by HarfBuzz
through ReportLab's ``shapeStr``. Shaped glyphs do not say which letters they are, so a line with
shaped or right-to-left text is drawn twice: the glyphs (which extract as nothing) and, invisibly
over each drawn piece, its letters as typed, which copy, search and screen readers turn back
into the text as typed. Every drawn piece is logged, so tests can check glyphs and positions.

The invisible letters suit both kinds of extractor. Those that sort letters by position
(pdftotext, most viewers) find each piece's letters over its glyphs, left to right as drawn.
Those that read the content stream in order (pypdf, pdftotext -raw, screen readers) get the
pieces in the order typed, each piece's right-to-left letters reversed as they expect; a letter
whose direction they would guess from the letters before it (a bracket, a space, a colon, a
Persian digit) is written on its own, so a wrong guess cannot move it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from toolkit.pdf.scripts import (
    BIDI_CONTROLS,
    REPLACEMENT,
    ScriptFonts,
    can_draw,
    is_arabic_char,
    is_cjk_char,
    is_ignorable,
    is_rtl_char,
    split_runs,
)

# A line may not start with these (they stay with the character before them).
_CLOSING = frozenset("，。、！？；：”’）》」』〉】,.!?;:)%")
_OPENING = frozenset("“‘（《「『〈【(")
# Zero-width joiners steer shaping: they stay in the piece of the letter before them.
_JOINERS = frozenset("\u200c\u200d")


@dataclass(frozen=True)
class TextStyle:
    fonts: ScriptFonts
    size: float
    bold: bool = False
    leading: float = 1.25
    color: str = "#000000"
    # The paragraph direction; None: the language's (cards, flyers) or, in the document
    # layer, the first strong letter's.
    rtl: bool | None = None

    def scaled(self, size: float) -> TextStyle:
        return TextStyle(self.fonts, size, self.bold, self.leading, self.color, self.rtl)

    @property
    def base_rtl(self) -> bool:
        return self.fonts.rtl if self.rtl is None else self.rtl

    @property
    def line_height(self) -> float:
        return self.size * self.leading


@dataclass
class Piece:
    """One drawn run, in visual order: ``text`` is what ReportLab draws (maybe shaped)."""

    text: Any
    logical: str
    font: str
    size: float
    width: float
    x: float = 0.0
    y: float = 0.0
    # For the invisible text layer: the letters as typed, left to right as drawn, whether they
    # read right to left, and where the first of them is in the line as typed (the pieces are
    # written in that order).
    letters: str = ""
    rtl: bool = False
    start: int = 0


@dataclass
class Line:
    logical: str
    pieces: list[Piece]
    # Whether the glyphs extract as nothing and the pieces' letters are written over them.
    layered: bool = False

    @property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)


@dataclass
class Token:
    text: str
    space_before: bool


# Widths are asked for again at every trial size and on every sheet: remember them.
@lru_cache(maxsize=50_000)
def _measure(text: str, font: str, size: float, shaped: bool) -> tuple[Any, float]:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfbase.ttfonts import ShapedStr, shapeStr

    if shaped:
        result = shapeStr(text, font, size)
        if isinstance(result, ShapedStr):
            return result, sum(d.x_advance for d in result.__shapeData__) * size / 1000
        return result, stringWidth(result, font, size)
    return text, stringWidth(text, font, size)


def _is_shaped(style: TextStyle, font: str) -> bool:
    return style.fonts.is_shaped_font(font)


def text_width(text: str, style: TextStyle) -> float:
    return sum(
        _measure(part, font, style.size, _is_shaped(style, font))[1]
        for font, part in split_runs(text, style.fonts, style.bold)
    )


def tokenize(text: str) -> list[Token]:
    """Words, with every Chinese or Korean-block character its own token (no spaces there)."""
    tokens: list[Token] = []
    space = False
    for ch in text:
        if ch.isspace():
            space = True
            continue
        glue_to_previous = (
            tokens
            and not space
            and (
                ch in _CLOSING
                or not (is_cjk_char(ch) or is_cjk_char(tokens[-1].text[-1]))
                or tokens[-1].text[-1] in _OPENING
            )
        )
        if glue_to_previous:
            tokens[-1].text += ch
        else:
            tokens.append(Token(ch, space and bool(tokens)))
        space = False
    return tokens


def _split_long(token: Token, style: TextStyle, width: float) -> list[Token]:
    """Break a word wider than the whole line (a long name with no spaces) into pieces."""
    parts: list[Token] = []
    current = ""
    for ch in token.text:
        if current and text_width(current + ch, style) > width:
            parts.append(Token(current, token.space_before if not parts else False))
            current = ch
        else:
            current += ch
    parts.append(Token(current, token.space_before if not parts else False))
    return parts


def wrap(text: str, style: TextStyle, width: float) -> list[str]:
    """``text`` broken into lines (logical order) no wider than ``width``; newlines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, style, width))
    return lines


def _wrap_paragraph(text: str, style: TextStyle, width: float) -> list[str]:
    space = text_width(" ", style)
    lines: list[str] = []
    current, current_width = "", 0.0
    for raw in tokenize(text):
        for token in (
            _split_long(raw, style, width) if text_width(raw.text, style) > width else [raw]
        ):
            token_width = text_width(token.text, style)
            gap = space if (token.space_before and current) else 0.0
            if current and current_width + gap + token_width > width:
                lines.append(current)
                current, current_width = token.text, token_width
            else:
                current += (" " if gap else "") + token.text
                current_width += gap + token_width
    if current or not lines:
        lines.append(current)
    return lines


def layout_line(text: str, style: TextStyle) -> Line:
    """The pieces of one wrapped line in visual (left to right) order."""
    if not style.base_rtl and not any(is_rtl_char(ch) for ch in text):
        runs = split_runs(text, style.fonts, style.bold)
        pieces = [_piece(part, part, font, style) for font, part in runs]
        shaped = any(_is_shaped(style, font) for font, _part in runs)
        if shaped:
            start = 0
            for piece in pieces:
                piece.letters, piece.start = _drawn_letters(piece.logical), start
                start += len(piece.logical)
        return Line(text, pieces, shaped)
    order = _reorder(text, style.base_rtl)
    pieces = [_bidi_piece(part, style) for part in _visual_parts(order, style)]
    return Line(text, pieces, True)


def _drawn_letters(text: str) -> str:
    # Zero-width characters (a Persian non-joiner too) are left out: pdftotext -raw cuts a
    # right-to-left word at one and reverses each half on its own (pypdf and pdftotext keep it).
    return "".join(ch for ch in text if not is_ignorable(ch)).replace("\t", " ")


@lru_cache(maxsize=5_000)
def bidi_levels(text: str, base_rtl: bool = True) -> tuple[int, ...]:
    """The resolved embedding level of each character (odd: right to left), base level RTL.

    python-bidi's Rust core (which handles isolates and keeps ZWNJ) exposes its levels only in
    its debug report, one per UTF-8 byte; if that report cannot be read, every character is
    taken as right to left except runs of Latin letters and digits.
    """
    from bidi import get_display

    report = str(get_display(text, base_dir="R" if base_rtl else "L", debug=True))
    block = re.search(r"levels:\s*\[(.*?)\n\s*\]", report, re.S)
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", block.group(1))] if block else []
    if len(per_byte) != len(text.encode("utf-8")):
        if not base_rtl:
            return tuple(1 if is_rtl_char(ch) else 0 for ch in text)
        return tuple(2 if (ch.isascii() and ch.isalnum()) else 1 for ch in text)
    levels, index = [], 0
    for ch in text:
        levels.append(per_byte[index])
        index += len(ch.encode("utf-8"))
    return tuple(levels)


def visual_order(text: str, base_rtl: bool = True) -> list[tuple[str, int]]:
    """Characters of one line with their levels, reordered for display (rules L2 and L4)."""
    return [(char.drawn, char.level) for char in _reorder(text, base_rtl)]


@dataclass(frozen=True)
class _Char:
    index: int  # where it is in the line as typed
    typed: str
    drawn: str  # mirrored in right-to-left text
    level: int


def _reorder(text: str, base_rtl: bool) -> list[_Char]:
    """The characters of one line in display order."""
    from bidi.mirror import MIRRORED

    chars = [
        _Char(index, ch, MIRRORED.get(ch, ch) if level % 2 else ch, level)
        for index, (ch, level) in enumerate(zip(text, bidi_levels(text, base_rtl), strict=True))
        if ch not in BIDI_CONTROLS
    ]
    if not chars:
        return chars
    highest = max(char.level for char in chars)
    odd = [char.level for char in chars if char.level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(chars):
            if chars[index].level >= level:
                end = index
                while end < len(chars) and chars[end].level >= level:
                    end += 1
                chars[index:end] = chars[index:end][::-1]
                index = end
            else:
                index += 1
    return chars


@dataclass
class _Part:
    drawn: str  # left to right, as drawn
    typed: str  # the same characters as typed, left to right
    odd: bool
    font: str
    start: int  # where its first character is in the line as typed


def _visual_parts(order: list[_Char], style: TextStyle) -> list[_Part]:
    """The reordered line cut into parts: at spaces, at changes of font and of direction."""
    parts: list[_Part] = []
    for char in order:
        drawable = can_draw(char.drawn)
        ch = char.drawn if drawable else REPLACEMENT
        odd = bool(char.level % 2)
        font = "" if ch.isspace() else style.fonts.font_for_char(ch, style.bold)
        last = parts[-1] if parts else None
        joiner = ch in _JOINERS and last is not None and last.font != ""
        if last is not None and (joiner or (last.font == font and last.odd == odd)):
            last.drawn += ch
            last.typed += char.typed if drawable else REPLACEMENT
            last.start = min(last.start, char.index)
        else:
            parts.append(_Part(ch, char.typed if drawable else ch, odd, font, char.index))
    return parts


def _bidi_piece(part: _Part, style: TextStyle) -> Piece:
    drawn, odd = part.drawn, part.odd
    logical = drawn[::-1] if odd else drawn
    letters = _drawn_letters(part.typed)
    if drawn.isspace():
        font = style.fonts.latin_bold if style.bold else style.fonts.latin_regular
        piece = _piece(" " * len(drawn), drawn, font, style)
    else:
        font = style.fonts.font_for_char(logical[0], style.bold)
        if odd and _is_shaped(style, font):
            # The part was reversed for display; HarfBuzz wants the letters in logical order and
            # returns the glyphs in visual order itself.
            piece = _piece(logical, logical, font, style)
        else:
            text = "".join(ch for ch in drawn if not is_ignorable(ch))
            # A left-to-right part in Arabic script holds only digits and their separators (its
            # letters are always right to left). HarfBuzz would take it for Arabic and reverse
            # it (١٢ as ٢١, ۲۰۲۶ as ۶۲۰۲): its glyphs are drawn unshaped, in the order given.
            arabic_digits = any(is_arabic_char(ch) and ch not in _JOINERS for ch in text)
            piece = _piece(text, logical, font, style, shaped=not arabic_digits)
    piece.letters, piece.rtl, piece.start = letters, odd, part.start
    return piece


def _piece(text: str, logical: str, font: str, style: TextStyle, *, shaped: bool = True) -> Piece:
    drawable, width = _measure(text, font, style.size, shaped and _is_shaped(style, font))
    return Piece(drawable, logical, font, style.size, width)


@dataclass
class Painter:
    """Draws lines on a ReportLab canvas and remembers every piece it drew."""

    canvas: Any
    log: list[Piece] = field(default_factory=list)

    def draw_line(
        self, line: Line, style: TextStyle, left: float, right: float, y: float, align: str
    ) -> None:
        from toolkit.pdf.fonts import glyph_only

        if align == "center":
            x = (left + right - line.width) / 2
        elif align == "right":
            x = right - line.width
        else:
            x = left
        placed: list[tuple[float, Piece]] = []
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(style.color)
        if style.bold:
            canvas.setStrokeColor(style.color)
            canvas.setLineWidth(style.size * 0.035)
        for piece in line.pieces:
            if not piece.logical.isspace() and piece.width > 0:
                text = canvas.beginText(x, y)
                text.setFont(glyph_only(piece.font) if line.layered else piece.font, piece.size)
                if style.bold and style.fonts.is_fake_bold_font(piece.font):
                    text.setTextRenderMode(2)
                elif style.bold:
                    # The render mode outlives the text object in PDF: set it every time.
                    text.setTextRenderMode(0)
                text.textOut(piece.text)
                canvas.drawText(text)
                self.log.append(replace(piece, x=x, y=y))
            placed.append((x, piece))
            x += piece.width
        if line.layered:
            self._draw_text_layer(placed, style, y)
        canvas.restoreState()

    def _draw_text_layer(
        self, placed: list[tuple[float, Piece]], style: TextStyle, y: float
    ) -> None:
        """The pieces' letters, invisible, each cell over its glyphs, in the order typed."""
        cells = [
            cell
            for x, piece in sorted(placed, key=lambda item: item[1].start)
            for cell in _cells(piece, x, style.fonts)
        ]
        if not cells:
            return
        text = self.canvas.beginText()
        text.setTextRenderMode(3)
        for x, font, letters, scale in cells:
            text.setTextOrigin(x, y)
            # A font operator for every cell, the same font too: pypdf reads each on its own.
            text.setFont(font, style.size)
            text.setHorizScale(100.0 * scale)
            text.textOut(letters)
        text.setTextRenderMode(0)
        text.setHorizScale(100.0)
        self.canvas.drawText(text)

    def draw_lines(
        self,
        lines: list[str],
        style: TextStyle,
        left: float,
        right: float,
        top: float,
        align: str = "start",
    ) -> float:
        """Draw wrapped lines from ``top`` down; returns the y below the last line."""
        return self.draw_laid_out(
            [layout_line(t, style) for t in lines], style, left, right, top, align
        )

    def draw_laid_out(
        self,
        lines: list[Line],
        style: TextStyle,
        left: float,
        right: float,
        top: float,
        align: str = "start",
    ) -> float:
        """Draw lines already laid out (reused across the ten cards of a sheet)."""
        if align == "start":
            align = "right" if style.base_rtl else "left"
        y = top
        for line in lines:
            y -= style.line_height
            self.draw_line(line, style, left, right, y + style.line_height - style.size, align)
        return y


def _cells(piece: Piece, x: float, fonts: ScriptFonts) -> list[tuple[float, str, str, float]]:
    """(x, font, letters left to right, horizontal scale) of a piece's text layer, in the order
    typed, stretched together over the piece's glyphs."""
    chunks = _chunks(piece.letters, piece.rtl, piece.font, fonts, piece.size)
    natural = sum(width for _font, _letters, width in chunks)
    scale = piece.width / natural if natural > 0 and piece.width > 0 else 1.0
    cells = []
    for font, letters, width in chunks:
        cells.append((x, font, letters, scale))
        x += width * scale
    return cells[::-1] if piece.rtl else cells


@lru_cache(maxsize=20_000)
def _chunks(
    letters: str, rtl: bool, font: str, fonts: ScriptFonts, size: float
) -> tuple[tuple[str, str, float], ...]:
    """(font, letters, natural width) of a piece's letters, left to right: runs of letters of
    the piece's own direction (with their marks), and every other character alone."""
    from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

    from toolkit.pdf.fonts import text_font

    face = text_font(font)
    charmap = getFont(face).face.charToGlyph
    runs: list[list[str]] = []  # as typed: a run's own letters, or one other character
    joined = False  # whether a mark next belongs to the last run
    for ch in letters[::-1] if rtl else letters:
        own = ord(ch) in charmap or ch == " "
        if own and joined and (_is_strong(ch, rtl) or _is_mark(ch)):
            runs[-1].append(ch)
            continue
        runs.append([ch])
        joined = own and _is_strong(ch, rtl)
    chunks = []
    for run in runs:
        text = "".join(run)
        cell_font = (
            face
            if ord(text[0]) in charmap or text == " "
            else text_font(fonts.font_for_char(text[0]))
        )
        drawn = text[::-1] if rtl else text
        chunks.append((cell_font, drawn, stringWidth(drawn, cell_font, size)))
    return tuple(chunks[::-1] if rtl else chunks)


def _is_strong(ch: str, rtl: bool) -> bool:
    """A letter of the direction given, as every extractor takes it (a European digit counts as
    left to right; other digits have no direction of their own for some extractors)."""
    kind = unicodedata.bidirectional(ch)
    if rtl:
        return kind in ("R", "AL")
    return kind == "L" or (kind == "EN" and ch.isascii())


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def draw_text(
    canvas: Any,
    text: str,
    style: TextStyle,
    x: float,
    y: float,
    width: float | None = None,
    align: str = "left",
) -> float:
    """One line of any script at baseline ``y``, cut with an ellipsis to ``width`` if given;
    returns the width drawn."""
    if width is not None and text_width(text, style) > width:
        while text and text_width(text + "\u2026", style) > width:
            text = text[:-1]
        text += "\u2026"
    line = layout_line(text, style)
    right = x + (width if width is not None else line.width)
    Painter(canvas).draw_line(line, style, x, right, y, align)
    return line.width
