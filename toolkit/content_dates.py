"""Honest dates on content: when its facts were checked, when its wording was reviewed, when it
is due for a new check, and the sources with the month each was read.

Guides, cards, flyers and letter templates all carry the same keys; each loader reads them with
``read_dates`` and ``read_sources``, passing its own error type so messages name the right file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from toolkit import calendar_names
from toolkit.i18n import N_, _, translate_in

DATE_KEYS = ("facts_checked", "wording_reviewed", "recheck_by")
KEYS = (*DATE_KEYS, "sources")
READ_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
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

Fail = Callable[[str], Exception]


def today() -> dt.date:
    """The one clock content staleness is measured against (tests pass ``today=`` instead)."""
    return dt.date.today()


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str
    url: str = ""
    read: str = ""  # the month the source was read, "YYYY-MM"

    def read_month(self) -> dt.date | None:
        match = READ_MONTH.match(self.read)
        return dt.date(int(match[1]), int(match[2]), 1) if match else None

    def line(self, language: str = "en") -> str:
        """One line for a sources list: title, publisher, address and the month it was read."""
        text = f"{self.title} ({self.publisher})" if self.publisher else self.title
        if self.url:
            text = f"{text}, {self.url}"
        month = self.read_month()
        if month is not None:
            read = translate_in(language, "read {month}").format(month=month_year(month, language))
            text = f"{text}, {read}"
        return text


@dataclass(frozen=True)
class ContentDates:
    facts_checked: dt.date
    wording_reviewed: dt.date
    recheck_by: dt.date

    def is_stale(self, on: dt.date | None = None) -> bool:
        return (on or today()) > self.recheck_by


def month_year(day: dt.date, language: str) -> str:
    """ "November 2026" / "noviembre de 2026" / "tháng 11 năm 2026"."""
    if (own := calendar_names.month_year(language, day)) is not None:
        return own
    month = translate_in(language, MONTHS[day.month - 1])
    return translate_in(language, "{month} {year}").format(month=month, year=day.year)


def long_date(day: dt.date, language: str) -> str:
    """ "November 25, 2026" / "25 de noviembre de 2026" / "25 ноября 2026 г."."""
    if (own := calendar_names.long_date(language, day)) is not None:
        return own
    month = translate_in(language, MONTHS[day.month - 1])
    return translate_in(language, "{month} {day}, {year}").format(
        month=month, day=day.day, year=day.year
    )


def facts_line(dates: ContentDates, language: str) -> str:
    return translate_in(language, "Facts checked: {date}").format(
        date=month_year(dates.facts_checked, language)
    )


def wording_line(dates: ContentDates, language: str) -> str:
    return translate_in(language, "Wording reviewed: {date}").format(
        date=month_year(dates.wording_reviewed, language)
    )


def who_to_ask(org_name: str, hotline: str, language: str) -> str:
    """The center from Settings when it gave a name or hotline, else a legal aid organization."""
    name, number = org_name.strip(), hotline.strip()
    if name and number:
        text = translate_in(language, "{name} ({hotline})")
    elif number:
        text = translate_in(language, "your center's hotline ({hotline})")
    elif name:
        return name
    else:
        text = translate_in(language, "a legal aid organization")
    return text.format(name=name, hotline=number)


def stale_warning(
    dates: ContentDates,
    language: str,
    org_name: str = "",
    hotline: str = "",
    on: dt.date | None = None,
) -> str:
    """The plain out-of-date warning, or "" while the content is within its re-check date."""
    if not dates.is_stale(on):
        return ""
    return translate_in(
        language,
        "This may be out of date: it was due for a new check on {date}. "
        "Ask {who} before relying on it.",
    ).format(
        date=long_date(dates.recheck_by, language),
        who=who_to_ask(org_name, hotline, language),
    )


def read_date(meta: Mapping[str, Any], key: str, fail: Fail) -> dt.date | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail(_('"{field}" must be a date written as YYYY-MM-DD.').format(field=key))


def read_dates(meta: Mapping[str, Any], fail: Fail) -> ContentDates:
    """The three dates of a content file, each required; ``fail`` makes the loader's error."""
    found = {key: read_date(meta, key, fail) for key in DATE_KEYS}
    for key, value in found.items():
        if value is None:
            raise fail(_('"{field}" is missing: write the date as YYYY-MM-DD.').format(field=key))
    facts, wording, recheck = (found[key] for key in DATE_KEYS)
    assert facts is not None and wording is not None and recheck is not None
    if recheck < facts:
        raise fail(_('"recheck_by" cannot be earlier than "facts_checked".'))
    return ContentDates(facts, wording, recheck)


def read_sources(raw: Any, fail: Fail) -> tuple[Source, ...]:
    """At least one source, each with a title, a publisher, an https address and the month it
    was read (YYYY-MM)."""
    if not isinstance(raw, list) or not raw:
        raise fail(_('"sources" must list at least one source.'))
    return tuple(_source(item, number, fail) for number, item in enumerate(raw, start=1))


def _source(item: Any, number: int, fail: Fail) -> Source:
    title = item.get("title") if isinstance(item, dict) else None
    publisher = item.get("publisher", "") if isinstance(item, dict) else None
    url = item.get("url", "") if isinstance(item, dict) else None
    read = item.get("read", "") if isinstance(item, dict) else None
    if not isinstance(title, str) or not title.strip() or not isinstance(publisher, str):
        raise fail(_("source {number} needs a title and a publisher.").format(number=number))
    if not isinstance(url, str) or not url.strip().startswith("https://"):
        raise fail(
            _("source {number} needs a web address that starts with https://.").format(
                number=number
            )
        )
    if not isinstance(read, str) or not READ_MONTH.match(read.strip()):
        raise fail(
            _('source {number} needs "read": the month it was read, as YYYY-MM.').format(
                number=number
            )
        )
    return Source(title.strip(), publisher.strip(), url.strip(), read.strip())
