"""Wrapping, bidi and drawing of short texts on a canvas, for cards and flyers.

Lines are wrapped in logical order first; then each wrapped line is reordered on its own
(python-bidi), so a right-to-left paragraph keeps its lines in reading order and each line reads
right to left. Arabic and Persian words are shaped by HarfBuzz through ReportLab's ``shapeStr``.
Every drawn piece is logged, so tests can check glyphs and positions without parsing the PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from toolkit.pdf.scripts import BIDI_CONTROLS, ScriptFonts, is_arabic_char, is_cjk_char, split_runs

# A line may not start with these (they stay with the character before them).
_CLOSING = frozenset("，。、！？；：”’）》」』〉】,.!?;:)%")
_OPENING = frozenset("“‘（《「『〈【(")


@dataclass(frozen=True)
class TextStyle:
    fonts: ScriptFonts
    size: float
    bold: bool = False
    leading: float = 1.25
    color: str = "#000000"

    def scaled(self, size: float) -> TextStyle:
        return TextStyle(self.fonts, size, self.bold, self.leading, self.color)

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


@dataclass
class Line:
    logical: str
    pieces: list[Piece]

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
    return style.fonts.shaped and style.fonts.is_script_font(font)


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
    if not style.fonts.rtl:
        pieces = [
            _piece(part, part, font, style)
            for font, part in split_runs(text, style.fonts, style.bold)
        ]
        return Line(text, pieces)
    return Line(text, [_rtl_piece(part, style) for part in _visual_parts(text)])


@lru_cache(maxsize=5_000)
def bidi_levels(text: str) -> tuple[int, ...]:
    """The resolved embedding level of each character (odd: right to left), base level RTL.

    python-bidi's Rust core (which handles isolates and keeps ZWNJ) exposes its levels only in
    its debug report, one per UTF-8 byte; if that report cannot be read, every character is
    taken as right to left except runs of Latin letters and digits.
    """
    from bidi import get_display

    report = str(get_display(text, base_dir="R", debug=True))
    block = re.search(r"levels:\s*\[(.*?)\n\s*\]", report, re.S)
    per_byte = [int(n) for n in re.findall(r"Level\(\s*(\d+)", block.group(1))] if block else []
    if len(per_byte) != len(text.encode("utf-8")):
        return tuple(2 if (ch.isascii() and ch.isalnum()) else 1 for ch in text)
    levels, index = [], 0
    for ch in text:
        levels.append(per_byte[index])
        index += len(ch.encode("utf-8"))
    return tuple(levels)


def visual_order(text: str) -> list[tuple[str, int]]:
    """Characters of one line with their levels, reordered for display (rules L2 and L4)."""
    from bidi.mirror import MIRRORED

    chars = [
        (MIRRORED.get(ch, ch) if level % 2 else ch, level)
        for ch, level in zip(text, bidi_levels(text), strict=True)
        if ch not in BIDI_CONTROLS
    ]
    if not chars:
        return chars
    highest = max(level for _ch, level in chars)
    lowest_odd = (
        min(level for _ch, level in chars if level % 2)
        if any(level % 2 for _ch, level in chars)
        else highest + 1
    )
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(chars):
            if chars[index][1] >= level:
                end = index
                while end < len(chars) and chars[end][1] >= level:
                    end += 1
                chars[index:end] = chars[index:end][::-1]
                index = end
            else:
                index += 1
    return chars


def _visual_parts(text: str) -> list[str]:
    """The line reordered for display, cut at spaces and at Arabic/other boundaries."""
    parts: list[str] = []
    for ch, _level in visual_order(text):
        kind = _kind(ch)
        if parts and kind != "space" and _kind(parts[-1]) == kind:
            parts[-1] += ch
        else:
            parts.append(ch)
    return parts


def _kind(part: str) -> str:
    if part == " " or part.isspace():
        return "space"
    return "arabic" if is_arabic_char(part[0]) else "other"


def _rtl_piece(part: str, style: TextStyle) -> Piece:
    font = style.fonts.font_for_char(part[0], style.bold)
    if _kind(part) == "arabic":
        # get_display reversed the letters; HarfBuzz wants them in logical order and returns
        # the glyphs in visual order itself.
        logical = part[::-1]
        return _piece(logical, logical, font, style)
    if _kind(part) == "space":
        font = style.fonts.latin_bold if style.bold else style.fonts.latin_regular
    return _piece(part, part, font, style)


def _piece(text: str, logical: str, font: str, style: TextStyle) -> Piece:
    drawable, width = _measure(text, font, style.size, _is_shaped(style, font))
    return Piece(drawable, logical, font, style.size, width)


@dataclass
class Painter:
    """Draws lines on a ReportLab canvas and remembers every piece it drew."""

    canvas: Any
    log: list[Piece] = field(default_factory=list)

    def draw_line(
        self, line: Line, style: TextStyle, left: float, right: float, y: float, align: str
    ) -> None:
        if align == "center":
            x = (left + right - line.width) / 2
        elif align == "right":
            x = right - line.width
        else:
            x = left
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(style.color)
        fake_bold = style.bold and style.fonts.fake_bold
        if fake_bold:
            canvas.setStrokeColor(style.color)
            canvas.setLineWidth(style.size * 0.035)
        for piece in line.pieces:
            if not piece.logical.isspace():
                text = canvas.beginText(x, y)
                text.setFont(piece.font, piece.size)
                if fake_bold:
                    # The render mode outlives the text object in PDF: set it every time.
                    text.setTextRenderMode(2 if style.fonts.is_script_font(piece.font) else 0)
                text.textOut(piece.text)
                canvas.drawText(text)
                self.log.append(replace(piece, x=x, y=y))
            x += piece.width
        canvas.restoreState()

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
            align = "right" if style.fonts.rtl else "left"
        y = top
        for line in lines:
            y -= style.line_height
            self.draw_line(line, style, left, right, y + style.line_height - style.size, align)
        return y
