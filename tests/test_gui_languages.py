"""Interface languages: Arabic mirrors the layout, the picker switches language and keeps the
page, Qt's own translations load where Qt ships them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPoint, Qt
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget
from pytestqt.qtbot import QtBot

from toolkit import i18n
from toolkit.gui.app import QT_LANGUAGE_CODES, create_main_window, install_qt_translations
from toolkit.gui.main_window import MainWindow
from toolkit.settings import LoadResult, Settings


@pytest.fixture
def arabic_offered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Arabic as an interface language, whether or not its catalog is complete yet."""
    monkeypatch.setitem(i18n.SUPPORTED_LANGUAGES, "ar", i18n.LANGUAGE_NAMES["ar"])
    yield
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def make(qtbot: QtBot, language: str) -> MainWindow:
    window = create_main_window(LoadResult(Settings(language=language)))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    settle(window)
    return window


def settle(window: QWidget) -> None:
    window.centralWidget().layout().activate()
    QCoreApplication.processEvents()


def x_in_window(widget: QWidget, window: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def test_arabic_puts_the_navigation_on_the_right_and_labels_right(
    qtbot: QtBot, arabic_offered: None
) -> None:
    window = make(qtbot, "ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    navigation = window.centralWidget().layout().itemAt(0).widget()
    assert x_in_window(navigation, window) > x_in_window(window.stack, window)
    assert x_in_window(navigation, window) + navigation.width() >= window.width() - 2
    window.navigate("settings", "")
    settle(window)
    form = window.pages["settings"].findChild(QFormLayout)
    assert form is not None
    label = form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget()
    field = form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
    assert x_in_window(label, window) > x_in_window(field, window)  # the label is on the right
    # Back to English: the layout turns round again.
    window.context.save_settings(Settings(language="en"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    settle(window)
    navigation = window.centralWidget().layout().itemAt(0).widget()
    assert x_in_window(navigation, window) < x_in_window(window.stack, window)


def test_latin_digits_in_arabic_text_keep_their_order(qtbot: QtBot, arabic_offered: None) -> None:
    window = make(qtbot, "ar")
    text = "اتصل قبل 2026 الآن"
    label = QLabel(text, window)
    assert label.layoutDirection() == Qt.LayoutDirection.RightToLeft
    layout = QTextLayout(text, label.font())
    option = layout.textOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    start = text.index("2026")
    # Positions inside each run (a run's ends are ambiguous between two directions).
    xs = [line.cursorToX(start + i)[0] for i in range(1, len("2026"))]
    assert xs == sorted(xs)  # the number reads left to right
    arabic = [line.cursorToX(i)[0] for i in range(1, 4)]
    assert arabic == sorted(arabic, reverse=True)  # the Arabic around it right to left
    assert xs[0] < arabic[0]


def test_the_picker_switches_language_and_keeps_the_page(qtbot: QtBot) -> None:
    window = make(qtbot, "en")
    window.navigate("guides", "")
    window.ask_language = lambda parent: "es"
    window.language_button.click()
    assert window.context.settings.language == "es"
    assert i18n.current_language() == "es"
    assert window.current_key() == "guides"
    assert "Idioma" in window.language_button.text()
    window.ask_language = lambda parent: ""  # closed without choosing: nothing changes
    window.language_button.click()
    assert window.context.settings.language == "es"


def test_the_picker_names_every_language_in_itself(qtbot: QtBot) -> None:
    from toolkit.gui.common.language_picker import LanguagePicker

    picker = LanguagePicker()
    qtbot.addWidget(picker)
    assert {b.text() for b in picker.buttons.values()} == set(i18n.SUPPORTED_LANGUAGES.values())
    picker.buttons["es"].click()
    assert picker.chosen == "es"
    assert i18n.LANGUAGE_NAMES["zh-Hans"] == "中文(简体)" and i18n.LANGUAGE_NAMES["fa"] == "فارسی"
    assert len(i18n.LANGUAGE_NAMES) == 12


@pytest.mark.parametrize("language", ["es", "zh-Hans", "pt", "ar", "fa", "ko", "fr", "ru"])
def test_qt_translations_load_where_qt_ships_them(qtbot: QtBot, language: str) -> None:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    from pathlib import Path

    code = QT_LANGUAGE_CODES.get(language, language)
    if not (Path(folder) / f"qtbase_{code}.qm").is_file():
        pytest.skip(f"this Qt ships no qtbase_{code}.qm")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_qt_translations(app, language)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    finally:
        install_qt_translations(app, "en")
