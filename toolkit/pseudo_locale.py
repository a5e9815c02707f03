"""A pseudo-language for layout tests and screenshots: every string 40 % longer and marked.

"Settings" becomes "[Šéţţîñĝš~~~]", each word longer by 40 %: text without accents skipped
the translation function, the brackets show clipped ends, the tildes make the room a longer
language would need. Format
fields ({name}), Qt's "&" shortcut markers and markup tags are kept as they are.
"""

from __future__ import annotations

import gettext
import re

ACCENTS = str.maketrans(
    "AaCcEeGgIiLlNnOoSsTtUuYyZz",
    "ÅåÇçÉéĜĝÎîĻļÑñÖöŠšŢţÛûÝýŽž",
)
# {fields}, <tags>, &entities; and %-style fields pass through untouched.
KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]*>|&[a-zA-Z]+;|%\(?\w*\)?[sd])")
GROWTH = 0.4


WORD = re.compile(r"[^\W\d_]+")


def _longer(word: re.Match[str]) -> str:
    """Each word 40 % longer, as in a language with longer words (not one long tail that
    no line could break)."""
    text = word.group(0)
    return text.translate(ACCENTS) + "~" * round(len(text) * GROWTH)


def pseudo(message: str) -> str:
    if not message:
        return message
    parts = KEEP.split(message)
    marked = "".join(part if KEEP.fullmatch(part) else WORD.sub(_longer, part) for part in parts)
    return f"[{marked}]"


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)
