"""Developer tool: extract, update and compile the interface translations with Babel.

    python -m toolkit.catalogs          # extract, merge into every .po, compile .mo
    python -m toolkit.catalogs check    # exit 1 if a string lacks a translation or a .mo is stale
    python -m toolkit.catalogs translate es FILE.json   # merge {"English": "translation"} pairs
    python -m toolkit.catalogs missing vi FILE.json     # write the strings vi still lacks

Babel is a development and build dependency only; the app reads the compiled ``.mo`` files.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from toolkit import paths
from toolkit.i18n import DOMAIN, SOURCE_LANGUAGE, SUPPORTED_LANGUAGES

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "translate_in": (2,)}
METHOD_MAP = [("**/catalogs.py", "ignore"), ("**.py", "python")]


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def extract() -> Catalog:
    catalog = Catalog(project="Rights Toolkit", domain=DOMAIN)
    found: Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]
    found = extract_from_dir(  # type: ignore[assignment]
        str(package_dir()), method_map=METHOD_MAP, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)
    )
    for filename, lineno, message, comments, context in found:
        catalog.add(
            message,
            None,
            [(f"toolkit/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_path(language: str) -> Path:
    return paths.locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def babel_locale(language: str) -> str:
    """Babel's spelling of a language code: "zh-Hans" is "zh_Hans" there."""
    return language.replace("-", "_")


def new_catalog(language: str) -> Catalog:
    return Catalog(locale=babel_locale(language), domain=DOMAIN)


def read_catalog(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return new_catalog(language)
    with path.open("rb") as handle:
        return read_po(handle, locale=babel_locale(language), domain=DOMAIN)


def write_catalog(language: str, catalog: Catalog) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(
            handle, catalog, width=100, sort_output=True, ignore_obsolete=True, include_lineno=False
        )
    path.with_suffix(".mo").write_bytes(mo_bytes(read_catalog(language)))


def catalog_languages() -> list[str]:
    """The interface languages, and any language whose catalog is being translated."""
    started = {path.parent.parent.name for path in paths.locale_dir().glob("*/LC_MESSAGES/*.po")}
    return sorted((set(SUPPORTED_LANGUAGES) | started) - {SOURCE_LANGUAGE})


def update(language: str, template: Catalog | None = None) -> None:
    """Bring one language's catalog in line with the messages in the code."""
    catalog = read_catalog(language)
    catalog.update(template or extract(), no_fuzzy_matching=True)
    write_catalog(language, catalog)


def update_all() -> None:
    template = extract()
    for language in catalog_languages():
        update(language, template)


def translate(language: str, pairs: dict[str, str]) -> int:
    """Fill translations from a mapping of English message to translated message.

    A language with no catalog yet gets one, started from the messages in the code.
    """
    if not po_path(language).exists():
        write_catalog(language, new_catalog(language))
    update(language)  # only this language: translators of others may be at work
    catalog = read_catalog(language)
    unknown = 0
    for message_id, text in pairs.items():
        entry = catalog.get(message_id)
        if entry is None:
            print(f"not in the code (skipped): {message_id!r}")
            unknown += 1
            continue
        entry.string = text
        entry.flags.discard("fuzzy")
    write_catalog(language, catalog)
    return 1 if unknown else 0


def missing_translations(language: str) -> list[str]:
    """Interface strings in the code that ``language`` does not translate."""
    catalog = read_catalog(language)
    missing = []
    for message in extract():
        if not message.id:
            continue
        entry = catalog.get(message.id)
        strings = entry.string if entry is not None else None
        values = strings if isinstance(strings, tuple | list) else (strings,)
        if entry is None or entry.fuzzy or not all(values):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def _messages(catalog: Catalog) -> dict[object, object]:
    """The translations a catalog holds, without its header: what the app reads from a .mo."""
    return {
        (message.context, message.id): message.string
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def stale_compiled(language: str) -> bool:
    """True when the .mo lacks or differs from the .po's translations.

    Compared by messages, not bytes: another Babel version writes another header
    (``Generated-By``), and that must not turn a correct catalog red.
    """
    mo = po_path(language).with_suffix(".mo")
    if not mo.exists():
        return True
    with mo.open("rb") as handle:
        compiled = read_mo(handle)
    return _messages(compiled) != _messages(read_catalog(language))


def check() -> int:
    status = 0
    for language in SUPPORTED_LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        for message in missing_translations(language):
            print(f"{language}: missing translation: {message!r}")
            status = 1
        if stale_compiled(language):
            print(f"{language}: the .mo file is out of date; run python -m toolkit.catalogs")
            status = 1
    return status


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        return check()
    if argv[:1] == ["missing"] and len(argv) == 3:
        if not po_path(argv[1]).exists():
            write_catalog(argv[1], new_catalog(argv[1]))
        update(argv[1])
        todo = {message: "" for message in missing_translations(argv[1])}
        Path(argv[2]).write_text(json.dumps(todo, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{argv[1]}: {len(todo)} strings to translate written to {argv[2]}")
        return 0
    if argv[:1] == ["translate"] and len(argv) == 3:
        return translate(argv[1], json.loads(Path(argv[2]).read_text(encoding="utf-8")))
    update_all()
    for language in catalog_languages():
        left = missing_translations(language)
        print(f"{language}: {len(left)} strings still to translate in {po_path(language)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
