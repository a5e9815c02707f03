from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from toolkit import settings
from toolkit.gui.app import create_main_window
from toolkit.gui.pages.registry import PAGES
from toolkit.gui.pages.settings_page import SettingsPage
from toolkit.settings import LoadResult, Settings


def make_window(qtbot: QtBot, loaded: LoadResult | None = None):  # type: ignore[no-untyped-def]
    window = create_main_window(loaded or LoadResult(Settings()))
    qtbot.addWidget(window)
    return window


def test_every_page_opens_from_its_button(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    with qtbot.waitSignal(window.shown):
        window.show()
    for info in PAGES:
        qtbot.mouseClick(window.nav_buttons[info.key], Qt.MouseButton.LeftButton)
        assert window.current_key() == info.key
        assert window.stack.currentWidget().isVisible()


def test_settings_page_saves_to_disk(qtbot: QtBot, data_dir: Path) -> None:
    window = make_window(qtbot)
    window.navigate("settings", "")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.org_name.setText("Casa <Unida> & Amigos")
    page.hotline.setText("(555) 010-0199")
    page.paper.setCurrentIndex(page.paper.findData("a4"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = settings.load().settings
    assert stored.org_name == "Casa <Unida> & Amigos"
    assert stored.paper == "a4"
    assert page.message.text() == "Settings saved."


def test_bad_setting_shows_message_and_keeps_file(qtbot: QtBot, data_dir: Path) -> None:
    settings.save(Settings(org_name="Before"))
    window = make_window(qtbot, settings.load())
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.logo_path.setText("/no/such/logo.png")
    page.save()
    assert "not found" in page.message.text()
    assert settings.load().settings.org_name == "Before"


def test_switching_to_spanish_rebuilds_the_interface(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.language.setCurrentIndex(page.language.findData("es"))
    page.save()
    assert window.nav_buttons["guides"].text() == "Guías"
    assert window.current_key() == "settings"
    assert window.pages["settings"].title_label.text() == "Configuración"


def test_large_text_enlarges_the_font(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication

    window = make_window(qtbot)
    normal = QApplication.font().pointSizeF()
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.large_text.setChecked(True)
    page.save()
    assert QApplication.font().pointSizeF() > normal * 1.3


def test_ampersand_in_navigation_is_shown_not_a_shortcut(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    button = window.nav_buttons["cards"]
    assert button.text() == "Rights cards\n&& flyers"
    assert button.accessibleName() == "Rights cards & flyers"


def test_saving_again_after_a_language_switch_reaches_only_live_pages(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    page.language.setCurrentIndex(page.language.findData("es"))
    page.save()
    rebuilt = window.pages["settings"]
    assert isinstance(rebuilt, SettingsPage) and rebuilt is not page
    rebuilt.hotline.setText("(555) 010-0123")
    rebuilt.save()  # raised "Internal C++ object already deleted" from stale page listeners
    assert settings.load().settings.hotline == "(555) 010-0123"
    assert rebuilt.message.text() == "Configuración guardada."


def test_window_fits_a_small_laptop_screen(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    window.show()
    assert window.minimumSizeHint().width() <= 1024
    window.resize(1024, 700)
    for info in PAGES:
        window.navigate(info.key, "")
        assert window.width() <= 1024
