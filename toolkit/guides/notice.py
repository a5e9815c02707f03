"""The block every guide ends with: not legal advice, the two dates (and a warning once the
guide is past its re-check date), who to call, and the sources.

All labels are in the guide's language (not the interface language), so a Spanish guide
printed from an English interface reads entirely in Spanish.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.content_dates import facts_line, long_date, stale_warning, wording_line
from toolkit.content_pack.origin import origin_for
from toolkit.guides.model import Guide
from toolkit.i18n import is_right_to_left, translate_in
from toolkit.settings import Settings
from toolkit.translations.status import status_line

__all__ = ["Notice", "call_line", "long_date", "notice_for"]


@dataclass(frozen=True)
class Notice:
    heading: str
    text: str
    facts_checked: str
    wording_reviewed: str
    stale: str  # "" while the guide is within its re-check date
    sources_heading: str
    sources: tuple[str, ...]
    call_heading: str
    call_text: str
    hotline: str  # "" when the center has not set one
    content_origin: str = ""  # "Content: bundled" or "Content pack 2026.12.2"
    review: str = ""  # a translation's review status; "" for English, the source text


def call_line(settings: Settings | None, language: str) -> tuple[str, str]:
    """(text, hotline): who to call, from the center's settings when it set a hotline."""
    hotline = settings.hotline.strip() if settings else ""
    if not hotline:
        return (
            translate_in(
                language,
                "Call a local legal aid group or immigrant rights hotline. "
                "Write their number here: ______________________",
            ),
            "",
        )
    name = settings.org_name.strip() if settings else ""
    shown = _isolated(hotline, language)
    if name:
        text = translate_in(language, "Call {name}: {hotline}").format(
            name=_isolated(name, language), hotline=shown
        )
    else:
        text = translate_in(language, "Call our hotline: {hotline}").format(hotline=shown)
    return text, hotline


def _isolated(value: str, language: str) -> str:
    """A name or number set apart from right-to-left text around it (Unicode isolates), so
    "(555) 010-0199" keeps its brackets and digits in order when shown and when copied."""
    return f"\u2068{value}\u2069" if is_right_to_left(language) else value


def notice_for(guide: Guide, settings: Settings | None, today: dt.date | None = None) -> Notice:
    language = guide.language
    call_text, hotline = call_line(settings, language)
    return Notice(
        heading=translate_in(language, "Not legal advice"),
        text=translate_in(
            language,
            "This guide gives general information, not legal advice. Laws and policies "
            "change. For advice about your own situation, talk to a lawyer or an accredited "
            "legal representative.",
        ),
        facts_checked=facts_line(guide.dates, language),
        wording_reviewed=wording_line(guide.dates, language),
        stale=stale_warning(
            guide.dates,
            language,
            settings.org_name if settings else "",
            settings.hotline if settings else "",
            today,
        ),
        sources_heading=translate_in(language, "Sources"),
        sources=tuple(source.line(language) for source in guide.sources),
        call_heading=translate_in(language, "Who to call"),
        call_text=call_text,
        hotline=hotline,
        content_origin=origin_for(guide.path, language),
        review=status_line("guide", language, guide.id, guide.review),
    )
