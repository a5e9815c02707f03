"""A guide as plain text for the terminal (``toolkit guides show``)."""

from __future__ import annotations

import datetime as dt
import textwrap

from toolkit.guides.blocks import BULLETS, HEADING, NUMBERS, parse, plain
from toolkit.guides.model import Guide
from toolkit.guides.notice import notice_for
from toolkit.settings import Settings


def _wrap(text: str, width: int, first: str = "", rest: str = "") -> str:
    return textwrap.fill(
        text, width=width, initial_indent=first, subsequent_indent=rest or " " * len(first)
    )


def guide_text(
    guide: Guide, settings: Settings | None = None, width: int = 78, today: dt.date | None = None
) -> str:
    width = max(40, width)
    notice = notice_for(guide, settings, today)
    lines = [guide.title.upper(), "=" * min(width, len(guide.title)), ""]
    lines += [_wrap(guide.summary, width), ""]
    if notice.review:
        lines += [_wrap(notice.review, width), ""]
    if notice.stale:
        lines += ["!" * width, _wrap(notice.stale, width), "!" * width, ""]
    for block in parse(guide.body):
        if block.kind == HEADING:
            text = plain(block.runs)
            underline = "-" if block.level == 2 else "."
            lines += ["", text, underline * min(width, len(text))]
        elif block.kind == BULLETS:
            lines += [_wrap(plain(item), width, "  - ") for item in block.items]
            lines.append("")
        elif block.kind == NUMBERS:
            for number, item in enumerate(block.items, start=block.start):
                lines.append(_wrap(plain(item), width, f"  {number}. "))
            lines.append("")
        else:
            lines += [_wrap(plain(block.runs), width), ""]
    lines += ["", "-" * width, notice.heading.upper(), _wrap(notice.text, width), ""]
    lines += [
        notice.facts_checked,
        notice.wording_reviewed,
        notice.content_origin,
        *([notice.review] if notice.review else []),
        "",
        notice.call_heading + ":",
        _wrap(notice.call_text, width, "  "),
    ]
    lines += ["", notice.sources_heading + ":"]
    lines += [_wrap(source, width, "  - ") for source in notice.sources]
    return "\n".join(lines).replace("\n\n\n", "\n\n").rstrip() + "\n"
