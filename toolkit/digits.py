"""Digits of any script as 0-9, for what is typed on an Arabic or Persian keyboard."""

from __future__ import annotations

import unicodedata


def western_digits(text: str) -> str:
    """``text`` with every decimal digit of any script (٢٠٢٦, ۱۲:۳۰) as 0-9, so a date or a
    ZIP code typed in Arabic or Persian digits is the same date or code."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
