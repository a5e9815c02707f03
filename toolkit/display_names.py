"""Words that come from data but are shown in the interface: office titles, parties and the
English names of languages. Marked here for the catalogs, translated where they are shown
(a letter keeps the title in the letter's own language)."""

from __future__ import annotations

from toolkit.i18n import N_, _

TITLES = (
    N_("Senator"),
    N_("Representative"),
    N_("Delegate"),
    N_("Resident Commissioner"),
    N_("Assembly Member"),
    N_("Assemblymember"),
    N_("Councilmember"),
)
PARTIES = (N_("Democrat"), N_("Democratic"), N_("Republican"), N_("Independent"))
LANGUAGES = (
    N_("Arabic"),
    N_("Chinese (Simplified)"),
    N_("English"),
    N_("French"),
    N_("Haitian Creole"),
    N_("Korean"),
    N_("Persian (Farsi)"),
    N_("Portuguese (Brazil)"),
    N_("Russian"),
    N_("Spanish"),
    N_("Tagalog"),
    N_("Vietnamese"),
)
_KNOWN = frozenset((*TITLES, *PARTIES, *LANGUAGES))


def shown(word: str) -> str:
    """``word`` in the interface language when it is one the catalogs know, else as it is."""
    return _(word) if word in _KNOWN else word
