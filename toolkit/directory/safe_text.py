"""Text from files made safe for a terminal: control characters shown as escapes, never run.

A CSV cell holding ESC could otherwise recolour, retitle or rewrite the person's terminal; bidi
overrides could make a line read differently from what it is.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_LINES = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(text: str, keep_newlines: bool = True) -> str:
    """``text`` with every control character escaped (``\\x1b``); newlines kept unless asked."""
    pattern = _UNSAFE if keep_newlines else _UNSAFE_LINES
    return pattern.sub(_escape, text)


def safe_json(text: str) -> str:
    """JSON text (from ``json.dumps``) with the controls it leaves raw written as ``\\uXXXX``,
    which is still valid JSON: they can only occur inside strings."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
