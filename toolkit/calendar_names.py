"""Month names and date patterns for the card and flyer languages that have no interface catalog.

English and Spanish dates come from the interface catalogs (toolkit.i18n); a Vietnamese or
Arabic flyer must still print its date in its own language, so the other ten live here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateWords:
    months: tuple[str, ...]  # as they stand alone: "décembre 2026"
    month_year: str  # {month}, {number} (1-12), {year}
    long_date: str  # also {day}; {month_of} is the month as it stands in a full date
    months_of: tuple[str, ...] = ()  # Russian: "1 декабря", not "1 декабрь"


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


LANGUAGES: dict[str, DateWords] = {
    "zh-Hans": DateWords(("",) * 12, "{year}年{number}月", "{year}年{number}月{day}日"),
    "ko": DateWords(("",) * 12, "{year}년 {number}월", "{year}년 {number}월 {day}일"),
    "vi": DateWords(
        ("",) * 12, "tháng {number} năm {year}", "ngày {day} tháng {number} năm {year}"
    ),
    "tl": DateWords(
        _split(
            "Enero Pebrero Marso Abril Mayo Hunyo Hulyo Agosto Setyembre Oktubre Nobyembre"
            " Disyembre"
        ),
        "{month} {year}",
        "{month_of} {day}, {year}",
    ),
    "ar": DateWords(
        _split("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر"),
        "{month} {year}",
        "{day} {month_of} {year}",
    ),
    "ht": DateWords(
        _split("janvye fevriye mas avril me jen jiyè out septanm oktòb novanm desanm"),
        "{month} {year}",
        "{day} {month_of} {year}",
    ),
    "pt": DateWords(
        _split(
            "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro"
            " dezembro"
        ),
        "{month} de {year}",
        "{day} de {month_of} de {year}",
    ),
    "fr": DateWords(
        _split(
            "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
        ),
        "{month} {year}",
        "{day} {month_of} {year}",
    ),
    "ru": DateWords(
        _split("январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"),
        "{month} {year} г.",
        "{day} {month_of} {year} г.",
        _split("января февраля марта апреля мая июня июля августа сентября октября ноября декабря"),
    ),
    "fa": DateWords(
        _split("ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر"),
        "{month} {year}",
        "{day} {month_of} {year}",
    ),
}


def _fields(words: DateWords, day: dt.date) -> dict[str, object]:
    index = day.month - 1
    month = words.months[index]
    month_of = words.months_of[index] if words.months_of else month
    return {"month": month, "month_of": month_of, "number": day.month, "year": day.year}


def month_year(language: str, day: dt.date) -> str | None:
    """The month and year in ``language``, or None when the catalogs handle it."""
    words = LANGUAGES.get(language)
    return words.month_year.format(**_fields(words, day)) if words else None


def long_date(language: str, day: dt.date) -> str | None:
    words = LANGUAGES.get(language)
    return words.long_date.format(day=day.day, **_fields(words, day)) if words else None
