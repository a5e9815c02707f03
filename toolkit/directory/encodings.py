"""Decoding files other programs wrote: UTF-8 strictly, else the encoding found, always named.

A file with one stray Windows byte must not turn "María José Núñez" into mojibake without a word:
when the bytes are not UTF-8 the text is read another way and a warning says which.
"""

from __future__ import annotations

import codecs
import re

from toolkit.i18n import _

_KANA = re.compile("[\u3040-\u30ff]")
_JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uff66-\uff9f]")


def _shift_jis(data: bytes) -> str | None:
    """The text if the bytes read as Japanese Shift-JIS: strictly, and with kana in it (pairs of
    accented Latin letters also decode as kanji, but never as kana)."""
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return None
    if not _KANA.search(text):
        return None
    high = sum(1 for ch in text if ord(ch) > 0x7F)
    return text if high and len(_JAPANESE.findall(text)) * 2 >= high else None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, warning): the warning names the encoding used when the file is not UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), _(
                "{file} was read as UTF-16 (Excel \u201cUnicode text\u201d)."
            ).format(file=name)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        where = exc.start
    japanese = _shift_jis(data)
    if japanese is not None:
        return japanese, _(
            "{file} is not UTF-8: it was read as Japanese Shift-JIS. Check the names, or save "
            "it again as \u201cCSV UTF-8\u201d."
        ).format(file=name)
    try:
        text, encoding = data.decode("cp1252"), "Windows-1252 (cp1252)"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "Latin-1 (ISO-8859-1)"
    return text, _(
        "{file} is not UTF-8 (the first bad byte is at position {where}): it was read as "
        "{encoding}. Check accented names such as \u201cNúñez\u201d, or save it again as "
        "\u201cCSV UTF-8\u201d."
    ).format(file=name, where=where, encoding=encoding)
