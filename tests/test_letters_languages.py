"""The letter chooser and form speak every interface language (the letters stay en/es)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from toolkit.gui.letters.template_chooser import TemplateChooser, describe
from toolkit.i18n import INTERFACE_LANGUAGES, set_language
from toolkit.letters.catalog import TemplateMeta, all_templates, get_template
from toolkit.letters.fields import template_fields

TEMPLATES = all_templates()


def test_twelve_interface_languages() -> None:
    assert len(INTERFACE_LANGUAGES) == 12


@pytest.mark.parametrize("meta", TEMPLATES, ids=lambda m: m.id)
def test_every_text_in_every_interface_language(meta: TemplateMeta) -> None:
    for language in INTERFACE_LANGUAGES:
        for key, texts in (
            ("title", meta.title),
            ("summary", meta.summary),
            ("status_note", meta.status_note),
        ):
            assert texts.get(language, "").strip(), f"{meta.id}: {key} has no {language}"
        for field in meta.fields:
            assert field.label.get(language, "").strip(), (
                f"{meta.id}.{field.name}: label {language}"
            )
            assert field.help.get(language, "").strip(), f"{meta.id}.{field.name}: help {language}"
    # The letter texts themselves stay in English and Spanish.
    assert set(meta.languages) <= {"en", "es"}


@pytest.mark.parametrize("meta", TEMPLATES, ids=lambda m: m.id)
def test_translations_are_not_the_english(meta: TemplateMeta) -> None:
    for language in INTERFACE_LANGUAGES:
        if language == "en":
            continue
        assert meta.title_in(language) != meta.title_in("en"), (meta.id, language)
        assert meta.summary_in(language) != meta.summary_in("en"), (meta.id, language)


def test_catalog_api_in_vietnamese() -> None:
    meta = get_template("city-lpr-contracts")
    assert meta.title_in("vi") == "Chấm dứt hợp đồng máy đọc biển số xe"
    assert "Flock Safety" in meta.summary_in("vi")
    labels = {f.name: f.label for f in template_fields(meta, "vi")}
    assert labels["city_name"] == "Thành phố của quý vị"
    # A language a template does not carry falls back to English.
    assert meta.title_in("xx") == meta.title["en"]


def test_chooser_shows_vietnamese_title(qtbot: QtBot) -> None:
    set_language("vi")
    chooser = TemplateChooser()
    qtbot.addWidget(chooser)
    titles = [chooser.list.item(i).text() for i in range(chooser.list.count())]
    assert "Chấm dứt hợp đồng máy đọc biển số xe" in titles
    assert "End license-plate-reader contracts" not in titles
    assert chooser.select("city-lpr-contracts")
    assert "Flock Safety" in chooser.info.text()
    assert "Chấm dứt hợp đồng" in chooser.info.text()


def test_describe_in_persian() -> None:
    meta = get_template("state-biometric-privacy")
    text = describe(meta, "fa")
    assert meta.title["fa"] in text
    assert meta.status_note["fa"] in text
