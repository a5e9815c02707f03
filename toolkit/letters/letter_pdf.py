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

    from toolkit.pdf.flow import FontBook

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


def printable(text: str, font: str = SANS) -> tuple[str, list[str]]:
    """``text`` with the characters no embedded font can draw (every script the app prints is
    kept) replaced by a visible mark, and those characters."""
    from toolkit.pdf.scripts import can_draw

    if all(can_draw(ch) for ch in text):
        return text, []
    missing: list[str] = []
    out = []
    for ch in text:
        if can_draw(ch):
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


# A letter a little too long for one page is set a little smaller before it runs on: a letter
# is read more often when it is one page (10 point is the smallest a business letter uses).
FIT_SIZES = (FONT_SIZE, 10.5, 10.0)


def letter_style(size: float = FONT_SIZE) -> ParagraphStyle:
    from reportlab.lib.styles import ParagraphStyle

    from toolkit.pdf.document import stylesheet

    # No widows or orphans: a paragraph never leaves one line alone at a page's foot or head.
    return ParagraphStyle(
        f"letter-{size}",
        parent=stylesheet()["body"],
        fontSize=size,
        leading=LEADING * size / FONT_SIZE,
        spaceAfter=0,
        allowWidows=0,
        allowOrphans=0,
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


def _closing_start(blocks: list[tuple[int, list[str]]]) -> int:
    """Where the closing begins: the block before the signature line, and the last paragraph
    before that, so that a second page never holds the signature alone."""
    from toolkit.letters.compose import is_signature_line

    for index in range(len(blocks) - 1, -1, -1):
        if any(is_signature_line(line) for line in blocks[index][1]):
            return max(index - 2, 0)
    return max(len(blocks) - 2, 0)


def letter_flowables(
    text: str, style: ParagraphStyle, book: FontBook | None = None
) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    from toolkit.pdf.flow import FontBook, paragraph

    book = book if book is not None else FontBook()

    story: list[Flowable] = []
    blocks = text_blocks(text)
    closing = _closing_start(blocks)
    tail: list[Flowable] = []
    for index, (blanks, lines) in enumerate(blocks):
        target = tail if index >= closing else story
        if index and blanks:
            target.append(Spacer(1, style.leading * blanks * 0.85))
        target.append(paragraph("\n".join(lines), style, book))
    if tail:
        story.append(KeepTogether(tail))
    return story


def _continuation_header(canvas: Any, doc: Any, letter: Letter, page: int) -> None:
    """Page 2 and on: the recipient, the date and the page, above the text."""
    from toolkit.letters.phrases import phrase

    who = letter.mailing_address[0] if letter.mailing_address else letter.recipient_label
    text, _missing = printable(
        "  \u00b7  ".join(
            part
            for part in (who, letter.date_text, phrase(letter.language, "page").format(n=page))
            if part
        )
    )
    from toolkit.pdf.scripts import fonts_for
    from toolkit.pdf.textlayout import TextStyle, draw_text

    style = TextStyle(fonts_for(letter.language, text), 9, rtl=False)
    width = doc.pagesize[0] - doc.leftMargin - doc.rightMargin
    draw_text(canvas, text, style, doc.leftMargin, doc.pagesize[1] - doc.topMargin * 0.6, width)


def _page_marker(starts: list[int]) -> Flowable:
    from reportlab.platypus import Flowable as BaseFlowable

    class PageMarker(BaseFlowable):  # type: ignore[misc]
        """Zero-size: notes the page on which a letter starts, so overflows can be reported."""

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            starts.append(self.canv.getPageNumber())

    return PageMarker()


def _height(flowable: Flowable, width: float, height: float) -> float:
    content = getattr(flowable, "_content", None)
    if isinstance(content, list):  # KeepTogether: its parts, one under the other
        return sum(_height(part, width, height) for part in content)
    return float(flowable.wrap(width, height)[1])


def _fitted(text: str, paper: str, book: FontBook | None = None) -> list[Flowable]:
    """The letter's flowables at the largest of FIT_SIZES that fits one page, else at 11 pt."""
    from toolkit.pdf.document import MARGINS, page_size

    width, height = page_size(paper)
    margin = MARGINS[paper]
    frame_width, frame_height = width - 2 * margin, height - 2 * margin - 12
    for size in FIT_SIZES:
        story = letter_flowables(text, letter_style(size), book)
        used = sum(_height(f, frame_width, frame_height) for f in story)
        if used <= frame_height:
            return story
    return letter_flowables(text, letter_style(FONT_SIZE), book)


def _story(
    letters: Sequence[Letter], starts: list[int], paper: str
) -> tuple[list[Flowable], list[list[str]]]:
    from reportlab.platypus import PageBreak

    from toolkit.pdf.flow import FontBook

    # One set of fonts for the whole PDF (one CJK subset for every letter of a drive).
    book = FontBook(letters[0].language if letters else "en")
    for letter in letters:
        book.add(letter.text + "".join(letter.mailing_address))
    story: list[Flowable] = []
    warnings: list[list[str]] = []
    for index, letter in enumerate(letters):
        text, missing = printable(letter.text)
        warnings.append([substitution_warning(missing)] if missing else [])
        if index:
            story.append(PageBreak())
        story.append(_page_marker(starts))
        story.extend(_fitted(text, paper, book))
    return story, warnings


def render_letters(
    letters: Sequence[Letter],
    paper: str = "letter",
    title: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RenderedLetters:
    """All letters in one PDF, each starting on a new page; a letter that runs on carries a
    header (recipient, date, page) on its later pages. Laid out twice only when one runs on."""
    from toolkit.pdf.document import DocumentSpec, build_pdf

    if not letters:
        return RenderedLetters(b"", [], [])
    total = len(letters)
    starts: list[int] = []
    pages_laid: list[int] = []
    known: list[int] = []  # the first page of each letter, once a first pass has found them

    def on_page(canvas: Any, doc: Any) -> None:
        pages_laid.append(1)
        # Laying out pages is the slow part: report and honour Cancel here.
        if cancelled is not None and cancelled():
            raise CancelledError
        if progress is not None and not known:
            progress(min(len(starts), total), total)
        page = canvas.getPageNumber()
        if known:
            index = max(i for i, first in enumerate(known) if first <= page)
            if page > known[index]:
                _continuation_header(canvas, doc, letters[index], page - known[index] + 1)

    spec = DocumentSpec(paper=paper, title=title or _("Letter"), language=letters[0].language)
    spec.page_numbers = False
    spec.on_page = on_page
    story, warnings = _story(letters, starts, paper)
    pdf = build_pdf(story, spec)
    ends = [*starts[1:], len(pages_laid) + 1]
    pages = [end - start for start, end in zip(starts, ends, strict=True)]
    if any(count > 1 for count in pages):
        known.extend(starts)
        starts.clear()
        pages_laid.clear()
        story, warnings = _story(letters, starts, paper)
        pdf = build_pdf(story, spec)
    if progress is not None:
        progress(total, total)
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
