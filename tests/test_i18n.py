from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toolkit import catalogs
from toolkit.i18n import SUPPORTED_LANGUAGES, _, set_language


def test_every_interface_string_has_a_spanish_translation() -> None:
    missing = catalogs.missing_translations("es")
    assert missing == [], f"untranslated: {missing}; run python -m toolkit.catalogs"


def test_compiled_catalogs_are_up_to_date() -> None:
    assert not catalogs.stale_compiled("es"), "run python -m toolkit.catalogs"


def test_switching_language_changes_strings() -> None:
    assert _("Settings") == "Settings"
    set_language("es")
    assert _("Settings") == "Configuración"
    set_language("zz")
    assert _("Settings") == "Settings"
    assert set(SUPPORTED_LANGUAGES) >= {"en", "es"}


def test_placeholders_survive_translation() -> None:
    set_language("es")
    text = _("Page {page} of {pages}").format(page=1, pages=2)
    assert text == "Página 1 de 2"


def test_compiled_catalog_is_compared_by_messages_not_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    po = tmp_path / "es" / "LC_MESSAGES" / "toolkit.po"
    po.parent.mkdir(parents=True)
    shutil.copy(catalogs.po_path("es"), po)
    monkeypatch.setattr(catalogs, "po_path", lambda language: po)
    catalog = catalogs.read_catalog("es")
    catalog.version = "another-version"  # a header field, as another Babel would write it
    po.with_suffix(".mo").write_bytes(catalogs.mo_bytes(catalog))
    assert not catalogs.stale_compiled("es")
    catalog["Settings"].string = "Ajustes"
    po.with_suffix(".mo").write_bytes(catalogs.mo_bytes(catalog))
    assert catalogs.stale_compiled("es")
    po.with_suffix(".mo").unlink()
    assert catalogs.stale_compiled("es")


@pytest.mark.parametrize("language", [code for code in SUPPORTED_LANGUAGES if code != "en"])
def test_every_interface_language_translates_every_string_with_its_placeholders(
    language: str,
) -> None:
    import re

    assert catalogs.missing_translations(language) == []
    assert not catalogs.stale_compiled(language)
    names = re.compile(r"\{[^{}]*\}")
    for message in catalogs.read_catalog(language):
        if message.id and message.string:
            assert sorted(names.findall(str(message.id))) == sorted(
                names.findall(str(message.string))
            ), (language, message.id)


def test_all_twelve_card_languages_are_interface_languages() -> None:
    from toolkit.cards.content import LANGUAGES

    assert set(SUPPORTED_LANGUAGES) == set(LANGUAGES)
