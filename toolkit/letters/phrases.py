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
        "house_city": "Washington, DC {zip}",
        "council_body": "Honorable Mayor and Members of the City Council",
        "clerk": "c/o City Clerk",
        "dear": "Dear {title} {last}:",
        "dear_name": "Dear {name}:",
        "dear_council": "Dear Mayor and Members of the City Council:",
        "close": "Sincerely,",
        "page": "Page {n}",
    },
    "es": {
        "honorable": "Honorable {name}",
        "senate": "United States Senate",
        "senate_city": "Washington, DC 20510",
        "house": "U.S. House of Representatives",
        "house_city": "Washington, DC {zip}",
        "council_body": "Honorable Alcaldía y Concejo Municipal",
        "clerk": "c/o City Clerk",
        # Spanish greetings agree with the person's gender; when the data does not give it, a
        # form without the adjective, never "Estimado/a".
        "dear_f": "Estimada {title} {last}:",
        "dear_m": "Estimado {title} {last}:",
        "dear_neutral": "{title} {last}:",
        "dear_name_f": "Estimada {name}:",
        "dear_name_m": "Estimado {name}:",
        "dear_name": "Honorable {name}:",
        "dear_council": "Honorable Alcaldía y Concejo Municipal:",
        "close": "Atentamente,",
        "page": "Página {n}",
    },
}

# English titles as the directories give them, and how a Spanish greeting says them: one word
# for both genders, or (masculine, feminine).
SPANISH_TITLES: dict[str, str | tuple[str, str]] = {
    "senator": ("senador", "senadora"),
    "representative": "representante",
    "congressman": "congresista",
    "congresswoman": "congresista",
    "assemblymember": "asambleísta",
    "assembly member": "asambleísta",
    "assemblyman": "asambleísta",
    "assemblywoman": "asambleísta",
    "delegate": ("delegado", "delegada"),
    "resident commissioner": ("comisionado residente", "comisionada residente"),
    "councilmember": ("concejal", "concejala"),
    "council member": ("concejal", "concejala"),
    "councilman": ("concejal", "concejala"),
    "councilwoman": ("concejal", "concejala"),
    "alderman": ("concejal", "concejala"),
    "alderwoman": ("concejal", "concejala"),
    "alderperson": ("concejal", "concejala"),
    "mayor": ("alcalde", "alcaldesa"),
    "commissioner": ("comisionado", "comisionada"),
    "supervisor": ("supervisor", "supervisora"),
}

FEMALE, MALE = "F", "M"


def phrase(language: str, key: str) -> str:
    return PHRASES.get(language, PHRASES["en"])[key]


def spanish_title(title: str, gender: str) -> str | None:
    """The Spanish title for ``gender``; None when the title changes with gender and the
    gender is unknown (the caller then uses a form without it)."""
    found = SPANISH_TITLES.get(title.strip().lower(), title.strip())
    if isinstance(found, str):
        return found
    if gender == FEMALE:
        return found[1]
    if gender == MALE:
        return found[0]
    return None


def greeting(language: str, title: str, last: str, gender: str) -> str:
    """ "Dear Senator Durbin:"; "Estimada senadora Duckworth:", or "Representante García:"
    when the gender is unknown; "Honorable Ana Pérez:" when the title itself needs it."""
    if language != "es":
        return phrase(language, "dear").format(title=title, last=last)
    spanish = spanish_title(title, gender)
    if spanish is None:
        return ""
    if gender in (FEMALE, MALE):
        key = "dear_f" if gender == FEMALE else "dear_m"
        return phrase(language, key).format(title=spanish, last=last)
    return phrase(language, "dear_neutral").format(
        title=spanish[:1].upper() + spanish[1:], last=last
    )


def name_greeting(language: str, name: str, gender: str) -> str:
    if language == "es" and gender in (FEMALE, MALE):
        return phrase(language, "dear_name_f" if gender == FEMALE else "dear_name_m").format(
            name=name
        )
    return phrase(language, "dear_name").format(name=name)


def long_date(day: dt.date, language: str) -> str:
    """English "November 25, 2026"; Spanish "25 de noviembre de 2026"."""
    if language == "es":
        return f"{day.day} de {MONTHS['es'][day.month - 1]} de {day.year}"
    return f"{MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
