"""The Spanish interface shows no English: Qt's own dialogs get Qt's translations, and words
that come from data (office titles, parties, language names) go through the catalogs."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from tests.letters_helpers import SENATOR
from toolkit import display_names
from toolkit.gui import private_file_dialog
from toolkit.gui.app import create_main_window, install_qt_translations
from toolkit.i18n import _, set_language
from toolkit.settings import LoadResult, Settings


def test_qt_file_dialog_speaks_spanish(qtbot: QtBot) -> None:
    window = create_main_window(LoadResult(Settings(language="es")))
    qtbot.addWidget(window)
    dialog = private_file_dialog.make_dialog(window, "Guardar", "", "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Look in" not in labels and "Files of type" not in labels
    assert "Ver en:" in labels and "Ficheros de tipo:" in labels
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_qt_translations(app, "en")


def test_titles_parties_and_language_names_go_through_the_catalog() -> None:
    from toolkit.cards import content
    from toolkit.directory.display import one_line

    set_language("es")
    line = one_line(SENATOR)
    assert _("Senator") in line
    card = content.load_card("zh-Hans")
    assert card.label == f"{card.name} ({_('Chinese (Simplified)')})"
    assert content.load_card("es").label == "Español"  # not "Español (español)"
    assert display_names.shown("Green Party of Nowhere") == "Green Party of Nowhere"
