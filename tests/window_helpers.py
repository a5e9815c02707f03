"""The main window shown at a screen size, on one page, for the layout tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.base import Page


def show_page(qtbot: QtBot, window: MainWindow, key: str, width: int, height: int) -> Page:
    """``window`` shown at ``width`` x ``height`` (not maximized), on the page ``key``."""
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    window.navigate(key, "")
    return window.pages[key]


def seen_bottom(window: MainWindow, key: str) -> int:
    """Where the page's scroll area stops showing, in window coordinates."""
    area = window.page_areas[key]
    return area.viewport().mapTo(window, area.viewport().rect().bottomLeft()).y()
