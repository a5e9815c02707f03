"""The pseudo-language (every string 40 % longer and marked) on every page at 1024x600:
no label or button is cut off, every button can be reached (the page may scroll), and the
Spanish interface, Qt's own dialogs included, shows no English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from toolkit import i18n
from toolkit.gui.app import create_main_window
from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.registry import PAGES
from toolkit.pseudo_locale import PseudoTranslations
from toolkit.settings import LoadResult, Settings

# Room a button's frame and padding take beside its text (style.py: 16 px each side, border).
BUTTON_FRAME = 2 * 16 + 2 * 3


def pseudo_window(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(i18n, "load_catalog", lambda language: PseudoTranslations())
    window = create_main_window(LoadResult(Settings()))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximized on a small screen
    window.resize(1024, 600)
    window.show()
    return window


def text_width(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def clipped(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            text = widget.text()
            if not text or QtGuiNamespace.mightBeRichText(text):
                continue
            room = widget.contentsRect().width()
            if widget.wordWrap():
                longest_word = max(text.split(), key=len, default="")
                need = text_width(widget, longest_word)
                tall = widget.heightForWidth(widget.width())
                if tall > widget.height() + 2:
                    found.append(f"label cut at the bottom: {text[:40]!r}")
            else:
                need = text_width(widget, text)
            if need > room + 1:
                found.append(f"label {text[:40]!r}: needs {need}, has {room}")
        elif isinstance(widget, QPushButton) and widget.text():
            text = widget.text().replace("&&", "&")
            need = text_width(widget, text) + BUTTON_FRAME - 8
            if need > widget.width():
                found.append(f"button {text[:40]!r}: needs {need}, has {widget.width()}")
        elif isinstance(widget, QTabBar) and widget.count():
            last = widget.tabRect(widget.count() - 1).right()
            if last > widget.width() or any(
                isinstance(child, QToolButton) and child.isVisible() for child in widget.children()
            ):
                found.append(f"tab bar cut off: {widget.tabText(widget.count() - 1)[:40]!r}")
        elif isinstance(widget, QCheckBox | QRadioButton) and widget.text():
            need = text_width(widget, widget.text()) + 20
            if need > widget.width():
                found.append(
                    f"{type(widget).__name__} {widget.text()[:40]!r}: {need} > {widget.width()}"
                )
    return found


@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_pseudo_language_clips_nothing_at_1024x600(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    window = pseudo_window(qtbot, monkeypatch)
    window.navigate(key, "")
    qtbot.wait(10)
    page = window.pages[key]
    assert page.title_label.text().startswith("[")
    problems = clipped(page) + clipped(window.nav_buttons[key].parentWidget())
    # Every step and tab of the page too (the letter's steps, the cards' tabs).
    for tabs in page.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(1)
            problems += [f"tab {index}: {p}" for p in clipped(page)]
    assert not problems, "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_every_button_can_be_scrolled_to(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    window = pseudo_window(qtbot, monkeypatch)
    window.navigate(key, "")
    area = window.page_areas[key]
    assert isinstance(area, QScrollArea)
    page = window.pages[key]
    assert page.minimumSizeHint().width() <= area.viewport().width() + 1
    for button in page.findChildren(QAbstractButton):
        if not button.isVisibleTo(page):
            continue
        area.ensureWidgetVisible(button)
        top_left = button.mapTo(area.viewport(), button.rect().topLeft())
        assert top_left.x() >= 0 and top_left.x() + button.width() <= area.viewport().width() + 1, (
            button.text()
        )


def test_the_clipping_check_sees_a_cut_label_and_button(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("A label far too long for its little box", holder)
    label.setGeometry(0, 0, 60, 30)
    button = QPushButton("A button far too long", holder)
    button.setGeometry(0, 40, 60, 40)
    holder.show()
    assert len(clipped(holder)) == 2


def test_pseudo_strings_are_longer_marked_and_keep_their_fields() -> None:
    from toolkit.pseudo_locale import pseudo

    assert pseudo("Settings") == "[Šéţţîñĝš~~~]"
    assert pseudo("Saved {path}").format(path="/tmp/x.pdf") == "[Šåvéd~~ /tmp/x.pdf]"
    assert "<b>" in pseudo("<b>Hi</b>") and "&amp;" in pseudo("a &amp; b")
    long = "Write to your representatives: one clear request, your own story, one page."
    assert len(pseudo(long)) >= len(long) * 1.3


def test_the_open_vault_clips_nothing_in_the_pseudo_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, data_dir: object
) -> None:
    from pathlib import Path

    from tests.incidents_support import cheap_kdf, new_vault

    cheap_kdf(monkeypatch)
    opened, _code = new_vault(Path(str(data_dir)))
    window = pseudo_window(qtbot, monkeypatch)
    window.navigate("incidents", "")
    page = window.pages["incidents"]
    page.show_vault(opened)  # type: ignore[attr-defined]
    form = page.vault_view.form  # type: ignore[attr-defined]
    problems = []
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        qtbot.wait(1)
        problems += [f"section {index}: {p}" for p in clipped(page)]
    assert not problems, "\n".join(dict.fromkeys(problems))
