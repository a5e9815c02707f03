"""Hotlines as numbers a phone can dial: ``tel:`` addresses per RFC 3966.

People write hotlines as they say them: "(555) 010-0199", "1-800-RIGHTS-1", "555.010.0199 x12",
"+52 55 1234 5678". A QR code must hold the digits a phone dials, letters turned into digits
(as on a phone's keypad), and an extension as ``;ext=``, or the card must not be printed.
"""

from __future__ import annotations

import re

from toolkit.digits import western_digits
from toolkit.errors import UserError
from toolkit.i18n import _

KEYPAD = {letter: digit for digit, letters in {
    "2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL",
    "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ",
}.items() for letter in letters}  # fmt: skip
EXTENSION = re.compile(r"(?:ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.IGNORECASE)
ALLOWED = re.compile(r"[0-9A-Za-z+\s().\-/]*")
# Dialed as they are, with no area code: 211, 311, 411, 511, 611, 711, 811, 911 and 988.
SHORT_CODES = {f"{n}11" for n in range(2, 10)} | {"988"}


class DialError(UserError):
    """The hotline cannot be turned into a number a phone can dial."""


def tel_uri(hotline: str) -> str:
    """The ``tel:`` address of ``hotline``; raises DialError with a message for the person.
    Digits typed on an Arabic or Persian keyboard (٥٥٥) dial as the same digits."""
    text = western_digits(hotline.strip())
    extension = ""
    if match := EXTENSION.search(text):
        extension = match.group(1)
        text = text[: match.start()].strip()
    if not text or not ALLOWED.fullmatch(text):
        raise _not_dialable(hotline)
    international = text.startswith("+")
    digits = "".join(KEYPAD.get(ch.upper(), ch) for ch in text if ch.isalnum())
    number = _global(digits, international)
    if number is None:
        raise _not_dialable(hotline)
    return f"tel:{number}" + (f";ext={extension}" if extension else "")


def _global(digits: str, international: bool) -> str | None:
    if international:
        return f"+{digits}" if 7 <= len(digits) <= 15 else None
    if digits in SHORT_CODES:
        return digits
    if len(digits) == 10 and digits[0] not in "01":
        return f"+1{digits}"
    if len(digits) == 11 and digits[0] == "1" and digits[1] not in "01":
        return f"+{digits}"
    return None


def _not_dialable(hotline: str) -> DialError:
    return DialError(
        _(
            'The hotline "{hotline}" cannot be made into a number a phone can dial, so the QR '
            "code would not work. Write it with its area code, like (555) 010-0199, "
            "1-800-555-0199, 555-010-0199 x12 or +52 55 1234 5678."
        ).format(hotline=hotline)
    )
