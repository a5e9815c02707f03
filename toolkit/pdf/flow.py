"""Text that flows through pages: the text layer as a ReportLab flowable, for every document.

A ``FontBook`` gathers every text of one document, so its fonts (one CJK subset for the whole
document) are chosen once and every character that no font can draw is reported by field. A
``TextBlock`` wraps with ``textlayout`` (scripts, shaping, bidi per line, the invisible text layer)
and splits between any two lines, so a paragraph of any length flows on to the next page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from reportlab.platypus import Flowable

from toolkit.i18n import _
from toolkit.pdf.markup import clean_text
from toolkit.pdf.scripts import (
    ScriptFonts,
    base_is_rtl,
    fonts_for,
    is_ignorable,
    is_rtl,
    isolate_ltr,
)
from toolkit.pdf.textlayout import Line, Painter, TextStyle, layout_line, wrap

# Characters with nothing to draw of their own, never reported as missing.
_SILENT = frozenset("\ufe0e\ufe0f\u200c\u200d\ufffc")


# A phone number or a number with parentheses and hyphens: one left-to-right piece in
# right-to-left text, as it is dialled. A match never starts or ends inside a longer number
# (digits joined by ":", "/", ".", ",", "-"): isolating "15 2025" out of "07:15 2025" left
# "07:" outside the isolate and drew the time as "15 2025:07". Such numbers are left to the
# bidi algorithm, which keeps each of them left to right with its separators.
_NUMBER = re.compile(r"(?<!\d)(?<!\d[:/.,\-])[+(]?\d[\d ().\-]{4,}\d\)?(?!\d)(?![:/.,\-]\d)")


def isolate_numbers(text: str) -> str:
    return _NUMBER.sub(lambda match: isolate_ltr(match.group(0)), text)


class FontBook:
    """The fonts of one document, and what its fonts cannot draw, field by field."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self._texts: list[str] = []
        self._fonts: ScriptFonts | None = None
        self._covered: set[str] = set()
        self.missing: dict[str, list[str]] = {}
        self._pending: list[tuple[str, str]] = []

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language)

    def add(self, text: str, field: str = "") -> None:
        self._texts.append(text)
        if self._fonts is not None and not set(text) <= self._covered:
            self._fonts = None  # new characters: choose again (a larger CJK subset)
        if field:
            self._pending.append((field, text))

    def fonts(self) -> ScriptFonts:
        if self._fonts is None:
            text = "".join(self._texts)
            self._fonts = fonts_for(self.language, text)
            self._covered = set(text)
        return self._fonts

    def check(self) -> dict[str, list[str]]:
        """Every field with characters no embedded font has (they would print as boxes)."""
        from reportlab.pdfbase import pdfmetrics

        fonts = self.fonts()
        charmaps: dict[str, Any] = {}
        for field, text in self._pending:
            for ch in dict.fromkeys(text):
                if ch.isspace() or is_ignorable(ch) or ch in _SILENT:
                    continue
                if 0x1F3FB <= ord(ch) <= 0x1F3FF:  # skin tones ride on the emoji before them
                    continue
                font = fonts.font_for_char(ch)
                charmap = charmaps.get(font)
                if charmap is None:
                    charmap = charmaps[font] = pdfmetrics.getFont(font).face.charToGlyph
                if ord(ch) not in charmap:
                    chars = self.missing.setdefault(field, [])
                    if ch not in chars:
                        chars.append(ch)
        self._pending.clear()
        return self.missing

    def warnings(self) -> list[str]:
        return [missing_warning(field, chars) for field, chars in self.check().items()]


def missing_warning(field: str, chars: list[str]) -> str:
    return _(
        "{field}: some characters cannot be printed (no font in the app has them) and are "
        "replaced by {mark}: {chars}"
    ).format(field=field, mark="\ufffd", chars=" ".join(chars[:12]))


@dataclass(frozen=True)
class BlockStyle:
    size: float = 11.0
    leading: float = 15.0 / 11.0
    bold: bool = False
    color: str = "#000000"
    space_before: float = 0.0
    space_after: float = 6.0
    align: str = "start"  # "start" (left, or right in right-to-left text), "center", "end"
    indent: float = 0.0
    bullet: str = ""
    keep_with_next: bool = False

    def with_(self, **changes: Any) -> BlockStyle:
        return replace(self, **changes)


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph (newlines kept) drawn by the text layer; splits between lines."""

    def __init__(
        self,
        text: str,
        style: BlockStyle,
        book: FontBook,
        field: str = "",
        *,
        _lines: list[tuple[Line, bool]] | None = None,
        _first: bool = True,
    ) -> None:
        super().__init__()
        self.text = clean_text(text)
        self.style = style
        self.book = book
        self.field = field
        self._laid: tuple[float, list[tuple[Line, bool]]] | None = None
        self._given = _lines
        self._first = _first
        self.keepWithNext = style.keep_with_next
        if _lines is None:
            book.add(self.text, field)

    def _text_style(self, rtl: bool) -> TextStyle:
        s = self.style
        return TextStyle(self.book.fonts(), s.size, s.bold, s.leading, s.color, rtl)

    @property
    def line_height(self) -> float:
        return self.style.size * self.style.leading

    def _inner(self, width: float) -> float:
        extra = self.style.size * 1.2 if self.style.bullet else 0.0
        return max(width - self.style.indent - extra, self.style.size * 2)

    def lines(self, width: float) -> list[tuple[Line, bool]]:
        if self._given is not None:
            return self._given
        if self._laid is None or abs(self._laid[0] - width) > 0.01:
            laid: list[tuple[Line, bool]] = []
            for paragraph in self.text.split("\n"):
                rtl = base_is_rtl(paragraph, self.book.rtl)
                if rtl:
                    paragraph = isolate_numbers(paragraph)
                style = self._text_style(rtl)
                for text in wrap(paragraph, style, self._inner(width)):
                    laid.append((layout_line(text, style), rtl))
            self._laid = (width, laid)
        return self._laid[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines(avail_width)) * self.line_height
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines(avail_width)
        fit = int((avail_height + 1e-6) // self.line_height)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        return [
            TextBlock(self.text, self.style.with_(space_after=0), self.book, _lines=lines[:fit]),
            TextBlock(
                self.text,
                self.style.with_(space_before=0, bullet=""),
                self.book,
                _lines=lines[fit:],
                _first=False,
            ),
        ]

    def getSpaceBefore(self) -> float:  # ReportLab's name
        return self.style.space_before

    def getSpaceAfter(self) -> float:  # ReportLab's name
        return self.style.space_after

    def draw(self) -> None:
        painter = Painter(self.canv)
        width = self.width
        style = self.style
        bullet_room = style.size * 1.2 if style.bullet else 0.0
        top = self.height
        for index, (line, rtl) in enumerate(self.lines(width)):
            text_style = self._text_style(rtl)
            left, right = (
                (0.0, width - style.indent - bullet_room)
                if rtl
                else (
                    style.indent + bullet_room,
                    width,
                )
            )
            if index == 0 and style.bullet and self._first:
                mark = layout_line(style.bullet, text_style)
                if rtl:
                    painter.draw_line(
                        mark, text_style, right, width - style.indent, top - style.size, "left"
                    )
                else:
                    painter.draw_line(
                        mark, text_style, style.indent, left, top - style.size, "left"
                    )
            align = style.align
            if align == "start":
                align = "right" if rtl else "left"
            elif align == "end":
                align = "left" if rtl else "right"
            painter.draw_line(line, text_style, left, right, top - style.size, align)
            top -= self.line_height


def block_style(style: Any, **changes: Any) -> BlockStyle:
    """A ReportLab ParagraphStyle (the shared stylesheet) as the text layer's style."""
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT

    color = style.textColor
    hexval = color.hexval()[2:] if hasattr(color, "hexval") else "000000"
    align = {TA_CENTER: "center", TA_RIGHT: "end"}.get(style.alignment, "start")
    base = BlockStyle(
        size=float(style.fontSize),
        leading=float(style.leading) / float(style.fontSize),
        bold="Bold" in style.fontName,
        color=f"#{hexval}",
        space_before=float(style.spaceBefore),
        space_after=float(style.spaceAfter),
        align=align,
        indent=float(style.leftIndent),
        keep_with_next=bool(getattr(style, "keepWithNext", False)),
    )
    return base.with_(**changes) if changes else base


def paragraph(
    text: str, style: Any, book: FontBook, field: str = "", bullet: str = ""
) -> TextBlock:
    """``text`` (plain, as typed: never markup) in a stylesheet style, by the text layer."""
    blocked = block_style(style, bullet=bullet) if bullet else block_style(style)
    if bullet:
        blocked = blocked.with_(indent=max(blocked.indent - blocked.size * 1.2, 0.0))
    return TextBlock(text, blocked, book, field)
