"""The text layer of every PDF: wrapping, bidi, shaping and drawing of text on a canvas.

Lines are wrapped in logical order first; then each wrapped line is reordered on its own
(python-bidi), so a right-to-left paragraph keeps its lines in reading order and each line reads
right to left. Arabic, Persian and the Indic, Thai and Khmer scripts are shaped by HarfBuzz
through ReportLab's ``shapeStr``. Shaped glyphs do not say which letters they are, so a line with
shaped or right-to-left text is drawn twice: the glyphs (which extract as nothing) and, invisibly
over them, its letters in display order, which copy, search and screen readers turn back into
the text as typed. Every drawn piece is logged, so tests can check glyphs and positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from toolkit.pdf.scripts import (
    BIDI_CONTROLS,
    REPLACEMENT,
    ScriptFonts,
    can_draw,
    is_cjk_char,
    is_ignorable,
    is_rtl_char,
    split_runs,
)

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


@dataclass
class Line:
    logical: str
    pieces: list[Piece]
    # The letters in display order, for the invisible text layer ('' when none is needed).
    visual: str = ""

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
        return Line(text, pieces, _drawn_letters(text) if shaped else "")
    order = _reorder(text, style.base_rtl)
    letters = _drawn_letters(extraction_order(text, style.base_rtl))
    pieces = [_bidi_piece(part, odd, style) for part, odd in _visual_parts(order, style)]
    return Line(text, pieces, letters)


def extraction_order(text: str, base_rtl: bool) -> str:
    """The letters as extractors expect them: in logical order, with each right-to-left run
    reversed (pdftotext and pypdf reverse such runs back, and leave the rest in place)."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        # Spaces at the ends of a run stay where they are: they separate it from its neighbours.
        joined = "".join(run)
        core = joined.strip(" ")
        lead = len(joined) - len(joined.lstrip(" "))
        out.append(" " * lead + core[::-1] + " " * (len(joined) - lead - len(core)))
        run.clear()

    for ch, level in zip(text, bidi_levels(text, base_rtl), strict=True):
        if ch in BIDI_CONTROLS:
            continue
        if level % 2:
            run.append(ch)
            continue
        flush()
        out.append(ch)
    flush()
    return "".join(out)


def _drawn_letters(text: str) -> str:
    # Zero-width characters (a Persian non-joiner too) are left out: extractors take them for
    # word boundaries and reorder the word around them.
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
    return [(drawn, level) for _original, drawn, level in _reorder(text, base_rtl)]


def _reorder(text: str, base_rtl: bool) -> list[tuple[str, str, int]]:
    """(character as typed, character as drawn (mirrored), level) in display order."""
    from bidi.mirror import MIRRORED

    chars = [
        (ch, MIRRORED.get(ch, ch) if level % 2 else ch, level)
        for ch, level in zip(text, bidi_levels(text, base_rtl), strict=True)
        if ch not in BIDI_CONTROLS
    ]
    if not chars:
        return chars
    highest = max(level for _o, _ch, level in chars)
    odd = [level for _o, _ch, level in chars if level % 2]
    lowest_odd = min(odd) if odd else highest + 1
    for level in range(highest, lowest_odd - 1, -1):
        index = 0
        while index < len(chars):
            if chars[index][2] >= level:
                end = index
                while end < len(chars) and chars[end][2] >= level:
                    end += 1
                chars[index:end] = chars[index:end][::-1]
                index = end
            else:
                index += 1
    return chars


def _visual_parts(order: list[tuple[str, str, int]], style: TextStyle) -> list[tuple[str, bool]]:
    """The reordered line cut into (drawn text, right to left) parts: at spaces, at changes of
    font and at changes of direction."""
    parts: list[tuple[str, bool, str]] = []
    for _original, drawn, level in order:
        ch = drawn if can_draw(drawn) else REPLACEMENT
        odd = bool(level % 2)
        space = ch.isspace()
        font = "" if space else style.fonts.font_for_char(ch, style.bold)
        joiner = ch in "\u200c\u200d" and bool(parts) and parts[-1][2] != ""
        if joiner or (parts and parts[-1][2] == font and parts[-1][1] == odd):
            text, was_odd, was_font = parts[-1]
            parts[-1] = (text + ch, was_odd, was_font)
        else:
            parts.append((ch, odd, font))
    return [(text, odd) for text, odd, _font in parts]


def _bidi_piece(part: str, odd: bool, style: TextStyle) -> Piece:
    logical = part[::-1] if odd else part
    if part.isspace():
        font = style.fonts.latin_bold if style.bold else style.fonts.latin_regular
        return _piece(" " * len(part), part, font, style)
    font = style.fonts.font_for_char(logical[0], style.bold)
    if odd and _is_shaped(style, font):
        # The part was reversed for display; HarfBuzz wants the letters in logical order and
        # returns the glyphs in visual order itself.
        return _piece(logical, logical, font, style)
    drawn = "".join(ch for ch in part if not is_ignorable(ch))
    return _piece(drawn, logical, font, style)


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
        from toolkit.pdf.fonts import glyph_only

        if align == "center":
            x = (left + right - line.width) / 2
        elif align == "right":
            x = right - line.width
        else:
            x = left
        start = x
        canvas = self.canvas
        canvas.saveState()
        canvas.setFillColor(style.color)
        if style.bold:
            canvas.setStrokeColor(style.color)
            canvas.setLineWidth(style.size * 0.035)
        for piece in line.pieces:
            if not piece.logical.isspace() and piece.width > 0:
                text = canvas.beginText(x, y)
                text.setFont(glyph_only(piece.font) if line.visual else piece.font, piece.size)
                if style.bold and style.fonts.is_fake_bold_font(piece.font):
                    text.setTextRenderMode(2)
                elif style.bold:
                    # The render mode outlives the text object in PDF: set it every time.
                    text.setTextRenderMode(0)
                text.textOut(piece.text)
                canvas.drawText(text)
                self.log.append(replace(piece, x=x, y=y))
            x += piece.width
        if line.visual.strip():
            self._draw_text_layer(line.visual, style, start, y, x - start)
        canvas.restoreState()

    def _draw_text_layer(
        self, letters: str, style: TextStyle, x: float, y: float, width: float
    ) -> None:
        """The line's letters, invisible, in one text object stretched over the glyphs."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        runs = _letter_runs(letters, style.fonts)
        natural = sum(stringWidth(part, font, style.size) for font, part in runs)
        text = self.canvas.beginText(x, y)
        text.setTextRenderMode(3)
        if natural > 0 and width > 0:
            text.setHorizScale(100.0 * width / natural)
        for font, part in runs:
            text.setFont(font, style.size)
            text.textOut(part)
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


def _letter_runs(letters: str, fonts: ScriptFonts) -> list[tuple[str, str]]:
    """The text layer in as few font runs as possible: extractors break words at a change of
    font, so punctuation and digits stay in the run before them when its face has them."""
    from reportlab.pdfbase import pdfmetrics

    from toolkit.pdf.fonts import text_font

    runs: list[tuple[str, str]] = []
    for ch in letters:
        if runs and not ch.isalpha():
            font = runs[-1][0]
            if ch == " " or ord(ch) in pdfmetrics.getFont(font).face.charToGlyph:
                runs[-1] = (font, runs[-1][1] + ch)
                continue
        font = text_font(fonts.font_for_char(ch))
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + ch)
        else:
            runs.append((font, ch))
    return runs


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
