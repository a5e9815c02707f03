from __future__ import annotations

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
