"""The one translation function for the core, the Jinja templates and the GUI.

Catalogs are gettext ``.mo`` files compiled from ``assets/locale/<lang>/LC_MESSAGES/toolkit.po``
(``python -m toolkit.catalogs``). English is the source language.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable

from toolkit import paths

DOMAIN = "toolkit"
SOURCE_LANGUAGE = "en"
# Every language the app's content speaks, each named in itself, in the picker's order.
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "es": "Español",
    "zh-Hans": "中文(简体)",
    "vi": "Tiếng Việt",
    "ko": "한국어",
    "tl": "Tagalog",
    "ar": "العربية",
    "ht": "Kreyòl ayisyen",
    "pt": "Português",
    "fr": "Français",
    "ru": "Русский",
    "fa": "فارسی",
}
# Written right to left: the interface's Arabic and Farsi, and Urdu and Hebrew, which content
# packs and typed text may bring (the PDFs lay them out by this too).
RIGHT_TO_LEFT = frozenset({"ar", "fa", "ur", "he"})
# Interface languages: those whose catalog translates every string (``python -m
# toolkit.catalogs check`` and tests/test_i18n.py fail otherwise). Add a code here once
# ``python -m toolkit.catalogs missing CODE FILE`` reports 0 strings.
INTERFACE_LANGUAGES = tuple(LANGUAGE_NAMES)
SUPPORTED_LANGUAGES: dict[str, str] = {code: LANGUAGE_NAMES[code] for code in INTERFACE_LANGUAGES}


def is_right_to_left(language: str) -> bool:
    return language in RIGHT_TO_LEFT


def in_interface_direction(text: str) -> str:
    """``text`` laid out in the interface's direction whatever script it starts with, so
    "العربية (Arabic)" keeps its order in an English list (a mark, not a visible letter)."""
    return ("\u200f" if is_right_to_left(_language) else "\u200e") + text


def language_name(code: str) -> str:
    """A language's name in itself ("العربية"); the code for a language the app does not know."""
    return LANGUAGE_NAMES.get(code, code)


_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE
_listeners: list[Callable[[str], None]] = []


def load_catalog(language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    # The applied content pack's catalog for this language if it holds one, else the bundled.
    return gettext.translation(
        DOMAIN,
        localedir=str(paths.catalog_dir(language, DOMAIN)),
        languages=[language],
        fallback=True,
    )


def set_language(language: str) -> None:
    """Switch every later ``_()`` call to ``language`` (unknown codes fall back to English)."""
    global _translations, _language
    if language not in SUPPORTED_LANGUAGES:
        language = SOURCE_LANGUAGE
    _translations = load_catalog(language)
    _language = language
    for listener in list(_listeners):
        listener(language)


def current_language() -> str:
    return _language


def on_language_change(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def _(message: str) -> str:
    """Translate ``message`` into the current interface language."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (module-level constants)."""
    return message


def translate_in(language: str, message: str) -> str:
    """Translate into a given language without changing the interface language."""
    return load_catalog(language).gettext(message)
