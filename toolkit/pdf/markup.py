"""Making user text safe for ReportLab ``Paragraph``, which parses a small markup language."""

from __future__ import annotations

import re
import unicodedata
from html import escape

# Control characters (except tab and newline) crash or confuse the paragraph parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """Normalize to NFC and drop control characters, keeping newlines and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def para_text(text: str) -> str:
    """User text as Paragraph markup: markup characters escaped, newlines kept as breaks."""
    # html's escape, not xml.sax's: that one imports urllib, http and ssl (36 ms, megabytes).
    escaped = escape(clean_text(text), quote=False).replace('"', "&quot;")
    return escaped.replace("\t", "    ").replace("\n", "<br/>")
