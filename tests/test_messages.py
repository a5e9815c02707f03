"""Messages where the eye is: the shared message label, and the vault's errors shown beside
the buttons, naming fields as the form labels them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.incidents_support import cheap_kdf, new_vault
from toolkit.gui.app import create_main_window
from toolkit.gui.common.message import ERROR, OK, InlineMessage
from toolkit.settings import LoadResult, Settings


def test_inline_message_shows_describes_its_control_and_scrolls_into_view(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QWidget()
    column = QVBoxLayout(inner)
    field = QLineEdit()
    field.setAccessibleDescription("Your ZIP code")
    column.addSpacing(1500)
    column.addWidget(field)
    message = InlineMessage()
    column.addWidget(message)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(300, 200)
    area.show()
    assert message.isHidden()
    message.show_message("ZIP code must be 5 digits.", ERROR, field)
    assert message.isVisible() and message.objectName() == "messageError"
    assert message.accessibleName() == "ZIP code must be 5 digits."
    assert field.accessibleDescription() == "ZIP code must be 5 digits."
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 1000)
    message.show_message("Saved.", OK)
    assert message.objectName() == "messageOk"
    assert field.accessibleDescription() == "Your ZIP code"  # given back
    message.setText("")
    assert message.isHidden()


def test_a_time_typed_wrongly_says_which_field_beside_the_buttons(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cheap_kdf(monkeypatch)
    opened, _code = new_vault(data_dir)
    window = create_main_window(LoadResult(Settings()))
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # not maximized on a small screen
    window.resize(1024, 600)
    window.show()
    window.navigate("incidents", "")
    page = window.pages["incidents"]
    page.show_vault(opened)  # type: ignore[attr-defined]
    view = page.vault_view  # type: ignore[attr-defined]
    view.form.widgets["start_date"].setText("2026-11-30")
    view.form.widgets["start_time"].setText("7.15")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 100)
    view.add_files([photo])
    text = view.notice.text()
    assert view.notice.isVisible() and view.notice.objectName() == "messageError"
    assert "No file was added" in text
    assert "Time it started" in text and "HH:MM" in text
    assert "start_time" not in text
    # Under the attachments, right above the Save button: where the person is looking.
    notice_y = view.notice.mapTo(view, view.notice.rect().topLeft()).y()
    attachments_y = view.attachments.mapTo(view, view.attachments.rect().bottomLeft()).y()
    save_y = view.save_button.mapTo(view, view.save_button.rect().topLeft()).y()
    assert attachments_y <= notice_y < save_y
    assert not view.attachments.items
