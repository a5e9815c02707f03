"""Printing letters: the composed text laid out as a one-page business letter, or many in one PDF.

The PDF prints exactly the letter's text. Blank lines separate blocks; every blank line beyond the
first adds a line of space (that is how the signature gets room). Characters the embedded fonts
cannot draw are replaced by a visible mark and reported, rather than printed as empty boxes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.i18n import _
from toolkit.letters.compose import Letter
from toolkit.pdf.fonts import SANS

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable

REPLACEMENT = "\ufffd"
FONT_SIZE = 11.0
LEADING = 14.0

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class RenderedLetters:
    pdf: bytes
    pages: list[int]  # pages taken by each letter, in order
    warnings: list[list[str]] = field(default_factory=list)  # per letter

    @property
    def page_count(self) -> int:
        return sum(self.pages)


class CancelledError(Exception):
    """The person pressed Cancel while a drive was printing."""


_charmaps: dict[str, Any] = {}


def printable(text: str, font: str = SANS) -> tuple[str, list[str]]:
    """``text`` with characters the font lacks replaced by a visible mark, and those characters."""
    charmap = _charmaps.get(font)
    if charmap is None:
        from reportlab.pdfbase import pdfmetrics

        from toolkit.pdf.fonts import register_fonts

        register_fonts()
        charmap = _charmaps[font] = pdfmetrics.getFont(font).face.charToGlyph
    if all(ord(ch) in charmap or ch.isspace() for ch in text):
        return text, []
    missing: list[str] = []
    out = []
    for ch in text:
        if ch.isspace() or ord(ch) in charmap:
            out.append(ch)
            continue
        # A variation selector or joiner after an emoji has nothing to show on its own.
        if ch in "\ufe0f\ufe0e\u200d" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue
        if ch not in missing:
            missing.append(ch)
        out.append(REPLACEMENT)
    return "".join(out), missing


def substitution_warning(missing: list[str]) -> str:
    return _(
        "Some characters cannot be printed with the letter's font and were replaced by {mark}: "
        "{chars}"
    ).format(mark=REPLACEMENT, chars=" ".join(missing[:12]))


def letter_style() -> ParagraphStyle:
    from reportlab.lib.styles import ParagraphStyle

    from toolkit.pdf.document import stylesheet

    return ParagraphStyle(
        "letter", parent=stylesheet()["body"], fontSize=FONT_SIZE, leading=LEADING, spaceAfter=0
    )


def text_blocks(text: str) -> list[tuple[int, list[str]]]:
    """(blank lines before, lines) for each block of the letter text."""
    blocks: list[tuple[int, list[str]]] = []
    blanks, lines = 0, []
    for raw in text.replace("\r\n", "\n").split("\n"):
        if raw.strip():
            lines.append(raw.rstrip())
            continue
        if lines:
            blocks.append((blanks, lines))
            blanks, lines = 0, []
        blanks += 1
    if lines:
        blocks.append((blanks, lines))
    return blocks


def letter_flowables(text: str, style: ParagraphStyle) -> list[Flowable]:
    from reportlab.platypus import Paragraph, Spacer

    from toolkit.pdf.markup import para_text

    story: list[Flowable] = []
    for index, (blanks, lines) in enumerate(text_blocks(text)):
        if index and blanks:
            story.append(Spacer(1, LEADING * blanks * 0.85))
        story.append(Paragraph(para_text("\n".join(lines)), style))
    return story


def _page_marker(starts: list[int]) -> Flowable:
    from reportlab.platypus import Flowable as BaseFlowable

    class PageMarker(BaseFlowable):  # type: ignore[misc]
        """Zero-size: notes the page on which a letter starts, so overflows can be reported."""

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            starts.append(self.canv.getPageNumber())

    return PageMarker()


def render_letters(
    letters: Sequence[Letter],
    paper: str = "letter",
    title: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderedLetters:
    """All letters in one PDF, each starting on a new page."""
    from reportlab.platypus import PageBreak

    from toolkit.pdf.document import DocumentSpec, build_pdf

    if not letters:
        return RenderedLetters(b"", [], [])
    style = letter_style()
    starts: list[int] = []
    story: list[Flowable] = []
    warnings: list[list[str]] = []
    for index, letter in enumerate(letters):
        text, missing = printable(letter.text)
        warnings.append([substitution_warning(missing)] if missing else [])
        if index:
            story.append(PageBreak())
        story.append(_page_marker(starts))
        story.extend(letter_flowables(text, style))
    total = len(letters)
    pages_laid: list[int] = []

    def on_page(canvas: Any, doc: Any) -> None:
        pages_laid.append(1)
        # Laying out pages is the slow part: report and honour Cancel here.
        if cancelled is not None and cancelled():
            raise CancelledError
        if progress is not None:
            progress(min(len(starts), total), total)

    spec = DocumentSpec(paper=paper, title=title or _("Letter"), language=letters[0].language)
    spec.page_numbers = False
    spec.on_page = on_page
    pdf = build_pdf(story, spec)
    if progress is not None:
        progress(total, total)
    ends = [*starts[1:], len(pages_laid) + 1]
    pages = [end - start for start, end in zip(starts, ends, strict=True)]
    return RenderedLetters(pdf, pages, warnings)


def render_letter(letter: Letter, paper: str = "letter") -> RenderedLetters:
    return render_letters([letter], paper)


def page_count(letter: Letter, paper: str = "letter") -> int:
    """How many pages the letter takes; more than one deserves a warning before saving."""
    return render_letter(letter, paper).page_count


def too_long_warning(pages: int) -> str:
    return _(
        "This letter runs to {pages} pages. A one-page letter is read more often: "
        "shorten the story or the text."
    ).format(pages=pages)
