"""Every page works from the keyboard and with a screen reader: each control has a name, Tab
reaches it, Tab leaves multi-line boxes, the wheel changes a value only in a focused control."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from toolkit.gui.app import create_main_window
from toolkit.gui.common import input_guard
from toolkit.gui.main_window import MainWindow
from toolkit.gui.pages.registry import PAGES
from toolkit.settings import LoadResult, Settings

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
)


def interactive_widgets(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        # Headers and the corner button belong to their table, which is named and reached.
        if isinstance(widget, QHeaderView) or isinstance(widget.parent(), QAbstractItemView):
            continue
        if not widget.isEnabled():
            continue
        # The line edit inside a spin box or editable combo box is part of that control.
        if isinstance(widget, QLineEdit) and isinstance(
            widget.parent(), (QAbstractSpinBox, QComboBox)
        ):
            continue
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def focus_chain(window: QWidget) -> set[int]:
    chain: set[int] = set()
    widget = window.nextInFocusChain()
    while widget is not window and id(widget) not in chain:
        chain.add(id(widget))
        widget = widget.nextInFocusChain()
    return {id(w) for w in window.findChildren(QWidget) if id(w) in chain}


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__}({widget.objectName()!r}, {str(text)[:30]!r})"


def open_every_page(qtbot: QtBot, language: str = "en") -> MainWindow:
    window = create_main_window(LoadResult(Settings(language=language)))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximized on a small screen
    window.resize(1024, 600)
    window.show()
    return window


def problems(window: MainWindow, page: QWidget) -> tuple[list[str], list[str]]:
    chain = focus_chain(window)
    unnamed, unreachable = [], []
    for widget in [*interactive_widgets(page), *window.nav_buttons.values(), window.finish_button]:
        if not accessible_name(widget):
            unnamed.append(describe(widget))
        target = widget.focusProxy() or widget
        tab = bool(target.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if not tab or id(target) not in chain:
            unreachable.append(describe(widget))
    return unnamed, unreachable


@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_every_control_is_named_and_reached_by_tab(qtbot: QtBot, key: str) -> None:
    window = open_every_page(qtbot)
    window.navigate(key, "")
    page = window.pages[key]
    views = [(None, 0)] + [
        (tabs, index) for tabs in page.findChildren(QTabWidget) for index in range(tabs.count())
    ]
    for tabs, index in views:
        where = key
        if tabs is not None:
            tabs.setCurrentIndex(index)
            where = f"{key}, tab {index} ({tabs.tabText(index)})"
        unnamed, unreachable = problems(window, page)
        assert not unnamed, f"no accessible name on {where}: {unnamed}"
        assert not unreachable, f"Tab cannot reach on {where}: {unreachable}"


def test_navigation_buttons_are_buttons_not_check_boxes(qtbot: QtBot) -> None:
    window = open_every_page(qtbot)
    window.navigate("letters", "")
    for key, button in window.nav_buttons.items():
        role = QAccessible.queryAccessibleInterface(button).role()
        assert role == QAccessible.Role.Button, key
        assert not button.isCheckable()
    assert window.nav_buttons["letters"].isChecked()
    assert window.nav_buttons["letters"].accessibleDescription()
    assert not window.nav_buttons["guides"].isChecked()
    assert not window.nav_buttons["guides"].accessibleDescription()


@pytest.mark.parametrize("key", [info.key for info in PAGES])
def test_tab_leaves_every_multi_line_box(qtbot: QtBot, key: str) -> None:
    window = open_every_page(qtbot)
    window.navigate(key, "")
    for box in window.pages[key].findChildren(QWidget):
        if not isinstance(box, (QPlainTextEdit, QTextEdit)) or isinstance(box, QTextBrowser):
            continue
        assert box.tabChangesFocus(), describe(box)


def _wheel(widget: QWidget) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_wheel_changes_a_value_only_when_the_control_has_focus(qtbot: QtBot) -> None:
    input_guard.install(QApplication.instance())  # type: ignore[arg-type]
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    column = QVBoxLayout(inner)
    combo = QComboBox()
    combo.addItems(["Letter", "A4", "Legal"])
    spin = QSpinBox()
    spin.setValue(5)
    other = QLineEdit()
    for widget in (other, combo, spin):
        column.addWidget(widget)
    column.addSpacing(2000)
    area.setWidget(inner)
    area.resize(300, 200)
    area.show()
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow)
    other.setFocus()
    assert other.hasFocus()
    _wheel(combo)
    _wheel(spin)
    assert combo.currentIndex() == 0 and spin.value() == 5
    assert not combo.hasFocus()  # the wheel did not give it the focus either
    assert area.verticalScrollBar().value() > 0  # the page scrolled instead
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus
    combo.setFocus()
    _wheel(combo)
    assert combo.currentIndex() == 1
    spin.setFocus()
    _wheel(spin)
    assert spin.value() != 5


def test_the_open_vault_is_named_and_reached_by_tab(
    qtbot: QtBot, data_dir: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from tests.incidents_support import cheap_kdf, new_vault

    cheap_kdf(monkeypatch)
    opened, _code = new_vault(Path(str(data_dir)))
    window = open_every_page(qtbot)
    window.navigate("incidents", "")
    page = window.pages["incidents"]
    page.show_vault(opened)  # type: ignore[attr-defined]
    form = page.vault_view.form  # type: ignore[attr-defined]
    chain = focus_chain(window)
    for index in range(form.tabs.count()):
        form.tabs.setCurrentIndex(index)
        unnamed = [describe(w) for w in interactive_widgets(page) if not accessible_name(w)]
        assert not unnamed, f"section {index}: {unnamed}"
        chain = focus_chain(window)
        unreachable = [
            describe(w)
            for w in interactive_widgets(page)
            if id(w.focusProxy() or w) not in chain
            or not (w.focusProxy() or w).focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert not unreachable, f"section {index}: {unreachable}"
    buttons = [form.section_group.button(i) for i in range(form.tabs.count())]
    assert all(not b.isCheckable() for b in buttons)
    assert all(
        QAccessible.queryAccessibleInterface(b).role() == QAccessible.Role.Button for b in buttons
    )
