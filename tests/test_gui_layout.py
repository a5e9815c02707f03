"""Every page fits the small laptop screens centers use, in normal and in large text."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from toolkit.gui.app import create_main_window
from toolkit.gui.pages.registry import PAGES
from toolkit.settings import LoadResult, Settings

# Room for a page beside the navigation column, minus the page's scroll bar and margins.
NORMAL_LIMIT = 1024 - 240 - 40  # a 1024 x 768 screen
LARGE_LIMIT = 1280 - 260 - 40  # a 1280 x 800 screen in large-text mode


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large-text"])
@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_page_needs_no_sideways_scrolling(qtbot: QtBot, key: str, large: bool) -> None:
    window = create_main_window(LoadResult(Settings(large_text=large, language="es")))
    qtbot.addWidget(window)
    window.navigate(key, "")
    limit = LARGE_LIMIT if large else NORMAL_LIMIT
    assert window.pages[key].minimumSizeHint().width() <= limit
    navigation = window.centralWidget().layout().itemAt(0).widget()
    assert navigation.minimumSizeHint().width() <= 262
