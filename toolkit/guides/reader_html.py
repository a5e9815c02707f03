"""The HTML the guide reader shows (Qt rich text): body, related links and the notice block."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from toolkit.guides.blocks import BULLETS, HEADING, NUMBERS, Block, Runs, parse
from toolkit.guides.links import tool_label
from toolkit.guides.model import Guide
from toolkit.guides.notice import Notice, notice_for
from toolkit.i18n import is_right_to_left, translate_in
from toolkit.settings import Settings

BASE_POINT_SIZE = 12.0
# Qt rich text understands only a subset of CSS: sizes, colors, margins, table backgrounds.
CSS = """
body {{ font-size: {body}pt; line-height: 140%; }}
h1 {{ font-size: {h1}pt; margin-bottom: 6px; }}
h2 {{ font-size: {h2}pt; margin-top: 18px; margin-bottom: 6px; color: #1d4f91; }}
h3 {{ font-size: {h3}pt; margin-top: 12px; margin-bottom: 4px; }}
p {{ margin-top: 4px; margin-bottom: 8px; }}
li {{ margin-bottom: 4px; }}
p.summary {{ font-size: {summary}pt; color: #333333; }}
a {{ color: #1d4f91; }}
td.notice {{ background-color: #e8f1fb; padding: 10px; }}
td.stale {{ background-color: #fff3cd; padding: 10px; }}
"""


def runs_html(runs: Runs) -> str:
    parts = []
    for run in runs:
        text = escape(run.text, quote=False)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.link:
            text = f'<a href="{escape(run.link)}">{text}</a>'
        parts.append(text)
    return "".join(parts)


def block_html(block: Block) -> str:
    if block.kind == HEADING:
        tag = f"h{block.level}"
        return f"<{tag}>{runs_html(block.runs)}</{tag}>"
    if block.kind in (BULLETS, NUMBERS):
        items = "".join(f"<li>{runs_html(item)}</li>" for item in block.items)
        if block.kind == BULLETS:
            return f"<ul>{items}</ul>"
        return f'<ol start="{block.start}">{items}</ol>'
    return f"<p>{runs_html(block.runs)}</p>"


def body_html(markdown: str) -> str:
    return "\n".join(block_html(block) for block in parse(markdown))


def related_html(guide: Guide, titles: Mapping[str, str]) -> str:
    language = guide.language
    parts = []
    guides = [g for g in guide.related_guides if g in titles]
    if guides:
        items = "".join(f'<li><a href="guide:{g}">{escape(titles[g])}</a></li>' for g in guides)
        heading = escape(translate_in(language, "Related guides"))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    if guide.related_tools:
        items = "".join(
            f'<li><a href="app:{escape(t)}">{escape(tool_label(t, language))}</a></li>'
            for t in guide.related_tools
        )
        heading = escape(translate_in(language, "In this app"))
        parts.append(f"<h2>{heading}</h2><ul>{items}</ul>")
    return "\n".join(parts)


def stale_html(notice: Notice) -> str:
    """The out-of-date warning as a tinted box; "" while the guide is current."""
    if not notice.stale:
        return ""
    return (
        '<table width="100%" cellspacing="0" cellpadding="10"><tr><td class="stale">'
        f"<p><b>{escape(notice.stale)}</b></p></td></tr></table>"
    )


def notice_html(notice: Notice) -> str:
    sources = "".join(f"<li>{escape(line)}</li>" for line in notice.sources)
    return (
        '<table width="100%" cellspacing="0" cellpadding="10"><tr><td class="notice">'
        f"<h2>{escape(notice.heading)}</h2><p>{escape(notice.text)}</p>"
        f"<p><b>{escape(notice.facts_checked)}</b><br/><b>{escape(notice.wording_reviewed)}</b>"
        f"<br/>{escape(notice.content_origin)}"
        + (f"<br/><b>{escape(notice.review)}</b>" if notice.review else "")
        + "</p>"
        f"<h3>{escape(notice.call_heading)}</h3><p><b>{escape(notice.call_text)}</b></p>"
        f"<h3>{escape(notice.sources_heading)}</h3><ul>{sources}</ul>"
        "</td></tr></table>"
    )


def guide_html(
    guide: Guide,
    settings: Settings | None = None,
    titles: Mapping[str, str] | None = None,
    scale: float = 1.0,
    today: dt.date | None = None,
) -> str:
    """A whole guide as one HTML document; ``titles`` maps related guide ids to their titles.

    ``today`` (default: the clock) decides whether the out-of-date warning shows.
    """
    notice = notice_for(guide, settings, today)
    size = BASE_POINT_SIZE * scale
    css = CSS.format(
        body=round(size, 1),
        h1=round(size * 1.8, 1),
        h2=round(size * 1.35, 1),
        h3=round(size * 1.12, 1),
        summary=round(size * 1.08, 1),
    )
    # Qt's HTML reader makes every block left to right unless told: an Arabic or Farsi guide
    # would put its full stops and bullets on the wrong side. The body's dir reaches them all.
    direction = "rtl" if is_right_to_left(guide.language) else "ltr"
    return (
        f'<html lang="{escape(guide.language)}"><head><style>{css}</style></head>'
        f'<body dir="{direction}">'
        f"<h1>{escape(guide.title)}</h1>"
        f'<p class="summary">{escape(guide.summary)}</p>'
        f"{stale_html(notice)}"
        f"{body_html(guide.body)}"
        f"{related_html(guide, titles or {})}"
        f"{notice_html(notice)}"
        "</body></html>"
    )
