"""The block every guide ends with: not legal advice, last reviewed, sources, who to call.

All labels are in the guide's language (not the interface language), so a Spanish guide
printed from an English interface reads entirely in Spanish.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toolkit.guides.model import Guide
from toolkit.i18n import N_, translate_in
from toolkit.settings import Settings

MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def long_date(day: dt.date, language: str) -> str:
    """ "November 25, 2026" / "25 de noviembre de 2026"."""
    month = translate_in(language, MONTHS[day.month - 1])
    return translate_in(language, "{month} {day}, {year}").format(
        month=month, day=day.day, year=day.year
    )


@dataclass(frozen=True)
class Notice:
    heading: str
    text: str
    reviewed: str
    sources_heading: str
    sources: tuple[str, ...]
    call_heading: str
    call_text: str
    hotline: str  # "" when the center has not set one


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
    if name:
        text = translate_in(language, "Call {name}: {hotline}").format(name=name, hotline=hotline)
    else:
        text = translate_in(language, "Call our hotline: {hotline}").format(hotline=hotline)
    return text, hotline


def notice_for(guide: Guide, settings: Settings | None) -> Notice:
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
        reviewed=translate_in(language, "Last reviewed: {date}").format(
            date=long_date(guide.reviewed, language)
        ),
        sources_heading=translate_in(language, "Sources"),
        sources=tuple(source.line() for source in guide.sources),
        call_heading=translate_in(language, "Who to call"),
        call_text=call_text,
        hotline=hotline,
    )
