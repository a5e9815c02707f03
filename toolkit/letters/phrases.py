"""The fixed words of a letter in each letter language: dates, honorifics, greetings, closings.

These are letter content, like the template bodies, so they live here per language rather than in
the interface catalog: a Spanish letter can be printed from an English interface.
"""

from __future__ import annotations

import datetime as dt

MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "es": [
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ],
}  # fmt: skip

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "honorable": "The Honorable {name}",
        "senate": "United States Senate",
        "senate_city": "Washington, DC 20510",
        "house": "U.S. House of Representatives",
        "house_city": "Washington, DC 20515",
        "council_body": "Honorable Mayor and Members of the City Council",
        "clerk": "c/o City Clerk",
        "dear": "Dear {title} {last}:",
        "dear_name": "Dear {name}:",
        "dear_council": "Dear Mayor and Members of the City Council:",
        "close": "Sincerely,",
    },
    "es": {
        "honorable": "Honorable {name}",
        "senate": "United States Senate",
        "senate_city": "Washington, DC 20510",
        "house": "U.S. House of Representatives",
        "house_city": "Washington, DC 20515",
        "council_body": "Honorable alcalde/sa y miembros del Concejo Municipal",
        "clerk": "c/o City Clerk",
        "dear": "Estimado/a {title} {last}:",
        "dear_name": "Estimado/a {name}:",
        "dear_council": "Estimados alcalde/sa y miembros del Concejo Municipal:",
        "close": "Atentamente,",
    },
}

# English titles as the directories give them, and how a Spanish greeting says them.
SPANISH_TITLES = {
    "senator": "senador/a",
    "representative": "representante",
    "congressman": "congresista",
    "congresswoman": "congresista",
    "assemblymember": "asambleísta",
    "assembly member": "asambleísta",
    "delegate": "delegado/a",
    "councilmember": "concejal/a",
    "council member": "concejal/a",
    "alderman": "concejal/a",
    "alderperson": "concejal/a",
    "mayor": "alcalde/sa",
    "commissioner": "comisionado/a",
    "supervisor": "supervisor/a",
}


def phrase(language: str, key: str) -> str:
    return PHRASES.get(language, PHRASES["en"])[key]


def title_in(language: str, title: str) -> str:
    if language == "es":
        return SPANISH_TITLES.get(title.strip().lower(), title)
    return title


def long_date(day: dt.date, language: str) -> str:
    """English "November 25, 2026"; Spanish "25 de noviembre de 2026"."""
    if language == "es":
        return f"{day.day} de {MONTHS['es'][day.month - 1]} de {day.year}"
    return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
