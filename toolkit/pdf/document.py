"""The document base every printed page shares: paper, margins, styles, page numbers.

``build_pdf`` writes to memory and returns bytes: no files, no GUI; ``build_document`` returns a
``MadePdf`` (bytes, page count and the warnings of its ``FontBook``: fields with characters no
font can draw). Output is deterministic by default (ReportLab's invariant mode: same input,
same bytes), which also keeps creation times out of files people share. Every PDF declares
its title, language and author.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from toolkit.errors import UserError
from toolkit.i18n import _
from toolkit.pdf.fonts import SANS, SANS_BOLD, register_fonts
from toolkit.pdf.paper import MARGINS, PAPER_SIZES

__all__ = [
    "MARGINS",
    "PAPER_SIZES",
    "DocumentSpec",
    "MadePdf",
    "build_document",
    "build_pdf",
    "drawn_canvas",
]

PageDecorator = Callable[[Canvas, BaseDocTemplate], None]


class PaperError(UserError):
    pass


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPER_SIZES[paper]
    except KeyError:
        raise PaperError(_("Paper size must be US Letter or A4.")) from None


@dataclass
class MadePdf:
    """What every document maker returns: the PDF, its pages, and what could not be printed."""

    pdf: bytes
    pages: int = 1
    warnings: list[str] = field(default_factory=list)


@dataclass
class DocumentSpec:
    paper: str = "letter"
    title: str = ""
    author: str = ""
    subject: str = ""
    language: str = "en"
    page_numbers: bool = True
    # "{page}" and "{pages}" are filled in once the whole document is laid out.
    page_label: str = ""
    footer_text: str = ""
    margin: float | None = None
    deterministic: bool = True
    on_page: PageDecorator | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def margin_points(self) -> float:
        return self.margin if self.margin is not None else MARGINS[self.paper]


def _numbered_canvas(spec: DocumentSpec) -> type[Canvas]:
    label = spec.page_label or _("Page {page} of {pages}")

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds each page until the end so the footer can say "Page X of Y"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved_pages)
            spec.extra["pages"] = total
            for state in self._saved_pages:
                self.__dict__.update(state)
                if spec.page_numbers:
                    self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _height = self._pagesize
            margin = spec.margin_points()
            self.saveState()
            self.setFont(SANS, 8)
            self.setFillColor(colors.HexColor("#444444"))
            text = label.format(page=self._pageNumber, pages=total)
            _draw_page_label(self, spec, text, width - margin)
            if spec.footer_text:
                _draw_footer_text(self, spec, margin, width - margin - 90)
            self.restoreState()

    return NumberedCanvas


def drawn_canvas(
    buffer: io.BytesIO,
    size: tuple[float, float],
    title: str,
    *,
    author: str = "",
    language: str = "en",
    deterministic: bool = True,
) -> Canvas:
    """The canvas of a document drawn directly (cards, flyers, envelopes, labels): the same
    deterministic output, title, author and language as every other document."""
    register_fonts()
    canvas = Canvas(
        buffer, pagesize=size, invariant=1 if deterministic else 0, lang=language, pageCompression=1
    )
    canvas.setTitle(title)
    canvas.setAuthor(author)
    canvas.setCreator("Rights Toolkit")
    return canvas


def _draw_page_label(canvas: Canvas, spec: DocumentSpec, text: str, right: float) -> None:
    """ "Page X of Y" in the document's language (any script), flush right."""
    from toolkit.pdf.scripts import fonts_for
    from toolkit.pdf.textlayout import TextStyle, draw_text

    fonts = spec.extra.get("label_fonts")
    if fonts is None:
        fonts = spec.extra["label_fonts"] = fonts_for(spec.language, text)
    style = TextStyle(fonts, 8, color="#444444", rtl=False)
    draw_text(canvas, text, style, right - 90, spec.margin_points() / 2, 90, align="right")


def _draw_footer_text(canvas: Canvas, spec: DocumentSpec, left: float, right: float) -> None:
    from toolkit.pdf.scripts import base_is_rtl, fonts_for
    from toolkit.pdf.textlayout import Painter, TextStyle, layout_line, wrap

    text = spec.footer_text.replace("\n", " ")
    style = TextStyle(fonts_for(spec.language, text), 8, color="#444444", rtl=False)
    style = TextStyle(style.fonts, 8, color="#444444", rtl=base_is_rtl(text, style.fonts.rtl))
    lines = wrap(text, style, right - left)
    first = lines[0] + ("…" if len(lines) > 1 else "")
    Painter(canvas).draw_line(
        layout_line(first, style), style, left, right, spec.margin_points() / 2, "left"
    )


def build_document(story: Sequence[Flowable], spec: DocumentSpec, book: Any = None) -> MadePdf:
    """Lay out ``story``; the warnings name each field of ``book`` that cannot be printed."""
    pdf = build_pdf(story, spec)
    warnings = book.warnings() if book is not None else []
    return MadePdf(pdf, int(spec.extra.get("pages", 1)), warnings)


def build_pdf(story: Sequence[Flowable], spec: DocumentSpec) -> bytes:
    """Lay out ``story`` on the spec's paper and return the PDF bytes."""
    register_fonts()
    size = page_size(spec.paper)
    margin = spec.margin_points()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=spec.title,
        author=spec.author,
        subject=spec.subject,
        creator="Rights Toolkit",
        lang=spec.language,
        initialFontName=SANS,
        invariant=1 if spec.deterministic else 0,
    )
    frame = Frame(
        margin,
        margin,
        size[0] - 2 * margin,
        size[1] - 2 * margin,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )

    def decorate(canvas: Canvas, document: BaseDocTemplate) -> None:
        if spec.on_page is not None:
            spec.on_page(canvas, document)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    doc.build(list(story), canvasmaker=_numbered_canvas(spec))
    return buffer.getvalue()


def stylesheet(
    scale: float = 1.0, font: str = SANS, bold: str = SANS_BOLD
) -> dict[str, ParagraphStyle]:
    """Paragraph styles shared by guides, letters and reports; ``scale`` enlarges all type."""
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=font, fontSize=11 * scale, leading=15 * scale, spaceAfter=6 * scale
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=bold,
            fontSize=20 * scale,
            leading=25 * scale,
            spaceAfter=10 * scale,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=bold,
            fontSize=15 * scale,
            leading=19 * scale,
            spaceBefore=10 * scale,
            spaceAfter=4 * scale,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=bold,
            fontSize=12.5 * scale,
            leading=16 * scale,
            spaceBefore=8 * scale,
            spaceAfter=3 * scale,
        ),
        "small": ParagraphStyle(
            "small",
            parent=body,
            fontSize=8.5 * scale,
            leading=11 * scale,
            textColor=colors.HexColor("#333333"),
        ),
        "bullet": ParagraphStyle(
            "bullet",
            parent=body,
            leftIndent=14 * scale,
            bulletIndent=3 * scale,
            spaceAfter=3 * scale,
        ),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    }
