from __future__ import annotations

from pathlib import Path

from incidents_support import CHEAP_N
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from toolkit.gui.context import AppContext
from toolkit.gui.pages.incidents_page import IncidentsPage
from toolkit.incidents import vault
from toolkit.settings import Settings

PASS = "gui passphrase 1"


def make_page(qtbot: QtBot, data_dir: Path) -> tuple[IncidentsPage, list[str]]:
    page = IncidentsPage(AppContext(settings=Settings(), data_dir=data_dir))
    qtbot.addWidget(page)
    page.unlock_view.kdf_n = CHEAP_N
    codes: list[str] = []
    page.show_recovery = lambda name, code: codes.append(code)
    return page, codes


def create(page: IncidentsPage, qtbot: QtBot) -> None:
    view = page.unlock_view
    view.new_name.setText("household")
    view.new_passphrase.line.setText(PASS)
    view.confirm_passphrase.line.setText(PASS)
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)


def form_text(page: IncidentsPage, name: str) -> QLineEdit | QPlainTextEdit:
    widget = page.vault_view.form.widgets[name]
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    return widget


def test_create_add_lock_unlock_and_export(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    page, codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    assert page.stack.currentWidget() is page.vault_view and len(codes) == 1
    assert vault.list_vaults(data_dir) == ["household"]

    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    form_text(page, "what_happened").setPlainText("Agents at the door of Señora Ruiz")  # type: ignore[union-attr]
    qtbot.mouseClick(page.vault_view.save_button, Qt.MouseButton.LeftButton)
    assert page.vault_view.list.count() == 1

    photo = tmp_path / "door.jpg"
    photo.write_bytes(b"jpeg bytes")
    page.vault_view.add_files([photo])
    table = page.vault_view.attachments.table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "door.jpg"
    assert len(table.item(0, 2).text()) == 64

    report = tmp_path / "report.pdf"
    page.ask_save_path = lambda title, name, filters: str(report)
    page.export_report()
    assert "Señora Ruiz" in PdfReader(report).pages[0].extract_text()
    package = tmp_path / "evidence.zip"
    page.ask_save_path = lambda title, name, filters: str(package)
    page.export_package()
    assert package.is_file()

    page.vault_view.search.setText("ruiz")
    assert page.vault_view.list.count() == 1
    page.vault_view.search.setText("nobody")
    assert page.vault_view.list.count() == 0

    qtbot.mouseClick(page.vault_view.lock_button, Qt.MouseButton.LeftButton)
    assert page.vault is None and page.stack.currentWidget() is page.unlock_view
    assert form_text(page, "what_happened").toPlainText() == ""  # type: ignore[union-attr]
    assert page.vault_view.list.count() == 0 and page.vault_view.attachments.table.rowCount() == 0
    assert page.vault_view.search.text() == ""

    page.unlock_view.use_recovery.setChecked(True)
    page.unlock_view.passphrase.line.setText(codes[0])
    qtbot.mouseClick(page.unlock_view.unlock_button, Qt.MouseButton.LeftButton)
    assert page.vault is not None and page.vault_view.list.count() == 1
    assert page.unlock_view.passphrase.text() == ""

    page.lock()
    page.unlock_view.passphrase.line.setText("wrong passphrase")
    qtbot.mouseClick(page.unlock_view.unlock_button, Qt.MouseButton.LeftButton)
    assert page.vault is None
    assert "Wrong passphrase" in page.unlock_view.message.text()


def test_drafts_autosave_and_come_back(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "what_happened").setPlainText("half a story")  # type: ignore[union-attr]
    assert page.vault_view.autosave.isActive()
    with qtbot.waitSignal(page.vault_view.autosave.timeout, timeout=5000):
        page.vault_view.autosave.setInterval(10)
        page.vault_view.autosave.start()
    page.before_leave()  # the window closing or the person leaving the page locks
    assert page.vault is None
    page.unlock_view.passphrase.line.setText(PASS)
    page.unlock_view.unlock()
    assert page.vault_view.list.count() == 1
    assert page.vault_view.list.item(0).text().startswith("Draft")
    page.vault_view.list.setCurrentRow(0)
    assert form_text(page, "what_happened").toPlainText() == "half a story"  # type: ignore[union-attr]


def test_idle_lock(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    assert page.vault is not None
    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    page.idle.timer.setInterval(30)
    page.idle.start()
    with qtbot.waitSignal(page.idle.idle, timeout=5000):
        pass
    assert page.vault is None
    assert form_text(page, "start_date").text() == ""  # type: ignore[union-attr]


def test_delete_record_and_vault_ask_first(qtbot: QtBot, data_dir: Path) -> None:
    page, _codes = make_page(qtbot, data_dir)
    create(page, qtbot)
    form_text(page, "start_date").setText("2025-06-01")  # type: ignore[union-attr]
    page.vault_view.save()
    page.confirm = lambda question: False
    page.delete_record()
    assert page.vault_view.list.count() == 1
    page.confirm = lambda question: True
    page.delete_record()
    assert page.vault_view.list.count() == 0
    page.delete_vault()
    assert vault.list_vaults(data_dir) == [] and page.vault is None
