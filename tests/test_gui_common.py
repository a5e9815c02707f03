"""The shared pieces of toolkit/gui/common, each on its own: section buttons, the clipboard
watch, the app's temporary files, the window's opening size and the close question."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import QButtonGroup, QWidget
from pytestqt.qtbot import QtBot

from toolkit.gui.common import temporary_files
from toolkit.gui.common.clipboard import ClipboardWatch
from toolkit.gui.common.section_button import SectionButton
from toolkit.gui.main_window import opening_size


def test_section_buttons_mark_one_and_are_announced_as_buttons(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    group = QButtonGroup(holder)
    buttons = [SectionButton(text, parent=holder) for text in ("One", "Two && three")]
    for index, button in enumerate(buttons):
        group.addButton(button, index)
    buttons[0].setChecked(True)
    buttons[1].setChecked(True)
    assert not buttons[0].isChecked() and buttons[1].isChecked()
    assert buttons[1].property("current") is True and buttons[0].property("current") is False
    assert buttons[1].accessibleDescription() and not buttons[0].accessibleDescription()
    assert buttons[1].accessibleName() == "Two & three"
    for button in buttons:
        assert not button.isCheckable()
        role = QAccessible.queryAccessibleInterface(button).role()
        assert role == QAccessible.Role.Button


def test_clipboard_watch_clears_only_what_the_app_put_there(qtbot: QtBot) -> None:
    watch = ClipboardWatch()
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Dear Senator, my name is Ana Ruiz")
    assert watch.holds_ours()
    assert watch.clear_ours() and clipboard.text() == ""
    # Text the app did not see being copied (copied elsewhere before it started) stays.
    clipboard.blockSignals(True)
    clipboard.setText("someone else's text")
    clipboard.blockSignals(False)
    assert not watch.clear_ours() and clipboard.text() == "someone else's text"


def test_temporary_files_removes_only_old_app_leftovers(tmp_path: Path) -> None:
    old = tmp_path / "toolkit-selftest-abc"
    old.mkdir()
    (old / "letter.pdf").write_bytes(b"%PDF")
    fresh = tmp_path / "toolkit-directory-new"
    fresh.mkdir()
    other = tmp_path / "someone-elses"
    other.mkdir()
    hour_ago = time.time() - 2 * temporary_files.LEFT_AFTER_SECONDS
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    assert temporary_files.remove(tmp_path) == 1
    assert not old.exists() and fresh.exists() and other.exists()


def test_window_opens_within_the_screen() -> None:
    assert opening_size(QSize(1920, 1040)) == QSize(1100, 760)
    assert opening_size(QSize(1280, 760)) == QSize(1100, 684)
    assert opening_size(QSize(1366, 728)) == QSize(1100, 655)
    assert opening_size(QSize(1024, 600)) is None  # maximized
    assert opening_size(QSize(1024, 568)) is None


def test_danger_dialog_defaults_to_cancel_and_needs_the_passphrase(qtbot: QtBot) -> None:
    from toolkit.gui.common.confirm_dialog import DangerDialog

    dialog = DangerDialog(None, "Delete", "Delete it all?", "Delete for good", "Passphrase:")
    qtbot.addWidget(dialog)
    assert dialog.cancel_button.isDefault() and not dialog.action_button.autoDefault()
    assert not dialog.action_button.isEnabled()
    dialog.passphrase.setText("secret words")
    assert dialog.action_button.isEnabled()
    plain = DangerDialog(None, "Delete", "Delete it?", "Delete")
    qtbot.addWidget(plain)
    assert plain.action_button.isEnabled() and plain.cancel_button.isDefault()


def test_step_row_follows_the_tabs_even_when_they_move(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QTabWidget

    from toolkit.gui.common.step_row import StepRow

    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    for name in ("One", "Two", "Three"):
        tabs.addTab(QWidget(), name)
    row = StepRow(tabs)
    qtbot.addWidget(row)
    assert tabs.tabBar().isHidden() and row.buttons[0].isChecked()
    row.buttons[2].click()
    assert tabs.currentIndex() == 2 and row.buttons[2].isChecked()
    assert not row.buttons[0].isChecked()
    tabs.tabBar().moveTab(2, 0)
    assert [b.text() for b in row.buttons] == ["Three", "One", "Two"]
    assert row.buttons[tabs.currentIndex()].isChecked()
