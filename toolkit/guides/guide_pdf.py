"""Printable guides: the full guide, and a one-page summary for a flyer (ReportLab, in memory).

Both end with the notice (not legal advice, the two dates, who to call) in the guide's language;
the full guide also lists its sources there, on its last page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from toolkit.guides.blocks import BULLETS, HEADING, NUMBERS, PARAGRAPH, Block, Runs, parse, plain
from toolkit.guides.blocks import sections as split_sections
from toolkit.guides.model import Guide
from toolkit.guides.notice import Notice, notice_for
from toolkit.guides.summaries import load_summary
from toolkit.i18n import translate_in
from toolkit.pdf.fonts import SANS_BOLD
from toolkit.pdf.markup import para_text
from toolkit.settings import Settings

NOTICE_BACKGROUND = "#e8f1fb"
NOTICE_BORDER = "#9bbbe0"
STALE_BACKGROUND = "#fff3cd"
STALE_BORDER = "#c9a227"
SUMMARY_SECTIONS = 10


def runs_markup(runs: Runs) -> str:
    """Runs as ReportLab paragraph markup; text escaped, links printed as their words."""
    parts = []
    for run in runs:
        text = para_text(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts)


def _styles(scale: float, language: str = "en") -> dict[str, Any]:
    from reportlab.lib import colors

    from toolkit.pdf.document import stylesheet
    from toolkit.pdf.flow import FontBook

    styles: dict[str, Any] = dict(stylesheet(scale))
    # The document's fonts, shared by every text-layer paragraph (the center's name may be in
    # any script).
    styles["book"] = FontBook(language)
    styles["h2"] = styles["h2"].clone("guide-h2", keepWithNext=1)
    styles["h3"] = styles["h3"].clone("guide-h3", keepWithNext=1)
    styles["summary"] = styles["body"].clone(
        "guide-summary",
        fontSize=12.5 * scale,
        leading=17 * scale,
        textColor=colors.HexColor("#333333"),
        spaceAfter=10 * scale,
    )
    return styles


def _plain(runs: Runs) -> bool:
    """Runs the text layer prints: one style, or a script ReportLab's Paragraph cannot print
    (there the emphasis is given up rather than the words)."""
    if not any(run.bold or run.italic for run in runs):
        return True
    from toolkit.pdf.scripts import is_cjk_char, is_rtl_char, other_script_face

    return any(
        is_rtl_char(ch) or is_cjk_char(ch) or bool(other_script_face(ch))
        for run in runs
        for ch in run.text
    )


def text(value: str, style: Any, styles: dict[str, Any], bullet: str = "") -> Any:
    """Plain text (the notice, titles, the center's name) on the text layer."""
    from toolkit.pdf.flow import paragraph

    return paragraph(value, style, styles["book"], bullet=bullet)


def block_flowables(block: Block, styles: dict[str, Any]) -> list[Any]:
    """Paragraphs of one style go through the text layer; those with bold or italic words
    (authored guide text, Latin script) through ReportLab's Paragraph."""
    from reportlab.platypus import Paragraph

    if block.kind == HEADING:
        style = styles["h2" if block.level == 2 else "h3"]
        if _plain(block.runs):
            return [text(plain(block.runs), style, styles)]
        return [Paragraph(runs_markup(block.runs), style)]
    if block.kind in (BULLETS, NUMBERS):
        items = []
        for number, item in enumerate(block.items, start=block.start):
            mark = "•" if block.kind == BULLETS else f"{number}."
            if _plain(item):
                items.append(text(plain(item), styles["bullet"], styles, bullet=mark))
            else:
                items.append(Paragraph(runs_markup(item), styles["bullet"], bulletText=mark))
        return items
    if _plain(block.runs):
        return [text(plain(block.runs), styles["body"], styles)]
    return [Paragraph(runs_markup(block.runs), styles["body"])]


def stale_box(notice: Notice, styles: dict[str, Any], width: float) -> list[Any]:
    """The out-of-date warning as a yellow box; nothing while the guide is current."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    if not notice.stale:
        return []
    bold = styles["body"].clone("stale-bold", fontName=SANS_BOLD)
    table = Table([[text(notice.stale, bold, styles)]], [width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(STALE_BACKGROUND)),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(STALE_BORDER)),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return [table]


def notice_box(notice: Notice, styles: dict[str, Any], with_sources: bool, width: float) -> Any:
    """The notice as a tinted box: a table whose first cell (the notice itself) is never split
    across pages; each source is a row of its own, so a long list may go on to the next page."""
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    content = [*stale_box(notice, styles, width)] if with_sources else []
    bold = styles["body"].clone("notice-bold", fontName=SANS_BOLD)
    content += [
        text(notice.heading, styles["h2"], styles),
        text(notice.text, styles["body"], styles),
        text(notice.facts_checked, bold, styles),
        text(notice.wording_reviewed, bold, styles),
        text(notice.call_heading, styles["h3"], styles),
        text(notice.call_text, bold, styles),
    ]
    rows: list[list[Any]] = [[content]]
    if with_sources:
        rows.append([text(notice.sources_heading, styles["h3"], styles)])
        rows += [[text(line, styles["small"], styles, bullet="•")] for line in notice.sources]
    # A notice taller than a page (a center name of thousands of characters) may split.
    tall = sum(part.wrap(width - 20, 1e6)[1] for part in content) > 500
    table = Table(rows, colWidths=[width], splitInRow=1 if tall else 0)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(NOTICE_BACKGROUND)),
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor(NOTICE_BORDER)),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (0, 0), 4),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]
        )
    )
    return table


def _spec(guide: Guide, paper: str, title: str) -> Any:
    from toolkit.pdf.document import DocumentSpec

    language = guide.language
    return DocumentSpec(
        paper=paper,
        title=title,
        subject=guide.summary,
        language=language,
        page_label=translate_in(language, "Page {page} of {pages}"),
        footer_text=translate_in(language, "{title} · Not legal advice").format(title=guide.title),
    )


def _frame_size(paper: str) -> tuple[float, float]:
    from toolkit.pdf.document import MARGINS, page_size

    width, height = page_size(paper)
    return width - 2 * MARGINS[paper], height - 2 * MARGINS[paper]


def guide_pdf(
    guide: Guide,
    settings: Settings | None = None,
    paper: str | None = None,
    scale: float = 1.0,
    today: dt.date | None = None,
) -> bytes:
    """The whole guide as PDF bytes; the notice and sources close its last page.

    Past its re-check date the guide opens with the out-of-date warning, and the notice
    repeats it (the last page may be handed out alone).
    """
    from reportlab.platypus import Spacer

    from toolkit.pdf.document import build_pdf

    paper = paper or (settings.paper if settings else "letter")
    width, _height = _frame_size(paper)
    styles = _styles(scale, guide.language)
    notice = notice_for(guide, settings, today)
    story: list[Any] = [
        text(guide.title, styles["title"], styles),
        text(guide.summary, styles["summary"], styles),
        *stale_box(notice, styles, width),
    ]
    for block in parse(guide.body):
        story += block_flowables(block, styles)
    story += [Spacer(1, 14 * scale), notice_box(notice, styles, True, width)]
    return build_pdf(story, _spec(guide, paper, guide.title))


def _summary_points(guide: Guide, styles: dict[str, Any]) -> list[Any]:
    """The written summary (assets/guides/<lang>/summaries.yaml): complete sentences, never
    fragments cut out of the guide. An English stand-in guide uses the English summary; only a
    guide with no written summary at all (one added by a content pack) falls back to the first
    point of each section."""
    from reportlab.platypus import Paragraph

    summary = load_summary(guide.id, guide.language) or load_summary(guide.id, "en")
    if summary is not None:
        points = [text(point, styles["bullet"], styles, bullet="•") for point in summary.points]
        return [text(summary.heading, styles["h2"], styles), *points]
    content: list[Any] = []
    for heading, blocks in split_sections(parse(guide.body))[:SUMMARY_SECTIONS]:
        point = first_point(blocks)
        if heading and point:
            content.append(text(heading, styles["h3"], styles))
            content.append(Paragraph(point, styles["bullet"], bulletText="•"))
    return content


def first_point(blocks: list[Block]) -> str:
    """The first list item of a section, or else the first sentence of its first paragraph."""
    for block in blocks:
        if block.kind in (BULLETS, NUMBERS) and block.items:
            return runs_markup(block.items[0])
    for block in blocks:
        if block.kind == PARAGRAPH:
            text = plain(block.runs)
            end = text.find(". ")
            return para_text(text[: end + 1] if end > 0 else text)
    return ""


def summary_pdf(
    guide: Guide,
    settings: Settings | None = None,
    paper: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """One page for a flyer: title, summary (and the out-of-date warning once the guide is past
    its re-check date), the guide's five things to remember, notice."""
    from reportlab.platypus import KeepInFrame, Spacer

    from toolkit.pdf.document import build_pdf

    paper = paper or (settings.paper if settings else "letter")
    width, height = _frame_size(paper)
    styles = _styles(1.0, guide.language)
    notice = notice_for(guide, settings, today)
    content: list[Any] = [
        text(guide.title, styles["title"], styles),
        text(guide.summary, styles["summary"], styles),
        *stale_box(notice, styles, width),
    ]
    content += _summary_points(guide, styles)
    content += [Spacer(1, 8), notice_box(notice, styles, False, width)]
    # Shrinking (rather than flowing on) is what guarantees a single page.
    one_page = KeepInFrame(width, height - 2, content, mode="shrink")
    title = translate_in(guide.language, "{title} (summary)").format(title=guide.title)
    return build_pdf([one_page], _spec(guide, paper, title))
