"""Districts as Open Civic Data division ids, so ZIP tables and people from any dataset meet.

``ocd-division/country:us/state:il/sldu:5``, ``.../state:vt/cd:at-large``... A district's name is
reduced to a key (lower case, no accents, ordinals as digits, no "district" and no punctuation),
so the Census's "State House District Coös 1" and Open States' "Coös 1" give the same id; the
crosswalk holds the names that reduction cannot join.
"""

from __future__ import annotations

import re
import unicodedata

from toolkit.directory import model

CHAMBER_LEVELS = {
    model.US_REPRESENTATIVE: "cd",
    model.STATE_UPPER: "sldu",
    model.STATE_LOWER: "sldl",
}
# The Census's words around a district's name ("State Senate District 5", "Assembly District
# 12", "General Assembly District 3", "Chittenden-6-1 State House District").
_CENSUS_WORDS = re.compile(
    r"\b(state|senate|house|assembly|general|legislative|district|of|delegates|"
    r"representatives|congressional)\b",
    re.IGNORECASE,
)
_ORDINALS = {
    "first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
    "eleventh": "11th", "twelfth": "12th", "thirteenth": "13th", "fourteenth": "14th",
    "fifteenth": "15th", "sixteenth": "16th", "seventeenth": "17th", "eighteenth": "18th",
    "nineteenth": "19th", "twentieth": "20th",
}  # fmt: skip
# (state, level, key as the Census names it) -> key as Open States names it, for named districts
# (New Hampshire, Vermont, Massachusetts) where the reduction above does not join the two. Empty
# until a real pair is found: "directory find" says when a ZIP's district matched nobody.
CROSSWALK: dict[tuple[str, str, str], str] = {}


def district_name(census_name: str) -> str:
    """The district's own name from the Census's NAMELSAD: "Coös 1", "1st Suffolk", "5"."""
    words = _CENSUS_WORDS.sub(" ", census_name)
    return " ".join(words.replace("(", " ").replace(")", " ").split()).strip(" -,")


def district_key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [_ORDINALS.get(word, word) for word in re.split(r"[^a-z0-9]+", text) if word]
    words = [word for word in words if word not in ("district", "and", "the")]
    key = "".join(words)
    return str(int(key)) if key.isdigit() else key


def division_id(state: str, level: str, district: str) -> str:
    """The Open Civic Data id; ``level`` is "cd", "sldu" or "sldl"."""
    code = state.strip().lower()
    key = district_key(district)
    if level == "cd" and key in ("", "0"):
        return f"ocd-division/country:us/state:{code}/cd:at-large"
    key = CROSSWALK.get((state.upper(), level, key), key)
    return f"ocd-division/country:us/state:{code}/{level}:{key}"


def recipient_division(recipient: model.Recipient) -> str:
    """The division a recipient is elected from; a senator's is the whole state."""
    level = CHAMBER_LEVELS.get(recipient.kind)
    if recipient.kind == model.US_SENATOR or (level and not recipient.district):
        return f"ocd-division/country:us/state:{recipient.state.lower()}"
    if level is None:
        return ""
    return division_id(recipient.state, level, recipient.district)


# States whose districts changed after the vintage of the Census files: lookups there may name a
# district that no longer exists. Checked 2026-12-01; each with the act or ruling behind it.
REDRAWN_AFTER = {
    "cd": {
        "CA": "Proposition 50 (November 2025): new congressional map for 2026",
        "MO": "H.B. 1 (September 2025): new congressional map",
        "NC": "S.B. 249 (October 2025): new congressional map",
        "OH": "Ohio Redistricting Commission map (October 2025)",
        "TX": "H.B. 4 (August 2025): new congressional map",
        "UT": "Court-ordered map, League of Women Voters v. Utah Legislature (November 2025)",
    },
    "sldu": {
        "MS": "Court-ordered districts, special elections of November 2025",
    },
    "sldl": {
        "MS": "Court-ordered districts, special elections of November 2025",
    },
}
REDRAWN_SOURCE = "https://ballotpedia.org/Redistricting_ahead_of_the_2026_elections"


def redrawn_note(level: str, state: str) -> str:
    return REDRAWN_AFTER.get(level, {}).get(state.upper(), "")
