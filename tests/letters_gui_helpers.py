"""The main window open at a filled-in city council letter, for the GUI tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.letters_helpers import SENDER
from toolkit.gui.app import create_main_window
from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.letters_page import LettersPage
from toolkit.settings import LoadResult, Settings


def window_at_letter(qtbot: QtBot, template: str) -> tuple[MainWindow, LettersPage]:
    """The shown window on the letters page, ``template`` chosen."""
    window = create_main_window(LoadResult(Settings()))
    qtbot.addWidget(window)
    window.show()
    window.navigate("letters", template)
    page = window.pages["letters"]
    assert isinstance(page, LettersPage)
    return window, page


def window_with_letter(qtbot: QtBot, **values: str) -> tuple[MainWindow, LettersPage]:
    """The shown window on the letters page, the sender's fields filled (and ``values``)."""
    window, page = window_at_letter(qtbot, "city-sanctuary")
    page.recipients.set_manual("Maria Hadden", "Councilmember", "121 N LaSalle St\nChicago, IL")
    for name, value in {**SENDER, "city_name": "Chicago", **values}.items():
        page.form.set_value(name, value)
    return window, page
